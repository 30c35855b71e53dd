import { describe, expect, it } from "vitest";
import { gradeAnswerText } from "../grade/grade-answer.js";
import { defineAssignment } from "./assignment.js";
import { question } from "./compile-question.js";
import { AssignmentSpecError } from "./spec-error.js";

describe("question(): the YAML format's kinds for ES-module assignments", () => {
  // vvᵀy with v, y n×1: reverse v(vᵀy) costs n + n = 2n; forward (vvᵀ)y costs n² + n².
  const cost = question({
    id: "q1",
    title: "Cost",
    points: 2,
    kind: "cost",
    chain: "v v^T y",
    sizes: { v: ["n", 1], y: ["n", 1] },
    modes: ["reverse", "forward"],
    measures: ["multiplications"],
  });
  const custom = defineAssignment({
    id: "mixed",
    title: "Mixed",
    questions: [cost],
    variables: [],
    perStudentVariants: false,
  });

  it("compiles the same plain data as the YAML", () => {
    expect(cost.parts.map((p) => p.field)).toEqual([
      "reverse.multiplications",
      "forward.multiplications",
    ]);
    const text =
      'assignment: mixed\nstudent: { id: s, name: S }\nanswers:\n  q1: {reverse: {multiplications: "2n"}, forward: {multiplications: "2n^2"}}\n';
    const result = gradeAnswerText(text, { assignment: custom });
    expect([result.questions[0]!.status, result.score]).toEqual(["passed", 2]);
  });

  it("throws an AssignmentSpecError naming the question and key", () => {
    const make = () =>
      question({
        id: "q9",
        title: "T",
        points: 1,
        kind: "cost",
        chain: "v v",
        sizes: { v: ["n", 1] },
        modes: ["reverse"],
      });
    expect(make).toThrow(AssignmentSpecError);
    expect(make).toThrow(
      expect.objectContaining({
        code: "schema",
        message: expect.stringContaining("question.chain (q9): the sizes do not fit"),
      }),
    );
  });
});
