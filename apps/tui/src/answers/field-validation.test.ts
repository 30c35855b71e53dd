import * as grading from "@nnkit/grading";
import { describe, expect, it } from "vitest";
import { answerFields, replaceField } from "./answer-document.js";
import { newAnswerText } from "./answer-file.js";
import { validateField } from "./field-validation.js";

const template = newAnswerText(grading, "s1");

function validate(question: string, field: string, typed: string) {
  const target = answerFields(template).find((f) => f.question === question && f.field === field)!;
  const replaced = replaceField(template, target, typed);
  if (!replaced.ok) throw new Error(replaced.error.message);
  return validateField(grading, replaced.text, target);
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
