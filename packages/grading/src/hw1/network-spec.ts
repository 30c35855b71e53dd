import type { NetworkSpec } from "../assignment/backprop-spec.js";

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
