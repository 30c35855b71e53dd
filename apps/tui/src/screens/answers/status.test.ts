import type { QuestionItem } from "@nnkit/grading";
import { describe, expect, it } from "vitest";
import { fieldVerdict } from "./status.js";

const item = (key: string, verdict: QuestionItem["verdict"]) =>
  ({ key, verdict, message: "", share: 1, earned: verdict === "correct" ? 1 : 0 }) as QuestionItem;

describe("fieldVerdict", () => {
  // q2.1.2 of examples/hw1/seed-student.yaml: x_bar's equation is right, but the chain to x is
  // broken by a wrong g2_bar, so x_bar has a correct and a wrong item.
  const items = [
    item("J_bar", "correct"),
    item("g2_bar", "wrong"),
    item("x_bar", "correct"),
    item("x_bar", "wrong"),
    item("reverse.memory", "review"),
  ];

  it("shows a field's own verdict", () => {
    expect(fieldVerdict(items, "J_bar")).toBe("correct");
    expect(fieldVerdict(items, "g2_bar")).toBe("wrong");
    expect(fieldVerdict(items, "reverse.memory")).toBe("review");
  });

  it("shows the worst when the field's items disagree", () => {
    expect(fieldVerdict(items, "x_bar")).toBe("wrong");
  });

  it("shows nothing for a field no item judges (the question is judged as a whole)", () => {
    expect(fieldVerdict(items, "W1")).toBeUndefined();
    expect(fieldVerdict([], "J_bar")).toBeUndefined();
  });
});
