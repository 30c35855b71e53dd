import { hw1Example } from "@nnkit/grading/hw1";
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { ScreenHarness } from "../../test-support/ScreenHarness.js";
import { keys, press } from "../../test-support/terminal.js";
import { BackpropScreen } from "./BackpropScreen.js";

afterEach(cleanup);

function screen() {
  return render(
    <ScreenHarness>
      <BackpropScreen />
    </ScreenHarness>,
  );
}

/** y' = softmax(W(3) g2 + b(3)) on the seed-1 instance, by plain loops. */
function yPrimeByHand(): number[] {
  const { params, x } = hw1Example(1);
  const m = (w: unknown) => w as number[][];
  const v = (b: unknown) => b as number[];
  const xs = v(x.toArray());
  const affine = (W: number[][], b: number[], input: number[]) =>
    W.map((row, i) => row.reduce((s, w, j) => s + w * input[j]!, b[i]!));
  const z1 = affine(m(params.W1.toArray()), v(params.b1.toArray()), xs);
  const z2 = affine(m(params.W2.toArray()), v(params.b2.toArray()), xs);
  const g2 = z1.map((z, i) => Math.max(0, z) / (1 + Math.exp(-z2[i]!)));
  const y = affine(m(params.W3.toArray()), v(params.b3.toArray()), g2);
  const e = y.map(Math.exp);
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((value) => value / total);
}

describe("Backprop stepper", () => {
  it("shows t counted from 1 and ȳ simplified to y' − onehot(t), with its numbers", async () => {
    const app = screen();
    const y = await press(app, keys.right, keys.right, keys.right);
    expect(y).toContain("t = 3 (of 3)");
    expect(y).toContain("ȳ = y' − onehot(t)");
    const shown = /ȳ = \[([^\]]+)\]/.exec(y)![1]!.trim().split(/\s+/).map(Number);
    const expected = yPrimeByHand().map((p, k) => p - (k === 2 ? 1 : 0)); // class 3: index 2
    for (const [k, value] of expected.entries()) expect(shown[k]).toBeCloseTo(value, 7);
  });

  it("shows each step's inputs with their values", async () => {
    const app = screen();
    const first = app.lastFrame() ?? "";
    expect(first).toContain("J̄ is the seed of the backward pass");
    const y = await press(app, keys.right, keys.right, keys.right);
    expect(y).toContain("this step reads ȳ', y, y'");
    const vector = (name: string) =>
      new RegExp(`^  ${name} = \\[([^\\]]+)\\]`, "m").exec(y)![1]!.trim().split(/\s+/).map(Number);
    // y' by hand; ȳ' = −onehot(t) ⊘ y' (S̄ = −J̄ = −1): only class 3's entry, −1/y'3.
    const yPrime = yPrimeByHand();
    for (const [k, value] of yPrime.entries()) expect(vector("y'")[k]).toBeCloseTo(value, 7);
    const yPrimeBar = vector("ȳ'");
    expect(yPrimeBar[2]).toBeCloseTo(-1 / yPrime[2]!, 6);
    expect(yPrimeBar.slice(0, 2)).toEqual([-0, -0]);
  });

  it("marks the parameters' adjoints as not asked by 2.1.2", async () => {
    const app = screen();
    const frame = await press(app, ...Array(10).fill(keys.right));
    expect(frame).toMatch(/› b̄\(3\) = /);
    expect(frame).toContain("not asked by 2.1.2 (a parameter's adjoint): shown for completeness");
    expect(frame).not.toContain("Load your answer file");
  });
});
