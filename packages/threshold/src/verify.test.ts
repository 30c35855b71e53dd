import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Activation, equals, identity, indicator, relu, sign, step } from "./activation.js";
import { distinct, intRange, intRanges } from "./domain.js";
import { traceExact } from "./evaluate.js";
import { memberOfThree, memberOfThreeTolerant, neverFires } from "./fixtures/example-networks.js";
import { randomLayer } from "./fixtures/test-support.js";
import { network } from "./network.js";
import { Rational } from "./rational.js";
import { formatVerification } from "./report.js";
import { isSorted, memberOf, sortedAscending, vectorTarget } from "./target.js";
import { verify } from "./verify.js";

const distinctList = distinct([0, 1, 2]);

describe("verify: a membership network whose output bias has the wrong sign", () => {
  it("as written (b2 = −2) is wrong, with the smallest counterexample and its trace", () => {
    // By hand: the output unit computes z2 = −2(h1 + h2 + h3) − 2 ≤ −2 for every input, so φ(z2)
    // is always 0 and the network answers "not a member" even when x4 is one. Under x1, x2, x3
    // distinct the first input in the documented order is x = (0, −1, 1, 0): x4 = x1 = 0, so the
    // answer should be 1; h = (φ(0), φ(2), φ(−2)) = (1, 0, 0), z2 = −2 − 2 = −4, y = 0.
    const result = verify(neverFires, memberOf, intRange(-4, 4, 4, distinctList));
    expect(result.status).toBe("fail");
    if (result.status !== "fail") return;
    const { input, expected, actual, trace } = result.counterexample;
    expect(input).toEqual([0, -1, 1, 0]);
    expect([expected, actual]).toEqual([[1], [0]]);
    expect(trace.layers.map((l) => l.preActivation.map(String))).toEqual([
      ["0", "2", "-2"],
      ["-4"],
    ]);
    expect(trace.layers.map((l) => l.activation.map(String))).toEqual([["1", "0", "0"], ["0"]]);
    // The 15 inputs before it have a repeated list element (the all-zero shell and 14 of shell 1).
    expect([result.checked, result.skipped]).toEqual([1, 15]);
    // The whole result survives JSON (rationals serialise as numbers or "p/q" text).
    const json = JSON.parse(JSON.stringify(result));
    expect(json.counterexample.trace.layers[1].preActivation).toEqual([-4]);
    expect(formatVerification(result)).toBe(
      [
        "fail: network does not compute memberOf; first counterexample after 16 of 6561 inputs (1 checked; 15 skipped, outside x1, x2, x3 distinct)",
        "counterexample x = [0, -1, 1, 0]: expected [1], got [0]",
        "input [0, -1, 1, 0]",
        'layer 1 "equalities": z = [0, 2, -2] → [1, 0, 0]',
        'layer 2 "output": z = [-4] → [0]',
      ].join("\n"),
    );
  });

  it("corrected (b2 = 2) verifies on {−4..4}⁴ with x1, x2, x3 distinct", () => {
    const result = verify(memberOfThree, memberOf, intRange(-4, 4, 4, distinctList));
    expect(result.status).toBe("pass");
    // 9·8·7 distinct lists times 9 values of x4 = 4536 checked; 9⁴ − 4536 = 2025 skipped.
    expect([result.checked, result.skipped, result.total]).toEqual([4536, 2025, 6561]);
    expect(result.engine).toBe("integer");
  });

  it("corrected still needs the distinctness assumption", () => {
    // x = 0: all three h fire, z2 = 2 − 6 = −4, y = 0 although x4 is in the list.
    const result = verify(memberOfThree, memberOf, intRange(-4, 4, 4));
    expect(result.status === "fail" && result.counterexample.input).toEqual([0, 0, 0, 0]);
  });
});

describe("verify: budget, progress and errors", () => {
  /** A clock that advances 1 ms each time it is read. */
  const ticking = () => {
    let t = 0;
    return () => t++;
  };

  it("stops at the time budget with an honest count", () => {
    const result = verify(memberOfThreeTolerant, memberOf, intRange(-9, 9, 4), {
      timeBudgetMs: 3,
      now: ticking(),
    });
    expect(result.status).toBe("incomplete");
    if (result.status !== "incomplete") return;
    // The clock reads 0 at the start, then 1, 2, 3 at the looks after 4095, 8191 and 12287
    // inputs; the third look is at the 3 ms budget.
    expect(result.visited).toBe(12287);
    expect(result.checked + result.skipped).toBe(result.visited);
    expect(result.total).toBe(19 ** 4);
    // Shells up to max |x| ≤ m hold (2m + 1)⁴ inputs: 9⁴ = 6561 ≤ 12287 < 11⁴ = 14641.
    expect(result.completeUpTo).toBe(4);
    expect(formatVerification(result)).toBe(
      "incomplete: time budget ran out after 12287 of 130321 inputs; no counterexample so far; every input with max |x| ≤ 4 is correct",
    );
  });

  it("reports progress on long runs", () => {
    const seen: number[] = [];
    const result = verify(memberOfThree, memberOf, intRange(-7, 7, 4, distinctList), {
      now: ticking(),
      progressIntervalMs: 1,
      onProgress: (p) => seen.push(p.visited),
    });
    expect(result.status).toBe("pass");
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every((v, i) => i === 0 || v > seen[i - 1]!)).toBe(true);
    expect(seen.every((v) => v % 4096 === 4095 && v < 15 ** 4)).toBe(true);
  });

  it("accepts a plain function as the predicate", () => {
    const result = verify(
      memberOfThree,
      (x) => x[3] === x[0] || x[3] === x[1] || x[3] === x[2],
      intRange(-2, 2, 4, distinctList),
    );
    expect(result.status).toBe("pass");
  });

  it("rejects domains and targets that do not fit, naming them", () => {
    expect(() => verify(neverFires, memberOf, intRange(0, 1, 3))).toThrow(
      "verify: domain has 3 inputs but the network expects 4",
    );
    expect(() => verify(neverFires, sortedAscending, intRange(0, 1, 4))).toThrow(
      "verify: target sortedAscending needs 4 output(s) but the network has 1",
    );
    const single = network([{ weights: [[1]], activation: "step>=0" }]);
    expect(() => verify(single, memberOf, intRange(0, 1, 1))).toThrow(
      expect.objectContaining({
        code: "domain",
        message: expect.stringContaining(
          "verify: target memberOf needs a list and an element (at least 2 inputs), got 1",
        ),
      }),
    );
  });

  it("falls back to the float engine when integers would not be exact, and says why", () => {
    const halfSum = network([{ weights: [["1/2", "1/2"]], activation: "identity" }]);
    const mean = vectorTarget(
      "mean",
      () => 1,
      (x, out) => {
        out[0] = (x[0]! + x[1]!) / 2;
      },
    );
    const result = verify(halfSum, mean, intRange(-3, 3, 2));
    expect(result.status).toBe("pass");
    expect(result.engine).toBe("float");
    expect(result.engineReason).toBe("layer 1, unit 1: identity with non-integer weights");
    // Its output passes a value on, which doubles cannot certify: each input was done exactly.
    expect(result.exactWork).toEqual({ units: 0, inputs: 49 });
    const huge = network([{ weights: [[2 ** 52]], activation: "step>=0" }]);
    expect(verify(huge, (x) => x[0]! >= 0, intRange(-3, 3, 1)).engineReason).toMatch(/may exceed/);
  });
});

describe("verify agrees with exact evaluation on random networks", () => {
  const scalar = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -3, max: 3 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 2, max: 3 }))
        .map(([n, d]) => `${n}/${d}`),
    },
  );
  const threshold: fc.Arbitrary<Activation> = fc.oneof(
    fc
      .tuple(fc.integer({ min: -2, max: 2 }), fc.boolean())
      .map(([t, inclusive]) => step(t, { inclusive })),
    fc
      .tuple(fc.integer({ min: -3, max: 0 }), fc.integer({ min: 0, max: 3 }), fc.boolean())
      .map(([a, b, open]) => indicator(a, `${b}/2`, { lowClosed: !open })),
    fc.integer({ min: -2, max: 2 }).map((k) => equals(k)),
    fc.constant(sign()),
  );
  const anyActivation = fc.oneof(threshold, fc.constant(identity()), fc.constant(relu()));
  const layerOf = (inputs: number, units: number, activation: fc.Arbitrary<Activation>) =>
    randomLayer(inputs, units, scalar, activation);
  const net = fc
    .tuple(
      fc.integer({ min: 1, max: 3 }),
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
    )
    .chain(([inputs, widths, thresholdFirst]) =>
      fc
        .tuple(
          ...widths.map((units, l) =>
            layerOf(
              l === 0 ? inputs : widths[l - 1]!,
              units,
              l === 0 && thresholdFirst ? threshold : anyActivation,
            ),
          ),
        )
        .map((layers) => ({ inputs, layers })),
    );

  it("both engines find no difference from the exact outputs, anywhere in the domain", () => {
    fc.assert(
      fc.property(
        net,
        fc.integer({ min: -3, max: 0 }),
        fc.integer({ min: 0, max: 3 }),
        (spec, lo, hi) => {
          const candidate = network(spec.layers);
          const exactOutputs = vectorTarget(
            "exact",
            () => candidate.outputSize,
            (x, out) => {
              traceExact(
                candidate,
                Array.from(x, (v) => Rational.integer(v)),
              ).output.forEach((v, i) => {
                out[i] = v.toNumber();
              });
            },
          );
          const domain = intRange(lo, hi, spec.inputs);
          for (const exact of [false, true]) {
            const result = verify(candidate, exactOutputs, domain, { exact });
            expect(result.status).toBe("pass");
            expect(result.checked).toBe(domain.size);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("and both find the same first counterexample", () => {
    fc.assert(
      fc.property(net, (spec) => {
        const candidate = network(spec.layers);
        if (candidate.outputSize !== 1) return;
        const domain = intRanges(Array.from({ length: spec.inputs }, () => [-2, 2] as const));
        const fast = verify(candidate, isSorted, domain);
        const slow = verify(candidate, isSorted, domain, { exact: true });
        expect(fast.status).toBe(slow.status);
        if (fast.status === "fail" && slow.status === "fail") {
          expect(fast.counterexample).toEqual(slow.counterexample);
          expect(fast.checked).toBe(slow.checked);
        }
      }),
      { numRuns: 100 },
    );
  });
});
