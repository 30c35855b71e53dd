import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { graded, question, result } from "../fixtures/results.js";
import { sourceOf } from "./result-log.js";
import { BY_INDEX, writeStudentFiles } from "./student-files.js";
import { openStaging, writeOutputs } from "./write-outputs.js";

const results = [
  result("s1", "Ann", [question("q1", 1, 1, "passed"), question("q2", 0, 1, "manual")]),
  result("s2", "Bo", [question("q1", 0, 1, "failed", "no"), question("q2", 0, 1, "manual")]),
  result("s1", "Ann again", [question("q1", 0.5, 1, "partial", "half")]),
  // A student id that is also another file's index: staged names never meet students' keys.
  result("0", "Zero", [question("q1", 1, 1, "passed"), question("q2", 0, 1, "manual")]),
];
const source = () => sourceOf(results.map((r, i) => graded(`f${i}.yaml`, r)));
const manual = [{ studentId: "s2", question: "q2", score: 0.5, feedback: "shown work" }];

/** Every file under `dir` (path relative to it → text), the staging folder's leftovers included. */
function tree(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [
        join(e.parentPath, e.name).slice(dir.length),
        readFileSync(join(e.parentPath, e.name), "utf8"),
      ]),
  );
}

describe("outputs a grading thread wrote ahead, by index", () => {
  it("are moved to the students' keys: the outputs are those written at the end", () => {
    const atEnd = mkdtempSync(join(tmpdir(), "nnkit-staged-"));
    const expected = writeOutputs(atEnd, "hw", source(), [], manual);

    const ahead = mkdtempSync(join(tmpdir(), "nnkit-staged-"));
    const staging = openStaging(ahead);
    // Files 0, 1 and 3 were written by their threads (1 gets a manual score later); 2 was not.
    for (const i of [0, 1, 3]) writeStudentFiles(join(staging, BY_INDEX), String(i), results[i]!);
    const staged = new Set([0, 1, 3]);
    const got = writeOutputs(ahead, "hw", source(), [], manual, {
      dir: staging,
      has: (i) => staged.has(i),
    });

    expect(got).toEqual(expected);
    expect(tree(ahead)).toEqual(tree(atEnd));
    expect(existsSync(staging)).toBe(false);
    // The manual score reached the moved file's results and feedback, not its automatic result.
    const bo = JSON.parse(readFileSync(join(ahead, "results", "s2.json"), "utf8"));
    expect(bo.score).toBe(0.5);
    const boAutomatic = JSON.parse(readFileSync(join(ahead, "automatic", "s2.json"), "utf8"));
    expect(boAutomatic.score).toBe(0);
    expect(readFileSync(join(ahead, "feedback", "s2.md"), "utf8")).toContain("shown work");
  });
});
