// @nnkit/autodiff against TensorFlow.js 4.22 (wasm and cpu backends, its registered gradients).
// nnkit computes in float64 (its default), tfjs in float32.
import { add, grad, matmul, mul, relu, square, sub, sum, tanh, type Value } from "@nnkit/autodiff";
import * as T from "@nnkit/tensor";
import type { BenchCase, BenchSuite } from "../harness.js";
import { TF_PEER, type TfBackend, tf, useBackend } from "../peers/tfjs.js";

const batch = 64;
const inputs = 784;
const hidden = 256;
const classes = 10;

interface Mlp<V> {
  W1: V;
  b1: V;
  W2: V;
  b2: V;
}

/** Squared loss of a 784 → 256 → 10 ReLU MLP on one batch. */
function mlpLoss(params: Mlp<Value>, X: Value, Y: Value): Value {
  const h = relu(add(matmul(X, params.W1), params.b1));
  return sum(square(sub(add(matmul(h, params.W2), params.b2), Y)));
}

/** A chain of `length` scalar ops: tanh, ×1.01, +0.1, repeated. */
function chain(x: Value, length: number): Value {
  let v = x;
  for (let i = 0; i < length; i++) {
    v = i % 3 === 0 ? tanh(v) : i % 3 === 1 ? mul(v, 1.01) : add(v, 0.1);
  }
  return v;
}

function tfChain(x: tf.Scalar, length: number): tf.Scalar {
  let v = x;
  for (let i = 0; i < length; i++) {
    v = i % 3 === 0 ? tf.tanh(v) : i % 3 === 1 ? tf.mul(v, 1.01) : tf.add(v, 0.1);
  }
  return v;
}

const random = T.rng(0);
const params: Mlp<T.Tensor> = {
  W1: T.mul(random.normal([inputs, hidden]), 0.05),
  b1: T.zeros([hidden]),
  W2: T.mul(random.normal([hidden, classes]), 0.05),
  b2: T.zeros([classes]),
};
const X = random.normal([batch, inputs]);
const Y = random.normal([batch, classes]);
const mlpGradient = grad(mlpLoss);
// Matrix products: X·W1 and its weight gradient (no input gradient), h·W2 and both of its.
const multiplications = 2 * batch * inputs * hidden + 3 * batch * hidden * classes;

function mlpCase(backend: TfBackend): BenchCase {
  const toTf = (t: T.Tensor) => tf.tensor(Float32Array.from(t.toTypedArray()), [...t.shape]);
  let tfParams: tf.Tensor[];
  let tfGradients: (params: tf.Tensor[]) => tf.Tensor[];
  return {
    name: "gradient of a 64×784 → 256 → 10 ReLU MLP, squared loss",
    peerName: `${TF_PEER[backend]}, tf.grads`,
    work: { amount: 2 * multiplications, unit: "FLOP" },
    async setup() {
      await useBackend(backend);
      tfParams = [params.W1, params.b1, params.W2, params.b2].map(toTf);
      const tfX = toTf(X);
      const tfY = toTf(Y);
      tfGradients = tf.grads((...[W1, b1, W2, b2]: tf.Tensor[]) => {
        const h = tf.relu(tf.add(tf.matMul(tfX, W1!), b1!));
        return tf.sum(tf.square(tf.sub(tf.add(tf.matMul(h, W2!), b2!), tfY)));
      });
      const ours = (mlpGradient(params, X, Y).W2 as T.Tensor).toTypedArray();
      const theirs = tf.tidy(() => tfGradients(tfParams)[2]!.dataSync());
      let worst = 0;
      ours.forEach((v, i) => {
        worst = Math.max(worst, Math.abs(v - theirs[i]!) / (1 + Math.abs(v)));
      });
      if (worst > 1e-3) throw new Error(`MLP gradients disagree (relative error ${worst})`);
    },
    nnkit: () => mlpGradient(params, X, Y),
    peer: () => tf.tidy(() => tfGradients(tfParams)),
  };
}

/** Tracing and differentiating a chain of `length` ops: the cost per op should not grow with it. */
function chainCase(length: number, backend: TfBackend): BenchCase {
  const chainGradient = grad((x: Value) => chain(x, length));
  const tfChainGradient = tf.grad((x: tf.Tensor) => tfChain(x as tf.Scalar, length));
  return {
    name: `trace + differentiate a ${length.toLocaleString("en")}-op scalar chain`,
    peerName: `${TF_PEER[backend]}, tf.grad`,
    work: { amount: length, unit: "op" },
    async setup() {
      await useBackend(backend);
      const ours = (chainGradient(T.tensor(0.3)) as T.Tensor).item();
      const theirs = tf.tidy(() => tfChainGradient(tf.scalar(0.3)).dataSync()[0]!);
      if (Math.abs(ours - theirs) > 1e-3 * (1 + Math.abs(ours))) {
        throw new Error(`chain gradients disagree: ${ours} vs ${theirs}`);
      }
    },
    nnkit: () => chainGradient(T.tensor(0.3)),
    peer: () => tf.tidy(() => tfChainGradient(tf.scalar(0.3))),
  };
}

/**
 * The cost per op of tracing and differentiating a long chain against a 10× shorter one, timed
 * alternately: 1 means the cost per op does not grow with the graph's length (nnkit against
 * itself, so a scaling check, not a peer comparison).
 */
function chainScalingCase(short: number, long: number): BenchCase {
  const shortGradient = grad((x: Value) => chain(x, short));
  const longGradient = grad((x: Value) => chain(x, long));
  return {
    name: `trace + differentiate a scalar chain: per op at ${long.toLocaleString("en")} ops vs ${short.toLocaleString("en")}`,
    work: { amount: long, unit: "op" },
    nnkit: () => longGradient(T.tensor(0.3)),
    scaling: {
      name: `${short.toLocaleString("en")} ops`,
      run: () => shortGradient(T.tensor(0.3)),
      work: short,
    },
  };
}

const suite: BenchSuite = {
  name: "@nnkit/autodiff",
  cases: () => [
    ...(["wasm", "cpu"] as const).flatMap((backend) => [
      mlpCase(backend),
      chainCase(1_000, backend),
      chainCase(10_000, backend),
    ]),
    chainScalingCase(1_000, 10_000),
    // Past the young generation: does the cost per op keep growing, or was 1k → 10k one step?
    chainScalingCase(10_000, 100_000),
  ],
};
export default suite;
