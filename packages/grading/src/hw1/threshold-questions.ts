import type { Question } from "../assignment/assignment.js";
import { thresholdCheck } from "../checkers/threshold-check.js";
import { PHI } from "./handout.js";
import { thresholdQuestions as homework } from "./threshold-networks.js";

export const q1_1: Question = {
  id: "q1.1",
  title: "Element in list (threshold units)",
  points: 1,
  parts: [
    {
      label: "network",
      weight: 1,
      visibility: "visible",
      check: thresholdCheck({
        question: homework["1.1"],
        range: [-4, 4],
        form: "one-hidden-layer",
        defaultActivation: PHI,
      }),
    },
  ],
  template: [
    "# Output 1 iff x4 is one of x1, x2, x3 (you may assume x1, x2, x3 distinct).",
    "# Every unit uses φ(z) = 1 if z ∈ [-1, 1] else 0 unless you give 'activation'.",
    "W1: [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]  # 3×4",
    "b1: [0, 0, 0]",
    "W2: [0, 0, 0]  # 1×3 (or a list of 3)",
    "b2: 0",
  ].join("\n"),
};

export const q1_2: Question = {
  id: "q1.2",
  title: "Permutation (threshold units)",
  points: 1,
  parts: [
    {
      label: "network",
      weight: 1,
      visibility: "visible",
      check: thresholdCheck({
        question: homework["1.2"],
        range: [-3, 3],
        form: "layers",
        defaultActivation: PHI,
      }),
    },
  ],
  template: [
    "# Output 1 iff (x4, x5, x6) is a permutation of (x1, x2, x3) (elements within each list distinct).",
    "# One entry per layer; activation is a spec such as indicator[-1,1] (the default φ), eq=3,",
    "# step>=0, sign, identity, relu, or a list with one spec per unit.",
    "layers:",
    "  - W: [[0, 0, 0, 0, 0, 0]]",
    "    b: [0]",
    "    activation: indicator[-1,1]",
  ].join("\n"),
};
