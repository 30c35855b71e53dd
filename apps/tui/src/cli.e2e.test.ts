// End to end: the built binary in a real 80×24 pseudo-terminal, with its worker threads. Needs
// the build first (turbo runs this package's tests after its build).
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grading from "@nnkit/grading";
import { describe, expect, it } from "vitest";
import { answerFields } from "./answers/answer-document.js";
import { newAnswerText } from "./answers/answer-file.js";
import { recoveryPath } from "./app/recovery.js";
import { cliPath, startInTerminal, type TerminalSession } from "./test-support/pty.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const down = "\u001B[B";

/** Types keys one at a time, as a person would, then waits for `text` to appear. */
async function keysThenWait(term: TerminalSession, keys: string[], text: string | RegExp) {
  const from = term.mark();
  for (const key of keys) {
    term.send(key);
    await pause(15);
  }
  await term.waitFor(text, from);
}

describe("nnkit binary", () => {
  it("prints its version and help", () => {
    expect(execFileSync(process.execPath, [cliPath, "--version"], { encoding: "utf8" })).toMatch(
      /^\d+\.\d+\.\d+\n$/,
    );
    expect(execFileSync(process.execPath, [cliPath, "--help"], { encoding: "utf8" })).toContain(
      "Usage: nnkit [--answers FILE]",
    );
  });

  it("opens every screen, edits, saves and self-checks an answer, and quits with 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nnkit-e2e-"));
    const path = join(dir, "answers.yaml");
    const term = startInTerminal(["--answers", path], dir);
    try {
      await term.waitFor("nnkit · Home");
      await keysThenWait(term, ["t"], "layer 1: z = [0, 0, 0] → [1, 1, 1]");
      await keysThenWait(term, ["v"], /fail: network does not compute memberOf/); // worker thread
      await keysThenWait(term, ["q", "g"], /g2\s+◀── g1, h/);
      await keysThenWait(term, ["q", "b"], "J̄ = 1");
      await keysThenWait(term, ["q", "c"], /total\s+n\(2n \+ m\)\s+= 30/);
      await keysThenWait(term, ["q", "?"], "Keys: Home");
      await keysThenWait(term, ["?", "a"], "student id:");
      await keysThenWait(term, ["s", "1", "\r"], "student s1 · unsaved changes");
      const index = answerFields(newAnswerText(grading, "s1")).findIndex(
        (f) => f.question === "q2.4" && f.field === "reverse.multiplications",
      );
      await keysThenWait(
        term,
        [...Array(index).fill(down), "\r"],
        "q2.4 reverse.multiplications =",
      );
      // Validation as you type, by the grading worker: the unfinished formula is flagged.
      await keysThenWait(term, ["3", "n", "m", " ", "+"], /= 3nm \+\S*\s+\^ \S/);
      await keysThenWait(term, ["\u007F", "\u007F", "\r", "s"], `saved ${path}`);
      await keysThenWait(term, ["c"], "reverse mode, multiplications: correct"); // worker thread
      await keysThenWait(term, ["q"], "nnkit · Home");
      await pause(200);
      term.send("q");
      expect(await term.exitCode()).toBe(0);
      expect(readFileSync(path, "utf8")).toMatch(/reverse: \{ multiplications: 3nm, memory: "" \}/);
    } finally {
      term.kill();
    }
  }, 60_000);

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
      await keysThenWait(term, [down, down, down], /›failed\s+q1\.1 b2/);
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
