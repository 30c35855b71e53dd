import type { Question } from "../assignment/assignment.js";
import type { BackpropPartSpec, GraphPartSpec, NetworkSpec } from "../assignment/backprop-spec.js";
import { backpropParts, backpropTemplateFields } from "../assignment/kinds/backprop.js";
import { graphParts, graphTemplateLines } from "../assignment/kinds/graph.js";

/**
 * Homework 2.1's network as forward equations (the handout's, with W(1) written W1): the same
 * network as `hw1Network`, and the same random draws as `hw1Example(seed, { randomLabel: true })`.
 */
export const HW1_NETWORK: NetworkSpec = {
  equations: [
    "z1 = W1 x + b1",
    "h = relu(z1)",
    "z2 = W2 x + b2",
    "g1 = sigmoid(z2)",
    "g2 = h ⊙ g1",
    "y = W3 g2 + b3",
    "y' = softmax(y)",
    "S = sum(onehot(t) ⊙ log(y'))",
    "J = -S",
  ].join("\n"),
  sizes: { D: 3, K: 4, N: 3 },
  parameters: {
    W1: ["K", "D"],
    b1: ["K"],
    W2: ["K", "D"],
    b2: ["K"],
    W3: ["N", "K"],
    b3: ["N"],
  },
  inputs: { x: ["D"], t: { classes: "N" } },
};

const GRAPH: GraphPartSpec = { network: HW1_NETWORK };

const BACKPROP: BackpropPartSpec = {
  network: HW1_NETWORK,
  adjoints: ["J", "S", "y'", "y", "g2", "g1", "h", "z2", "z1", "x"],
  aliases: { yp_bar: "y'_bar" },
  instances: 3,
  chainTarget: "x",
};

export const q2_1_1: Question = {
  id: "q2.1.1",
  title: "Computation graph of the 2.1 network",
  points: 0,
  parts: graphParts(GRAPH, ["q2.1.1"]),
  template: graphTemplateLines(GRAPH).join("\n"),
};

export const q2_1_2: Question = {
  id: "q2.1.2",
  title: "Backward pass of the 2.1 network",
  points: 1,
  parts: backpropParts(BACKPROP, ["q2.1.2"]),
  template: [
    "# One equation per adjoint, over the forward variables, W1 W2 W3 b1 b2 b3, t and other adjoints.",
    "# Functions: relu, relu', sigmoid, sigmoid', softmax, softmax' (the Jacobian), exp, log,",
    "# onehot(t), diag, I(z1 > 0); ⊙ or .* elementwise, ^T transpose.",
    ...backpropTemplateFields(BACKPROP),
  ].join("\n"),
};
