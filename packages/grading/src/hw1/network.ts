// Homework 2.1's network, written with @nnkit/autodiff's ops and the handout's names.
import {
  add,
  log,
  matmul,
  mul,
  name,
  neg,
  onehot,
  relu,
  sigmoid,
  softmax,
  sum,
  type Value,
} from "@nnkit/autodiff";
import type { Tensor } from "@nnkit/tensor";
import * as T from "@nnkit/tensor";
import { GradingError } from "../errors.js";

/** Parameters of the homework 2.1 network: W1, W2 are K×D, W3 is N×K. */
export interface Hw1Parameters<V extends Value = Value> {
  readonly W1: V;
  readonly b1: V;
  readonly W2: V;
  readonly b2: V;
  readonly W3: V;
  readonly b3: V;
}

/**
 * The network of homework 2.1, written once with the handout's names:
 *
 *   z1 = W(1) x + b(1)   h = ReLU(z1)   z2 = W(2) x + b(2)   g1 = σ(z2)   g2 = h ⊙ g1
 *   y = W(3) g2 + b(3)   y' = softmax(y)   S = Σ_k I(t = k) log y'_k   J = −S
 *
 * `t` is an int32 scalar class index, 0-based (the handout counts classes from 1).
 */
export function hw1Network(params: Hw1Parameters, x: Value, t: Value): Value {
  const W1 = name(params.W1, "W(1)");
  const b1 = name(params.b1, "b(1)");
  const W2 = name(params.W2, "W(2)");
  const b2 = name(params.b2, "b(2)");
  const W3 = name(params.W3, "W(3)");
  const b3 = name(params.b3, "b(3)");
  name(x, "x");
  name(t, "t");
  const classes = W3.shape[0];
  if (typeof classes !== "number") {
    throw new GradingError(
      "hw1Network",
      "definition",
      "the number of classes (rows of W(3)) must be concrete",
    );
  }
  const z1 = name(add(matmul(W1, x), b1), "z1");
  const h = name(relu(z1), "h");
  const z2 = name(add(matmul(W2, x), b2), "z2");
  const g1 = name(sigmoid(z2), "g1");
  const g2 = name(mul(h, g1), "g2");
  const y = name(add(matmul(W3, g2), b3), "y");
  const yPrime = name(softmax(y), "y'");
  const S = name(sum(mul(onehot(t, classes), log(yPrime))), "S");
  return name(neg(S), "J");
}

/**
 * A small instance (D = 3, K = 4, N = 3) with random parameters and input from `seed`. The class t
 * (0-based) is 2 unless `randomLabel` draws it too, after the parameters and x.
 */
export function hw1Example(
  seed = 1,
  options: { randomLabel?: boolean } = {},
): { params: Hw1Parameters<Tensor>; x: Tensor; t: Tensor } {
  const random = T.rng(seed);
  const D = 3;
  const K = 4;
  const N = 3;
  const params = {
    W1: random.normal([K, D]),
    b1: random.normal([K]),
    W2: random.normal([K, D]),
    b2: random.normal([K]),
    W3: random.normal([N, K]),
    b3: random.normal([N]),
  };
  const x = random.normal([D]);
  const label = options.randomLabel ? random.integers([], 0, N).item() : 2;
  return { params, x, t: T.tensor(label, { dtype: "int32" }) };
}
