// The done-when test of issue 15: an instructor's class graded end to end from an empty folder, as
// docs/writing-assignments.md tells it (init, validate, template, batch, gradescope build + run),
// and bad assignment files named by question and line through the CLI. Expected scores are
// derived by hand in the comments of examples/hw2-majority/submissions/wrong.yaml.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseCsv } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { runAutograder } from "./fixtures/autograder.js";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "dist", "cli.js");

function run(args: string[], cwd: string) {
  const out = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** Per question (in the assignment's order): the scores derived by hand for the two files. */
const QUESTIONS = ["q1.1", "q1.2", "q2.1", "q2.2", "q3.1", "q4.1", "q4.2", "q4.3", "q4.4"];
const CORRECT = [2, 2, 2, 2, 2, 2, 1, 0.5, 3]; // 4.3's free-text half waits for a person
const WRONG = [0, 2, 1.75, 1, 1, 0, 0, 0, 2];
const MAX = [2, 2, 2, 2, 2, 2, 1, 1, 3];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const DUE = "2027-03-01T23:59:00Z"; // assignment.yaml's `due`
const autograder = (zip: string, answerFile: string, submittedAt: string) =>
  runAutograder(cli, zip, answerFile, { submittedAt, dueDate: DUE });

describe("a class graded from an empty folder, as the guide says", () => {
  const root = mkdtempSync(join(tmpdir(), "nnkit-authoring-"));
  const course = join(root, "course");

  it("init writes the course folder, and will not overwrite it", () => {
    // A folder that has one of init's files: init names exactly that one and writes nothing.
    mkdirSync(course);
    writeFileSync(join(course, "README.md"), "my notes\n");
    const refused = run(["init", "course"], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      "nnkit-grade: init: course already has README.md (use --force to overwrite)\n",
    );
    expect(existsSync(join(course, "assignment.yaml"))).toBe(false);
    const init = run(["init", "course", "--force"], root);
    expect(init.code).toBe(0);
    for (const name of ["assignment.yaml", "solution.yaml", "README.md"])
      expect(existsSync(join(course, name)), name).toBe(true);
    const again = run(["init", "course"], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already has assignment.yaml, solution.yaml");
    writeFileSync(join(course, "assignment.yaml"), "edited\n");
    expect(run(["init", "course", "--force"], root).code).toBe(0);
    expect(readFileSync(join(course, "assignment.yaml"), "utf8")).toContain("id: hw2-majority");
  });

  it("validate passes the assignment with its solution", () => {
    const out = run(["validate", "assignment.yaml", "--solution", "solution.yaml"], course);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("valid: hw2-majority is ready to hand out");
  });

  it("template gives a student's skeleton with their numbers", () => {
    const out = run(
      ["template", "--assignment", "assignment.yaml", "--student", "s1001", "--out", "s1001.yaml"],
      course,
    );
    expect(out.code).toBe(0);
    const text = readFileSync(join(course, "s1001.yaml"), "utf8");
    // correct.yaml's numbers for s1001 (its H = 2uuᵀ and g = 2u(uᵀw) are computed from these).
    expect(text).toContain("#   u = [3, 1]\n#   w = [1, 4]\n");
    const skeleton = parseYaml(text);
    expect(skeleton).toMatchObject({ assignment: "hw2-majority", student: { id: "s1001" } });
    expect(Object.keys(skeleton.answers)).toEqual(QUESTIONS);
    writeFileSync(join(course, "roster.csv"), "student_id,name\ns1001,Ada\ns1002,Bob\n");
    const variants = run(
      ["variants", "--assignment", "assignment.yaml", "-r", "roster.csv"],
      course,
    );
    expect(variants.code).toBe(0);
    // The numbers correct.yaml and wrong.yaml were computed from.
    expect(variants.stdout).toBe(
      'student_id,name,u,w\ns1001,Ada,"[3, 1]","[1, 4]"\ns1002,Bob,"[1, 2]","[2, 1]"\n',
    );
  });

  it("batch grades the class: full marks for the correct file, the derived deductions for the other", () => {
    const out = run(
      ["batch", "submissions", "--out", "graded", "--assignment", "assignment.yaml", "-q"],
      course,
    );
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const rows = parseCsv(readFileSync(join(course, "graded", "gradebook.csv"), "utf8"), {
      columns: true,
    }) as Record<string, string>[];
    const byStudent = Object.fromEntries(rows.map((r) => [r.student_id, r]));
    const scores = (id: string) => QUESTIONS.map((q) => Number(byStudent[id]![q]));
    expect(scores("s1001")).toEqual(CORRECT);
    expect(scores("s1002")).toEqual(WRONG);
    expect(Number(byStudent.s1001!.total)).toBe(16.5);
    expect(Number(byStudent.s1002!.total)).toBe(7.75);
    expect(Number(byStudent.s1002!.max_total)).toBe(sum(MAX));
    const feedback = readFileSync(join(course, "graded", "feedback", "s1002.md"), "utf8");
    expect(feedback).toContain("wrong at x = [0, 0, 1]");
  });

  const zip = join(course, "autograder.zip");
  const wrong = join(course, "submissions", "wrong.yaml");

  it("gradescope build puts the assignment in the zip; run grades against that copy", () => {
    const build = run(
      ["gradescope", "build", "--assignment", "assignment.yaml", "--out", "autograder.zip"],
      course,
    );
    expect(build.code).toBe(0);
    const inZip = unzipSync(readFileSync(zip))["assignment/assignment.yaml"];
    // A YAML assignment needs nothing beside the grader.
    const setup = unzipSync(readFileSync(zip))["setup.sh"];
    expect(Buffer.from(setup!).toString("utf8")).not.toContain("@nnkit/grading");
    expect(Buffer.from(inZip!).toString("utf8")).toBe(
      readFileSync(join(course, "assignment.yaml"), "utf8"),
    );
    const onTime = autograder(zip, wrong, "2027-03-01T10:00:00Z");
    expect(onTime.stderr).toBe("");
    expect(onTime.code).toBe(0);
    expect(onTime.results.tests.map((t: { name: string }) => t.name)).toEqual(QUESTIONS);
    expect(onTime.results.tests.map((t: { score: number }) => t.score)).toEqual(WRONG);
    expect(onTime.results.tests.map((t: { max_score: number }) => t.max_score)).toEqual(MAX);
    expect(onTime.results.score).toBe(7.75);
  });

  it("gradescope run applies the assignment's late policy", () => {
    // 1 day 10 hours after the due date: two started days at 10% each.
    const late = autograder(zip, wrong, "2027-03-03T10:00:00Z");
    expect(late.results.score).toBeCloseTo(7.75 * 0.8, 10);
    expect(late.results.output).toContain("2 days late: 20% deducted");
  });

  it("gradescope run gives the correct file its marks", () => {
    const correct = autograder(
      zip,
      join(course, "submissions", "correct.yaml"),
      "2027-03-01T10:00:00Z",
    );
    expect(correct.results.score).toBe(16.5);
  });
});

describe("bad assignment files name the question and the line", () => {
  const root = mkdtempSync(join(tmpdir(), "nnkit-bad-assignment-"));
  // A sound first question (lines 5–11), then the question under test from line 12.
  const HEAD = `format: nnkit-assignment/1
id: bad
title: Bad
questions:
  - id: q1
    title: Fine
    points: 1
    kind: yes-no
    field: answer
    reference: yes
    explanation: because
`;
  const cases: [string, string, string][] = [
    [
      "unknown kind",
      "  - id: q2\n    title: T\n    points: 1\n    kind: tensor-magic\n    field: x\n",
      "kind.yaml:15:5: questions[1].kind (q2): unknown kind 'tensor-magic'",
    ],
    [
      "a chain whose sizes do not fit",
      "  - id: q2\n    title: T\n    points: 1\n    kind: cost\n    chain: A B x\n    sizes: { A: [n, n], B: [m, n], x: [m, 1] }\n    modes: [reverse]\n    measures: [multiplications]\n",
      "chain.yaml:16:5: questions[1].chain (q2): the sizes do not fit: inner dimensions of A (n×n) and B (m×n) differ",
    ],
    [
      "a target naming an input that does not exist",
      '  - id: q2\n    title: T\n    points: 1\n    kind: threshold\n    inputs: 3\n    target: x1 + x4 >= 2\n    form: layers\n    activations: ["step>=0"]\n',
      'target.yaml:17:5: questions[1].target (q2): condition "x1 + x4 >= 2", column 6: x4 is not an input: there are 3 (x1..x3)',
    ],
  ];
  // The network is declared before the questions: its lines come first (the sound q1 moves down).
  cases.push([
    "a network that does not trace",
    "  - id: q2\n    title: T\n    points: 1\n    kind: backprop\n    network: layer\n    adjoints: [J, y, z, x]\n",
    'network.yaml:6:5: networks.layer.equations (q2): line 1, "z = W x + b": W x: W is K×K = 3×3 but x has D = 4 entries',
  ]);
  const NETWORK = `networks:
  layer:
    equations: |
      z = W x + b
      y = sigmoid(z)
      J = sum(y)
    sizes: { D: 4, K: 3 }
    parameters: { W: [K, K], b: [K] }
    inputs: { x: [D] }
`;
  const files = ["kind.yaml", "chain.yaml", "target.yaml", "network.yaml"];
  const fileText = (i: number, question: string) =>
    files[i] === "network.yaml"
      ? HEAD.replace("questions:\n", `${NETWORK}questions:\n`) + question
      : HEAD + question;
  cases.forEach(([what, question, message], i) => {
    it(`${what}: validate, check and batch stop with it, exit code 2`, () => {
      writeFileSync(join(root, files[i]!), fileText(i, question));
      writeFileSync(
        join(root, "answers.yaml"),
        "assignment: bad\nstudent: {id: s1, name: S}\nanswers: {}\n",
      );
      for (const args of [
        ["validate", files[i]!],
        ["check", "answers.yaml", "--assignment", files[i]!],
        ["batch", ".", "--out", "graded", "--assignment", files[i]!],
      ]) {
        const out = run(args, root);
        expect(out.code, args[0]).toBe(2);
        expect(out.stderr, args[0]).toContain(`nnkit-grade: ${message}`);
        expect(out.stderr.trim().split("\n"), args[0]).toHaveLength(1);
      }
    });
  });
});

// hw1's built-in id is examples/hw1/assignment.yaml: the file given as a path grades as the id
// does, byte for byte (grading's hw1-results test holds every example file to the recorded
// results; here a few of them go through the CLI both ways).
describe("hw1 from its YAML file through --assignment", () => {
  const root = mkdtempSync(join(tmpdir(), "nnkit-hw1-yaml-"));
  const examples = join(here, "..", "..", "..", "examples", "hw1");
  mkdirSync(join(root, "class"));
  for (const file of ["errata-convention.yaml", "mistakes/q2.1.2-sigmoid-derivative.yaml"]) {
    writeFileSync(join(root, "class", file.replace("/", "-")), readFileSync(join(examples, file)));
  }
  const batch = (out: string, assignment: string) =>
    run(["batch", "class", "--out", out, "-a", assignment, "-j", "2", "-q", "-t", "20"], root);
  const read = (out: string, name: string) => readFileSync(join(root, out, name), "utf8");

  it("grades with the built-in id", () => {
    expect(batch("by-id", "hw1").stderr).toBe("");
  });

  it("grades the same, byte for byte, with the file's path", () => {
    expect(batch("by-path", join(examples, "assignment.yaml")).stderr).toBe("");
    expect(read("by-path", "gradebook.csv")).toBe(read("by-id", "gradebook.csv"));
    const rows = parseCsv(read("by-id", "gradebook.csv"), { columns: true }) as {
      student_id: string;
    }[];
    expect(rows).toHaveLength(2);
    for (const { student_id } of rows) {
      const name = join("automatic", `${student_id}.json`);
      expect(read("by-path", name), student_id).toBe(read("by-id", name));
    }
  });
});
