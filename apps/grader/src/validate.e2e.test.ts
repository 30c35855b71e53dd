// `nnkit-grade validate`: the built CLI on hw1 (whose answers are known question by question) and
// on small ES-module assignments with one planted mistake each.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "dist", "cli.js");
const examples = join(here, "..", "..", "..", "examples", "hw1");
const grading = pathToFileURL(
  join(here, "..", "..", "..", "packages", "grading", "dist", "index.js"),
);

function run(args: string[], cwd = here) {
  const out = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const problems = (stdout: string) => stdout.split("\n").filter((l) => l.startsWith("problem: "));

describe("validate hw1", () => {
  it("passes with the correct answers, naming the question a person grades", () => {
    const out = run(["validate", "hw1", "--solution", join(examples, "correct.yaml")]);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("full marks on every automatic part of all 13 questions");
    expect(out.stdout).toContain("parts graded by a person (not checked) in q3.3.3");
    expect(out.stdout).toContain("valid: hw1 is ready to hand out");
    expect(problems(out.stdout)).toEqual([]);
  });

  it("lists exactly the question a one-mistake solution misses, with its feedback", () => {
    // This file differs from correct.yaml only in q3.2's `unique: no` (w is right): half marks.
    const out = run(["validate", "hw1", "-s", join(examples, "mistakes", "q3.2-unique.yaml")]);
    expect(out.code).toBe(1);
    expect(problems(out.stdout)).toEqual([
      "problem: hw1: q3.2: the reference solution gets 0.5/1 (partial)",
    ]);
    expect(out.stdout).toMatch(/^ {4}unique: 'no' is wrong/m);
    expect(out.stdout).toContain("1 problem found");
  });

  it("refuses a solution that is not a file", () => {
    const out = run(["validate", "hw1", "--solution", "no-such-solution.yaml"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe("nnkit-grade: validate: no-such-solution.yaml is not a file\n");
  });
});

// q1 yes/no; q2 a number whose reference is 2·v₁ (v drawn per student); q3 free text.
function moduleText(options: { draw?: string; reference?: string; q3Template?: string } = {}) {
  return `import { defineAssignment, manualCheck, numericCheck, yesNoCheck } from "${grading.href}";
export default defineAssignment({
  id: "mini", title: "Mini", perStudentVariants: true,
  variables: [{ name: "v", handout: [1, 2], draw: ${options.draw ?? "(random) => [random.integers([1], 1, 9).toTypedArray()[0], 2]"} }],
  questions: [
    { id: "q1", title: "Unique?", points: 2, template: "answer:  # yes or no",
      parts: [{ label: "answer", field: "answer", weight: 1, visibility: "visible",
        check: yesNoCheck({ reference: true, explainWrong: "full rank" }) }] },
    { id: "q2", title: "Twice v1", points: 3, template: "value:",
      parts: [{ label: "value", field: "value", weight: 1, visibility: "visible",
        check: numericCheck({ references: [{ value: ${options.reference ?? "(c) => ({ shape: [], data: [2 * c.variant.v[0]] })"} }] }) }] },
    { id: "q3", title: "Explain", points: 1, template: ${JSON.stringify(options.q3Template ?? "text: |\n  ")},
      parts: [{ label: "text", field: "text", weight: 1, visibility: "visible", check: manualCheck() }] },
  ],
});
`;
}

function folder(text: string) {
  const root = mkdtempSync(join(tmpdir(), "nnkit-validate-e2e-"));
  writeFileSync(join(root, "mini.mjs"), text);
  // For the handout's numbers (v = [1, 2]): q2 is 2.
  writeFileSync(
    join(root, "solution.yaml"),
    "assignment: mini\nstudent: {id: s-ref, name: Reference}\nanswers:\n  q1: {answer: yes}\n  q2: {value: 2}\n  q3: {text: because}\n",
  );
  return root;
}

describe("validate an ES-module assignment", () => {
  it("passes a sound one, and grades the solution with the handout's numbers", () => {
    const root = folder(moduleText());
    const out = run(["validate", "mini.mjs", "--solution", "solution.yaml"], root);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("1 variable drawn for 4 students");
    expect(out.stdout).toContain("full marks on every automatic part of all 3 questions");
    expect(out.stdout).toContain("(not checked) in q3");
    // Graded as a student's file, s-ref's own numbers (v = [3, 2]) would make q2 wrong.
    expect(run(["template", "-a", "mini.mjs", "-s", "s-ref"], root).stdout).toContain("v = [3, 2]");
    expect(run(["check", "solution.yaml", "-a", "mini.mjs"], root).stdout).toMatch(
      /^q2\s+0\/3\s+failed$/m,
    );
  });

  it("finds a draw of the wrong shape and a missing template", () => {
    const root = folder(moduleText({ draw: "() => [1, 2, 3]", q3Template: "  " }));
    const out = run(["validate", "mini.mjs"], root);
    expect(out.code).toBe(1);
    expect(problems(out.stdout)).toEqual([
      "problem: mini.mjs: q3: has no answer template",
      "problem: mini.mjs: variable v, student s0001: drew 3 numbers where the handout has 2",
    ]);
    expect(out.stdout).toContain("reference solution: not given");
  });

  it("finds a reference computation that fails, and a draw that throws", () => {
    const failing = folder(
      moduleText({ reference: '() => { throw new Error("no such matrix"); }' }),
    );
    const out = run(["validate", "mini.mjs"], failing);
    expect(out.code).toBe(1);
    expect(problems(out.stdout)).toEqual([
      'problem: mini.mjs: q2 (part "value"): the reference computation failed (student s0001): no such matrix',
    ]);
    const throwing = folder(moduleText({ draw: '() => { throw new Error("bad range"); }' }));
    expect(problems(run(["validate", "mini.mjs"], throwing).stdout)).toEqual([
      "problem: mini.mjs: variable v, student s0001: its draw threw: bad range",
    ]);
  });

  it("reports a solution written for another assignment", () => {
    const root = folder(moduleText());
    writeFileSync(
      join(root, "other.yaml"),
      "assignment: hw1\nstudent: {id: x, name: X}\nanswers: {}\n",
    );
    const out = run(["validate", "mini.mjs", "-s", "other.yaml"], root);
    expect(out.code).toBe(1);
    expect(problems(out.stdout)).toEqual([
      "problem: the reference solution cannot be graded: the answer file is for assignment 'hw1', not 'mini'",
    ]);
  });
});

describe("validate a YAML assignment whose parts give their own solutions", () => {
  const assignment = (line: string) => `format: nnkit-assignment/1
id: ps
title: Part solutions
questions:
  - id: q1
    title: Majority
    points: 1
    kind: threshold
    inputs: 3
    target: x1 + x2 + x3 >= 2
    assume: x1 >= 0 and x1 <= 1 and x2 >= 0 and x2 <= 1 and x3 >= 0 and x3 <= 1
    form: layers
    activations: ["step>=0"]
    solution:
      layers:
        - W: [[1, 1, 1]]
          b: [-2]
  - id: q2
    title: Two parts
    points: 2
    parts:
      - kind: yes-no
        field: unique
        reference: yes
        explanation: full rank
        solution: yes
      - kind: solution-set
        field: line
        symbols: [x, y]
        reference: y = 2 x
        solution: ${line}
`;

  const root = mkdtempSync(join(tmpdir(), "nnkit-validate-parts-e2e-"));

  it("grades each part's solution", () => {
    writeFileSync(join(root, "right.yaml"), assignment("2x - y = 0"));
    const right = run(["validate", "right.yaml"], root);
    expect(right.stderr).toBe("");
    expect(right.code).toBe(0);
    expect(right.stdout).toContain("the parts' own solutions: all 3 get full marks");
  });

  it("names the question's line and the part whose solution misses", () => {
    writeFileSync(join(root, "wrong.yaml"), assignment("y = 3 x"));
    const wrong = run(["validate", "wrong.yaml"], root);
    expect(wrong.code).toBe(1);
    // q2 starts on line 18 of the file.
    expect(problems(wrong.stdout)).toEqual([
      'problem: wrong.yaml:18: q2 (part "line"): its own solution does not get full marks',
    ]);
    expect(wrong.stdout).toContain("    the equation describes a different set of solutions");
  });
});
