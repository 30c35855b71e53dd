import { decide, intRange, isPermutation, memberOf, network, verify } from "@nnkit/threshold";
import { beforeAll, describe, expect, it } from "vitest";
import {
  elementInList,
  elementInListTolerant,
  thresholdQuestions as homework,
  permutationByEquality,
  permutationByModules,
  sortFour,
  studentElementInList,
  studentElementInListCorrected,
} from "./threshold-networks.js";

describe("reference constructions verify on {−4..4} per input", () => {
  it("1.1 (handout answer) under x1, x2, x3 distinct", () => {
    const result = verify(elementInList, memberOf, homework["1.1"].domain());
    expect([result.status, result.checked]).toEqual(["pass", 4536]);
  });

  it("1.1 (tolerant answer) even without the assumption", () => {
    expect(verify(elementInListTolerant, memberOf, intRange(-4, 4, 4)).status).toBe("pass");
  });

  it("1.2 design (a): 9 equality units, 6 permutation units, OR — even without the assumption", () => {
    expect(permutationByEquality.layers.map((l) => l.weights.length)).toEqual([9, 6, 1]);
    const result = verify(permutationByEquality, isPermutation, intRange(-4, 4, 6));
    expect([result.status, result.checked]).toEqual(["pass", 9 ** 6]);
  });

  it("1.2 design (b): three 1.1 modules and an AND, under the homework's assumption", () => {
    expect(permutationByModules.layers.map((l) => l.weights.length)).toEqual([9, 3, 1]);
    expect(permutationByModules.layers.map((l) => l.name)).toEqual(["equalities", "output", "and"]);
    const result = verify(permutationByModules, isPermutation, homework["1.2"].domain());
    // (9·8·7)² = 254016 inputs have both lists distinct.
    expect([result.status, result.checked]).toEqual(["pass", 254016]);
  });

  it("1.2 design (b) needs the assumption: (0, 0, 0, 0, 0, −1) fools it", () => {
    // Each of x1, x2, x3 = 0 is in {x4, x5, x6} = {0, −1}, so all three modules and the AND
    // fire, yet (0, 0, −1) is no permutation of (0, 0, 0). It is the first input of shell 1.
    const result = verify(permutationByModules, isPermutation, intRange(-4, 4, 6));
    expect(result.status === "fail" && result.counterexample.input).toEqual([0, 0, 0, 0, 0, -1]);
    expect(result.status === "fail" && result.counterexample.actual).toEqual([1]);
  });

  it("1.3: the 5-comparator network sorts {−4..4}⁴", () => {
    const result = verify(sortFour, homework["1.3"].target, homework["1.3"].domain());
    expect([result.status, result.checked]).toEqual(["pass", 6561]);
  });
});

// Solver calls are bounded by wall-clock time-outs: room for a loaded machine (about a second
// each on an idle one), and z3's start paid once, before the tests.
const roomy = { timeoutMs: 30_000, enumerationBudgetMs: 60_000 };

describe("the questions as data: decided over all integers", { timeout: 90_000 }, () => {
  beforeAll(() => decide(elementInList, homework["1.1"], { timeoutMs: 1 }), 120_000);

  it.each([
    ["1.1, handout answer", elementInList, "1.1", "distinct(x1, x2, x3)"],
    ["1.1, tolerant answer", elementInListTolerant, "1.1", "distinct(x1, x2, x3)"],
    [
      "1.2, design (a)",
      permutationByEquality,
      "1.2",
      "distinct(x1, x2, x3) and distinct(x4, x5, x6)",
    ],
    [
      "1.2, design (b)",
      permutationByModules,
      "1.2",
      "distinct(x1, x2, x3) and distinct(x4, x5, x6)",
    ],
  ] as const)("%s is proved, with the assumption as the scope", async (_, net, id, assumption) => {
    expect(await decide(net, homework[id], roomy)).toMatchObject({
      verdict: "proved",
      scope: { domain: "all integers", assumptions: [assumption] },
    });
  });

  it("1.1 allows only φ; 1.2 allows other activations", async () => {
    const equalities = network([
      { weights: elementInList.layers[0]!.weights, activation: "eq=0" },
      elementInList.layers[1]!,
    ]);
    expect(await decide(equalities, homework["1.1"], roomy)).toMatchObject({
      verdict: "disallowed activation",
      activation: "eq=0",
    });
    expect(homework["1.2"].allowedActivations).toBeUndefined();
  });

  it("the student's 1.1 as written is refuted in the first shell by the enumerator", async () => {
    expect(await decide(studentElementInList, homework["1.1"], roomy)).toMatchObject({
      verdict: "refuted",
      foundBy: "enumeration",
      counterexample: { input: [0n, -1n, 1n, 0n], expected: [1], actual: [0] },
    });
    expect((await decide(studentElementInListCorrected, homework["1.1"], roomy)).verdict).toBe(
      "proved",
    );
  });
});
