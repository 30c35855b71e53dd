import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import { checkGrads } from "./check-grads.js";
import { classifier, classifierExample } from "./fixtures/classifier.js";
import { relu } from "./primitives/relu.js";
import { sum } from "./primitives/sum-broadcast.js";
import type { Value } from "./tracer.js";

describe("checkGrads", () => {
  test("passes on a small classifier to second order, reporting its worst entry", () => {
    const { params, x, t } = classifierExample();
    const report = checkGrads(classifier, [params, x, t], { order: 2 });
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => `${c.order}${c.mode}`)).toEqual([
      "1fwd",
      "1rev",
      "2fwd",
      "2rev",
    ]);
    const first = report.checks[0]!;
    // W (4×2), b (4), V (3×4), c (3) and x (2): every float input's entry.
    expect(first.entries).toBe(4 * 2 + 4 + 3 * 4 + 3 + 2);
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
