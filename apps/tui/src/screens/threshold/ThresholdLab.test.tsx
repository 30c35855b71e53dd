import { cleanup, render } from "ink-testing-library";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { mainThreadVerifier } from "../../test-support/main-thread-verifier.js";
import { ScreenHarness } from "../../test-support/ScreenHarness.js";
import { keys, press, type, waitForFrame } from "../../test-support/terminal.js";
import { ThresholdLab } from "./ThresholdLab.js";
import { type Verifier, VerifierContext } from "./verifier.js";

afterEach(cleanup);

function lab(node: ReactNode = <ThresholdLab />, verifier: Verifier = mainThreadVerifier) {
  return render(
    <VerifierContext.Provider value={verifier}>
      <ScreenHarness>{node}</ScreenHarness>
    </VerifierContext.Provider>,
  );
}

// The handout's 1.1 answer: h_i = φ(2(x4 − x_i)), y = φ(2 − 2Σh).
const handout11 = {
  inputs: 4,
  layers: [
    {
      weights: [
        ["-2", "0", "0", "2"],
        ["0", "-2", "0", "2"],
        ["0", "0", "-2", "2"],
      ],
      bias: ["0", "0", "0"],
      activation: "indicator[-1,1]",
    },
    { weights: [["-2", "-2", "-2"]], bias: ["2"], activation: "indicator[-1,1]" },
  ],
};

describe("Threshold lab", () => {
  it("evaluates the typed input through an all-zero 1.1 network", () => {
    const frame = lab().lastFrame() ?? "";
    expect(frame).toContain("[1.1]");
    expect(frame).toContain("x4 ∈ {x1, x2, x3}");
    expect(frame).toMatch(/x1\s+x2\s+x3\s+x4\s+│\s*bias/);
    // Every z is 0 and φ(0) = 1, whatever the input.
    expect(frame).toContain("layer 1: z = [0, 0, 0] → [1, 1, 1]");
    expect(frame).toContain("layer 2: z = [0] → [1]");
    expect(frame).toContain("the question wants output 1"); // 2 is in (1, 2, 3)
  });

  it("edits a cell with validation as you type and recomputes", async () => {
    const app = lab();
    expect(await type(app, "1/0")).toContain('cell: "1/0" has a zero denominator');
    expect(await press(app, keys.enter)).toContain("[1/0▏]"); // Enter refuses an invalid cell
    await press(app, keys.backspace, keys.backspace, keys.backspace);
    const edited = await press(app, "-", "2", keys.enter);
    expect(edited).toMatch(/h1\.1\s+\[-2\]/);
    // x = (1, 2, 3, 2): z1 = −2·1 = −2, outside [−1, 1].
    expect(edited).toContain("layer 1: z = [-2, 0, 0] → [0, 1, 1]");
    const cancelled = await press(app, keys.enter, "9", keys.escape);
    expect(cancelled).toMatch(/h1\.1\s+\[-2\]/);
  });

  it("flags a bad activation at its position and keeps q for typing", async () => {
    const app = lab();
    await press(app, "a");
    const bad = await type(app, "q");
    expect(bad).toContain("activation indicator[-1,1]q▏");
    expect(bad).toContain('^ unknown activation spec "indicator[-1,1]q"');
    await press(app, keys.backspace, keys.escape);
    expect(app.lastFrame()).toContain("activation indicator[-1,1]");
  });

  it("verifies the handout's answer: every input with distinct x1..x3 in -4..4 passes", async () => {
    const app = lab(<ThresholdLab fileDrafts={{ "1.1": handout11 }} />);
    await press(app, "v");
    // 9⁴ = 6561 inputs; 9·8·7·9 = 4536 have x1, x2, x3 distinct.
    const done = await waitForFrame(app, (f) => f.includes("box pass:"));
    const text = done.replace(/\s+/g, " ");
    expect(text).toContain("box pass: matches x4 ∈ {x1, x2, x3} on all 6561 inputs");
    expect(text).toContain("(4536 checked; 2025 skipped, outside x1, x2, x3 distinct)");
  });

  it("shows a counterexample and steps through its layers", async () => {
    const app = lab();
    await press(app, "v");
    const failed = await waitForFrame(app, (f) => f.includes("counterexample"));
    const [, list] =
      /counterexample x = \[([^\]]+)\]: expected \[0\], got \[1\]/.exec(failed) ?? [];
    const [x1, x2, x3, x4] = list!.split(", ").map(Number);
    expect(new Set([x1, x2, x3]).size).toBe(3);
    expect([x1, x2, x3]).not.toContain(x4);
    expect(failed).toContain("layer 1 of 2: z = [0, 0, 0] → [1, 1, 1]");
    expect(await press(app, "s")).toContain("layer 2 of 2: z = [0] → [1]");
    expect(await press(app, "s")).toContain("layer 1 of 2");
  });

  it("draws a progress bar while the verifier works", async () => {
    const pending: Verifier = (_job, onProgress) => {
      setTimeout(() => onProgress({ visited: 500, total: 6561 }), 0);
      return { done: new Promise(() => {}), cancel: () => {} };
    };
    const app = lab(<ThresholdLab />, pending);
    await press(app, "v");
    expect(await press(app, "")).toMatch(/█+░+\s+7% 500\/6,561 \(x stops\)/);
    expect(await press(app, "x")).toContain("press v to verify");
  });

  it("switches to 1.2 and adds and removes hidden units", async () => {
    const app = lab();
    const q12 = await press(app, keys.tab);
    expect(q12).toContain("[1.2]");
    expect(q12).toContain("Layer 1 of 2 (6 units)");
    expect(await press(app, "o")).toContain("Layer 1 of 2 (7 units)");
    expect(await press(app, "d", "d")).toContain("Layer 1 of 2 (5 units)");
    const output = await press(app, keys.pageDown);
    expect(output).toContain("Layer 2 of 2 (1 units)");
    expect(output).toMatch(/h1\.1\s+h1\.2\s+h1\.3\s+h1\.4\s+h1\.5\s+│\s*bias/);
  });
});
