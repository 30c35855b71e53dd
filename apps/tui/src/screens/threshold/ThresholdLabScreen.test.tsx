import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../app/App.js";
import { mainThreadGrading } from "../../test-support/main-thread-grading.js";
import { mainThreadSelfChecker } from "../../test-support/main-thread-self-checker.js";
import { mainThreadVerifier } from "../../test-support/main-thread-verifier.js";
import { keys, press, waitForFrame } from "../../test-support/terminal.js";

afterEach(cleanup);

const seedStudent = fileURLToPath(
  new URL("../../../../../examples/hw1/seed-student.yaml", import.meta.url),
);

function app(answersPath?: string) {
  return render(
    <App
      answersPath={answersPath}
      verifier={mainThreadVerifier}
      selfChecker={mainThreadSelfChecker}
      grading={mainThreadGrading}
    />,
  );
}

describe("Threshold lab with an answer file", () => {
  it("starts from the seed student's 1.1 network and finds where it fails", async () => {
    const ui = app(seedStudent);
    await waitForFrame(ui, (f) => f.includes("student d9e1921b3aec123d"));
    await press(ui, "t");
    const opened = await waitForFrame(ui, (f) => f.includes("Layer 1 of 2"));
    expect(opened).toMatch(/^your 1\.1 network from \S*seed-student\.yaml$/m);
    // W1 = 2·[[-1,0,0,1],[0,-1,0,1],[0,0,-1,1]], b1 = 0, as in the file.
    expect(opened).toMatch(/h1\.1\s+\[-2\]\s+0\s+0\s+2\s+│\s+0/);
    expect(opened).toMatch(/h1\.2\s+0\s+-2\s+0\s+2\s+│\s+0/);
    expect(opened).toMatch(/h1\.3\s+0\s+0\s+-2\s+2\s+│\s+0/);
    // x = (1, 2, 3, 2): z1 = 2(x4 − xi) = (2, 0, −2) → h = (0, 1, 0); z2 = −2·1 − 2 = −4 → 0.
    expect(opened).toContain("layer 1: z = [2, 0, -2] → [0, 1, 0]");
    expect(opened).toContain("layer 2: z = [-4] → [0]");
    // W2 = −2·[1 1 1] and b2 = −2 as written.
    expect(await press(ui, keys.pageDown)).toMatch(/y1\s+\[-2\]\s+-2\s+-2\s+│\s+-2/);

    await press(ui, "v");
    const failed = await waitForFrame(ui, (f) => f.includes("counterexample"));
    // The output unit never fires, so the counterexample is an input whose x4 is in the list.
    const [, list] =
      /counterexample x = \[([^\]]+)\]: expected \[1\], got \[0\]/.exec(failed) ?? [];
    const [x1, x2, x3, x4] = list!.split(", ").map(Number);
    expect(new Set([x1, x2, x3]).size).toBe(3);
    expect([x1, x2, x3]).toContain(x4);
  });

  it("keeps the zero network and says why when the file's network cannot be used", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "nnkit-lab-")), "answers.yaml");
    writeFileSync(
      path,
      'assignment: hw1\nstudent: { id: "s1", name: Ada }\nanswers:\n  q1.1: { W1: [[1, 1, 1]], b1: [0], W2: [[1]], b2: 0 }\n',
    );
    const ui = app(path);
    await waitForFrame(ui, (f) => f.includes("student s1"));
    await press(ui, "t");
    const opened = await waitForFrame(ui, (f) => f.includes("Layer 1 of 2"));
    expect(opened).toContain(
      "zeros: your 1.1 answer cannot be used: the network maps 3 inputs to 1 outputs; expected 4",
    );
    expect(opened).toContain("layer 1: z = [0, 0, 0] → [1, 1, 1]");
    expect(await press(ui, keys.tab)).toContain("no 1.2 answer in");
  });

  it("writes the lab's network into the answer file, with undo and reset to the file", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "nnkit-lab-")), "answers.yaml");
    copyFileSync(seedStudent, path);
    const ui = app(path);
    await waitForFrame(ui, (f) => f.includes("student d9e1921b3aec123d"));
    await press(ui, "t");
    await waitForFrame(ui, (f) => f.includes("Layer 1 of 2"));
    // b(2) = −2 as written; the handout's design has +2 (y = φ(2 − 2Σh)).
    await press(ui, keys.pageDown, keys.right, keys.right, keys.right, "2");
    const edited = await press(ui, keys.enter);
    expect(edited).toMatch(/y1\s+-2\s+-2\s+-2\s+│\s*\[2\]/);
    expect(edited).toContain("edited, not your 1.1 network in");
    expect(edited).not.toContain("your 1.1 network from");
    await press(ui, "w");
    const written = await waitForFrame(ui, (f) =>
      f.includes("your 1.1 network is in your answers; s on the Answers screen saves"),
    );
    expect(written).not.toContain("edited, not your");
    // Undo goes back to the student's old value, which the file no longer has; R resets to it.
    const undone = await press(ui, "u");
    expect(undone).toMatch(/y1\s+-2\s+-2\s+-2\s+│\s*\[-2\]/);
    expect(undone).toContain("edited, not your 1.1 network in");
    expect(await press(ui, "U")).toMatch(/│\s*\[2\]/);
    await press(ui, "u");
    const reset = await press(ui, "R");
    expect(reset).toMatch(/│\s*\[2\]/);
    expect(reset).toContain("reset to the network in the answer file (u undoes)");
    // The file is edited in the session (not saved yet): the Answers screen shows the new b2.
    await press(ui, "q");
    const answers = await press(ui, "a");
    expect(answers).toContain("unsaved changes");
    expect(answers).toMatch(/q1\.1 b2\s+2/);
  });

  it("asks before leaving with edits not in the file, and can write them in", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "nnkit-lab-")), "answers.yaml");
    copyFileSync(seedStudent, path);
    const ui = app(path);
    await waitForFrame(ui, (f) => f.includes("student d9e1921b3aec123d"));
    await press(ui, "t");
    await waitForFrame(ui, (f) => f.includes("Layer 1 of 2"));
    await press(ui, keys.pageDown, keys.right, keys.right, keys.right, "2", keys.enter);
    const asked = await press(ui, "q");
    expect(asked).toContain("Leaving would throw away your edits to the 1.1 network.");
    expect(asked).toContain("w: keep them in your answers first");
    expect(asked).toContain("(not saved yet: s on the Answers screen saves");
    expect(asked).toContain("w keep · d discard · Esc cancel");
    expect(await press(ui, keys.escape)).toContain("edited, not your 1.1 network");
    await press(ui, "q");
    const home = await press(ui, "w");
    expect(home).toContain("nnkit · Home");
    const answers = await press(ui, "a");
    expect(answers).toMatch(/q1\.1 b2\s+2/);
  });
});
