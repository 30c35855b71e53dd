import { describe, expect, it } from "vitest";
import { progressText } from "./ProgressBar.js";

describe("progressText", () => {
  it("fills the bar in proportion and prints the counts", () => {
    expect(progressText(25, 100, 8)).toBe("██░░░░░░  25% 25/100");
    expect(progressText(1234567, 1234567, 4)).toBe("████ 100% 1,234,567/1,234,567");
  });

  it("treats an empty job as done and clamps overshoot", () => {
    expect(progressText(0, 0, 4)).toBe("████ 100% 0/0");
    expect(progressText(5, 4, 4)).toBe("████ 100% 5/4");
  });
});
