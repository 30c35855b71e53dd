import { describe, expect, it } from "vitest";
import { specErrorOf } from "../../fixtures/answers.js";
import { gradeAnswerText } from "../../grade/grade-answer.js";
import type { QuestionResult } from "../../grade/result.js";
import type { AssignmentSpecError } from "../spec-error.js";
import { readAssignmentYaml } from "../yaml/read-assignment-yaml.js";

// Counts worked out by hand (the course's model: an r×k by k×c product costs rkc
// multiplications; memory counts every stored value once, a transpose being free).
//   A B x, A m×n, B n×n, x n×1:
//     reverse A(Bx): Bx costs n², A(Bx) mn                → n² + mn
//     forward (AB)x: AB costs mn², (AB)x mn              → mn² + mn
//     memory reverse: inputs mn + n² + n, Bx n, output m  → mn + n² + 2n + m
//     memory forward: inputs, AB mn, output m             → 2mn + n² + n + m
//   vᵀ A B, v n×1, A n×m, B m×m:
//     forward (vᵀA)B: nm + m²; reverse vᵀ(AB): nm² + nm; forward is cheaper iff m² < nm², n > 1.
const COURSE = `format: nnkit-assignment/1
id: chains
title: Chains
questions:
  - id: modes
    title: Both modes
    points: 4
    kind: cost
    chain: A B x
    sizes: { A: [m, n], B: [n, n], x: [n, 1] }
    modes: [reverse, forward]
  - id: when
    title: When is forward cheaper
    points: 2
    parts:
      - kind: cost
        chain: v^T A B
        sizes: { v: [n, 1], A: [n, m], B: [m, m] }
        modes: [forward]
        measures: [multiplications]
      - kind: condition
        field: forward_cheaper_when
        cheaper: forward
        than: reverse
        meaning: forward mode being cheaper
  - id: one-order
    title: One order, big-O allowed
    points: 1
    kind: cost
    chain: A B x
    sizes: { A: [m, n], B: [n, n], x: [n, 1] }
    order: reverse
    big_o: allowed
    measures:
      multiplications:
        accept:
          - count: n^2 + mn + 1
            reason: counting the final copy too
`;

const course = readAssignmentYaml(COURSE, "chains.yaml");

function grade(id: string, answer: string): QuestionResult {
  const text = `assignment: chains\nstudent: { id: s, name: S }\nanswers:\n  ${id}: ${answer}\n`;
  const result = gradeAnswerText(text, { assignment: course, now: new Date(0) });
  return result.questions.find((q) => q.id === id)!;
}

describe("the cost kind", () => {
  it("makes one part per mode and measure, with the handout's labels and fields", () => {
    const modes = course.questions[0]!;
    expect(modes.parts.map((p) => [p.label, p.field])).toEqual([
      ["reverse mode, multiplications", "reverse.multiplications"],
      ["reverse mode, memory", "reverse.memory"],
      ["forward mode, multiplications", "forward.multiplications"],
      ["forward mode, memory", "forward.memory"],
    ]);
    expect(modes.template).toBe(
      '# Counts in terms of m and n\nreverse:\n  multiplications: ""\n  memory: ""\nforward:\n  multiplications: ""\n  memory: ""',
    );
  });

  it("accepts the hand-counted costs of each mode", () => {
    const right = grade(
      "modes",
      '{reverse: {multiplications: "n^2 + mn", memory: "mn + n^2 + 2n + m"}, forward: {multiplications: "m n^2 + m n", memory: "2mn + n^2 + n + m"}}',
    );
    expect([right.status, right.score]).toEqual(["passed", 4]);
  });

  it("names the other order's count and a memory count without the inputs", () => {
    // forward given reverse's count (n² + mn): a different growth, 0, named as A(Bx).
    // reverse memory without the inputs: n + m (Bx and the output).
    const result = grade(
      "modes",
      '{reverse: {multiplications: "n^2 + mn", memory: "n + m"}, forward: {multiplications: "n^2 + mn", memory: "O(mn)"}}',
    );
    const item = (key: string) => result.items.find((i) => i.key === key)!;
    expect(item("forward.multiplications")).toMatchObject({
      earned: 0,
      hint: { kind: "other-order", order: "A(Bx)", asked: "forward mode (left to right)" },
    });
    expect(item("reverse.memory")).toMatchObject({
      earned: 0,
      hint: { kind: "memory-convention", leavesOut: "the inputs A, B, x" },
    });
    // O(mn) is not forward memory's growth (n² + 2mn + …): 0. Big-O is not allowed here anyway.
    expect(item("forward.memory").earned).toBe(0);
    expect(result.score).toBe(1);
  });

  it("takes an accepted formula, and big-O of the right growth where allowed", () => {
    const exact = grade(
      "one-order",
      '{multiplications: "n^2 + mn + 1", memory: "mn + n^2 + 2n + m"}',
    );
    expect([exact.status, exact.score]).toEqual(["passed", 1]);
    const bigO = grade("one-order", '{multiplications: "O(n^2 + mn)", memory: "O(n^2 + mn)"}');
    expect([bigO.status, bigO.score]).toEqual(["passed", 1]);
  });
});

describe("the condition kind", () => {
  it("is decided from the question's chain: forward is cheaper iff n > 1", () => {
    const right = grade(
      "when",
      '{forward: {multiplications: "nm + m^2"}, forward_cheaper_when: "n >= 2"}',
    );
    expect([right.status, right.score]).toEqual(["passed", 2]);
    const wrong = grade(
      "when",
      '{forward: {multiplications: "nm + m^2"}, forward_cheaper_when: "m > n"}',
    );
    const condition = wrong.items.find((i) => i.key === "forward_cheaper_when")!;
    expect(condition.verdict).toBe("wrong");
    expect(condition.counterexample).toBeDefined();
  });
});

const errorOf = (text: string): AssignmentSpecError =>
  specErrorOf(() => readAssignmentYaml(text, "bad.yaml"));

describe("bad cost parts", () => {
  const lineOf = (needle: string) => COURSE.split("\n").findIndex((l) => l.includes(needle)) + 1;

  it("refuses a chain whose sizes do not fit, naming the question and line", () => {
    const error = errorOf(COURSE.replace("chain: v^T A B", "chain: v A B"));
    expect(error.question).toBe("when");
    expect(error.location?.line).toBe(lineOf("chain: v^T A B"));
    expect(error.detail).toBe(
      "the sizes do not fit: inner dimensions of v (n×1) and A (n×m) differ: 1 ≠ n",
    );
  });

  it("refuses a factor without a size and a condition without a chain", () => {
    expect(
      errorOf(
        COURSE.replace(
          "chain: A B x\n    sizes: { A: [m, n], B: [n, n], x: [n, 1] }\n    modes",
          "chain: A B y\n    sizes: { A: [m, n], B: [n, n], x: [n, 1] }\n    modes",
        ),
      ).detail,
    ).toContain("(factors with sizes: A, B, x)");
    const error = errorOf(COURSE.replace(/ {6}- kind: cost\n(.*\n){4}/, ""));
    expect(error.question).toBe("when");
    expect(error.detail).toContain("the question has no cost part to compare");
  });

  it("refuses an accepted chain that the asked order does not fit", () => {
    // (A B) x names three factors; the accepted chain A x has two.
    const text = COURSE.replace("order: reverse", "order: (A B) x").replace(
      "          - count: n^2 + mn + 1\n            reason: counting the final copy too",
      "          - chain: A x",
    );
    const error = errorOf(text);
    expect(error.question).toBe("one-order");
    expect(error.detail).toMatch(/^a count cannot be computed: /);
  });

  it("refuses an accepted count that is not a formula in the sizes", () => {
    const error = errorOf(COURSE.replace("n^2 + mn + 1", "n^2 + k"));
    expect(error.question).toBe("one-order");
    expect(error.location?.line).toBe(lineOf("count: n^2 + mn + 1"));
  });
});
