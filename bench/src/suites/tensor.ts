// @nnkit/tensor against TensorFlow.js's CPU backend (float32, the peer's only CPU dtype).
// nnkit runs in float64. Each case checks once, in setup, that both sides compute the same result.
import * as nd from "@nnkit/tensor";
import * as tf from "@tensorflow/tfjs";
import type { BenchCase, BenchSuite } from "../harness.js";

const PEER = "tfjs 4.22 cpu (float32)";

/** Throws unless the peer's float32 result matches nnkit's float64 one to float32 accuracy. */
function checkSame(name: string, mine: nd.Tensor, theirs: tf.Tensor): void {
  const peer = nd.tensor(theirs.dataSync() as Float32Array, { shape: theirs.shape });
  if (!nd.allclose(peer, mine, { rtol: 1e-4, atol: 1e-3 })) {
    throw new Error(`bench ${name}: nnkit and tfjs disagree`);
  }
}

/**
 * Runs a peer op inside tf.tidy so its tensors are disposed, and reads the result so it is
 * materialised as nnkit's is. The callback returns nothing on purpose: tidy walks whatever it
 * returns looking for tensors, which costs seconds on a million-element typed array.
 */
function peerRun(op: () => tf.Tensor): void {
  tf.tidy(() => {
    op().dataSync();
  });
}

function matmulCase(n: number): BenchCase {
  const name = `matmul ${n}×${n}`;
  const a = nd.rng(1).uniform([n, n], -1, 1);
  const b = nd.rng(2).uniform([n, n], -1, 1);
  const ta = tf.tensor(Float32Array.from(a.toTypedArray()), [n, n], "float32");
  const tb = tf.tensor(Float32Array.from(b.toTypedArray()), [n, n], "float32");
  return {
    name,
    peerName: PEER,
    work: { amount: 2 * n ** 3, unit: "FLOP" },
    setup: () => tf.tidy(() => checkSame(name, nd.matmul(a, b), tf.matMul(ta, tb))),
    nnkit: () => nd.matmul(a, b),
    peer: () => peerRun(() => tf.matMul(ta, tb)),
  };
}

function elementwiseCase(
  name: string,
  mine: () => nd.Tensor,
  theirs: () => tf.Tensor,
  elements: number,
): BenchCase {
  return {
    name,
    peerName: PEER,
    work: { amount: elements, unit: "elem" },
    setup: () => tf.tidy(() => checkSame(name, mine(), theirs())),
    nnkit: mine,
    peer: () => peerRun(theirs),
  };
}

const suite: BenchSuite = {
  name: "@nnkit/tensor",
  cases: async () => {
    await tf.setBackend("cpu");
    const n = 1_000_000;
    const x = nd.rng(3).uniform([n], -2, 2);
    const y = nd.rng(4).uniform([n], -2, 2);
    const tx = tf.tensor(Float32Array.from(x.toTypedArray()), [n], "float32");
    const ty = tf.tensor(Float32Array.from(y.toTypedArray()), [n], "float32");
    return [
      matmulCase(128),
      matmulCase(256),
      matmulCase(512),
      elementwiseCase(
        "exp 10^6",
        () => nd.exp(x),
        () => tf.exp(tx),
        n,
      ),
      elementwiseCase(
        "add 10^6",
        () => nd.add(x, y),
        () => tf.add(tx, ty),
        n,
      ),
      elementwiseCase(
        "sum 10^6",
        () => nd.sum(x),
        () => tf.sum(tx),
        n,
      ),
    ];
  },
};
export default suite;
