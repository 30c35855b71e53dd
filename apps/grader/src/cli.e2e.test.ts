// End-to-end tests: the built CLI (dist/cli.js) run as a process, as instructors run it.
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gradeAnswerFile, resultToJSON } from "@nnkit/grading";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "dist", "cli.js");
const examples = join(here, "..", "..", "..", "examples", "hw1");
const sampleClass = join(examples, "submissions");

function run(args: string[], options: { cwd?: string } = {}) {
  const out = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", ...options });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const scratch = () => mkdtempSync(join(tmpdir(), "nnkit-grade-"));

/** A batch's summary line's counts: solver decisions, and identities the prover compared. */
function decisions(stdout: string) {
  const [, solved, cached] = /proofs: (\d+) by the solver, (\d+) already decided/.exec(stdout)!;
  const [, compared, recalled] = /identities: (\d+) by the prover, (\d+) already compared/.exec(
    stdout,
  )!;
  return {
    solved: Number(solved),
    cached: Number(cached),
    compared: Number(compared),
    recalled: Number(recalled),
  };
}

describe("nnkit-grade basics", () => {
  it("prints its version and help, and exits 2 on bad usage", () => {
    const version = run(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(join(here, "..", "package.json"), "utf8")).version,
    );
    const help = run(["batch", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--jobs <n>");
    expect(help.stdout).toContain("Exit codes:");
    expect(run(["grade-everything"]).code).toBe(2);
    expect(run(["batch", sampleClass]).stderr).toContain("--out");
    const missing = run(["check", "no-such-file.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no-such-file.yaml is not a file");
    expect(run(["check", join(examples, "correct.yaml"), "--assignment", "hw9"]).stderr).toContain(
      'unknown assignment "hw9" (known: hw1; or the path of an assignment file)',
    );
  });
});

describe("check", () => {
  it("prints a per-question report and the total", () => {
    const out = run(["check", join(examples, "correct.yaml")]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^q1\.1\s+1\/1\s+passed$/m);
    expect(out.stdout).toMatch(/^q3\.3\.3\s+0\/1\s+manual$/m);
    expect(out.stdout).toContain("total: 8 / 9");
  });

  it("--json prints exactly the grading package's result", async () => {
    const file = join(examples, "seed-student.yaml");
    const out = run(["check", file, "--json"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(resultToJSON(await gradeAnswerFile(file, { assignment: "hw1" })));
    expect(JSON.parse(out.stdout).student.name).toBe("Guolun Li");
  });

  it("exits 1 for an invalid file and says why", () => {
    const out = run(["check", join(sampleClass, "kevin.yaml")]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain("not valid YAML");
  });
});

describe("batch", () => {
  const outDir = join(scratch(), "graded");
  let first: ReturnType<typeof run>;
  beforeAll(() => {
    first = run(["batch", sampleClass, "--out", outDir, "--jobs", "2"]);
  });

  it("grades the sample class, reporting invalid files and duplicate ids (exit 1)", () => {
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/graded 14 files in .* s: 12 valid, 2 invalid, 2 duplicate ids/);
    expect(first.stderr).toContain("[14/14]");
  });

  it("writes a gradebook that parses back to each student's result", async () => {
    const rows = parseCsv(readFileSync(join(outDir, "gradebook.csv"), "utf8"), {
      columns: true,
    }) as Record<string, string>[];
    expect(rows.map((r) => r.file)).toEqual(readdirSync(sampleClass).sort());
    for (const row of rows) {
      const result = await gradeAnswerFile(join(sampleClass, row.file!), { assignment: "hw1" });
      expect(row.student_id).toBe(result.student.id);
      expect(Number(row.total)).toBeCloseTo(result.score, 3);
      for (const q of result.questions) expect(Number(row[q.id])).toBeCloseTo(q.score, 3);
    }
    const alice = rows.find((r) => r.file === "alice.yaml")!;
    expect(alice.notes).toBe("duplicate id (also in mallory.yaml)");
    expect(rows.find((r) => r.file === "laura.yaml")!.notes).toBe("invalid file");
  });

  it("writes results, feedback and a summary per student, duplicates kept apart", () => {
    expect(readdirSync(join(outDir, "results")).sort()).toContain("s1001~2.json");
    const mallory = JSON.parse(readFileSync(join(outDir, "results", "s1001~2.json"), "utf8"));
    expect(mallory.student.name).toBe("Mallory Martin");
    const feedback = readFileSync(join(outDir, "feedback", "s1004.md"), "utf8");
    expect(feedback).toContain("# hw1 feedback for Dave Okafor (s1004)");
    expect(feedback).toMatch(/\| q1\.1 \| 0 \/ 1 \| ✘ failed \|/);
    const summary = readFileSync(join(outDir, "summary.md"), "utf8");
    expect(summary).toContain("14 files: 12 graded, 2 invalid, 2 with duplicate ids.");
    expect(summary).toContain("- `kevin.yaml`: the answer file is not valid YAML");
    expect(summary).toContain("- `s1001` in `mallory.yaml` (results file `s1001~2.json`)");
  });

  it("gives byte-identical outputs on a rerun, with one job or two", () => {
    const again = join(scratch(), "graded");
    const oneJob = run(["batch", sampleClass, "--out", again, "--jobs", "1", "--quiet"]);
    expect(oneJob.code).toBe(1);
    // Several students submit the same networks and formulas: one thread decides each distinct
    // one once, and so do two threads (they share their decisions through the pool).
    const one = decisions(oneJob.stdout);
    expect(decisions(first.stdout)).toEqual(one);
    expect(one.cached).toBeGreaterThan(0);
    expect(one.recalled).toBeGreaterThan(0);
    for (const file of [
      "gradebook.csv",
      "summary.md",
      "batch.json",
      "results/s1006.json",
      "feedback/s1006.md",
    ]) {
      expect(readFileSync(join(again, file), "utf8")).toBe(
        readFileSync(join(outDir, file), "utf8"),
      );
    }
  });

  it("decides an answer two files give once, though two threads grade them at once", () => {
    // Both threads start at once, one file each: the second to reach a proof waits for the first.
    const frank = readFileSync(join(sampleClass, "frank.yaml"), "utf8");
    const [alone, twice] = [scratch(), scratch()];
    writeFileSync(join(alone, "a.yaml"), frank);
    writeFileSync(join(twice, "a.yaml"), frank);
    writeFileSync(join(twice, "b.yaml"), frank.replaceAll("s1006", "s2006"));
    const [aloneOut, twiceOut] = [join(scratch(), "graded"), join(scratch(), "graded")];
    const once = run(["batch", alone, "--out", aloneOut, "--jobs", "1", "--quiet"]);
    const both = run(["batch", twice, "--out", twiceOut, "--jobs", "2", "--quiet"]);
    expect([once.code, both.code]).toEqual([0, 0]);
    const single = decisions(once.stdout);
    expect(single.solved).toBeGreaterThan(0);
    expect(single.compared).toBeGreaterThan(0);
    // The second file's proofs are all recalled: none is asked of the solver or prover again.
    expect(decisions(both.stdout)).toEqual({
      solved: single.solved,
      cached: 2 * single.cached + single.solved,
      compared: single.compared,
      recalled: 2 * single.recalled + single.compared,
    });
    for (const file of ["results/s1006.json", "feedback/s1006.md"]) {
      expect(readFileSync(join(twiceOut, file), "utf8")).toBe(
        readFileSync(join(aloneOut, file), "utf8"),
      );
    }
  });

  it("merge-manual adds a person's score for the free-text question and rejects bad rows", () => {
    const manual = join(scratch(), "manual.csv");
    writeFileSync(
      manual,
      "student_id,question,score,feedback\ns1002,q3.3.3,1,clear account of double descent\ns1002,q1.1,0,not manual\ns9999,q3.3.3,1,\n",
    );
    const out = run(["merge-manual", outDir, manual]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(
      "line 3: mergeManualScores(s1002, q1.1): the question is passed, not waiting for a person",
    );
    expect(out.stderr).toContain("line 4: no graded file for student s9999");
    const rows = parseCsv(readFileSync(join(outDir, "gradebook.csv"), "utf8"), {
      columns: true,
    }) as Record<string, string>[];
    const bob = rows.find((r) => r.student_id === "s1002")!;
    expect(bob["q3.3.3"]).toBe("1");
    expect(bob.total).toBe("9");
    expect(readFileSync(join(outDir, "feedback", "s1002.md"), "utf8")).toContain(
      "graded by a person: clear account of double descent",
    );
  });
});

describe("gradescope", () => {
  it("run writes results.json with Gradescope's fields, one test per question", () => {
    const root = scratch();
    const submission = join(root, "submission");
    mkdirSync(submission);
    mkdirSync(join(root, "results"));
    cpSync(join(sampleClass, "dave.yaml"), join(submission, "answers.yaml"));
    writeFileSync(
      join(root, "submission_metadata.json"),
      JSON.stringify({
        created_at: "2026-10-01T10:00:00Z",
        assignment: { due_date: "2026-10-02T23:59:00Z" },
      }),
    );
    const resultsFile = join(root, "results", "results.json");
    const out = run(["gradescope", "run", "--submission", submission, "--results", resultsFile]);
    expect(out.code).toBe(0);
    const results = JSON.parse(readFileSync(resultsFile, "utf8"));
    const visibilities = ["hidden", "after_due_date", "after_published", "visible"];
    expect(typeof results.execution_time).toBe("number");
    expect(visibilities).toContain(results.visibility);
    expect(results.tests).toHaveLength(13);
    for (const test of results.tests) {
      expect(Object.keys(test).sort()).toEqual(
        ["max_score", "name", "number", "output", "score", "status", "visibility"].sort(),
      );
      expect(["passed", "failed"]).toContain(test.status);
      expect(visibilities).toContain(test.visibility);
      expect(test.score).toBeLessThanOrEqual(test.max_score);
    }
    const q11 = results.tests.find((t: { name: string }) => t.name === "q1.1");
    expect(q11).toMatchObject({ number: "1.1", score: 0, max_score: 1, status: "failed" });
    expect(results.score).toBeCloseTo(6.667, 3);
  });

  it("run reports an empty submission instead of failing", () => {
    const root = scratch();
    mkdirSync(join(root, "submission"));
    const resultsFile = join(root, "results.json");
    expect(
      run(["gradescope", "run", "--submission", join(root, "submission"), "--results", resultsFile])
        .code,
    ).toBe(0);
    const results = JSON.parse(readFileSync(resultsFile, "utf8"));
    expect(results.score).toBe(0);
    expect(results.output).toContain("No answer file found");
  });

  it("build writes a zip with an executable setup.sh and run_autograder", () => {
    const zip = join(scratch(), "autograder.zip");
    expect(run(["gradescope", "build", "--out", zip]).code).toBe(0);
    const listing = spawnSync(
      "python3",
      [
        "-c",
        `import zipfile,sys\nfor i in zipfile.ZipFile(sys.argv[1]).infolist(): print(i.filename, oct(i.external_attr >> 16))`,
        zip,
      ],
      { encoding: "utf8" },
    );
    if (listing.status === 0) {
      expect(listing.stdout).toContain("setup.sh 0o100755");
      expect(listing.stdout).toContain("run_autograder 0o100755");
    }
    expect(readFileSync(zip).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("template and variants", () => {
  it("template → fill → check round trip scores full marks", () => {
    const dir = scratch();
    const file = join(dir, "answers.yaml");
    expect(run(["template", "--student", "s2001", "--out", file]).code).toBe(0);
    expect(run(["template", "--out", file]).code).toBe(2);
    const template = parseYaml(readFileSync(file, "utf8"));
    expect(template.student.id).toBe("s2001");
    const correct = parseYaml(readFileSync(join(examples, "correct.yaml"), "utf8"));
    writeFileSync(file, stringifyYaml({ ...template, answers: correct.answers }));
    const out = run(["check", file]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("total: 8 / 9");
  });

  it("variants prints one row per roster student", () => {
    const roster = join(scratch(), "roster.csv");
    writeFileSync(roster, "student_id,name\ns1,Ann\ns2,Ben\n");
    const out = run(["variants", "--roster", roster]);
    expect(out.code).toBe(0);
    const rows = parseCsv(out.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.student_id)).toEqual(["s1", "s2"]);
  });
});

describe("interrupted batch", () => {
  it("a batch killed midway leaves the previous outputs intact", async () => {
    const root = scratch();
    const big = join(root, "class");
    mkdirSync(big);
    for (let i = 0; i < 60; i++)
      cpSync(join(sampleClass, "bob.yaml"), join(big, `copy-${String(i).padStart(2, "0")}.yaml`));
    const outDir = join(root, "graded");
    expect(run(["batch", sampleClass, "--out", outDir, "--quiet"]).code).toBe(1);
    const before = readFileSync(join(outDir, "gradebook.csv"), "utf8");
    const child = spawn(process.execPath, [cli, "batch", big, "--out", outDir, "--jobs", "1"]);
    await new Promise<void>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("[ 5/60]")) {
          child.kill("SIGKILL");
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.on("exit", resolve));
    expect(readFileSync(join(outDir, "gradebook.csv"), "utf8")).toBe(before);
    expect(existsSync(join(outDir, "results", "s1002.json"))).toBe(true);
    expect(readdirSync(outDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

/**
 * A homework 1.2 network that is right on every input the grader enumerates, with each zero weight
 * replaced by 1e-300: exact arithmetic on it took 16 s per file (and 598 such weights minutes).
 */
function tinyFloatNetwork(dir: string, id: string): string {
  const correct = parseYaml(readFileSync(join(examples, "correct.yaml"), "utf8"));
  const tiny = (v: unknown): unknown => (Array.isArray(v) ? v.map(tiny) : v === 0 ? 1e-300 : v);
  const layers = correct.answers["q1.2"].layers.map((layer: { W: unknown; b: unknown }) => ({
    ...layer,
    W: tiny(layer.W),
    b: tiny(layer.b),
  }));
  const file = join(dir, `${id}.yaml`);
  writeFileSync(
    file,
    stringifyYaml({ ...correct, student: { id, name: id }, answers: { "q1.2": { layers } } }),
  );
  return file;
}

describe("time budget", () => {
  // A budget of 1 ms stops any file, whatever the speed of the machine or of the grading code.
  it("check stops a file that overruns --time-limit and says so (exit 1)", () => {
    const file = tinyFloatNetwork(scratch(), "slow");
    const out = run(["check", file, "--time-limit", "0.001"]);
    expect(out.code).toBe(1);
    // One reason for the whole file is said once, not under each question.
    expect(out.stdout).toContain("ran out of its time budget of 0.001 s");
    expect(out.stdout).toMatch(/^every question is invalid \(q1\.1, q1\.2, /m);
    expect(run(["check", file, "--time-limit", "0"]).code).toBe(2);
  });

  it("batch goes on past a file that overruns its budget", async () => {
    const root = scratch();
    const submissions = join(root, "class");
    mkdirSync(submissions);
    for (const name of ["alice.yaml", "bob.yaml"]) {
      cpSync(join(sampleClass, name), join(submissions, name));
    }
    tinyFloatNetwork(submissions, "slow-1");
    // Alice's and Bob's proofs fit in 6 s of CPU even on a loaded machine; the float network does not.
    const out = run(["batch", submissions, "--out", join(root, "out"), "-q", "-t", "6"]);
    expect(out.stdout).toMatch(/graded 3 files in/);
    const rows = parseCsv(readFileSync(join(root, "out", "gradebook.csv"), "utf8"), {
      columns: true,
    }) as Record<string, string>[];
    for (const name of ["alice.yaml", "bob.yaml"]) {
      const expected = await gradeAnswerFile(join(sampleClass, name), { assignment: "hw1" });
      expect(rows.find((r) => r.file === name)!.total).toBe(String(expected.score));
    }
    const slow = JSON.parse(readFileSync(join(root, "out", "results", "slow-1.json"), "utf8"));
    const q12 = slow.questions.find((q: { id: string }) => q.id === "q1.2");
    // Graded within 6 s once exact arithmetic copes with such weights; stopped until then.
    if (q12.status === "invalid") expect(q12.feedback).toContain("time budget of 6 s");
    else expect(["passed", "failed", "review"]).toContain(q12.status);
  });

  it("gradescope run writes results.json even when the file overruns its budget", () => {
    const root = scratch();
    const submission = join(root, "submission");
    mkdirSync(submission);
    tinyFloatNetwork(submission, "answers");
    const resultsFile = join(root, "results.json");
    const args = ["gradescope", "run", "--submission", submission, "--results", resultsFile];
    expect(run([...args, "--time-limit", "0.001"]).code).toBe(0);
    const results = JSON.parse(readFileSync(resultsFile, "utf8"));
    expect(results.score).toBe(0);
    expect(results.tests).toHaveLength(13);
    for (const test of results.tests) expect(test.output).toContain("time budget of 0.001 s");
  });
});

describe("nothing skipped in silence", () => {
  it("batch grades upper-case extensions and lists what it did not grade, with why", () => {
    const root = scratch();
    const submissions = join(root, "class");
    mkdirSync(submissions);
    cpSync(join(sampleClass, "bob.yaml"), join(submissions, "BOB.YAML"));
    cpSync(join(sampleClass, "judy.json"), join(submissions, "judy.JSON"));
    writeFileSync(join(submissions, "notes.txt"), "not answers");
    symlinkSync(join(sampleClass, "alice.yaml"), join(submissions, "alice.yaml"));
    const out = run(["batch", submissions, "--out", join(root, "out"), "-q"]);
    expect(out.stdout).toMatch(/graded 2 files in .*, 2 not graded \(listed in summary\.md\)/);
    const summary = readFileSync(join(root, "out", "summary.md"), "utf8");
    expect(summary).toContain(
      "## Not graded\n\n- `alice.yaml`: a symbolic link: links are not followed\n- `notes.txt`: not an answer file (.yaml, .yml or .json)\n",
    );
    const rows = parseCsv(readFileSync(join(root, "out", "gradebook.csv"), "utf8"), {
      columns: true,
    }) as Record<string, string>[];
    expect(rows.map((r) => r.file)).toEqual(["BOB.YAML", "judy.JSON"]);
    expect(rows[0]!.total).toBe("8");
  });

  it("gradescope run grades ANSWERS.YAML and names every file it ignored", () => {
    const root = scratch();
    const submission = join(root, "submission");
    mkdirSync(submission);
    cpSync(join(sampleClass, "bob.yaml"), join(submission, "ANSWERS.YAML"));
    cpSync(join(sampleClass, "dave.yaml"), join(submission, "draft.yml"));
    writeFileSync(join(submission, "README.md"), "hi");
    const resultsFile = join(root, "results.json");
    const out = run(["gradescope", "run", "--submission", submission, "--results", resultsFile]);
    expect(out.code).toBe(0);
    const results = JSON.parse(readFileSync(resultsFile, "utf8"));
    expect(results.score).toBe(8);
    expect(results.output).toBe(
      "Graded ANSWERS.YAML.\nIgnored: draft.yml (only one answer file is graded), README.md (not an answer file (.yaml, .yml or .json)).",
    );
  });
});

describe("no lost grades", () => {
  const root = scratch();
  const submissions = join(root, "class");
  const outDir = join(root, "out");
  const gradebook = () =>
    parseCsv(readFileSync(join(outDir, "gradebook.csv"), "utf8"), { columns: true }) as Record<
      string,
      string
    >[];
  const bob = () => gradebook().find((r) => r.student_id === "s1002")!;
  const manual = (name: string, rows: string) => {
    const path = join(root, name);
    writeFileSync(path, `student_id,question,score,feedback\n${rows}`);
    return path;
  };
  beforeAll(() => {
    mkdirSync(submissions);
    for (const name of ["bob.yaml", "dave.yaml"]) {
      cpSync(join(sampleClass, name), join(submissions, name));
    }
    run(["batch", submissions, "--out", outDir, "-q"]);
  });

  it("manual scores survive a rerun, can be corrected, and one bad row costs only itself", () => {
    expect(bob()["q3.3.3"]).toBe("0");
    expect(run(["merge-manual", outDir, manual("m1.csv", "s1002,q3.3.3,1,good\n")]).code).toBe(0);
    expect(bob()).toMatchObject({ "q3.3.3": "1", total: "9" });
    // A rerun regrades every file and re-applies the stored manual scores.
    expect(run(["batch", submissions, "--out", outDir, "-q"]).code).toBe(0);
    expect(bob()).toMatchObject({ "q3.3.3": "1", total: "9" });
    expect(readFileSync(join(outDir, "feedback", "s1002.md"), "utf8")).toContain(
      "graded by a person: good",
    );
    // A correction and a bad row (0x1 is not a score): the correction applies, the row is named.
    const out = run([
      "merge-manual",
      outDir,
      manual("m2.csv", "s1002,q3.3.3,0.5,half\ns1004,q3.3.3,0x1,\n"),
    ]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(
      "m2.csv line 3: needs a student id, a question and a decimal score",
    );
    expect(out.stderr).toContain("found score '0x1'");
    expect(bob()).toMatchObject({ "q3.3.3": "0.5", total: "8.5" });
    const dave = gradebook().find((r) => r.student_id === "s1004")!;
    expect(dave["q3.3.3"]).toBe("0");
    const feedback = readFileSync(join(outDir, "feedback", "s1002.md"), "utf8");
    expect(feedback).toContain("graded by a person: half");
    expect(feedback).not.toContain("graded by a person: good");
  });

  it("a second run on the folder stops while the first holds it; stale locks and staging go", () => {
    // This test's own process is alive: a lock naming it is held.
    writeFileSync(join(outDir, ".lock"), `${process.pid}\n`);
    const held = run(["batch", submissions, "--out", outDir, "-q"]);
    expect(held.code).toBe(3);
    expect(held.stderr).toContain(`is in use by another nnkit-grade (process ${process.pid})`);
    expect(held.stderr).not.toMatch(/\n\s+at /);
    // A process that has exited leaves a stale lock and staging folder: both are removed; a live
    // process's staging folder is left alone.
    const gone = spawnSync(process.execPath, ["-e", "process.pid"]).pid!;
    writeFileSync(join(outDir, ".lock"), `${gone}\n`);
    mkdirSync(join(outDir, `.staging-${gone}-AbCdEf`, "results"), { recursive: true });
    mkdirSync(join(outDir, `.staging-${process.pid}-LiVe01`));
    expect(run(["batch", submissions, "--out", outDir, "-q"]).code).toBe(0);
    const left = readdirSync(outDir).filter((name) => name.startsWith("."));
    expect(left).toEqual([`.staging-${process.pid}-LiVe01`]);
  });

  it("a malformed batch.json or an unwritable --out give a message and their exit code", () => {
    const broken = join(scratch(), "out");
    mkdirSync(broken);
    writeFileSync(join(broken, "batch.json"), "{ not json");
    const merge = run(["merge-manual", broken, manual("m3.csv", "s1002,q3.3.3,1,\n")]);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toMatch(
      /^nnkit-grade: merge-manual: .*batch\.json \(the batch's manifest\) cannot be read/,
    );
    expect(merge.stderr).not.toMatch(/\n\s+at /);
    const blocker = join(scratch(), "a-file");
    writeFileSync(blocker, "");
    const template = run(["template", "--out", join(blocker, "answers.yaml")]);
    expect(template.code).toBe(3);
    expect(template.stderr).toContain(`template: cannot write ${join(blocker, "answers.yaml")}`);
    expect(template.stderr).not.toMatch(/\n\s+at /);
  });
});
