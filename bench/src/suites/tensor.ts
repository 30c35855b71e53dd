// @nnkit/tensor against TensorFlow.js on its wasm and cpu backends (float32, the peers' only CPU
// dtype for these ops), and elementwise ops against a plain typed-array loop as the floor any
// array library should reach. nnkit runs in float64. Each case checks once, in setup, that both
// sides compute the same result.
import * as nd from "@nnkit/tensor";
import type { BenchCase, BenchSuite } from "../harness.js";
import { TF_PEER, type TfBackend, tf, useBackend } from "../peers/tfjs.js";

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

const toTf = (t: nd.Tensor) => tf.tensor(Float32Array.from(t.toTypedArray()), [...t.shape]);

/**
 * tfjs's cpu backend needs 5–25 s for one 1024×1024 product on this machine, so it is compared up
 * to 512 only, and at 512 over 3 rounds (each round is two calls per side), to keep `pnpm bench`
 * within minutes; the wasm backend, the strong peer, runs every size.
 */
const MATMUL_SIZES: Record<TfBackend, readonly number[]> = {
  wasm: [128, 256, 512, 1024],
  cpu: [128, 256, 512],
};

function matmulCase(n: number, backend: TfBackend): BenchCase {
  const name = `matmul ${n}×${n}`;
  const a = nd.rng(1).uniform([n, n], -1, 1);
  const b = nd.rng(2).uniform([n, n], -1, 1);
  let ta: tf.Tensor;
  let tb: tf.Tensor;
  return {
    name,
    peerName: TF_PEER[backend],
    work: { amount: 2 * n ** 3, unit: "FLOP" },
    async setup() {
      await useBackend(backend);
      ta = toTf(a);
      tb = toTf(b);
      tf.tidy(() => checkSame(name, nd.matmul(a, b), tf.matMul(ta, tb)));
    },
    nnkit: () => nd.matmul(a, b),
    peer: () => peerRun(() => tf.matMul(ta, tb)),
    ...(backend === "cpu" && n >= 512 ? { minRounds: 3 } : {}),
  };
}

const N = 1_000_000;
const x = nd.rng(3).uniform([N], -2, 2);
const y = nd.rng(4).uniform([N], -2, 2);

interface ElementwiseOp {
  name: string;
  mine: () => nd.Tensor;
  theirs: (tx: tf.Tensor, ty: tf.Tensor) => tf.Tensor;
}

const ELEMENTWISE: readonly ElementwiseOp[] = [
  { name: "exp 10^6", mine: () => nd.exp(x), theirs: (tx) => tf.exp(tx) },
  { name: "add 10^6", mine: () => nd.add(x, y), theirs: (tx, ty) => tf.add(tx, ty) },
  { name: "sum 10^6", mine: () => nd.sum(x), theirs: (tx) => tf.sum(tx) },
];

function elementwiseCase({ name, mine, theirs }: ElementwiseOp, backend: TfBackend): BenchCase {
  let tx: tf.Tensor;
  let ty: tf.Tensor;
  return {
    name,
    peerName: TF_PEER[backend],
    work: { amount: N, unit: "elem" },
    async setup() {
      await useBackend(backend);
      tx = toTf(x);
      ty = toTf(y);
      tf.tidy(() => checkSame(name, mine(), theirs(tx, ty)));
    },
    nnkit: mine,
    peer: () => peerRun(() => theirs(tx, ty)),
  };
}

/** The same op as a hand-written loop over Float64Arrays: what nnkit's dispatch must not lose to. */
function loopCase(name: string, mine: () => nd.Tensor, loop: () => unknown): BenchCase {
  return {
    name,
    peerName: "plain Float64Array loop (floor)",
    work: { amount: N, unit: "elem" },
    nnkit: mine,
    peer: loop,
  };
}

// The loops read nnkit's own buffers, so both sides read the same memory.
const xs = x.data as Float64Array;
const ys = y.data as Float64Array;

const suite: BenchSuite = {
  name: "@nnkit/tensor",
  cases: () => {
    const cases: BenchCase[] = [];
    for (const backend of ["wasm", "cpu"] as const) {
      for (const n of MATMUL_SIZES[backend]) cases.push(matmulCase(n, backend));
      for (const op of ELEMENTWISE) cases.push(elementwiseCase(op, backend));
    }
    cases.push(
      loopCase(
        "add 10^6",
        () => nd.add(x, y),
        () => {
          const out = new Float64Array(N);
          for (let i = 0; i < N; i++) out[i] = xs[i]! + ys[i]!;
          return out;
        },
      ),
      loopCase(
        "exp 10^6",
        () => nd.exp(x),
        () => {
          const out = new Float64Array(N);
          for (let i = 0; i < N; i++) out[i] = Math.exp(xs[i]!);
          return out;
        },
      ),
      loopCase(
        "sum 10^6",
        () => nd.sum(x),
        () => {
          let total = 0;
          for (let i = 0; i < N; i++) total += xs[i]!;
          return total;
        },
      ),
    );
    return cases;
  },
};
export default suite;
