import * as grading from "@nnkit/grading";
import { describe, expect, it } from "vitest";
import { hw1 } from "../test-support/hw1-grading.js";
import { answerFields, replaceField } from "./answer-document.js";
import { newAnswerText } from "./answer-file.js";
import { validateField } from "./field-validation.js";

const template = newAnswerText(hw1, "s1");

function validate(question: string, field: string, typed: string) {
  const target = answerFields(template).find((f) => f.question === question && f.field === field)!;
  const replaced = replaceField(template, target, typed);
  if (!replaced.ok) throw new Error(replaced.error.message);
  return validateField(hw1, replaced.text, target);
}

describe("validateField", () => {
  it("accepts a formula the question's check can read, right or wrong", () => {
    expect(validate("q2.4", "reverse.multiplications", "3nm")).toBeUndefined();
    expect(validate("q2.4", "reverse.multiplications", "7n^5")).toBeUndefined();
  });

  it("flags an unreadable formula at its position", () => {
    const error = validate("q2.4", "reverse.multiplications", "3n*k");
    expect(error?.position).toBe(3);
    expect(error?.message).toMatch(/k/);
  });

  it("judges one backprop equation even while earlier ones are still empty", () => {
    expect(validate("q2.1.2", "x_bar", "W1^T z1_bar + W2^T z2_bar")).toBeUndefined();
    const error = validate("q2.1.2", "x_bar", "W1^T q");
    expect(error?.position).toBe(5);
    expect(error?.message).toContain("unknown name 'q'");
  });
});

describe("validateField agrees with the grader", () => {
  it("flags exactly the fields the grader finds unreadable, with the grader's words", () => {
    let text = template;
    for (const [question, field, typed] of [
      ["q2.4", "reverse.multiplications", "3n*k"],
      ["q2.4", "forward.memory", "n +"],
      ["q2.1.2", "g2_bar", "W3^T q"],
      ["q2.1.2", "x_bar", "W1^T z1_bar"],
    ] as const) {
      const target = answerFields(text).find((f) => f.question === question && f.field === field)!;
      const replaced = replaceField(text, target, typed);
      if (!replaced.ok) throw new Error(replaced.error.message);
      text = replaced.text;
    }
    const graded = grading.gradeAnswerText(text, { audience: "student" });
    const flagged: string[] = [];
    for (const target of answerFields(text)) {
      const q = graded.questions.find((x) => x.id === target.question)!;
      const unreadable = q.items.find((i) => i.key === target.field && i.verdict === "invalid");
      const error = validateField(hw1, text, target);
      expect(error?.message, `${target.question} ${target.field}`).toBe(unreadable?.message);
      if (unreadable) expect(error?.position).toBe(unreadable.position?.start ?? 0);
      if (error) flagged.push(`${target.question} ${target.field}`);
    }
    expect(flagged).toEqual(
      expect.arrayContaining([
        "q2.4 reverse.multiplications",
        "q2.4 forward.memory",
        "q2.1.2 g2_bar",
      ]),
    );
    expect(flagged).not.toContain("q2.1.2 x_bar");
  });
});
