import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defineAssignment } from "../assignment/assignment.js";
import { gradeAnswerText } from "../grade/grade-answer.js";
import { hw1 } from "../hw1/hw1.js";

const examples = fileURLToPath(new URL("../../../../examples/hw1/", import.meta.url));
const correct = readFileSync(`${examples}correct.yaml`, "utf8");
const backprop = defineAssignment({
  ...hw1,
  questions: hw1.questions.filter((q) => q.id === "q2.1.2"),
});
const grade = (text: string) => gradeAnswerText(text, { assignment: backprop }).questions[0];
const itemOf = (text: string, key: string) => grade(text)?.items.find((i) => i.key === key);

describe("hw1 2.1.2's equations, proved against the chain rule", () => {
  it("proves every equation of correct.yaml and the chain, over every input, class and weight", () => {
    const q = grade(correct);
    expect(q?.status).toBe("passed");
    expect(q?.items.every((i) => i.verdict === "correct" && i.scope?.kind === "proof")).toBe(true);
    expect(q?.items.find((i) => i.key === "y'_bar")?.scope).toEqual({
      kind: "proof",
      domain: "every x (3×1), class t in 1..3 and weights W1, b1, W2, b2, W3, b3",
      assumptions: ["y' nonzero entrywise"],
    });
  });

  it("proves the other ways of writing an adjoint", () => {
    // g1 = σ(z2), so σ'(z2) = σ(z2)(1 − σ(z2)) = g1 ⊙ (1 − g1).
    const z2 = correct.replace(
      "z2_bar: g1_bar .* sigmoid(z2) .* (1 - sigmoid(z2))",
      "z2_bar: g1_bar .* g1 .* (1 - g1)",
    );
    expect(itemOf(z2, "z2_bar")?.verdict).toBe("correct");
    // ȳ = softmax'(y)ᵀ ȳ' = (diag(y') − y'y'ᵀ)(−e_t ⊘ y') = −e_t + y'·Σ_k e_t,k = y' − e_t:
    // both forms are one rational function of e = exp(y) in each class t.
    const y = correct.replace("y_bar: y' - onehot(t)", "y_bar: softmax'(y)^T y'_bar");
    expect(itemOf(y, "y_bar")?.verdict).toBe("correct");
  });

  it("keeps a wrong equation wrong, from the instances where it differs", () => {
    // Without the (1 − σ(z2)) factor the equation gives the reference ⊘ (1 − g1).
    const text = correct.replace(
      "z2_bar: g1_bar .* sigmoid(z2) .* (1 - sigmoid(z2))",
      "z2_bar: g1_bar .* sigmoid(z2)",
    );
    expect(itemOf(text, "z2_bar")).toMatchObject({
      verdict: "wrong",
      hint: { kind: "named-factor", factor: "1/(1 − g1)", elementwise: true },
    });
  });
});
