// `--assignment PATH` on every command: an ES-module assignment in a temporary folder, loaded by
// the main thread and by each worker, and its mistakes reported once, without a stack trace.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse as parseCsv } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { runAutograder } from "./fixtures/autograder.js";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "dist", "cli.js");
// The module imports the built grading package by URL: a temporary folder has no node_modules.
const grading = pathToFileURL(
  join(here, "..", "..", "..", "packages", "grading", "dist", "index.js"),
);

function run(args: string[], cwd: string) {
  const out = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

// Two questions, 2 + 3 points: q1 a yes/no (yes), q2 a number (4).
const MINI = `import { defineAssignment, numericCheck, yesNoCheck } from "${grading.href}";
export default defineAssignment({
  id: "mini", title: "Mini", perStudentVariants: false, variables: [],
  questions: [
    { id: "q1", title: "Unique?", points: 2, template: "answer:  # yes or no",
      parts: [{ label: "answer", field: "answer", weight: 1, visibility: "visible",
        check: yesNoCheck({ reference: true, explainWrong: "the system has full rank" }) }] },
    { id: "q2", title: "Two plus two", points: 3, template: "value:  # a number",
      parts: [{ label: "value", field: "value", weight: 1, visibility: "visible",
        check: numericCheck({ references: [{ value: () => ({ shape: [], data: [4] }) }] }) }] },
  ],
});
`;

function answers(id: string, assignment: string, q1: string, q2: number): string {
  return `assignment: ${assignment}\nstudent: {id: ${id}, name: Student ${id}}\nanswers:\n  q1: {answer: ${q1}}\n  q2: {value: ${q2}}\n`;
}

/** A course folder: course/mini.mjs, and answer files in course/class/. */
function course(): { root: string; classDir: string } {
  const root = mkdtempSync(join(tmpdir(), "nnkit-assignment-source-"));
  mkdirSync(join(root, "course", "class"), { recursive: true });
  writeFileSync(join(root, "course", "mini.mjs"), MINI);
  const classDir = join(root, "course", "class");
  writeFileSync(join(classDir, "right.yaml"), answers("s1", "mini", "yes", 4));
  writeFileSync(join(classDir, "wrong.yaml"), answers("s2", "mini", "no", 5));
  writeFileSync(join(classDir, "half.yaml"), answers("s3", "mini", "yes", 5));
  return { root, classDir };
}

describe("--assignment with an ES module", () => {
  it("check grades against it, from a relative path", () => {
    const { root } = course();
    const right = run(
      ["check", "class/right.yaml", "--assignment", "mini.mjs"],
      join(root, "course"),
    );
    expect(right.stderr).toBe("");
    expect(right.code).toBe(0);
    expect(right.stdout).toMatch(/^q1\s+2\/2\s+passed$/m);
    expect(right.stdout).toMatch(/^q2\s+3\/3\s+passed$/m);
    expect(right.stdout).toContain("total: 5 / 5");
    const wrong = run(
      ["check", "course/class/wrong.yaml", "-a", "course/mini.mjs", "--json"],
      root,
    );
    const result = JSON.parse(wrong.stdout);
    expect(result.assignment).toBe("mini");
    expect(result.questions.map((q: { score: number }) => q.score)).toEqual([0, 0]);
    expect(result.max_score).toBe(5);
  });

  it("refuses an answer file written for another assignment", () => {
    const { root, classDir } = course();
    writeFileSync(join(classDir, "hw1.yaml"), answers("s4", "hw1", "yes", 4));
    const out = run(
      ["check", join(classDir, "hw1.yaml"), "-a", join(root, "course", "mini.mjs")],
      root,
    );
    expect(out.code).toBe(1);
    expect(out.stdout).toContain("the answer file is for assignment 'hw1', not 'mini'");
  });

  it("batch hands the path to its workers, made absolute", () => {
    const { root } = course();
    const out = run(
      ["batch", "course/class", "--out", "graded", "--jobs", "2", "-a", "course/mini.mjs", "-q"],
      root,
    );
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const rows = parseCsv(readFileSync(join(root, "graded", "gradebook.csv"), "utf8"), {
      columns: true,
    }) as Record<string, string>[];
    const scores = Object.fromEntries(rows.map((r) => [r.student_id, [r.q1, r.q2, r.total]]));
    expect(scores).toEqual({ s1: ["2", "3", "5"], s2: ["0", "0", "0"], s3: ["2", "0", "2"] });
    const s3 = JSON.parse(readFileSync(join(root, "graded", "results", "s3.json"), "utf8"));
    expect(s3.assignment).toBe("mini");
  });

  it("template and variants follow it", () => {
    const { root } = course();
    const template = run(["template", "-a", "course/mini.mjs", "--student", "s9"], root);
    expect(template.code).toBe(0);
    const skeleton = parseYaml(template.stdout);
    expect(skeleton.assignment).toBe("mini");
    expect(skeleton.student.id).toBe("s9");
    expect(Object.keys(skeleton.answers)).toEqual(["q1", "q2"]);
    writeFileSync(join(root, "roster.csv"), "student_id,name\ns1,Ada\n");
    const variants = run(["variants", "-r", "roster.csv", "-a", "course/mini.mjs"], root);
    expect(variants.code).toBe(0);
    expect(variants.stdout).toBe("student_id,name\ns1,Ada\n");
    expect(variants.stderr).toContain("mini has per-student variants off");
  });
});

describe("a broken assignment module", () => {
  const cases: [string, string, RegExp][] = [
    ["absent.mjs", "", /^nnkit-grade: cannot read .*absent\.mjs \(ENOENT\)\n$/],
    [
      "no-default.mjs",
      "export const questions = [];\n",
      /^nnkit-grade: .*no-default\.mjs has no default export: end it with `export default defineAssignment\(\{\.\.\.\}\)`\n$/,
    ],
    [
      "twice.mjs",
      MINI.replace('id: "q2"', 'id: "q1"'),
      /^nnkit-grade: \S*twice\.mjs:2:\d+: defineAssignment\(mini\): question id q1 is used twice\n$/,
    ],
    ["syntax.mjs", "export default {\n", /^nnkit-grade: \S*syntax\.mjs:\d+:\d+: .+\n$/],
    [
      "notes.txt",
      "",
      /^nnkit-grade: \S*notes\.txt: an assignment file ends in .yaml, .yml, .mjs or .js/,
    ],
  ];
  for (const [name, text, message] of cases) {
    it(`${name}: one message, exit code 2, on every command`, () => {
      const { root, classDir } = course();
      if (text) writeFileSync(join(root, name), text);
      const commands = [
        ["check", join(classDir, "right.yaml")],
        ["batch", classDir, "--out", join(root, "graded")],
        ["template"],
        ["gradescope", "build", "--out", join(root, "autograder.zip")],
      ];
      for (const command of commands) {
        const out = run([...command, "--assignment", name], root);
        expect(out.code, command[0]).toBe(2);
        expect(out.stderr, command[0]).toMatch(message);
        expect(out.stderr).not.toMatch(/^\s+at /m);
        expect(out.stdout).toBe("");
      }
    });
  }
});

describe("Gradescope with an assignment file", () => {
  it("the zip carries the module and its run script grades against that copy", () => {
    const { root, classDir } = course();
    const zip = join(root, "autograder.zip");
    const build = run(["gradescope", "build", "--out", zip, "-a", "course/mini.mjs"], root);
    expect(build.code).toBe(0);
    const entries = unzipSync(readFileSync(zip));
    expect(strFromU8(entries["assignment/mini.mjs"]!)).toBe(MINI);
    // The module's `import "@nnkit/grading"` resolves from its folder: setup.sh installs it there.
    const { version } = JSON.parse(
      readFileSync(join(here, "..", "..", "..", "packages", "grading", "package.json"), "utf8"),
    );
    expect(strFromU8(entries["setup.sh"]!)).toContain(
      `(cd /autograder/source && npm install --no-save --no-audit --no-fund @nnkit/grading@${version})`,
    );
    // Unpacked elsewhere, without the course folder: only the zip's copy can be graded against.
    const graded = runAutograder(cli, zip, join(classDir, "half.yaml"), {
      submittedAt: "2026-10-01T10:00:00Z",
      dueDate: "2026-10-02T23:59:00Z",
    });
    expect(graded.stderr).toBe("");
    expect(graded.code).toBe(0);
    expect(graded.results.score).toBe(2);
    expect(
      graded.results.tests.map((t: { name: string; score: number; max_score: number }) => [
        t.name,
        t.score,
        t.max_score,
      ]),
    ).toEqual([
      ["q1", 2, 2],
      ["q2", 0, 3],
    ]);
  });
});
