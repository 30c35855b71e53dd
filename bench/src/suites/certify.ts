// @nnkit/grading's certified threshold verdicts: a correct network proved over all integers by
// the solver (through grading's synchronous bridge to its solver thread), and a network right on
// the enumerated box but wrong outside it refuted with a minimised counterexample. Each call
// grades with a fresh check, so no decision comes from the check's cache. No peer: no other
// autograder proves its verdicts.
import {
  elementInList,
  thresholdQuestions as homework,
  permutationByEquality,
  thresholdCheck,
} from "@nnkit/grading";
import { type Network, toJSON } from "@nnkit/threshold";
import type { BenchCase, BenchSuite } from "../harness.js";

type Answer = Parameters<ReturnType<typeof thresholdCheck>["grade"]>[0];
const weight = (w: number | string): Answer =>
  typeof w === "number" ? { type: "number", value: w } : { type: "string", value: w };
const list = (items: Answer[]): Answer => ({ type: "list", items });
const map = (entries: Record<string, Answer>): Answer => ({
  type: "map",
  entries: new Map(Object.entries(entries)),
});

/** A network as a 1.2-style answer: a list of layers with W, b and the activation spec. */
function layersAnswer(net: Network, change?: (weights: (number | string)[][]) => void): Answer {
  const layers = toJSON(net).layers.map((layer, l) => {
    const weights = layer.weights.map((row) => [...row]);
    if (l === 0) change?.(weights);
    return map({
      W: list(weights.map((row) => list(row.map(weight)))),
      b: list(layer.bias.map(weight)),
      activation: weight(layer.activation as string),
    });
  });
  return map({ layers: list(layers) });
}

const question = (id: "1.1" | "1.2") =>
  thresholdCheck({
    question: homework[id],
    range: id === "1.1" ? [-4, 4] : [-3, 3],
    form: "layers",
    defaultActivation: "indicator[-1,1]",
  });

const context = { variant: {}, seed: 1 };

function certifyCase(name: string, id: "1.1" | "1.2", answer: Answer, want: string): BenchCase {
  const grade = () => question(id).grade(answer, context);
  return {
    name,
    work: { amount: 1, unit: want === "correct" ? "proofs" : "refutations" },
    setup: () => {
      const verdict = grade().items[0]?.verdict;
      if (verdict !== want) throw new Error(`bench ${name}: ${verdict}, not ${want}`);
    },
    nnkit: grade,
  };
}

const suite: BenchSuite = {
  name: "@nnkit/grading (certified)",
  cases: () => [
    certifyCase("prove 1.1 (3 + 1 units)", "1.1", layersAnswer(elementInList), "correct"),
    certifyCase(
      "prove 1.2 (9 + 6 + 1 units)",
      "1.2",
      layersAnswer(permutationByEquality),
      "correct",
    ),
    certifyCase(
      "refute 1.1 row [-2, 0.2, 0, 2] (wrong outside −4..4)",
      "1.1",
      layersAnswer(elementInList, (w) => {
        w[0] = [-2, "0.2", 0, 2];
      }),
      "wrong",
    ),
  ],
};

export default suite;
