import { describe, expect, it } from "vitest";
import { verdictMark, verdictTone } from "./verdict-mark.js";

const verdicts = ["correct", "partial", "wrong", "invalid", "review", "manual"] as const;

describe("verdict marks", () => {
  it("give every verdict a character of its own (colour is never needed to tell them apart)", () => {
    const marks = verdicts.map(verdictMark);
    expect(new Set(marks).size).toBe(verdicts.length);
    for (const mark of marks) expect([...mark]).toHaveLength(1);
  });

  it("draw review as neither good nor bad", () => {
    expect(verdictMark("review")).toBe("?");
    expect(verdictTone("review")).not.toBe("good");
    expect(verdictTone("review")).not.toBe("bad");
    expect(verdictTone("correct")).toBe("good");
    expect(verdictTone("wrong")).toBe("bad");
  });
});
