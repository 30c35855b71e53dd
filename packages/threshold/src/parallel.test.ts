// Parallel verification must give exactly the verdict of `verify`. The threads run the built
// worker (dist/verify-worker.js): build the package before running these tests on their own.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distinct, intRange, intRanges } from "./domain.js";
import { neverFires, permutationOfThree } from "./fixtures/example-networks.js";
import { network } from "./network.js";
import { domainInputs, ShellOdometer } from "./order.js";
import { mergeParts, PARALLEL_MIN_INPUTS, verifyParallel } from "./parallel.js";
import { conditionTarget, isPermutation, memberOf, predicate } from "./target.js";
import { verify, verifyPart } from "./verify.js";

/** The permutation network with one weight of its OR unit wrong: it misses some permutations. */
const last = permutationOfThree.layers.length - 1;
const brokenPermutation = network(
  permutationOfThree.layers.map((layer, l) => ({
    weights: layer.weights.map((row, i) =>
      row.map((w, j) => (l === last && i === 0 && j === 2 ? 0 : w)),
    ),
    bias: layer.bias,
    activation: layer.activations,
  })),
);

describe("the parts of a box", () => {
  it("cover every input exactly once, each part in the documented order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 2,
          maxLength: 4,
        }),
        fc.integer({ min: 2, max: 4 }),
        (spans, count) => {
          const domain = intRanges(spans.map(([lo, width]) => [lo, lo + width] as const));
          const order = [...domainInputs(domain)].map((x) => x.join());
          const rank = new Map(order.map((key, i) => [key, i]));
          const seen: string[] = [];
          const sizes: number[] = [];
          for (let index = 0; index < count; index++) {
            const part: string[] = [];
            const record = predicate("record", (x) => {
              part.push(Array.from(x).join());
              return false;
            });
            const constant = network([
              { weights: [domain.ranges.map(() => "0")], bias: ["-1"], activation: "step>=0" },
            ]);
            verifyPart(constant, record, domain, { part: { index, count } });
            const ranks = part.map((key) => rank.get(key)!);
            expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
            seen.push(...part);
            sizes.push(part.length);
          }
          expect([...seen].sort()).toEqual([...order].sort());
          expect(sizes.reduce((a, b) => a + b, 0)).toBe(domain.size);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("share a six-input box evenly (within 10 % of the mean)", () => {
    const odometer = new ShellOdometer(intRange(-9, 9, 6).ranges);
    const counts = [0, 0];
    while (odometer.nextRun() >= 0) {
      counts[odometer.partOf(2)]! += odometer.runEnd - odometer.runStart;
    }
    const mean = (counts[0]! + counts[1]!) / 2;
    expect(counts[0]! + counts[1]!).toBe(19 ** 6);
    for (const c of counts) expect(Math.abs(c - mean) / mean).toBeLessThan(0.1);
  });
});

describe("verifyParallel", () => {
  const big = intRange(-6, 6, 6); // 13⁶ ≈ 4.8 M inputs: above the threshold for threads
  it("passes the permutation network on a large box with the counts of one thread", async () => {
    expect(big.size).toBeGreaterThanOrEqual(PARALLEL_MIN_INPUTS);
    const alone = verify(permutationOfThree, isPermutation, big);
    const shared = await verifyParallel(permutationOfThree, isPermutation, big, { threads: 2 });
    expect(alone.status).toBe("pass");
    expect(shared.status).toBe("pass");
    expect([shared.visited, shared.checked, shared.total]).toEqual([
      alone.visited,
      alone.checked,
      alone.total,
    ]);
  });

  it("finds the same first counterexample, with the same trace", async () => {
    const alone = verify(brokenPermutation, isPermutation, big);
    for (const threads of [2, 3]) {
      const shared = await verifyParallel(brokenPermutation, isPermutation, big, { threads });
      expect(alone.status).toBe("fail");
      expect(shared.status).toBe("fail");
      if (alone.status !== "fail" || shared.status !== "fail") return;
      expect(shared.counterexample.input).toEqual(alone.counterexample.input);
      expect(shared.counterexample.actual).toEqual(alone.counterexample.actual);
      expect(shared.counterexample.trace).toEqual(alone.counterexample.trace);
    }
  });

  it("sends a logical-form target and assumption to the threads", async () => {
    const target = conditionTarget("permutation(x4, x5, x6 of x1, x2, x3)");
    const domain = intRange(-4, 4, 6, distinct([0, 1, 2]));
    const alone = verify(permutationOfThree, target, domain);
    const shared = await verifyParallel(permutationOfThree, target, domain, { minInputs: 0 });
    expect(shared).toMatchObject({
      status: alone.status,
      checked: alone.checked,
      skipped: alone.skipped,
      assumption: "x1, x2, x3 distinct",
    });
  });

  it("verifies on the calling thread what threads cannot take, with the same verdict", async () => {
    // A predicate without a logical form, and a small box.
    const opaque = predicate(
      "opaque",
      (x) => isPermutation.kind === "predicate" && isPermutation.test(x),
    );
    const small = intRange(-4, 4, 4, distinct([0, 1, 2]));
    const shared = await verifyParallel(neverFires, memberOf, small);
    expect(shared).toMatchObject({ status: "fail", counterexample: { input: [0, -1, 1, 0] } });
    const box = intRange(-4, 4, 6);
    const alone = await verifyParallel(permutationOfThree, opaque, box, { minInputs: 0 });
    expect(alone).toMatchObject({ status: "pass", checked: box.size });
  });
});

describe("mergeParts", () => {
  const domain = intRange(-3, 3, 2);
  const counts = { target: "t", engine: "integer" as const, total: domain.size, elapsedMs: 0 };
  const part = (visited: number) => ({ visited, checked: visited, skipped: 0, ...counts });
  const fail = (input: number[], visited: number) => ({
    status: "fail" as const,
    counterexample: { input, expected: [1], actual: [0] },
    ...part(visited),
  });
  const net = network([{ weights: [["1", "1"]], activation: "step>=0" }]);

  it("takes the earliest counterexample in the documented order", () => {
    // Shell 1 before shell 2; within shell 1, x1 = 0 before x1 = −1.
    const merged = mergeParts(net, domain, [fail([-1, 1], 5), fail([0, -1], 3)], 1);
    expect(merged).toMatchObject({
      status: "fail",
      counterexample: { input: [0, -1] },
      visited: 8,
    });
    const later = mergeParts(net, domain, [fail([0, 2], 9), fail([1, -1], 4)], 1);
    expect(later).toMatchObject({ counterexample: { input: [1, -1] } });
  });

  it("is incomplete while a part stopped before the counterexample's shell", () => {
    const stopped = { status: "incomplete" as const, completeUpTo: 0, ...part(2) };
    expect(mergeParts(net, domain, [fail([1, 1], 4), stopped], 1)).toMatchObject({
      status: "incomplete",
      completeUpTo: 0,
    });
    const finished = { ...stopped, completeUpTo: 1 };
    expect(mergeParts(net, domain, [fail([1, 1], 4), finished], 1)).toMatchObject({
      status: "fail",
    });
  });

  it("passes only when every part passed", () => {
    const pass = { status: "pass" as const, ...part(24) };
    expect(mergeParts(net, domain, [pass, { ...pass, visited: 25 }], 1)).toMatchObject({
      status: "pass",
      visited: 49,
    });
  });
});
