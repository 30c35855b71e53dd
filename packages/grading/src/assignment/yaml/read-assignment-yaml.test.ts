import { rng } from "@nnkit/tensor";
import { describe, expect, it } from "vitest";
import { parseAnswerFile } from "../../answers/parse-answer-file.js";
import { specErrorOf } from "../../fixtures/answers.js";
import { gradeAnswerText } from "../../grade/grade-answer.js";
import type { GradeResult } from "../../grade/result.js";
import { answerTemplate } from "../../template.js";
import type { AssignmentSpecError } from "../spec-error.js";
import { readAssignmentYaml } from "./read-assignment-yaml.js";

// A small assignment with one question per simple kind; every expected score below is worked out
// by hand in the comment beside it.
const MINI = `format: nnkit-assignment/1
id: mini
title: Mini
variables:
  v: { handout: [1, 2], draw: { integers: { from: 1, to: 3 } } }
questions:
  - id: equal
    title: Equality unit
    points: 2
    kind: threshold
    label: network
    inputs: 2
    target: x1 == x2
    form: one-hidden-layer
    activations: ["indicator[-1,1]"]
    solution: { W1: [[2, -2]], b1: [0], W2: [[2]], b2: -2 }
  - id: outer
    title: Outer product
    points: 1
    kind: numeric
    field: M
    reference: v v^T
  - id: regression
    title: A formula
    points: 1
    parts:
      - kind: expression
        field: g
        sizes: { n: 4, d: 2 }
        data: { X: { normal: [n, d] }, y: { normal: [n, 1] } }
        reference: X^T y
      - kind: yes-no
        field: unique
        reference: yes
        explanation: the columns are independent
  - id: line
    title: A line
    points: 1
    kind: solution-set
    field: line
    symbols: [a, b]
    reference: a + 2b = 4
  - id: essay
    title: Essay
    points: 3
    kind: manual
    field: text
`;

function answers(body: string): string {
  return `assignment: mini\nstudent: { id: s1, name: S }\nanswers:\n${body}`;
}

const mini = readAssignmentYaml(MINI, "mini.yaml");
const grade = (body: string): GradeResult =>
  gradeAnswerText(answers(body), { assignment: mini, now: new Date(0) });
const scores = (result: GradeResult) =>
  Object.fromEntries(result.questions.map((q) => [q.id, [q.status, q.score]]));

describe("readAssignmentYaml: one question per kind", () => {
  it("reads the header and the questions", () => {
    expect(mini.id).toBe("mini");
    expect(mini.questions.map((q) => [q.id, q.points, q.parts.length])).toEqual([
      ["equal", 2, 1],
      ["outer", 1, 1],
      ["regression", 1, 2],
      ["line", 1, 1],
      ["essay", 3, 1],
    ]);
    expect(mini.variables.map((v) => [v.name, v.handout])).toEqual([["v", [1, 2]]]);
  });

  it("grades right answers with full marks", () => {
    // h = φ(2x1 − 2x2) fires iff x1 = x2 (integers); y = φ(2h − 2) fires iff h = 1.
    // vvᵀ for v = (1, 2) is [[1, 2], [2, 4]]; 2a + 4b − 8 = 0 is a + 2b = 4 doubled.
    const result = grade(`  equal: { W1: [[2, -2]], b1: [0], W2: [[2]], b2: -2 }
  outer: { M: [[1, 2], [2, 4]] }
  regression: { g: "X^T y", unique: "yes" }
  line: { line: "2a + 4b - 8 = 0" }
  essay: { text: "Not always." }
`);
    expect(scores(result)).toEqual({
      equal: ["passed", 2],
      outer: ["passed", 1],
      regression: ["passed", 1],
      line: ["passed", 1],
      essay: ["manual", 0],
    });
  });

  it("grades wrong answers down", () => {
    // b2 = 0: y = φ(2h) is 1 at h = 0 too (x1 ≠ x2). One entry of M off. yᵀX is 1×2, not 2×1;
    // "no" is wrong: half of regression. a + b = 4 is another line.
    const result = grade(`  equal: { W1: [[2, -2]], b1: [0], W2: [[2]], b2: 0 }
  outer: { M: [[1, 2], [2, 5]] }
  regression: { g: "y^T X", unique: "yes" }
  line: { line: "a + b = 4" }
`);
    expect(scores(result)).toEqual({
      equal: ["failed", 0],
      outer: ["failed", 0],
      regression: ["partial", 0.5],
      line: ["failed", 0],
      essay: ["missing", 0],
    });
    const equal = result.questions[0]!.items[0]!;
    expect(equal.counterexample).toMatchObject({ kind: "input" });
  });

  it("draws per-student numbers from the variable's range", () => {
    const drawn = mini.variables[0]!;
    const values = new Set<number>();
    for (let seed = 0; seed < 20; seed++) {
      const v = drawn.draw(rng(seed)) as number[];
      expect(v).toHaveLength(2);
      for (const x of v) values.add(x);
    }
    expect([...values].sort()).toEqual([1, 2, 3]);
  });

  it("keeps a part's solution, for validate to grade", () => {
    expect(mini.questions[0]!.parts[0]!.solution).toMatchObject({ type: "map" });
    const result = gradeAnswerText(
      answers("  equal: { W1: [[2, -2]], b1: [0], W2: [[2]], b2: -2 }\n"),
      { assignment: mini },
    );
    expect(result.questions[0]!.status).toBe("passed");
  });

  it("generates a template from the fields when none is given", () => {
    expect(mini.questions[0]!.template).toBe(
      [
        "# A network of threshold units on x1..x2 with one output; every unit uses indicator[-1,1]",
        "# unless you give 'activation'.",
        "W1: [[0, 0]]  # one row per hidden unit",
        "b1: [0]",
        "W2: [0]",
        "b2: 0",
      ].join("\n"),
    );
    // The whole template is an answer file: the network's zeros read as a (wrong) network.
    const template = answerTemplate(mini, { studentId: "s1" });
    expect(template).toContain("  # essay Essay [3 points]\n  essay:\n");
    expect(parseAnswerFile(template).ok).toBe(true);
    const graded = gradeAnswerText(template, { assignment: mini });
    expect(graded.questions[0]!.status).toBe("failed");
    const nested = readAssignmentYaml(
      MINI.replace("    label: network\n", "    field: net\n"),
      "m.yaml",
    );
    expect(nested.questions[0]!.template.split("\n").slice(0, 4)).toEqual([
      "net:",
      "  # A network of threshold units on x1..x2 with one output; every unit uses indicator[-1,1]",
      "  # unless you give 'activation'.",
      "  W1: [[0, 0]]  # one row per hidden unit",
    ]);
    expect(mini.questions[2]!.template).toBe(
      '# A formula in the question\'s symbols, in plain syntax or LaTeX\ng: ""\nunique: ""',
    );
  });
});

/** The error a file gives, with its location and question. */
const errorOf = (text: string): AssignmentSpecError =>
  specErrorOf(() => readAssignmentYaml(text, "bad.yaml"));

describe("readAssignmentYaml: bad files", () => {
  const lineOf = (needle: string) => MINI.split("\n").findIndex((l) => l.includes(needle)) + 1;

  it("names an unknown kind, its question and line", () => {
    const error = errorOf(MINI.replace("kind: numeric", "kind: numerik"));
    expect(error.question).toBe("outer");
    expect(error.location).toEqual({ file: "bad.yaml", line: lineOf("kind: numeric"), column: 5 });
    expect(error.message).toContain("unknown kind 'numerik'");
  });

  it("names a target that reads an input the question does not have", () => {
    const error = errorOf(MINI.replace("target: x1 == x2", "target: x1 == x3"));
    expect(error.question).toBe("equal");
    expect(error.location?.line).toBe(lineOf("target: x1"));
    expect(error.detail).toContain("x3 is not an input: there are 2 (x1..x2)");
  });

  it("refuses an unknown key, pointing at it", () => {
    const error = errorOf(MINI.replace("    field: line\n", "    field: line\n    colour: red\n"));
    expect(error.question).toBe("line");
    expect(error.location).toMatchObject({ line: lineOf("field: line") + 1, column: 5 });
    expect(error.detail).toMatch(/^unknown key 'colour'/);
  });

  it("refuses a wrong type", () => {
    const error = errorOf(MINI.replace("points: 3", "points: three"));
    expect(error.question).toBe("essay");
    expect(error.location?.line).toBe(lineOf("points: 3"));
    expect(error.message).toBe(
      `bad.yaml:${lineOf("points: 3")}:5: questions[4].points (essay): expected a number, got the text "three"`,
    );
  });

  it("reports a YAML syntax error with its line", () => {
    const error = errorOf("format: nnkit-assignment/1\nid: [unclosed\n");
    expect(error.location?.file).toBe("bad.yaml");
    expect(error.location?.line).toBeGreaterThanOrEqual(2);
  });

  it("refuses a solution that is not a network of the question's shape", () => {
    const error = errorOf(MINI.replace("W1: [[2, -2]], b1: [0]", "W1: [[2, -2, 1]], b1: [0]"));
    expect(error.question).toBe("equal");
    expect(error.location?.line).toBe(lineOf("solution:"));
    expect(error.detail).toMatch(/^the solution is not a network the question accepts: /);
  });

  it("bounds what a file may ask for: alias bombs, deep nesting, a huge box", () => {
    // Ten aliases of the previous level at each of nine levels: 10⁹ values once expanded.
    const bomb = ["format: nnkit-assignment/1", "l0: &l0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 9; level++) {
      bomb.push(
        `l${level}: &l${level} [${Array(10)
          .fill(`*l${level - 1}`)
          .join(", ")}]`,
      );
    }
    expect(errorOf(bomb.join("\n")).location?.file).toBe("bad.yaml");
    expect(errorOf(`${"[".repeat(100_000)}${"]".repeat(100_000)}`).location?.file).toBe("bad.yaml");
    const box = errorOf(MINI.replace("inputs: 2", "inputs: 12"));
    expect(box.question).toBe("equal");
    expect(box.detail).toContain("holds 282429536481 inputs");
  });

  it("refuses another format version and a reference that does not compute", () => {
    expect(errorOf(MINI.replace("nnkit-assignment/1", "nnkit-assignment/9")).detail).toContain(
      "reads 'nnkit-assignment/1'",
    );
    const error = errorOf(MINI.replace("reference: v v^T", "reference: v v"));
    expect(error.question).toBe("outer");
    expect(error.detail).toContain("does not fit");
  });
});
