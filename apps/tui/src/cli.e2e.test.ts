// End to end: the built binary in a real 80×24 pseudo-terminal, with its worker threads. Needs
// the build first (turbo runs this package's tests after its build).
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerFields } from "./answers/answer-document.js";
import { newAnswerText } from "./answers/answer-file.js";
import { recoveryPath } from "./app/recovery.js";
import { dotsAnswers, writeDotsAssignment, writeDotsYaml } from "./test-support/dots-assignment.js";
import { hw1 } from "./test-support/hw1-grading.js";
import { cliPath, startInTerminal, type TerminalSession } from "./test-support/pty.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const down = "\u001B[B";

/**
 * Types keys one at a time, each once the app has drawn the one before (every key here changes
 * the screen), then waits for `text` to appear: never a fixed delay, which a busy machine outruns.
 */
async function keysThenWait(term: TerminalSession, keys: string[], text: string | RegExp) {
  const from = term.mark();
  for (const key of keys) {
    const before = term.mark();
    term.send(key);
    await term.waitForOutput(before);
  }
  await term.waitFor(text, from);
}

/** The Answers list's selected row for this field, whatever its status column says. */
function selected(field: string): RegExp {
  return new RegExp(`›\\S*\\s+(?:\\S\\s+)?${field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s`);
}

describe("nnkit binary", () => {
  it("prints its version and help", () => {
    expect(execFileSync(process.execPath, [cliPath, "--version"], { encoding: "utf8" })).toMatch(
      /^\d+\.\d+\.\d+\n$/,
    );
    expect(execFileSync(process.execPath, [cliPath, "--help"], { encoding: "utf8" })).toContain(
      "Usage: nnkit [FILE | --answers FILE]",
    );
  });

  it("opens every screen, edits, saves and self-checks an answer, and quits with 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nnkit-e2e-"));
    const path = join(dir, "answers.yaml");
    // The answer file as the one positional argument (`nnkit answers.yaml`), not yet written.
    const term = startInTerminal([path], dir);
    try {
      await term.waitFor("nnkit · Home");
      await keysThenWait(term, ["t"], "layer 1: z = [0, 0, 0] → [1, 1, 1]");
      await keysThenWait(term, ["v"], /fail: network does not compute x4 ∈ {x1, x2, x3}/); // worker thread
      for (const [key, shown] of [
        ["q", "↑↓ choose · Enter open"],
        ["g", /┬▶│S│──▶│J│/],
        ["q", "↑↓ choose · Enter open"],
        ["b", "J̄ = 1"],
        ["q", "↑↓ choose · Enter open"],
        ["c", /total\s+n\(2n \+ m\)\s+= 30/],
        ["q", "↑↓ choose · Enter open"],
        ["?", "Keys: Home"],
        ["?", "↑↓ choose · Enter open"],
        ["a", "student id:"],
        ["s", "student id: s"],
        ["1", "student id: s1"],
        ["\r", "student s1 · unsaved changes"],
      ] as const) {
        await keysThenWait(term, [key], shown);
      }
      const fields = answerFields(newAnswerText(hw1, "s1"));
      const index = fields.findIndex(
        (f) => f.question === "q2.4" && f.field === "reverse.multiplications",
      );
      // Each ↓ once the selection has reached the field before: the screen's state, not a delay.
      for (const field of fields.slice(1, index + 1)) {
        await keysThenWait(term, [down], selected(`${field.question} ${field.field}`));
      }
      await keysThenWait(term, ["\r"], "q2.4 reverse.multiplications =");
      // Validation as you type, by the grading worker: the unfinished formula is flagged.
      for (const [key, shown] of [
        ["3", "= 3▏"],
        ["n", "= 3n▏"],
        ["m", "= 3nm▏"],
        [" ", "= 3nm ▏"],
        ["+", /= 3nm \+\S*\s+\^ \S/],
        ["\u007F", "= 3nm ▏"],
        ["\u007F", "= 3nm▏"],
        ["\r", selected("q2.4 reverse.multiplications")],
        ["s", `saved ${path}`],
      ] as const) {
        await keysThenWait(term, [key], shown);
      }
      await keysThenWait(term, ["c"], "reverse mode, multiplications: correct"); // worker thread
      await keysThenWait(term, ["q"], "nnkit · Home");
      // Home's question list is drawn from the self-check: quit once it is there.
      await term.waitFor("2.4 Trade-off");
      term.send("q");
      expect(await term.exitCode()).toBe(0);
      expect(readFileSync(path, "utf8")).toMatch(/reverse: \{ multiplications: 3nm, memory: "" \}/);
    } finally {
      term.kill();
    }
  }, 60_000);

  it.each([
    ["module", "dots.mjs"],
    ["YAML file", "dots.yaml"],
  ])(
    "follows --assignment: an instructor's %s, self-checked in the worker",
    async (_, file) => {
      const dir = mkdtempSync(join(tmpdir(), "nnkit-e2e-"));
      writeDotsAssignment(dir, "dist");
      writeDotsYaml(dir);
      writeFileSync(join(dir, "answers.yaml"), dotsAnswers);
      const term = startInTerminal(["--assignment", file, "--answers", "answers.yaml"], dir);
      try {
        // q1: 1·3 + 2·4 = 11, right; q2: n²m multiplications where Av takes nm, wrong.
        await term.waitFor(/passed\s+1 Dot product of v and w/);
        await term.waitFor(/failed\s+2 Cost of a matrix-vector/);
        await keysThenWait(term, ["a"], "self-check: 2/3 points");
        await keysThenWait(term, ["q"], "nnkit · Home");
        term.send("q");
        expect(await term.exitCode()).toBe(0);
      } finally {
        term.kill();
      }
    },
    60_000,
  );

  it("installed without the z3 solver, the self-check says what it checked and leaves the rest to a person", async () => {
    // The package as installed: its dist and package.json, with no node_modules anywhere above.
    const installed = mkdtempSync(join(tmpdir(), "nnkit-installed-"));
    cpSync(dirname(cliPath), join(installed, "dist"), { recursive: true });
    copyFileSync(join(dirname(cliPath), "..", "package.json"), join(installed, "package.json"));
    const dir = mkdtempSync(join(tmpdir(), "nnkit-e2e-"));
    const path = join(dir, "answers.yaml");
    copyFileSync(new URL("../../../examples/hw1/seed-student.yaml", import.meta.url), path);
    const term = startInTerminal(["--answers", path], dir, {
      cli: join(installed, "dist", "cli.js"),
    });
    try {
      await term.waitFor(/review +1\.2 Permutation/); // Home, from the self-check's worker
      await keysThenWait(term, ["a"], selected("q1.1 W1"));
      await keysThenWait(term, [down, down, down, down], selected("q1.2 layers"));
      // The box the grader enumerated, and why there is no proof: never "correct".
      await term.waitFor(/\? network: not decided: this app has no z3 solver/);
      await term.waitFor(/enumerated\s+-3\.\.3: 44100 inputs/);
    } finally {
      term.kill();
    }
  }, 60_000);

  it("refuses an assignment that does not load in one line (file:line) with exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "nnkit-e2e-"));
    const broken = join(dir, "broken.mjs");
    writeFileSync(broken, 'export default {\n  id: "dots" oops,\n};\n');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [cliPath, ...args], { encoding: "utf8", input: "", cwd: dir });
    const syntax = run(["--assignment", "broken.mjs"]);
    expect(syntax.status).toBe(2);
    // Column 14: "oops" in `  id: "dots" oops,` (where Node's own syntax check puts its caret).
    expect(syntax.stderr).toBe(`nnkit: ${broken}:2:14: Unexpected identifier 'oops'\n`);
    expect(syntax.stdout).toBe("");

    // A YAML assignment's mistake: file, line and column, the question, and what is wrong.
    writeFileSync(
      join(dir, "broken.yaml"),
      'format: nnkit-assignment/1\nid: dots\ntitle: Dots\nquestions:\n  - id: q1\n    title: One\n    points: 1\n    kind: numerc\n    reference: "11"\n',
    );
    const yaml = run(["--assignment", "broken.yaml"]);
    expect(yaml.status).toBe(2);
    expect(yaml.stderr).toMatch(
      /^nnkit: broken\.yaml:8:5: questions\[0\]\.kind \(q1\): unknown kind 'numerc' .*\n$/,
    );

    writeFileSync(join(dir, "answers.yaml"), "assignment: hw9\nanswers: {}\n");
    const unknown = run(["--answers", "answers.yaml"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      "nnkit: unknown assignment 'hw9' (not a file path either) (named by `assignment: hw9` in answers.yaml; give the assignment's file with --assignment PATH)\n",
    );
  });

  it("says in one line that it needs a terminal when it has none, and exits with 2", () => {
    const run = spawnSync(process.execPath, [cliPath], { encoding: "utf8", input: "" });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "nnkit needs an interactive terminal (its input and output must be a terminal); see nnkit --help\n",
    );
  });

  it("keeps a recovery copy and ends quietly when its terminal is closed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nnkit-e2e-"));
    const path = join(dir, "answers.yaml");
    copyFileSync(new URL("../../../examples/hw1/seed-student.yaml", import.meta.url), path);
    const stderrPath = join(dir, "stderr.txt");
    const pidPath = join(dir, "pid");
    const term = startInTerminal(["--answers", path], dir, { stderrPath, pidPath });
    try {
      await term.waitFor("student d9e1921b3aec123d");
      await keysThenWait(term, ["a"], /›failed\s+q1\.1 W1/);
      await keysThenWait(term, [down], /›failed\s+q1\.1 b1/);
      await keysThenWait(term, [down], /›failed\s+q1\.1 W2/);
      await keysThenWait(term, [down], /›failed\s+q1\.1 b2/);
      await keysThenWait(term, ["\r"], "q1.1 b2 = -2");
      await keysThenWait(term, ["\u007F"], "q1.1 b2 = -▏");
      await keysThenWait(term, ["3"], "q1.1 b2 = -3▏");
      await keysThenWait(term, ["\r"], "unsaved changes");
      const pid = Number(readFileSync(pidPath, "utf8"));
      term.close();
      await waitUntil(() => !isRunning(pid));
      expect(readFileSync(stderrPath, "utf8")).toBe("");
      expect(readFileSync(recoveryPath(path), "utf8")).toMatch(/^\s+b2: "?-3"?$/m);
      expect(readFileSync(path, "utf8")).toMatch(/^\s+b2: -2$/m);
    } finally {
      term.kill();
    }
  }, 60_000);
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(done: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error("condition never held");
    await pause(20);
  }
}
