// Every screen at the smallest supported terminal (80×24) and a large one (160×50), with the
// seed student's answer file loaded: no line overwrites another (test-support/expect-layout.ts).
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { chooseAssignment } from "../answers/assignment-choice.js";
import { dotsAnswers, writeDotsAssignment } from "../test-support/dots-assignment.js";
import { expectLayout, type Size, sizes, type Whole } from "../test-support/expect-layout.js";
import { mainThreadGrading, mainThreadGradingFor } from "../test-support/main-thread-grading.js";
import {
  mainThreadSelfChecker,
  mainThreadSelfCheckerFor,
} from "../test-support/main-thread-self-checker.js";
import { mainThreadVerifier } from "../test-support/main-thread-verifier.js";
import { cleanupSized, renderSized } from "../test-support/sized-render.js";
import { keys, press, type, waitForFrame } from "../test-support/terminal.js";
import { App } from "./App.js";

afterEach(cleanupSized);

const examples = (name: string) =>
  fileURLToPath(new URL(`../../../../examples/hw1/${name}`, import.meta.url));

/** A copy of an example answer file (screens may save it). */
function answerFile(name: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "nnkit-layout-")), name);
  copyFileSync(examples(name), path);
  return path;
}

function open(size: Size, file: string) {
  const path = answerFile(file);
  const ui = renderSized(
    <App
      answersPath={path}
      verifier={mainThreadVerifier}
      selfChecker={mainThreadSelfChecker}
      grading={mainThreadGrading}
    />,
    size,
  );
  return { ui, path };
}

const fileLoaded = (f: string) => f.includes("student d9e1921b3aec123d");

describe.each(sizes)("every screen at $columns×$rows", (size) => {
  it("Home, and the keys overlay", async () => {
    const { ui, path } = open(size, "seed-student.yaml");
    const home = await waitForFrame(ui, (f) => fileLoaded(f) && f.includes("1.1 Element"));
    expectLayout(home, size, "Home", [
      /› t {2}Threshold lab .*/,
      / {2}a {2}Answers .*/,
      `${path} · student d9e1921b3aec123d`,
      /\S+ +1\.1 Element.*/,
      "↑↓ choose · Enter open · ? keys · q quit",
    ]);
    const help = await press(ui, "?");
    expectLayout(help, size, "Home", ["Keys: Home", "Everywhere", /Ctrl\+C +quit.*/]);
  });

  it("Threshold lab, 1.1 and 1.2, with a counterexample", async () => {
    const { ui, path } = open(size, "seed-student.yaml");
    await waitForFrame(ui, fileLoaded);
    await press(ui, "t");
    const lab11 = await waitForFrame(ui, (f) => f.includes("Layer 1 of 2"));
    const lab11Regions: Whole[] = [
      "[1.1] 1.2   x4 ∈ {x1, x2, x3}",
      `your 1.1 network from ${path}`,
      "Layer 1 of 2 (3 units)",
      "activation indicator[-1,1]",
      /\s+x1\s+x2\s+x3\s+x4\s+│bias/,
      /h1\.1 +\[-2\] .*/,
      "input x = 1 2 3 2",
      / {2}layer 1: z = .*/,
      "verify on -4..4",
    ];
    expectLayout(lab11, size, "Threshold lab", [...lab11Regions, "press v to verify"]);
    await press(ui, "v");
    const failed = await waitForFrame(ui, (f) => f.includes("counterexample x ="));
    expectLayout(failed, size, "Threshold lab", [
      ...lab11Regions,
      /fail: .*/,
      /counterexample x = .*/,
      / {2}layer 1 of 2: z = .*/,
    ]);
    const lab12 = await press(ui, keys.tab);
    expectLayout(lab12, size, "Threshold lab", [
      " 1.1 [1.2]  (x4, x5, x6) is a permutation of (x1, x2, x3)",
      `your 1.2 network from ${path}`,
      "Layer 1 of 3 (9 units)",
      "activation indicator[-1,1]",
      /\s+x1\s+x2\s+x3\s+x4\s+x5\s+x6\s+│bias/,
      /h1\.1 +\[-2\] .*/,
      "input x = 1 2 3 3 1 2",
      / {2}layer 1: z = .*/,
      / {2}layer 3: z = .*/,
      "verify on -4..4",
    ]);
  });

  it("Computation graph", async () => {
    const { ui } = open(size, "seed-student.yaml");
    await waitForFrame(ui, fileLoaded);
    const graph = await press(ui, "g");
    const detail: Whole[] = [/\S+ = .*float64/, /inputs {3}.*/, /value {4}.*/, /adjoint {2}.*/];
    expectLayout(graph, size, "Computation graph", [
      /seeded instance 1 · .*/,
      / {8}┌──┐ {3}┌─┐ .*/, // the drawing's first row (the tops of z1 and h), whole
      /│x│──┴┐.*│J│|║x║──┴┐.*│J│/,
      ...detail,
    ]);
    // With the parameters the drawing is taller than 80×24 leaves it: it scrolls to the selection.
    const full = await press(ui, "p", keys.down, keys.down, keys.down, keys.down);
    expectLayout(full, size, "Computation graph", [
      /seeded instance 1 · .* 17 nodes/,
      /.*║b\(2\)║.*/,
      ...(size.rows < 30 ? [/↑ \d+ more.*/] : []),
      ...detail,
    ]);
  });

  it("Backprop stepper", async () => {
    const { ui } = open(size, "seed-student.yaml");
    await waitForFrame(ui, fileLoaded);
    await press(ui, "b");
    await press(ui, keys.right, keys.right, keys.right);
    // The self-check's verdict arrives after the step is drawn: every region must still be whole.
    const stepper = await waitForFrame(ui, (f) => /^[✓?✗] /m.test(f));
    expectLayout(stepper, size, "Backprop stepper", [
      /seeded instance 1 · t = 3 \(of 3\) · step 4 of \d+/,
      /› ȳ = .*/,
      "this step reads ȳ', y, y'",
      / {2}ȳ' = \[.*\]/,
      /ȳ = y' − onehot\(t\) .*/,
      /ȳ = \[.*\]/,
      /yours \(q2\.1\.2 y_bar\): .*/,
      / {2}= \[.*\]/,
      /[✓?] .*/,
    ]);
    // x̄ reads two matrices: what the step reads scrolls, the result and the verdict stay whole.
    await press(ui, ...Array(6).fill(keys.right));
    const x = await waitForFrame(ui, (f) => f.includes("yours (q2.1.2 x_bar)"));
    expectLayout(x, size, "Backprop stepper", [
      /› x̄ = .*/,
      /this step reads z̄1, z̄2, .*/,
      / {2}W\(1\) = \[\[.*\]/,
      ...(size.rows < 30 ? [/↓ \d+ more/] : [/ {2}W\(2\) = \[\[.*\]/]),
      /x̄ = \[.*\]/,
      /yours \(q2\.1\.2 x_bar\): .*/,
      / {2}= \[.*\]/,
      /[✓?] .*/,
    ]);
  });

  it("Modes and cost: table, plot and a typed chain", async () => {
    const { ui } = open(size, "seed-student.yaml");
    await waitForFrame(ui, fileLoaded);
    const table = await press(ui, "c");
    const chains = /Chain {2}.*n = 3.*/;
    expectLayout(table, size, "Modes and cost", [
      chains,
      /forward \(left to right\) .*/,
      /reverse \(right to left\) .*/,
      / {2}yours +3mn +stored 2\(m \+ n \+ mn\)/,
      /Crossover: .*/,
      /Cheapest order at these sizes: .*/,
    ]);
    const plot = await press(ui, "p");
    expectLayout(plot, size, "Modes and cost", [
      chains,
      /Multiplications against n .*/,
      /Crossover: .*/,
    ]);
    await press(ui, "z");
    const numbers = await waitForFrame(ui, (f) => f.includes("multiplications counted"));
    expectLayout(numbers, size, "Modes and cost", [
      chains,
      "With the handout's numbers, computed by running the chains",
      "2.2.1: v = [4, 2, 3]",
      / {2}H = 2vvᵀ = \[\[32\. 16\. 24\.\]/,
      "2.3: v = [1, 2, 3], y = [1, 1, 1]",
      / {2}multiplications counted: 18 left to right, 6 right to left \(n = 3\)/,
      /Crossover: .*/,
      /Cheapest order at these sizes: .*/,
    ]);
  });

  it("Answers: the list, editing with an error, the feedback", async () => {
    const { ui, path } = open(size, "seed-student.yaml");
    await waitForFrame(ui, fileLoaded);
    await press(ui, "a");
    const list = await waitForFrame(ui, (f) => f.includes("›failed"));
    expectLayout(list, size, "Answers", [
      /.*student d9e1921b3aec123d.* · saved/,
      /self-check: .*/,
      /q1\.1: failed .*/,
      /✗ network: wrong at .*/,
    ]);
    expect(list).toContain(path);
    await press(ui, "c");
    const checked = await waitForFrame(ui, (f) => f.includes("self-check: "));
    expectLayout(checked, size, "Answers", [/self-check: .*/]);
    await press(ui, keys.enter);
    const edited = await type(ui, " >> ");
    expectLayout(edited, size, "Answers", [
      /.*student d9e1921b3aec123d.*/,
      /q1\.1 W1 = .*/,
      /self-check: .*/,
    ]);
  });
});

describe.each(sizes)("the dialogs and the keys overlay at $columns×$rows", (size) => {
  it("quitting with unsaved edits, and leaving the lab with edits not in the file", async () => {
    const { ui, path } = open(size, "seed-student.yaml");
    await waitForFrame(ui, fileLoaded);
    await press(ui, "a");
    await waitForFrame(ui, (f) => f.includes("q1.1 b2"));
    await press(ui, keys.down, keys.down, keys.down, keys.enter, keys.backspace);
    await type(ui, "3");
    await press(ui, keys.enter);
    await waitForFrame(ui, (f) => f.includes("unsaved changes"));
    const help = await press(ui, "?");
    expectLayout(help, size, "Answers", ["Keys: Answers", "Everywhere", /\[ \] +scroll .*/]);
    await press(ui, "?", "q");
    const quit = await press(ui, "q");
    expectLayout(quit, size, "Home", [
      "Quit?",
      `${path} has unsaved changes.`,
      "s save and quit · d quit without saving · Esc cancel",
    ]);
    await press(ui, keys.escape, "t");
    await waitForFrame(ui, (f) => f.includes("Layer 1 of 2"));
    await press(ui, keys.pageDown, keys.right, keys.right, keys.right, "2", keys.enter);
    const leave = await press(ui, "q");
    expectLayout(leave, size, "Threshold lab", [
      "Leave this screen?",
      "Leaving would throw away your edits to the 1.1 network.",
      "w: keep them in your answers first",
      /\(not saved yet: s on the Answers screen saves .*/, // the path is cut at 80 columns
      "w keep · d discard · Esc cancel",
    ]);
  });
});

describe.each(sizes)("another assignment at $columns×$rows", (size) => {
  it("Home and the Answers screen follow it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nnkit-layout-dots-"));
    const assignment = writeDotsAssignment(dir, "source");
    const path = join(dir, "answers.yaml");
    writeFileSync(path, dotsAnswers);
    const choice = chooseAssignment(assignment, path, dir);
    const ui = renderSized(
      <App
        answersPath={path}
        grading={mainThreadGradingFor(choice)}
        selfChecker={mainThreadSelfCheckerFor(choice)}
      />,
      size,
    );
    const home = await waitForFrame(ui, (f) => /passed +1 Dot/.test(f));
    expectLayout(home, size, "Home", [
      /nnkit · Home +Dot products/,
      `${path} · student s7`,
      /passed +1 Dot product of v and w +failed +2 Cost of a matrix-vector.*/,
    ]);
    await press(ui, "a");
    const answers = await waitForFrame(ui, (f) => f.includes("self-check: 2/3"));
    expectLayout(answers, size, "Answers", [
      /nnkit · Answers +Dot products · all/,
      /›passed +(?:✓ +)?q1 +11/,
      / failed +✗ q2 multiplications +n\^2 m/,
      /self-check: 2\/3 points .*/,
    ]);
  });
});

describe.each(sizes)("a grid wider than the terminal at $columns×$rows", (size) => {
  it("scrolls sideways to the cursor's column", async () => {
    const long = '"-123456789012345/987654321098765"';
    const dir = mkdtempSync(join(tmpdir(), "nnkit-layout-wide-"));
    const path = join(dir, "answers.yaml");
    writeFileSync(
      path,
      `assignment: hw1\nstudent: {id: s1}\nanswers:\n  q1.1:\n    W1: [[${long}, ${long}, ${long}, ${long}]]\n    b1: [${long}]\n    W2: [[1]]\n    b2: 0\n`,
    );
    const ui = renderSized(
      <App
        answersPath={path}
        verifier={mainThreadVerifier}
        selfChecker={mainThreadSelfChecker}
        grading={mainThreadGrading}
      />,
      size,
    );
    await waitForFrame(ui, (f) => f.includes("student s1"));
    await press(ui, "t");
    const lab = await waitForFrame(ui, (f) => f.includes("Layer 1 of 2"));
    // Five columns of 35-odd cells each: not even 160 columns hold them.
    expectLayout(lab, size, "Threshold lab", [
      "Layer 1 of 2 (1 units)",
      /\s+x1 .*▶ \d more/,
      /h1\.1 {3}\[-\d+\/\d+\].*/,
    ]);
    const right = await press(ui, keys.right, keys.right, keys.right, keys.right);
    expectLayout(right, size, "Threshold lab", [
      /\s+(x\d .*)?│ *bias/,
      /h1\.1 {2}◀.*│\[-\d+\/\d+\]/,
    ]);
  });
});

describe("a terminal below 80×24", () => {
  it("says that it is too small", async () => {
    const ui = renderSized(<App grading={mainThreadGrading} />, { columns: 70, rows: 20 });
    expect(ui.lastFrame()).toBe("terminal too small (70×20): nnkit needs at least 80×24 · q quits");
  });
});
