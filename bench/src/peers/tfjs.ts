// TensorFlow.js 4.22 as the peer, on either backend: `wasm` (tfjs-backend-wasm with SIMD, the
// strongest JavaScript peer; no threads under Node 20) or `cpu` (plain JavaScript). Both compute
// in float32, their only dtype for these ops; nnkit computes in float64.
import { createRequire } from "node:module";
import { dirname } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";

export type TfBackend = "wasm" | "cpu";

export const TF_PEER: Record<TfBackend, string> = {
  wasm: "tfjs 4.22 wasm SIMD (float32)",
  cpu: "tfjs 4.22 cpu (float32)",
};

let wasmPathsSet = false;

/** Makes `backend` tfjs's current one; tensors made afterwards live there. */
export async function useBackend(backend: TfBackend): Promise<void> {
  if (backend === "wasm" && !wasmPathsSet) {
    // The .wasm files ship inside the npm package; point tfjs at them rather than a CDN.
    const require = createRequire(import.meta.url);
    const simd = require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm");
    setWasmPaths(`${dirname(simd)}/`);
    wasmPathsSet = true;
  }
  if (tf.getBackend() !== backend) {
    if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} did not start`);
  }
  await tf.ready();
}

export { tf };
