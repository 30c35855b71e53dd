import { describe, expect, it } from "vitest";
import { specErrorOf } from "../fixtures/answers.js";
import { gradeAnswerText } from "../grade/grade-answer.js";
import { withStudentVariants } from "./assignment.js";
import { assignmentFromSpec } from "./compile-assignment.js";
import { AssignmentSpecError } from "./spec-error.js";
import { studentVariant } from "./student-variant.js";

const essay = { id: "q1", title: "Essay", points: 1, kind: "manual", field: "text" };
const base = { format: "nnkit-assignment/1", id: "a", title: "A", questions: [essay] };

const errorOf = (data: unknown): AssignmentSpecError => specErrorOf(() => assignmentFromSpec(data));

describe("assignmentFromSpec: the header", () => {
  it("reads the due date, late policy and variants", () => {
    const assignment = assignmentFromSpec({
      ...base,
      due: "2027-02-01T23:59:00Z",
      late_policy: { penalty_per_day: 0.1, max_penalty: 0.5 },
      per_student_variants: true,
    });
    expect(assignment.dueDate?.toISOString()).toBe("2027-02-01T23:59:00.000Z");
    expect(assignment.latePolicy).toEqual({ penaltyPerDay: 0.1, maxPenalty: 0.5 });
    expect(assignment.perStudentVariants).toBe(true);
  });

  it("draws a variable per student, or gives everyone the handout's numbers without a draw", () => {
    const assignment = assignmentFromSpec({
      ...base,
      per_student_variants: true,
      variables: {
        k: { handout: 2, draw: { integers: { from: 5, to: 5 } } },
        fixed: { handout: [1, 2] },
      },
    });
    expect(studentVariant(assignment, "s1")).toEqual({ k: 5, fixed: [1, 2] });
    expect(studentVariant(withStudentVariants(assignment, false), "s1")).toEqual({
      k: 2,
      fixed: [1, 2],
    });
  });

  it("refuses a bad date, a penalty above 1, a repeated question id, two parts on one field", () => {
    expect(errorOf({ ...base, due: "next monday" }).path).toEqual(["due"]);
    expect(errorOf({ ...base, late_policy: { penalty_per_day: 2 } }).detail).toBe(
      "expected a fraction from 0 to 1, got 2",
    );
    expect(errorOf({ ...base, questions: [essay, essay] }).detail).toContain("q1 is used twice");
    const twice = {
      id: "q2",
      title: "Two",
      points: 1,
      parts: [
        { kind: "manual", field: "text" },
        { kind: "yes-no", field: "text", reference: "yes", explanation: "because" },
      ],
    };
    const error = errorOf({ ...base, questions: [twice] });
    expect([error.question, error.detail]).toEqual([
      "q2",
      "two parts read the field 'text': give each its own 'field'",
    ]);
  });

  it("refuses a numeric reference naming a convention the question does not have", () => {
    const error = errorOf({
      ...base,
      variables: { v: { handout: [1, 2], draw: { integers: { from: 1, to: 3 } } } },
      questions: [
        {
          id: "z",
          title: "Z",
          points: 1,
          conventions: ["handout"],
          kind: "numeric",
          field: "z",
          references: [{ value: "v", convention: "errata" }],
        },
      ],
    });
    expect(error.path).toEqual(["questions", 0, "references", 0, "convention"]);
    expect(error.detail).toBe("'errata' is not one of the question's conventions (handout)");
  });
});

describe("conventions: one answer graded under the convention that earns it most", () => {
  // z = v (handout) or 2v (errata) with v = (1, 2); the count 3 belongs to the errata only.
  const assignment = assignmentFromSpec({
    ...base,
    variables: { v: { handout: [1, 2], draw: { integers: { from: 1, to: 3 } } } },
    questions: [
      {
        id: "z",
        title: "Z",
        points: 2,
        conventions: ["handout", "errata"],
        parts: [
          {
            kind: "numeric",
            field: "z",
            references: [
              { value: "v", convention: "handout" },
              { value: "2 v", convention: "errata", label: "errata, z = 2v" },
            ],
          },
          {
            kind: "cost",
            field: "cost",
            chain: "v^T v",
            sizes: { v: ["n", 1] },
            order: "forward",
            measures: ["multiplications"],
            convention_chains: { errata: "2 v^T v" },
          },
        ],
      },
    ],
  });
  const grade = (answer: string) =>
    gradeAnswerText(`assignment: a\nstudent: {id: s, name: S}\nanswers:\n  z: ${answer}\n`, {
      assignment,
    }).questions[0]!;

  it("takes either convention whole, but not a mix", () => {
    // vᵀv costs n; (2vᵀ)v costs n + n = 2n (the 2 is multiplied into vᵀ first).
    expect(grade('{z: [1, 2], cost: {multiplications: "n"}}').score).toBe(2);
    expect(grade('{z: [2, 4], cost: {multiplications: "2n"}}').score).toBe(2);
    // A mix earns most under the errata: z right, and n has the right growth only (½): 1.5 of 2.
    expect(grade('{z: [2, 4], cost: {multiplications: "n"}}').score).toBe(1.5);
  });
});

describe("assignmentFromSpec: lazyParts", () => {
  const cost = {
    id: "q2",
    title: "Cost",
    points: 1,
    kind: "cost",
    chain: "A x",
    sizes: { A: ["m", "n"], x: ["n", 1] },
    order: "reverse",
    template: "multiplications: ''",
  };

  it("compiles a question's parts on first use, to what an eager compile gives", () => {
    const data = { ...base, questions: [essay, cost] };
    const lazy = assignmentFromSpec(data, { lazyParts: true });
    const eager = assignmentFromSpec(data);
    const text =
      "student: {id: s}\nanswers:\n  q1: {text: hi}\n  q2: {multiplications: mn, memory: 'mn + n + m'}\n";
    expect(gradeAnswerText(text, { assignment: lazy })).toEqual(
      gradeAnswerText(text, { assignment: eager }),
    );
    expect(lazy.questions[1]!.parts.map((p) => p.field)).toEqual(["multiplications", "memory"]);
  });

  it("reports a part's mistake on first use, naming its question", () => {
    const broken = { ...cost, order: "(A x) y" };
    const lazy = assignmentFromSpec({ ...base, questions: [essay, broken] }, { lazyParts: true });
    expect(lazy.questions.map((q) => q.id)).toEqual(["q1", "q2"]);
    expect(() => lazy.questions[1]!.parts).toThrow(AssignmentSpecError);
    expect(errorOf({ ...base, questions: [essay, broken] }).question).toBe("q2");
    try {
      void lazy.questions[1]!.parts;
    } catch (error) {
      expect((error as AssignmentSpecError).question).toBe("q2");
      expect((error as AssignmentSpecError).message).toBe(
        errorOf({ ...base, questions: [essay, broken] }).message,
      );
    }
  });
});
