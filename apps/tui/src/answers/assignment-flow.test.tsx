// The app with an assignment other than homework 1 (an instructor's ES module): Home lists its
// questions, the Answers screen validates and the self-check grades against it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../app/App.js";
import {
  dotsAnswers,
  writeDotsAssignment,
  writeDotsYaml,
} from "../test-support/dots-assignment.js";
import { mainThreadGradingFor } from "../test-support/main-thread-grading.js";
import { mainThreadSelfCheckerFor } from "../test-support/main-thread-self-checker.js";
import { cleanupSized, renderSized } from "../test-support/sized-render.js";
import { keys, press, type, waitForFrame } from "../test-support/terminal.js";
import { chooseAssignment } from "./assignment-choice.js";

afterEach(cleanupSized);

type Format = "module" | "yaml";

function dotsApp(answers: string, format: Format = "module", size = { columns: 80, rows: 24 }) {
  const dir = mkdtempSync(join(tmpdir(), "nnkit-dots-"));
  const assignment = format === "yaml" ? writeDotsYaml(dir) : writeDotsAssignment(dir, "source");
  const path = join(dir, "answers.yaml");
  writeFileSync(path, answers);
  const choice = chooseAssignment(assignment, path, dir);
  return renderSized(
    <App
      answersPath={path}
      grading={mainThreadGradingFor(choice)}
      selfChecker={mainThreadSelfCheckerFor(choice)}
    />,
    size,
  );
}

const lines = (frame: string) => frame.split("\n");

describe.each<Format>(["module", "yaml"])("--assignment: an instructor's %s", (format) => {
  it("Home lists the assignment's questions with their self-check statuses", async () => {
    const ui = dotsApp(dotsAnswers, format);
    // q1: 1·3 + 2·4 = 11 is right; q2: n²m is not the nm multiplications of Av.
    const home = await waitForFrame(ui, (f) => /passed\s+1 Dot product/.test(f));
    expect(home).toMatch(/failed\s+2 Cost of a matrix-vector/);
    expect(home).not.toContain("Element in list"); // none of homework 1's questions
    expect(lines(home)[0]).toMatch(/^nnkit · Home\s+Dot products$/);
  });

  it("the Answers screen validates as you type and self-checks against it", async () => {
    const ui = dotsApp(dotsAnswers.replace('"n^2 m"', '"n m"'), format);
    await waitForFrame(ui, (f) => /passed\s+2 Cost/.test(f));
    await press(ui, "a");
    const answers = await waitForFrame(ui, (f) => f.includes("self-check: 3/3 points"));
    expect(lines(answers)[0]).toMatch(/Dot products · all$/);
    expect(answers).toMatch(/passed\s+q1\s+11/);
    expect(answers).toMatch(/passed\s+✓ q2 multiplications\s+n m/);
    // q2's formula, left unfinished: the cost check cannot read it, at its end (position 5).
    await press(ui, keys.down, keys.enter, keys.backspace);
    await type(ui, "m +");
    const edited = await waitForFrame(ui, (f) => /^\s+\^ \S/m.test(f));
    const at = lines(edited).findIndex((l) => l.startsWith("q2 multiplications = n m +"));
    expect(at, edited).toBeGreaterThan(0);
    const caret = lines(edited)[at + 1]!;
    // Position 5, the end of the input: the cell after the cursor mark (▏) drawn there.
    expect(lines(edited)[at]!.indexOf("n m +▏")).toBe("q2 multiplications = ".length);
    expect(caret.indexOf("^")).toBe("q2 multiplications = ".length + 5 + 1);
    // A wrong value is not "invalid": only unreadable input is flagged while typing.
    await press(ui, keys.backspace, keys.backspace, "^", "2", keys.enter, "c");
    const checked = await waitForFrame(ui, (f) => f.includes("self-check: 2/3 points"));
    expect(checked).toMatch(/failed\s+✗ q2 multiplications\s+n m\^2/);
  });

  it("a new answer file is the assignment's template", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nnkit-dots-new-"));
    const assignment = writeDotsAssignment(dir, "source");
    const path = join(dir, "answers.yaml");
    const choice = chooseAssignment(assignment, path, dir);
    const ui = renderSized(
      <App
        answersPath={path}
        grading={mainThreadGradingFor(choice)}
        selfChecker={mainThreadSelfCheckerFor(choice)}
      />,
      { columns: 80, rows: 24 },
    );
    await press(ui, "a");
    await waitForFrame(ui, (f) => f.includes("student id:"));
    await type(ui, "s8");
    await press(ui, keys.enter);
    const created = await waitForFrame(ui, (f) => f.includes("q2 multiplications"));
    expect(created).toMatch(/q1\s+null/);
    expect(created).not.toContain("q1.1");
  });

  it("the explorers stay homework 1's: the lab says the assignment has no 1.1", async () => {
    const ui = dotsApp(dotsAnswers);
    await waitForFrame(ui, (f) => /passed\s+1 Dot product/.test(f));
    const lab = await press(ui, "t");
    expect(lines(lab)[0]).toMatch(/homework 1 · 1\.1, 1\.2$/);
    expect(await waitForFrame(ui, (f) => f.includes("dots has no question q1.1"))).toBeTruthy();
  });
});
