import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hw1 } from "@nnkit/grading";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { graded, question, result } from "../fixtures/results.js";
import { writeFileAtomic } from "./atomic.js";
import { gradebookCsv } from "./gradebook.js";
import { gradescopeResults, questionVisibility } from "./gradescope-results.js";
import { keyResults } from "./student-key.js";
import { batchStats, summaryMarkdown } from "./summary.js";

const alice = result("s001", "Alice, A.", [
  question("q1.1", 1, 1, "passed"),
  question("q2.3", 0.5, 1, "partial", "memory should count every stored value\nmore detail"),
  question("q3.3.3", 0, 1, "manual", "kept for a person"),
]);
const bob = result("s002", "Bob", [
  question("q1.1", 0, 1, "failed", "counterexample: x = (0, 0, 1, 0)"),
  question("q2.3", 0.5, 1, "partial", "memory should count every stored value"),
  question("q3.3.3", 0, 1, "manual"),
]);
const broken = result("", "", [
  question("q1.1", 0, 1, "invalid", "line 3: bad indentation"),
  question("q2.3", 0, 1, "invalid", "line 3: bad indentation"),
  question("q3.3.3", 0, 1, "invalid", "line 3: bad indentation"),
]);

describe("keyResults", () => {
  it("reports duplicate ids on both files and keeps both results", () => {
    const keyed = keyResults([
      graded("a.yaml", alice),
      graded("b.yaml", bob),
      graded("late/a.yaml", alice),
    ]);
    expect(keyed.map((k) => k.key)).toEqual(["s001", "s002", "s001~2"]);
    expect(keyed[0]!.duplicateOf).toEqual(["late/a.yaml"]);
    expect(keyed[2]!.duplicateOf).toEqual(["a.yaml"]);
    expect(keyed[1]!.duplicateOf).toBeUndefined();
  });

  it("takes the NFC and NFD spellings of one id for one student: a duplicate", () => {
    const nfc = result("s-Jos\u00e9", "José", [question("q1.1", 1, 1, "passed")]);
    const nfd = result("s-Jose\u0301", "José", [question("q1.1", 0, 1, "failed")]);
    expect(nfc.student.id).not.toBe(nfd.student.id);
    const keyed = keyResults([graded("a.yaml", nfc), graded("b.yaml", nfd)]);
    expect(keyed.map((k) => k.duplicateOf)).toEqual([["b.yaml"], ["a.yaml"]]);
    expect(keyed.map((k) => k.key)).toEqual(["s-Jos_", "s-Jos_~2"]);
  });

  it("makes hostile ids safe file names", () => {
    const evil = result("../../etc/passwd", "x", [question("q1.1", 0, 1, "failed")]);
    const [k] = keyResults([graded("evil.yaml", evil)]);
    expect(k!.key).toBe("__.._etc_passwd");
    expect(k!.key).not.toContain("/");
  });
});

describe("gradebookCsv", () => {
  it("parses back to the scores, with quoting, totals and notes", () => {
    const csv = gradebookCsv(keyResults([graded("a.yaml", alice), graded("x.yaml", broken)]));
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      student_id: "s001",
      name: "Alice, A.",
      file: "a.yaml",
      "q1.1": "1",
      "q2.3": "0.5",
      "q3.3.3": "0",
      total: "1.5",
      max_total: "3",
      notes: "",
    });
    expect(rows[1]!.notes).toBe("invalid file");
  });
});

describe("summaryMarkdown", () => {
  const keyed = keyResults([
    graded("a.yaml", alice),
    graded("b.yaml", bob),
    graded("x.yaml", broken),
  ]);

  it("counts valid and invalid files and averages valid ones only", () => {
    expect(batchStats(keyed)).toEqual({
      files: 3,
      valid: 2,
      invalid: 1,
      duplicates: 0,
      meanScore: 1,
      maxScore: 3,
    });
  });

  it("lists per-question means, the commonest mistake first line, and invalid files", () => {
    const md = summaryMarkdown(keyed);
    expect(md).toContain("| q1.1 | 0.5 | 1 | 0: 1, 1: 1 | 1 | 0 | 1 | 0 | 0 | 0 |");
    expect(md).toContain("  - 2× memory should count every stored value");
    expect(md).not.toContain("more detail");
    expect(md).toContain("- `x.yaml`: line 3: bad indentation");
    expect(md).toMatch(/## Not graded\n\nNone\.\n$/);
  });

  it("lists the entries a batch did not grade, with why", () => {
    const md = summaryMarkdown(keyed, [
      { relativePath: "link.yaml", reason: "a symbolic link: links are not followed" },
    ]);
    expect(md).toMatch(
      /## Not graded\n\n- `link.yaml`: a symbolic link: links are not followed\n$/,
    );
  });
});

describe("questionVisibility", () => {
  it("shows a question as openly as its most visible part", () => {
    expect(questionVisibility([{ visibility: "hidden" }, { visibility: "after_due_date" }])).toBe(
      "after_due_date",
    );
    expect(questionVisibility([{ visibility: "hidden" }, { visibility: "visible" }])).toBe(
      "visible",
    );
    expect(questionVisibility([{ visibility: "hidden" }])).toBe("hidden");
  });
});

describe("gradescopeResults", () => {
  const withPolicy = { ...hw1, latePolicy: { penaltyPerDay: 0.25 } };
  const input = {
    assignment: withPolicy,
    result: alice,
    submittedFile: "answers.yaml",
    otherFiles: ["notes.yaml"],
    executionSeconds: 1.23456,
  };

  it("applies the assignment's late policy from Gradescope's times, keeping question scores", () => {
    const late = gradescopeResults({
      ...input,
      metadata: {
        created_at: "2026-10-03T12:00:00Z",
        assignment: { due_date: "2026-10-02T23:59:00Z" },
      },
    });
    expect(late.score).toBeCloseTo(1.5 * 0.75, 6);
    expect(late.output).toBe(
      "Graded answers.yaml.\nIgnored: notes.yaml.\nSubmitted 1 day late: 25% deducted.",
    );
    expect(late.tests.map((t) => t.score)).toEqual([1, 0.5, 0]);
    expect(late.execution_time).toBe(1.235);
  });

  it("keeps the score when on time or when the metadata has no times", () => {
    const onTime = gradescopeResults({
      ...input,
      metadata: {
        created_at: "2026-10-01T12:00:00Z",
        assignment: { due_date: "2026-10-02T23:59:00Z" },
      },
    });
    expect(onTime.score).toBe(1.5);
    expect(gradescopeResults({ ...input, metadata: undefined }).score).toBe(1.5);
  });
});

describe("writeFileAtomic", () => {
  it("replaces the file and leaves no temporary behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "nnkit-atomic-"));
    const path = join(dir, "sub", "gradebook.csv");
    writeFileAtomic(path, "old\n");
    writeFileAtomic(path, "new\n");
    expect(readFileSync(path, "utf8")).toBe("new\n");
    expect(readdirSync(join(dir, "sub"))).toEqual(["gradebook.csv"]);
  });

  it("keeps the previous file when the write fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "nnkit-atomic-"));
    const path = join(dir, "f.txt");
    writeFileSync(path, "previous");
    // A folder in place of the target makes the final rename fail.
    expect(() => writeFileAtomic(join(dir), "x")).toThrow();
    expect(readFileSync(path, "utf8")).toBe("previous");
  });
});
