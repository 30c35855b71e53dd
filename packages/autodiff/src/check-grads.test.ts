import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import { checkGrads } from "./check-grads.js";
import { hw1Example, hw1Network } from "./fixtures/hw1-network.js";
import { relu } from "./primitives/relu.js";
import { sum } from "./primitives/sum-broadcast.js";
import type { Value } from "./tracer.js";

describe("checkGrads", () => {
  test("passes on the 2.1 network to second order, reporting its worst entry", () => {
    const { params, x, t } = hw1Example();
    const report = checkGrads(hw1Network, [params, x, t], { order: 2 });
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => `${c.order}${c.mode}`)).toEqual([
      "1fwd",
      "1rev",
      "2fwd",
      "2rev",
    ]);
    const first = report.checks[0]!;
    expect(first.entries).toBe(4 * 3 * 2 + 4 * 2 + 3 * 4 + 3 + 3); // every parameter and x entry
    expect(report.worst.score).toBeLessThanOrEqual(1);
    expect(report.summary).toContain("worst:");
  });

  test("finds the entry where a derivative is wrong (a kink) and names it", () => {
    const f = (x: Value) => sum(relu(x));
    const report = checkGrads(f, [T.tensor([1, 0, -2])]);
    expect(report.ok).toBe(false);
    // At 0 the central difference sees slope ½, the rule says 0.
    expect(report.worst).toMatchObject({ input: 0, inputIndex: 1, outputIndex: 0, analytic: 0 });
    expect(report.worst.numeric).toBeCloseTo(0.5, 6);
    expect(report.summary).toMatch(/FAIL order 1 fwd/);
  });
});
