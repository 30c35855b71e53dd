import {
  type Chain,
  evaluateChain,
  formatOrder,
  leftToRight,
  type Order,
  type Polynomial,
  rightToLeft,
  vector,
} from "@nnkit/cost";
import {
  matmul,
  mul,
  outer,
  type Tensor,
  tensor,
  transpose as transposeTensor,
} from "@nnkit/tensor";
import type { Part, Question } from "../assignment/assignment.js";
import type { CheckContext } from "../checkers/check.js";
import { conditionCheck } from "../checkers/condition-check.js";
import { costCheck, type RecognizedCount } from "../checkers/cost-check.js";
import { numericCheck } from "../checkers/numeric-check.js";
import { GradingError } from "../errors.js";
import type { NumericArray } from "../math/constant.js";
import {
  hessian,
  hessianHalf,
  tradeOff,
  vectorHessianProduct as vectorHessian,
  vectorHessianProductDoubled as vectorHessianDoubled,
} from "./chains.js";

const v = vector("v", "n");

type Mode = "reverse" | "forward";
const ORDER = { reverse: "right-to-left", forward: "left-to-right" } as const;

function multiplications(c: Chain, mode: Mode): Polynomial {
  return evaluateChain(c, ORDER[mode]).multiplications;
}

/**
 * Memory under the accepted conventions: every stored value counted once (inputs, intermediates,
 * output; a transpose is free), as the handout counts, or the peak of values alive at once.
 */
function memory(c: Chain, mode: Mode): Polynomial[] {
  const { allStored, peakLive } = evaluateChain(c, ORDER[mode]).memory;
  const peak = peakLive.polynomial();
  return peak === undefined || peak.equals(allStored) ? [allStored] : [allStored, peak];
}

const ASKED = { reverse: "reverse mode (right to left)", forward: "forward mode (left to right)" };

/** Every parenthesisation of factors lo..hi. */
function allOrders(lo: number, hi: number): Order[] {
  if (lo === hi) return [lo];
  const orders: Order[] = [];
  for (let split = lo; split < hi; split++) {
    for (const left of allOrders(lo, split))
      for (const right of allOrders(split + 1, hi)) orders.push([left, right]);
  }
  return orders;
}

/** The multiplication counts of the chain's other orders, each named by its order. */
function otherOrders(c: Chain, mode: Mode): RecognizedCount[] {
  const asked = evaluateChain(c, ORDER[mode]).multiplications;
  const other = mode === "reverse" ? leftToRight(c.length) : rightToLeft(c.length);
  // The other mode first: it is the order a student most often counts instead.
  return [other, ...allOrders(0, c.length - 1)]
    .map(
      (order): RecognizedCount => ({
        count: evaluateChain(c, order).multiplications,
        hint: { kind: "other-order", order: formatOrder(c, order), asked: ASKED[mode] },
      }),
    )
    .filter((r) => !r.count.equals(asked));
}

/** Memory counts that leave out the inputs, the output, or both, named by what they leave out. */
function otherConventions(c: Chain, mode: Mode): RecognizedCount[] {
  const evaluation = evaluateChain(c, ORDER[mode]);
  const { allStored, inputs, intermediates } = evaluation.memory;
  const output = allStored.sub(inputs).sub(intermediates);
  const names = [...new Set(c.factors.filter((f) => f.kind !== "scalar").map((f) => f.storage))];
  const theInputs = `the inputs ${names.join(", ")}`;
  const convention = (count: Polynomial, leavesOut: string): RecognizedCount => ({
    count,
    hint: { kind: "memory-convention", leavesOut },
  });
  return [
    convention(allStored.sub(inputs), theInputs),
    convention(intermediates, `${theInputs} and the output`),
    convention(allStored.sub(output), "the output"),
  ];
}

function variantVector(context: CheckContext, name: string): Tensor {
  const values = context.variant[name];
  if (!Array.isArray(values))
    throw new GradingError("hw1", `the variant has no numbers for ${name}`);
  return tensor([...values], { shape: [values.length, 1] });
}

function toNumeric(t: Tensor): NumericArray {
  return { shape: [...t.shape], data: [...t.toTypedArray()] };
}

const hessianOf = (context: CheckContext) => {
  const vv = outer(variantVector(context, "q2.2.1 v"), variantVector(context, "q2.2.1 v"));
  return { full: mul(2, vv), half: vv };
};

export const q2_2_1: Question = {
  id: "q2.2.1",
  title: "Hessian of L = xᵀvvᵀx (numbers)",
  points: 0,
  parts: [
    {
      label: "H",
      field: "H",
      weight: 1,
      visibility: "visible",
      check: numericCheck({
        references: [
          { value: (c) => toNumeric(hessianOf(c).full) },
          { label: "errata ½ convention, H = vvᵀ", value: (c) => toNumeric(hessianOf(c).half) },
        ],
      }),
    },
  ],
  template:
    "# n = 3, vᵀ = [4, 2, 3], xᵀ = [1, 2, 3] (or your variant's numbers)\nH: [[0, 0, 0], [0, 0, 0], [0, 0, 0]]",
};

/**
 * Counts for computing H: forming vvᵀ in full (n²) or only its upper triangle (n(n+1)/2,
 * exploiting symmetry), then the factor 2 on v first (n) or on the product (n²; on the triangle,
 * n(n+1)/2 more, which is n² + n again).
 */
function hessianMultiplications(): [Polynomial, ...Polynomial[]] {
  const triangle = multiplications(hessianHalf, "forward").add(v.rows).div(2);
  return [
    multiplications(hessian, "forward"),
    multiplications(hessian, "reverse"),
    multiplications(hessianHalf, "forward"),
    triangle,
    triangle.add(v.rows),
  ];
}

export const q2_2_2: Question = {
  id: "q2.2.2",
  title: "Cost of computing H",
  points: 1,
  parts: [
    {
      label: "multiplications",
      field: "multiplications",
      weight: 1,
      visibility: "visible",
      check: costCheck({ symbols: ["n"], accepted: hessianMultiplications, allowBigO: true }),
    },
    {
      label: "memory",
      field: "memory",
      weight: 1,
      visibility: "visible",
      // Any count of the right growth is accepted: the handout asks for memory up to O(n²).
      check: costCheck({
        symbols: ["n"],
        accepted: () =>
          [...memory(hessian, "forward"), ...memory(hessianHalf, "forward")] as [
            Polynomial,
            ...Polynomial[],
          ],
        allowBigO: true,
        sameGrowthCredit: 1,
      }),
    },
  ],
  template: '# In terms of n; big-O is allowed.\nmultiplications: ""\nmemory: ""',
};

/** 2.3's conventions: the handout's z = vvᵀy, and the errata's z = 2vvᵀy. */
const HANDOUT = "handout";
const ERRATA = "errata";

/**
 * The chain whose counts a context accepts: the handout's, the alternative under the errata's
 * convention, and both when no convention is chosen.
 */
function chainsFor(c: Chain, alternative: Chain | undefined, context: CheckContext): Chain[] {
  if (alternative === undefined) return [c];
  if (context.convention === HANDOUT) return [c];
  if (context.convention === ERRATA) return [alternative];
  return [c, alternative];
}

function modeParts(
  c: Chain,
  alternative: Chain | undefined,
  symbols: readonly string[],
  prefix = "",
): Part[] {
  return (["reverse", "forward"] as const).flatMap((mode) => [
    {
      label: `${mode} mode, multiplications`,
      field: `${prefix}${mode}.multiplications`,
      weight: 1,
      visibility: "visible" as const,
      check: costCheck({
        symbols,
        accepted: (context) =>
          chainsFor(c, alternative, context).map((chain) => multiplications(chain, mode)) as [
            Polynomial,
            ...Polynomial[],
          ],
        allowBigO: false,
        recognized: () => otherOrders(c, mode),
      }),
    },
    {
      label: `${mode} mode, memory`,
      field: `${prefix}${mode}.memory`,
      weight: 1,
      visibility: "visible" as const,
      check: costCheck({
        symbols,
        accepted: (context) =>
          chainsFor(c, alternative, context).flatMap((chain) => memory(chain, mode)) as [
            Polynomial,
            ...Polynomial[],
          ],
        allowBigO: false,
        recognized: () => otherConventions(c, mode),
      }),
    },
  ]);
}

/** z = v(vᵀy), the handout's reverse-mode order. */
const zOf = (context: CheckContext) => {
  const column = variantVector(context, "q2.3 v");
  return matmul(column, matmul(transposeTensor(column), variantVector(context, "q2.3 y")));
};

export const q2_3: Question = {
  id: "q2.3",
  title: "Vector–Hessian product",
  points: 1,
  // z and the costs of one answer are graded under one convention (issue 11 §4).
  conventions: [HANDOUT, ERRATA],
  parts: [
    {
      label: "z",
      field: "z",
      weight: 2,
      visibility: "visible",
      check: numericCheck({
        references: [
          { convention: HANDOUT, value: (c) => toNumeric(zOf(c)) },
          {
            convention: ERRATA,
            label: "errata convention, z = 2vvᵀy",
            value: (c) => toNumeric(mul(2, zOf(c))),
          },
        ],
      }),
    },
    ...modeParts(vectorHessian, vectorHessianDoubled, ["n"]),
  ],
  template: [
    "# n = 3, vᵀ = [1, 2, 3], yᵀ = [1, 1, 1] (or your variant's numbers); costs in terms of n",
    "z: [0, 0, 0]",
    'reverse: {multiplications: "", memory: ""}',
    'forward: {multiplications: "", memory: ""}',
  ].join("\n"),
};

export const q2_4: Question = {
  id: "q2.4",
  title: "Trade-off of reverse and forward mode",
  points: 1,
  parts: [
    ...modeParts(tradeOff, undefined, ["m", "n"]),
    {
      label: "forward mode is better when",
      field: "forward_better_when",
      weight: 2,
      visibility: "visible",
      check: conditionCheck({
        symbols: ["m", "n"],
        positiveWhere: () =>
          multiplications(tradeOff, "reverse").sub(multiplications(tradeOff, "forward")),
        costs: () => ({
          "forward mode": multiplications(tradeOff, "forward"),
          "reverse mode": multiplications(tradeOff, "reverse"),
        }),
        meaning: "forward mode being cheaper",
        // Z = v vᵀ y1 y2ᵀ is n×m: the handout's hint calls m > n "Z is wide".
        shapes: { Z: ["n", "m"] },
      }),
    },
  ],
  template: [
    "# Costs in terms of n and m",
    'reverse: {multiplications: "", memory: ""}',
    'forward: {multiplications: "", memory: ""}',
    'forward_better_when: ""  # a condition such as m > n',
  ].join("\n"),
};
