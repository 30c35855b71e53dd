// Acceptance: a class of 200 files of which 20 are attacks (issue 18), graded by the built CLI.
// Every good file is graded as the grading package grades it, every bad one is reported with its
// reason, nothing is skipped in silence, and the outputs an instructor opens stay inert.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gradeAnswerText, hw1 } from "@nnkit/grading";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "dist", "cli.js");
const examples = join(here, "..", "..", "..", "examples", "hw1");

/** Seconds of CPU time each file may take. */
const BUDGET = 2;
const GOOD = 180;

const answersOf = (file: string) => {
  const { answers } = parseYaml(readFileSync(join(examples, file), "utf8"));
  // The questions that grade fastest (1.2's enumeration and the symbolic ones take most of the
  // time): the class stays quick to grade.
  const quick = ["q1.1", "q2.1.1", "q2.2.1", "q2.3", "q3.2"];
  return Object.fromEntries(Object.entries(answers).filter(([id]) => quick.includes(id)));
};
const templates = ["correct.yaml", "mistakes/q2.3-z.yaml", "mistakes/q3.1-sign.yaml"].map(
  answersOf,
);
const header = (id: string, name = `Student ${id}`) => ({
  assignment: "hw1",
  student: { id, name },
});
const goodFile = (i: number) => {
  const id = `s${String(i).padStart(4, "0")}`;
  return { id, text: stringifyYaml({ ...header(id), answers: templates[i % templates.length] }) };
};

/** The tiny-float 1.2 network whose exact arithmetic ran for minutes (see cli.e2e.test.ts). */
function slowNetwork(): string {
  const { answers } = parseYaml(readFileSync(join(examples, "correct.yaml"), "utf8"));
  const tiny = (v: unknown): unknown => (Array.isArray(v) ? v.map(tiny) : v === 0 ? 1e-300 : v);
  const layers = answers["q1.2"].layers.map((l: { W: unknown; b: unknown }) => ({
    ...l,
    W: tiny(l.W),
    b: tiny(l.b),
  }));
  return stringifyYaml({ ...header("a-slow"), answers: { "q1.2": { layers } } });
}

const yamlHeader = (id: string) => `assignment: hw1\nstudent: {id: ${id}, name: X}\n`;
const aliasBomb = () => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    lines.push(
      `${name}: &${name} [${Array(9)
        .fill(`*${String.fromCharCode(96 + level)}`)
        .join(",")}]`,
    );
  }
  return `${lines.join("\n")}\n`;
};
const withName = (id: string, name: string) =>
  stringifyYaml({ ...header(id, name), answers: templates[0] });

/** The attacks, each with what the gradebook must say of it (a reason for invalid files). */
const attacks: { file: string; text: string; invalid?: RegExp }[] = [
  { file: "a-slow.yaml", text: slowNetwork() },
  {
    file: "a-keys.yaml",
    text: `${yamlHeader("a-keys")}answers:\n${Array.from({ length: 22_000 }, (_, i) => `  k${i}: 1`).join("\n")}\n`,
  },
  {
    file: "a-deep-flow.yaml",
    text: `${yamlHeader("a-deep-flow")}answers: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`,
    invalid: /nested deeper than 32 levels/,
  },
  {
    file: "a-deep-block.yaml",
    text: `${yamlHeader("a-deep-block")}answers:\n  q1.1:\n    ${"- ".repeat(10_000)}1\n`,
    invalid: /nested deeper than 32 levels/,
  },
  { file: "a-alias-bomb.yaml", text: aliasBomb(), invalid: /cannot be read|more than/ },
  {
    file: "a-huge.yaml",
    text: `${yamlHeader("a-huge")}answers:\n  q2.2.1:\n    H: [${"0,".repeat(200_000)}0]\n`,
    invalid: /characters; at most/,
  },
  { file: "a-hyperlink.yaml", text: withName("a-hyperlink", '=HYPERLINK("http://x.example","y")') },
  { file: "a-plus.yaml", text: withName("+a-plus", "@SUM(1)") },
  { file: "a-controls.yaml", text: withName("a-controls", "\tTab\r\u0001\u001b[31mName") },
  {
    file: "a-markdown.yaml",
    text: withName("a-markdown", "Eve\n# Score: 9 / 9\n<img src=x onerror=alert(1)>"),
  },
  { file: "ANSWERS-UPPER.YAML", text: withName("a-upper", "Upper Case") },
  { file: "a-nfc.yaml", text: withName("s-Jos\u00e9", "NFC") },
  { file: "a-nfd.yaml", text: withName("s-Jose\u0301", "NFD") },
  {
    file: "a-binary.yaml",
    text: String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256)),
    invalid: /not valid YAML|cannot be read|must be a mapping/,
  },
  {
    file: "a-proto.yaml",
    text: `${yamlHeader("a-proto")}answers:\n  __proto__: {polluted: true}\n  constructor: {prototype: {x: 1}}\n`,
  },
  {
    file: "a-malformed.yaml",
    text: `${yamlHeader("a-bad")}answers: [unclosed`,
    invalid: /not valid YAML/,
  },
  { file: "a-traversal.yaml", text: withName("../../../etc/passwd", "T") },
  { file: "a-empty.yaml", text: "", invalid: /must be a mapping|needs 'student/ },
];
const NOT_GRADED = ["a-link.yaml", "a-pipe.yaml"];

describe("a class of 200 files, 20 of them attacks", () => {
  const root = mkdtempSync(join(tmpdir(), "nnkit-hostile-"));
  const submissions = join(root, "class");
  const outDir = join(root, "out");
  let out: { code: number | null; stdout: string; stderr: string };
  /** A gradebook row: the columns every row has, then one per question. */
  type GradebookRow = { file: string; name: string; notes: string } & Record<string, string>;
  let rows: GradebookRow[];
  let expected: ReturnType<typeof gradeAnswerText>[];

  beforeAll(() => {
    mkdirSync(submissions);
    for (let i = 0; i < GOOD; i++) {
      writeFileSync(join(submissions, `good-${String(i).padStart(3, "0")}.yaml`), goodFile(i).text);
    }
    for (const a of attacks) writeFileSync(join(submissions, a.file), a.text);
    symlinkSync("/etc/passwd", join(submissions, NOT_GRADED[0]!));
    execFileSync("mkfifo", [join(submissions, NOT_GRADED[1]!)]);
    const run = spawnSync(
      process.execPath,
      [cli, "batch", submissions, "--out", outDir, "-q", "-t", String(BUDGET)],
      { encoding: "utf8" },
    );
    out = { code: run.status, stdout: run.stdout, stderr: run.stderr };
    rows = parseCsv(readFileSync(join(outDir, "gradebook.csv"), "utf8"), {
      columns: true,
    }) as GradebookRow[];
    expected = templates.map((_, t) => gradeAnswerText(goodFile(t).text, { assignment: "hw1" }));
    // About 10 s of CPU on two workers; the shared development machine may be far busier.
  }, 180_000);

  it("grades every good file as the grading package does", () => {
    expect(out.code).toBe(1);
    expect(GOOD + attacks.length + NOT_GRADED.length).toBe(200);
    expect(rows).toHaveLength(GOOD + attacks.length);
    // hw1 has no per-student variants: one grading per template stands for all its copies.
    expect(hw1.perStudentVariants).toBe(false);
    for (let i = 0; i < GOOD; i++) {
      const row = rows.find((r) => r.student_id === goodFile(i).id)!;
      const want = expected[i % templates.length]!;
      expect(Number(row.total)).toBeCloseTo(want.score, 3);
      expect(row.notes).toBe("");
    }
  });

  it("reports every bad file with its reason and lists what it did not grade", () => {
    const summary = readFileSync(join(outDir, "summary.md"), "utf8");
    for (const a of attacks.filter((x) => x.invalid)) {
      const row = rows.find((r) => r.file === a.file)!;
      expect(row.notes).toContain("invalid file");
      const line = summary.split("\n").find((l) => l.startsWith(`- \`${a.file}\`: `));
      expect(line).toMatch(a.invalid!);
    }
    const slow = rows.find((r) => r.file === "a-slow.yaml")!;
    if (slow.notes.includes("invalid")) expect(summary).toContain("time budget of 2 s");
    for (const name of NOT_GRADED) expect(summary).toMatch(new RegExp(`- \`${name}\`: \\S`));
    const nfc = rows.filter((r) => r.name === "NFC" || r.name === "NFD");
    expect(nfc.map((r) => r.notes.startsWith("duplicate id"))).toEqual([true, true]);
    expect(out.stdout).toMatch(/graded 198 files in [\d.]+ s: .*, 2 duplicate ids, 2 not graded/);
  });

  it("keeps the gradebook and feedback inert, and finishes within the sum of its budgets", () => {
    for (const row of rows) {
      for (const cell of Object.values(row)) {
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(cell).not.toMatch(/[^\P{Cc}\t\n\r]/u);
      }
    }
    expect(rows.find((r) => r.file === "a-hyperlink.yaml")!.name).toBe(
      `'=HYPERLINK("http://x.example","y")`,
    );
    const feedback = readFileSync(join(outDir, "feedback", "a-markdown.md"), "utf8");
    expect(feedback.split("\n").filter((l) => l.startsWith("#"))[0]).toBe(
      "# hw1 feedback for Eve \\# Score: 9 / 9 \\<img src=x onerror=alert(1)\\> (a-markdown)",
    );
    const seconds = Number(/graded 198 files in ([\d.]+) s/.exec(out.stdout)![1]);
    expect(seconds).toBeLessThan(200 * BUDGET);
  });
});
