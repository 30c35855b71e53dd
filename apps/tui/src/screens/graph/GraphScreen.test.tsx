import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hw1Example } from "@nnkit/grading/hw1";
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { ScreenHarness } from "../../test-support/ScreenHarness.js";
import { keys, press, type, waitForFrame } from "../../test-support/terminal.js";
import { GraphScreen } from "./GraphScreen.js";

afterEach(cleanup);

function screen(exportDir = tmpdir()) {
  return render(
    <ScreenHarness>
      <GraphScreen exportDir={exportDir} />
    </ScreenHarness>,
  );
}

/** z1 = W(1)x + b(1) on the seed-1 instance, by plain loops. */
function z1ByHand(): number[] {
  const { params, x } = hw1Example(1);
  const W = params.W1.toArray() as number[][];
  const b = params.b1.toArray() as number[];
  const xs = x.toArray() as number[];
  return W.map((row, i) => row.reduce((sum, w, j) => sum + w * xs[j]!, b[i]!));
}

describe("Computation graph screen", () => {
  it("draws the graph as layered boxes, x on the left and J on the right", () => {
    const frame = screen().lastFrame() ?? "";
    expect(frame).toContain("11 nodes (parameters hidden: p)");
    const lines = frame.split("\n");
    const row = lines.find((l) => l.includes("║x║"))!; // x is selected: double lines
    // One row carries x, g2, y, S and J in that order (the drawing's middle row).
    const order = ["║x║", "│g2│", "│y│", "│S│", "│J│"].map((box) => row.indexOf(box));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(row).toMatch(/│y│──┘.*┬▶│S│──▶│J│/);
    expect(frame).toContain("inputs   none (an input of the network)"); // x is selected
  });

  it("shows the selected node's definition, shape, value and adjoint", async () => {
    const app = screen();
    const z1 = await press(app, keys.down, keys.down);
    expect(z1).toContain("z1 = add(matmul(W(1), x), b(1))   [4] float64");
    expect(z1).toContain("inputs   x");
    expect(z1).toContain("║z1║"); // the selected box, in double lines
    expect(z1).toContain("adjoint  z̄1 = ReLU'(z1) ⊙ h̄");
    const [shown] = /value {4}\[([^\]]+)\]/.exec(z1)!.slice(1);
    const values = shown!.trim().split(/\s+/).map(Number);
    for (const [i, v] of z1ByHand().entries()) expect(values[i]).toBeCloseTo(v, 7);
    const last = await press(app, ...Array(8).fill(keys.down));
    expect(last).toContain("J = neg(S)   [] float64");
    expect(last).toContain("= 1.0"); // J̄ = 1
  });

  it("shows the parameters on request", async () => {
    const app = screen();
    const frame = await press(app, "p");
    expect(frame).toContain("17 nodes");
    expect(frame).toMatch(/│b\(1\)│/);
    const w3 = await press(app, keys.up, keys.up); // W(1), the first node
    expect(w3).toContain("║W(1)║");
    expect(w3).toContain("W(1) = input   [4, 3] float64");
  });

  it("exports DOT and Mermaid files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nnkit-graph-"));
    const app = screen(dir);
    await press(app, "d");
    await waitForFrame(app, (f) => f.includes("wrote"));
    await press(app, "m");
    await waitForFrame(app, (f) => f.includes("nnkit-graph-2.1.mmd"));
    expect(readdirSync(dir).sort()).toEqual(["nnkit-graph-2.1.dot", "nnkit-graph-2.1.mmd"]);
    expect(readFileSync(join(dir, "nnkit-graph-2.1.dot"), "utf8")).toMatch(/^digraph/);
    expect(readFileSync(join(dir, "nnkit-graph-2.1.mmd"), "utf8")).toMatch(/^flowchart/);
  });

  it("shows t counted from 1 and recomputes every adjoint for another class", async () => {
    const app = screen();
    // hw1Example's class is index 2 (0-based): the handout's class 3 of 3.
    const t = await press(app, keys.down);
    expect(t).toContain("seeded instance 1 · t = 3 ·");
    expect(t).toContain("value    3 (class 3 of 3, counted from 1)");
    const before = await press(app, ...Array(7).fill(keys.down)); // y'
    const adjointBefore = /= \[([^\]]+)\]/.exec(before.split("adjoint")[1]!)![1];
    const after = await press(app, "t");
    expect(after).toContain("t = 1 ·");
    const adjointAfter = /= \[([^\]]+)\]/.exec(after.split("adjoint")[1]!)![1];
    expect(adjointAfter).not.toBe(adjointBefore);
    // ȳ' = −onehot(t) ⊘ y': only the entry of class 1 (index 0) is non-zero now.
    const entries = adjointAfter!.trim().split(/\s+/).map(Number);
    expect(entries[0]).toBeLessThan(0);
    expect(entries.slice(1).every((v) => v === 0)).toBe(true);
  });

  it("lets the student set x by hand, and every value follows", async () => {
    const app = screen();
    await press(app, "e"); // x is selected
    await press(app, "\u0015"); // Ctrl+U: clear the line
    const short = await type(app, "[1, 0]");
    expect(short).toContain("needs 3 entries (a list of 3)");
    await press(app, keys.backspace);
    await type(app, ", 0]");
    const set = await press(app, keys.enter);
    expect(set).toContain("seeded instance 1 with x set by hand");
    const z1 = await press(app, keys.down, keys.down);
    // z1 = W(1) [1, 0, 0] + b(1): W(1)'s first column plus b(1), by hand.
    const { params } = hw1Example(1);
    const W = params.W1.toArray() as number[][];
    const b = params.b1.toArray() as number[];
    const [shown] = /value {4}\[([^\]]+)\]/.exec(z1)!.slice(1);
    const values = shown!.trim().split(/\s+/).map(Number);
    for (const [i, row] of W.entries()) expect(values[i]).toBeCloseTo(row[0]! + b[i]!, 7);
    // A new seeded instance forgets the values set by hand.
    expect(await press(app, "r")).toContain("seeded instance 2 · t = 3");
  });

  it("exports the homework's 11-node graph, and the full one with D", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nnkit-graph-"));
    const app = screen(dir);
    await press(app, "d");
    await waitForFrame(app, (f) => f.includes("wrote"));
    await press(app, "D");
    await waitForFrame(app, (f) => f.includes("nnkit-graph-2.1-full.dot"));
    const homework = readFileSync(join(dir, "nnkit-graph-2.1.dot"), "utf8");
    const full = readFileSync(join(dir, "nnkit-graph-2.1-full.dot"), "utf8");
    expect(homework.split("\n").filter((l) => l.includes("->"))).toHaveLength(11);
    expect(homework).not.toContain("W(1)");
    expect(full).toContain("W(1)");
  });
});
