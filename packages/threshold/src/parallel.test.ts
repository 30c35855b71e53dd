// Parallel verification must give exactly the verdict of `verify`, whichever thread took which
// block. The threads run the built worker (dist/verify-worker.js): build the package before running
// these tests on their own.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ShellBlocks } from "./blocks.js";
import { type Domain, distinct, intRange, intRanges } from "./domain.js";
import { evaluate } from "./evaluate.js";
import { neverFires, permutationOfThree } from "./fixtures/example-networks.js";
import { type Network, network } from "./network.js";
import { domainInputs } from "./order.js";
import { mergeShares, PARALLEL_MIN_INPUTS, verifyParallel } from "./parallel.js";
import { conditionTarget, isPermutation, memberOf, predicate, type Target } from "./target.js";
import { type DealtShare, newDeal, type Verification, verify, verifyDealt } from "./verify.js";

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

/**
 * I(x1 + x2 + x3 + x4 ≤ 7) against x1 + x2 + x3 + x4 ≤ 6: wrong exactly where the sum is 7. In
 * {−2..2}⁴ that is (1, 2, 2, 2) and its permutations, and (1, 2, 2, 2) comes first (x1 = 1 before
 * x1 = 2), in block 24 of 35.
 */
const sumUpTo7 = network([
  { weights: [["-1", "-1", "-1", "-1"]], bias: ["7"], activation: "step>=0" },
]);
const sumUpTo6 = conditionTarget("x1 + x2 + x3 + x4 <= 6");

/** `verify`'s verdict, up to the time it took. */
const sameAs = (alone: Verification) => ({ ...alone, elapsedMs: expect.any(Number) });

/**
 * The box dealt to `owners.length` simulated threads on this thread: block b goes to thread
 * owners[b], each thread takes its blocks in increasing order (as from the shared counter), and
 * the threads run one after another in `turns` order. Any interleaving of real threads gives one
 * of these outcomes block by block.
 */
function dealOnThisThread(
  net: Network,
  target: Target,
  domain: Domain,
  owner: (block: number) => number,
  turns: readonly number[],
): Verification {
  const blocks = new ShellBlocks(domain.ranges);
  const deal = newDeal(blocks.count);
  const shares: DealtShare[] = turns.map((thread) => {
    const mine = Array.from({ length: blocks.count }, (_, b) => b).filter(
      (b) => owner(b) === thread,
    );
    let next = 0;
    return verifyDealt(net, target, domain, deal, { take: () => mine[next++] ?? blocks.count });
  });
  return mergeShares(net, target, domain, deal, shares, 0);
}

describe("a box dealt out in blocks", () => {
  const small = intRange(-2, 2, 6); // 35 blocks
  const cases: [string, Network, Target, Domain][] = [
    ["a pass", permutationOfThree, isPermutation, small],
    ["a failure", brokenPermutation, isPermutation, small],
    ["a failure late in the box", sumUpTo7, sumUpTo6, intRange(-2, 2, 4)],
    [
      "a failure under an assumption",
      neverFires,
      memberOf,
      intRange(-3, 3, 4, distinct([0, 1, 2])),
    ],
  ];
  it("finds the late failure where the sum is first 7", () => {
    expect(
      dealOnThisThread(sumUpTo7, sumUpTo6, intRange(-2, 2, 4), (b) => b % 2, [1, 0]),
    ).toMatchObject({
      status: "fail",
      counterexample: { input: [1, 2, 2, 2], expected: [0], actual: [1] },
    });
  });
  for (const [what, net, target, domain] of cases) {
    it(`gives verify's verdict and counts whoever takes which block: ${what}`, () => {
      const alone = verify(net, target, domain);
      const blocks = new ShellBlocks(domain.ranges).count;
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 3 }).chain((threads) =>
            fc.tuple(
              fc.array(fc.integer({ min: 0, max: threads - 1 }), {
                minLength: blocks,
                maxLength: blocks,
              }),
              fc.shuffledSubarray(
                Array.from({ length: threads }, (_, t) => t),
                { minLength: threads },
              ),
            ),
          ),
          ([owners, turns]) => {
            const dealt = dealOnThisThread(net, target, domain, (b) => owners[b]!, turns);
            expect(dealt).toEqual({ ...alone, elapsedMs: 0 });
          },
        ),
        { numRuns: 25 },
      );
    });
  }
});

describe("mergeShares", () => {
  // Two inputs in −3..3: one block per x1 value and shell, so shells 0..3 hold blocks 0 | 1–3 |
  // 4–8 | 9–15.
  const domain = intRange(-3, 3, 2);
  const net = network([{ weights: [["1", "1"]], activation: "step>=0" }]);
  const target = predicate("t", () => true);
  const share: DealtShare = { engine: "integer" };
  /** A deal with every block done and 2 inputs visited in each, except those listed. */
  const dealWith = (unfinished: readonly number[]) => {
    const deal = newDeal(16);
    for (let b = 0; b < 16; b++) {
      deal.counts[2 * b] = 2;
      if (!unfinished.includes(b)) deal.done[b] = 1;
    }
    return deal;
  };
  const fail = (block: number, input: number[]): DealtShare => ({
    ...share,
    counterexample: { block, input, expected: [1], actual: [0] },
  });

  it("is incomplete up to the shell before the first unfinished block", () => {
    expect(mergeShares(net, target, domain, dealWith([6, 12]), [share], 1)).toMatchObject({
      status: "incomplete",
      completeUpTo: 1,
      visited: 32,
    });
    expect(mergeShares(net, target, domain, dealWith([0]), [share], 1)).toMatchObject({
      status: "incomplete",
      completeUpTo: null,
    });
  });

  it("fails at the lowest block's counterexample, counting the blocks up to it", () => {
    const merged = mergeShares(
      net,
      target,
      domain,
      dealWith([5, 9]),
      [fail(9, [-3, 0]), fail(5, [-2, -1])],
      1,
    );
    expect(merged).toMatchObject({ status: "fail", counterexample: { input: [-2, -1] } });
    expect(merged.visited).toBe(12); // blocks 0..5
  });

  it("is incomplete when a block before the counterexample's is unfinished", () => {
    const merged = mergeShares(net, target, domain, dealWith([2, 9]), [fail(9, [-3, 0])], 1);
    expect(merged).toMatchObject({ status: "incomplete", completeUpTo: 0 });
  });
});

describe("verifyParallel", () => {
  const big = intRange(-6, 6, 6); // 13⁶ ≈ 4.8 M inputs: above the threshold for threads
  it("passes the permutation network on a large box with the counts of one thread", async () => {
    expect(big.size).toBeGreaterThanOrEqual(PARALLEL_MIN_INPUTS);
    const alone = verify(permutationOfThree, isPermutation, big);
    const shared = await verifyParallel(permutationOfThree, isPermutation, big, { threads: 2 });
    expect(alone.status).toBe("pass");
    expect(shared).toEqual(sameAs(alone));
  });

  it("finds the same first counterexample, with its trace and the same counts", async () => {
    const alone = verify(brokenPermutation, isPermutation, big);
    expect(alone.status).toBe("fail");
    for (const threads of [2, 3]) {
      const shared = await verifyParallel(brokenPermutation, isPermutation, big, { threads });
      expect(shared).toEqual(sameAs(alone));
    }
  });

  it("on an uneven box, finds the first counterexample a brute-force walk finds", async () => {
    // y = I(x1 + x2 ≥ 0) against x1 + x2 + x3 ≥ 0: they differ where x3 tips the sum.
    const net = network([{ weights: [["1", "1", "0", "0"]], activation: "step>=0" }]);
    const target = conditionTarget("x1 + x2 + x3 >= 0");
    const domain = intRanges([
      [-2, 3],
      [0, 4],
      [-3, 2],
      [-1, 1],
    ]);
    const first = [...domainInputs(domain)].find(
      (x) => evaluate(net, x)[0] !== (x[0]! + x[1]! + x[2]! >= 0 ? 1 : 0),
    );
    const alone = verify(net, target, domain);
    for (const threads of [2, 3]) {
      const shared = await verifyParallel(net, target, domain, { threads, minInputs: 0 });
      expect(shared).toMatchObject({ status: "fail", counterexample: { input: first } });
      expect(shared).toEqual(sameAs(alone));
    }
  });

  it("sends a logical-form target and assumption to the threads, call after call", async () => {
    const target = conditionTarget("permutation(x4, x5, x6 of x1, x2, x3)");
    const domain = intRange(-4, 4, 6, distinct([0, 1, 2]));
    const alone = verify(permutationOfThree, target, domain);
    expect(alone).toMatchObject({ status: "pass", assumption: "x1, x2, x3 distinct" });
    // The threads are kept between calls: later calls must give the same verdict.
    for (let call = 0; call < 3; call++) {
      const shared = await verifyParallel(permutationOfThree, target, domain, { minInputs: 0 });
      expect(shared).toEqual(sameAs(alone));
    }
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
