import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grading from "@nnkit/grading";
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../app/App.js";
import { hw1 } from "../test-support/hw1-grading.js";
import { mainThreadGrading } from "../test-support/main-thread-grading.js";
import { mainThreadSelfChecker } from "../test-support/main-thread-self-checker.js";
import { keys, press, type, waitForFrame } from "../test-support/terminal.js";
import { answerFields } from "./answer-document.js";
import { newAnswerText } from "./answer-file.js";

afterEach(cleanup);

function app(answersPath: string) {
  return render(
    <App
      answersPath={answersPath}
      selfChecker={mainThreadSelfChecker}
      grading={mainThreadGrading}
    />,
  );
}

function fieldIndex(text: string, question: string, field: string): number {
  return answerFields(text).findIndex((f) => f.question === question && f.field === field);
}

describe("Answers screen", () => {
  it("creates a file, validates a formula as it is typed, saves atomically and self-checks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nnkit-answers-"));
    const path = join(dir, "answers.yaml");
    const ui = app(path);
    await press(ui, "a");
    expect(await waitForFrame(ui, (f) => f.includes("student id:"))).toContain(
      "does not exist yet",
    );
    await type(ui, "s42");
    await press(ui, keys.enter);
    await waitForFrame(ui, (f) => f.includes("student s42 · unsaved changes"));

    const index = fieldIndex(newAnswerText(hw1, "s42"), "q2.4", "reverse.multiplications");
    await press(ui, ...Array(index).fill(keys.down), keys.enter);
    await type(ui, "3nm +");
    // The grader's verdict arrives after the render of the key (it is asked for asynchronously).
    const editedLine = (frame: string) =>
      frame.split("\n").findIndex((l) => l.startsWith("q2.4 reverse.multiplications = 3nm +"));
    const bad = await waitForFrame(ui, (f) =>
      /^\s+\^ \S/.test(f.split("\n")[editedLine(f) + 1] ?? ""),
    );
    const editLine = editedLine(bad);
    expect(bad.split("\n")[editLine + 1]).toMatch(/^\s+\^ \S/); // the position and the reason
    // The verdict on "3nm +" is not kept for what is typed next.
    const fixed = await press(ui, keys.backspace, keys.backspace);
    expect(fixed.split("\n")[editLine + 1]).not.toMatch(/\^/);
    await press(ui, keys.enter, "s");
    await waitForFrame(ui, (f) => f.includes(`saved ${path}`));

    const saved = readFileSync(path, "utf8");
    expect(saved).toContain("# 2.4 Trade-off of reverse and forward mode");
    const parsed = grading.parseAnswerFile(saved);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.file.student.id).toBe("s42");
    const q24 = parsed.file.answers.get("q2.4");
    const reverse = q24?.type === "map" ? q24.entries.get("reverse") : undefined;
    expect(reverse?.type === "map" ? reverse.entries.get("multiplications") : undefined).toEqual({
      type: "string",
      value: "3nm",
    });
    expect(readdirSync(dir)).toEqual(["answers.yaml"]); // no temporary file left behind

    await press(ui, "c");
    const checked = await waitForFrame(
      ui,
      (f) => f.includes("self-check:") && !f.includes("latest edits"),
    );
    // Four of q2.4's fields are still empty, so the question as a whole is invalid.
    expect(checked).toMatch(/q2\.4: invalid 0\.17\/1 points/);
    expect(checked).toContain("reverse mode, multiplications: correct"); // 3nm is the handout's count

    const home = await press(ui, "q");
    expect(home).toMatch(/invalid\s+2\.4 Trade-off/);
    expect(home).toMatch(/invalid\s+3\.1 Gradient/); // an empty template formula
  });

  it("shows the student's 2.1.2 equations beside the derivation with their verdicts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nnkit-backprop-"));
    const path = join(dir, "answers.yaml");
    writeFileSync(
      path,
      [
        "assignment: hw1",
        "student: {id: s7, name: Ada}",
        "answers:",
        "  q2.1.2:",
        '    J_bar: "1"',
        '    y_bar: "y\' - onehot(t)"',
        "    h_bar: g1",
        "",
      ].join("\n"),
    );
    const ui = app(path);
    await press(ui, "b");
    await waitForFrame(ui, (f) => f.includes("step 1 of 16"));
    // J̄'s verdict shows too (the first equation: feedback text once hid it behind its label).
    expect(
      await waitForFrame(ui, (f) =>
        /yours \(q2\.1\.2 J_bar\): 1\n +?= 1\.0\n✓ correct: proved for every x/.test(f),
      ),
    ).toBeTruthy();
    const y = await press(ui, ...Array(3).fill(keys.right));
    expect(y).toContain("› ȳ = y' ⊙ (ȳ' − Σ(y' ⊙ ȳ'))");
    expect(
      await waitForFrame(ui, (f) =>
        /yours \(q2\.1\.2 y_bar\): y' - onehot\(t\)\n += \[.*\]\n✓ correct: proved for every x/.test(
          f,
        ),
      ),
    ).toBeTruthy();
    // ȳ = y' − onehot(t): its entries sum to 0 and only entry t (= 2 here) is negative.
    const [, vector] = /ȳ = \[([^\]]+)\]/.exec(y)!;
    const entries = vector!.trim().split(/\s+/).map(Number);
    expect(entries.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 7);
    expect(entries.map((e) => e < 0)).toEqual([false, false, true]);
    const h = await press(ui, ...Array(4).fill(keys.right));
    expect(h).toContain("› h̄ = ḡ2 ⊙ g1");
    expect(
      await waitForFrame(ui, (f) => /yours \(q2\.1\.2 h_bar\): g1\n +?= \[.*\]\n✗ \S/.test(f)),
    ).toBeTruthy();
    // Home: the file answers only 2.1.2; every other question is unanswered.
    expect(await press(ui, "q")).toMatch(/unanswered\s+1\.1 Element in list/);
  });
});
