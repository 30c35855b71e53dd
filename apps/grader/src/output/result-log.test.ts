import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { graded, question, result } from "../fixtures/results.js";
import { LOG_PREFIX, ResultLog, sourceOf } from "./result-log.js";
import { writeOutputs } from "./write-outputs.js";

const files = ["a.yaml", "b.yaml", "c.yaml"].map((n) => ({ path: `/class/${n}`, relativePath: n }));
const results = [
  result("s1", "Ann", [question("q1", 1, 1, "passed"), question("q2", 0, 1, "failed", "no")]),
  result("s2", "Bo", [
    question("q1", 0, 1, "invalid", "bad"),
    question("q2", 0, 1, "invalid", "bad"),
  ]),
  result("s1", "Ann again", [question("q1", 0.5, 1, "partial", "half")]),
];

describe("ResultLog", () => {
  it("keeps each finished result on disk at once, and reads any back by index", () => {
    const out = mkdtempSync(join(tmpdir(), "nnkit-log-"));
    const log = new ResultLog(out, files);
    log.append(2, { file: files[2]!, result: results[2]! });
    log.append(0, { file: files[0]!, result: results[0]! });
    // Before the batch ends (or if it is killed now): both finished grades are in the file.
    const [name] = readdirSync(out).filter((n) => n.startsWith(LOG_PREFIX));
    const lines = readFileSync(join(out, name!), "utf8").trimEnd().split("\n");
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { index: 2, file: "c.yaml", result: results[2] },
      { index: 0, file: "a.yaml", result: results[0] },
    ]);
    log.append(1, { file: files[1]!, result: results[1]! });
    expect([0, 1, 2].map((i) => log.result(i))).toEqual(results);
    expect([0, 1, 2].map((i) => log.studentId(i))).toEqual(["s1", "s2", "s1"]);
    expect(log.questionIds(2)).toEqual(["q1"]);
    log.remove();
    expect(readdirSync(out)).toEqual([]);
  });

  it("gives the same outputs as the results held in memory", () => {
    const fromLog = mkdtempSync(join(tmpdir(), "nnkit-log-"));
    const fromMemory = mkdtempSync(join(tmpdir(), "nnkit-log-"));
    const log = new ResultLog(fromLog, files);
    for (const i of [1, 2, 0]) log.append(i, { file: files[i]!, result: results[i]! });
    const a = writeOutputs(fromLog, "hw", log);
    log.remove();
    const b = writeOutputs(
      fromMemory,
      "hw",
      sourceOf(files.map((f, i) => graded(f.relativePath, results[i]!))),
    );
    expect(a).toEqual(b);
    expect(a.stats).toMatchObject({ files: 3, valid: 2, invalid: 1, duplicates: 2 });
    const read = (dir: string) =>
      Object.fromEntries(
        readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => [
            join(e.parentPath, e.name).slice(dir.length),
            readFileSync(join(e.parentPath, e.name), "utf8"),
          ]),
      );
    expect(read(fromLog)).toEqual(read(fromMemory));
  });
});
