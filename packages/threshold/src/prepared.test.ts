import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indicator, relu, sign, step } from "./activation.js";
import { distinct, intRange, intRanges } from "./domain.js";
import { ThresholdError } from "./errors.js";
import { memberOfThree, neverFires } from "./fixtures/example-networks.js";
import { randomLayer } from "./fixtures/test-support.js";
import { network } from "./network.js";
import { prepareVerification } from "./prepared.js";
import { isSorted, memberOf, sortedAscending } from "./target.js";
import { type Verification, verify } from "./verify.js";

const withoutTime = ({ elapsedMs: _, ...rest }: Verification) => rest;

describe("prepareVerification: membership on {−4..4}⁴ with x1, x2, x3 distinct", () => {
  const prepared = prepareVerification(memberOf, intRange(-4, 4, 4, distinct([0, 1, 2])));

  it("finds the never-firing network's counterexample (0, −1, 1, 0) after the same 15 skipped inputs", () => {
    // By hand (see verify.test.ts): z2 = −2(h1 + h2 + h3) − 2 < −1, so y = 0 everywhere; the first
    // input with a distinct list is (0, −1, 1, 0), where x4 = x1 makes the answer 1.
    const result = prepared.verify(neverFires);
    expect(result.status).toBe("fail");
    if (result.status !== "fail") return;
    expect(result.counterexample.input).toEqual([0, -1, 1, 0]);
    expect([result.counterexample.expected, result.counterexample.actual]).toEqual([[1], [0]]);
    expect([result.checked, result.skipped, result.visited]).toEqual([1, 15, 16]);
  });

  it("passes the corrected network on 9·8·7·9 = 4536 inputs, 9⁴ − 4536 skipped", () => {
    const result = prepared.verify(memberOfThree);
    expect(result.status).toBe("pass");
    expect([result.checked, result.skipped, result.total]).toEqual([4536, 2025, 6561]);
  });

  it("can be used for many networks, each answer independent of the ones before", () => {
    const first = withoutTime(prepared.verify(memberOfThree));
    prepared.verify(neverFires);
    expect(withoutTime(prepared.verify(memberOfThree))).toEqual(first);
  });

  it("rejects a network of the wrong arity with a typed error", () => {
    const twoInputs = network([{ weights: [[1, 1]], bias: 0, activation: step(0) }]);
    expect(() => prepared.verify(twoInputs)).toThrow(ThresholdError);
    expect(() => prepared.verify(twoInputs)).toThrow(
      expect.objectContaining({
        code: "domain",
        message: expect.stringMatching(/verify.*domain has 4 inputs/),
      }),
    );
  });
});

describe("prepareVerification agrees with verify", () => {
  const scalar = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -3, max: 3 }) },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 5 }).map((n) => `${n}/2`) },
  );
  const activation = fc.oneof(
    fc.integer({ min: -2, max: 2 }).map((t) => step(t)),
    fc.integer({ min: 0, max: 2 }).map((b) => indicator(-b, b)),
    fc.constant(sign()),
    fc.constant(relu()),
  );
  const layer = (inputs: number, units: number) => randomLayer(inputs, units, scalar, activation);
  /** Networks with `inputs` inputs and `outputs` outputs, one or two layers. */
  const net = (inputs: number, outputs: number) =>
    fc
      .integer({ min: 1, max: 4 })
      .chain((hidden) => fc.tuple(layer(inputs, hidden), layer(hidden, outputs)))
      .map((layers) => network(layers));

  it("on predicates, with and without an assumption (same verdict, input, trace, counts)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((n) => fc.tuple(net(n, 1), fc.constant(n))),
        fc.boolean(),
        fc.boolean(),
        ([candidate, n], assumed, member) => {
          const ranges = Array.from({ length: n }, () => [-2, 2] as const);
          const domain = intRanges(ranges, assumed ? distinct([0, 1]) : undefined);
          const target = member ? memberOf : isSorted;
          const prepared = prepareVerification(target, domain);
          expect(withoutTime(prepared.verify(candidate))).toEqual(
            withoutTime(verify(candidate, target, domain)),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("on a vector target", () => {
    fc.assert(
      fc.property(net(3, 3), (candidate) => {
        const domain = intRange(-1, 2, 3);
        const prepared = prepareVerification(sortedAscending, domain);
        expect(withoutTime(prepared.verify(candidate))).toEqual(
          withoutTime(verify(candidate, sortedAscending, domain)),
        );
      }),
      { numRuns: 60 },
    );
  });
});
