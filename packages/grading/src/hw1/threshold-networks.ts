// Homework 1.1–1.3's threshold networks: the handout's reference answers and the seeded student's
// 1.1, for tests, the bench and the terminal app; and the questions they answer, as hw1's
// assignment file states them, for @nnkit/threshold's verify and decide.
import {
  comparatorStage,
  conjunction,
  disjunction,
  type LayerSpec,
  type Network,
  network,
  question,
  selectInputs,
  sequence,
  sortedAscending,
  type Question as ThresholdQuestion,
} from "@nnkit/threshold";
import { isThresholdCheck } from "../checkers/threshold-check.js";
import { GradingError } from "../errors.js";
import { hw1 } from "./hw1.js";

/** The handout's φ(z) = 1 if z ∈ [−1, 1], else 0, in @nnkit/threshold's spec syntax. */
const PHI = "indicator[-1,1]";

/**
 * Homework 1.1, the handout's answer: h_i = φ(2(x4 − x_i)) fires iff x_i = x4; y = φ(2 − 2Σh)
 * fires iff exactly one h fires, so it relies on x1, x2, x3 being distinct.
 */
export const elementInList: Network = network([
  {
    name: "equalities",
    weights: [
      [-2, 0, 0, 2],
      [0, -2, 0, 2],
      [0, 0, -2, 2],
    ],
    bias: 0,
    activation: PHI,
  },
  { name: "output", weights: [[-2, -2, -2]], bias: 2, activation: PHI },
]);

/** Homework 1.1, second answer: y = φ(Σh − 2) fires for Σh ∈ {1, 2, 3}, so repeats are fine too. */
export const elementInListTolerant: Network = network([
  {
    name: "equalities",
    weights: [
      [2, 0, 0, -2],
      [0, 2, 0, -2],
      [0, 0, 2, -2],
    ],
    bias: 0,
    activation: PHI,
  },
  { name: "output", weights: [[1, 1, 1]], bias: -2, activation: PHI },
]);

/** Layer 1 of the student's 1.1: W(1) = 2·[[−1,0,0,1],[0,−1,0,1],[0,0,−1,1]], b(1) = 0. */
const studentHidden: LayerSpec = {
  name: "equalities",
  weights: [
    [-1, 0, 0, 1],
    [0, -1, 0, 1],
    [0, 0, -1, 1],
  ].map((row) => row.map((w) => 2 * w)),
  bias: [0, 0, 0],
  activation: PHI,
};

/**
 * The student's 1.1 in seeds/000_d9e1921b3aec123d.txt exactly as written: W(2) = −2·[1,1,1],
 * b(2) = −2. Wrong: z2 = −2Σh − 2 ≤ −2 for every input, so y is always 0.
 */
export const studentElementInList: Network = network([
  studentHidden,
  { name: "output", weights: [[-2, -2, -2]], bias: -2, activation: PHI },
]);

/** The student's 1.1 with b(2) = 2, which is what their y = φ(2(1 − Σh)) says. */
export const studentElementInListCorrected: Network = network([
  studentHidden,
  { name: "output", weights: [[-2, -2, -2]], bias: 2, activation: PHI },
]);

const PERMUTATIONS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
] as const;

/** Equality unit index for x_i = x_{3+j} (i, j ∈ 0..2). */
const equalityUnit = (i: number, j: number) => 3 * i + j;

/**
 * Homework 1.2, design (a): 9 equality units e_ij = φ(2(x_{3+j} − x_i)), 6 units (one per
 * permutation σ) φ(2(e_{0σ0} + e_{1σ1} + e_{2σ2}) − 6) that fire iff all three equalities hold,
 * then an OR. Exact without any assumption: the OR accepts any number of firing permutations.
 */
export const permutationByEquality: Network = disjunction(
  network([
    {
      name: "equalities",
      weights: Array.from({ length: 9 }, (_, unit) => {
        const row = [0, 0, 0, 0, 0, 0];
        row[Math.floor(unit / 3)] = -2;
        row[3 + (unit % 3)] = 2;
        return row;
      }),
      bias: 0,
      activation: PHI,
    },
    {
      name: "permutations",
      weights: PERMUTATIONS.map((sigma) => {
        const row = new Array<number>(9).fill(0);
        sigma.forEach((j, i) => {
          row[equalityUnit(i, j)] = 2;
        });
        return row;
      }),
      bias: -6,
      activation: PHI,
    },
  ]),
);

/**
 * Homework 1.2, design (b): three copies of the 1.1 network asking x_i ∈ {x4, x5, x6}, then an AND.
 * Needs x1, x2, x3 distinct (then the three distinct values all appear among x4, x5, x6).
 */
export const permutationByModules: Network = conjunction(
  ...[0, 1, 2].map((i) => selectInputs(elementInListTolerant, [3, 4, 5, i], 6)),
);

/** Homework 1.3: the optimal 5-comparator sorting network for 4 inputs, as three stages. */
export const sortFour: Network = sequence(
  comparatorStage(4, [
    [0, 1],
    [2, 3],
  ]),
  comparatorStage(4, [
    [0, 2],
    [1, 3],
  ]),
  comparatorStage(4, [[1, 2]]),
);

/** What hw1's question asks of a threshold network, as the assignment file states it. */
function thresholdQuestionOf(id: string): ThresholdQuestion {
  const check = hw1.questions.find((q) => q.id === id)?.parts[0]?.check;
  if (check === undefined || !isThresholdCheck(check))
    throw new GradingError("hw1", "wrong-kind", `${id} is not a threshold question`);
  return check.question;
}

/**
 * Homework 1.1–1.3 as @nnkit/threshold questions, for the terminal app's lab and the bench: 1.1
 * and 1.2 are examples/hw1/assignment.yaml's (targets and assumptions as logical forms, 1.1
 * allowing φ only, 1.2 any element-wise activation); the optional, ungraded 1.3 asks to sort.
 */
export const thresholdQuestions = {
  "1.1": thresholdQuestionOf("q1.1"),
  "1.2": thresholdQuestionOf("q1.2"),
  "1.3": question({ target: sortedAscending, arity: 4 }),
} as const;
