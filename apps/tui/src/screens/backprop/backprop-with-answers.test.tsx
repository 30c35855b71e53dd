// The backprop stepper with the seed student's answer file: each step shows the student's own
// equation, its value on the stepper's instance (computed by the grader as it evaluates an
// equation) next to the reference, and the self-check's verdict, J̄'s included.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { hw1Example } from "@nnkit/grading/hw1";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../app/App.js";
import { mainThreadGrading } from "../../test-support/main-thread-grading.js";
import { mainThreadSelfChecker } from "../../test-support/main-thread-self-checker.js";
import { cleanupSized, renderSized } from "../../test-support/sized-render.js";
import { keys, press, waitForFrame } from "../../test-support/terminal.js";

afterEach(cleanupSized);

const seedStudent = readFileSync(
  fileURLToPath(new URL("../../../../../examples/hw1/seed-student.yaml", import.meta.url)),
  "utf8",
);

function app(text: string) {
  const path = join(mkdtempSync(join(tmpdir(), "nnkit-backprop-")), "answers.yaml");
  writeFileSync(path, text);
  return renderSized(
    <App answersPath={path} grading={mainThreadGrading} selfChecker={mainThreadSelfChecker} />,
    { columns: 80, rows: 24 },
  );
}

/** The seed-1 instance's forward pass and the adjoints down to g2, by plain loops. */
function byHand() {
  const { params, x } = hw1Example(1);
  const m = (w: unknown) => w as number[][];
  const v = (b: unknown) => b as number[];
  const xs = v(x.toArray());
  const affine = (W: number[][], b: number[], input: number[]) =>
    W.map((row, i) => row.reduce((s, w, j) => s + w * input[j]!, b[i]!));
  const z1 = affine(m(params.W1.toArray()), v(params.b1.toArray()), xs);
  const z2 = affine(m(params.W2.toArray()), v(params.b2.toArray()), xs);
  const h = z1.map((z) => Math.max(0, z));
  const g1 = z2.map((z) => 1 / (1 + Math.exp(-z)));
  const g2 = h.map((value, i) => value * g1[i]!);
  const W3 = m(params.W3.toArray());
  const y = affine(W3, v(params.b3.toArray()), g2);
  const e = y.map(Math.exp);
  const total = e.reduce((a, b) => a + b, 0);
  const yBar = e.map((value, k) => value / total - (k === 2 ? 1 : 0)); // t = class 3
  const g2Bar = g2.map((_, j) => W3.reduce((s, row, k) => s + row[j]! * yBar[k]!, 0));
  return { h, g1, g2Bar };
}

/** The numbers of the vector printed after `label` on a line of its own. */
function vectorAfter(frame: string, label: RegExp): number[] {
  const match = new RegExp(`^${label.source}\\[([^\\]]+)\\]`, "m").exec(frame);
  if (match === null) throw new Error(`no ${label} in\n${frame}`);
  return match[1]!.trim().split(/\s+/).map(Number);
}

describe("Backprop stepper with an answer file", () => {
  it("shows the student's value next to the reference: ḡ2 ⊙ h where h̄ = ḡ2 ⊙ g1", async () => {
    const slipped = seedStudent.replace(
      "h_bar: '\\bar{g}_2 \\odot g_1'",
      "h_bar: '\\bar{g}_2 \\odot h'",
    );
    expect(slipped).not.toBe(seedStudent);
    const ui = app(slipped);
    await waitForFrame(ui, (f) => f.includes("student d9e1921b3aec123d"));
    await press(ui, "b", ...Array(7).fill(keys.right));
    const frame = await waitForFrame(ui, (f) => /^ += \[/m.test(f) && f.includes("✗ wrong"));
    const { h, g1, g2Bar } = byHand();
    const reference = vectorAfter(frame, /h̄ = /);
    const yours = vectorAfter(frame, / += /);
    expect(frame).toContain("yours (q2.1.2 h_bar): \\bar{g}_2 \\odot h");
    g2Bar.forEach((g, i) => {
      expect(reference[i]).toBeCloseTo(g * g1[i]!, 7);
      expect(yours[i]).toBeCloseTo(g * h[i]!, 7);
    });
    expect(yours).not.toEqual(reference);
  });

  it("says why an equation cannot be computed, and shows J̄'s verdict", async () => {
    const ui = app(seedStudent);
    await waitForFrame(ui, (f) => f.includes("student d9e1921b3aec123d"));
    await press(ui, "b");
    const first = await waitForFrame(ui, (f) => f.includes("yours (q2.1.2 J_bar): 1"));
    expect(first).toMatch(/^ += 1\.0$/m);
    await press(ui, ...Array(4).fill(keys.right)); // ḡ2: (W(2))ᵀ ȳ, a 3×4 matrix times 3×1
    const g2 = await waitForFrame(ui, (f) => f.includes("cannot be computed here"));
    expect(g2).toMatch(/cannot be computed here: .*3×4 and 3×1/);
    await press(ui, ...Array(4).fill(keys.left));
    // J̄ = 1 is proved by the grader (an identity over every instance), not only sampled.
    const judged = await waitForFrame(ui, (f) => /^[✓?] /m.test(f));
    expect(judged).toMatch(/^✓ correct: proved for every x/m);
  });
});
