// The peer for threshold verification: the network evaluated on a box as NumPy would vectorise it,
// written plainly in JavaScript over float64 typed arrays (no nnkit code). Per chunk of inputs
// (NumPy users chunk a 47 M-row box too): the inputs as a chunk×n matrix in odometer order
// (np.indices), then per layer one matrix product with the bias added (X @ W.T + b) and the
// activation φ(z) = 1 if |z| ≤ 1 else 0 elementwise (np.abs(z) <= 1), and the target's labels
// vectorised (np.sort of each triple, compared). Counts the inputs where the output differs.
import type { Network } from "@nnkit/threshold";

interface DenseLayer {
  readonly units: number;
  readonly inputs: number;
  /** Row-major units × inputs. */
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

export function denseLayers(net: Network): DenseLayer[] {
  return net.layers.map((layer) => {
    const units = layer.weights.length;
    const inputs = layer.weights[0]?.length ?? 0;
    const weights = new Float64Array(units * inputs);
    layer.weights.forEach((row, u) => {
      row.forEach((w, j) => {
        weights[u * inputs + j] = w.toNumber();
      });
    });
    return { units, inputs, weights, bias: Float64Array.from(layer.bias, (b) => b.toNumber()) };
  });
}

const CHUNK = 1 << 15;

/** out = φ(x @ W.T + b) for `rows` rows: the matrix product, bias and activation of one layer. */
function layerForward(layer: DenseLayer, x: Float64Array, rows: number, out: Float64Array): void {
  const { units, inputs, weights, bias } = layer;
  for (let r = 0; r < rows; r++) {
    const xr = r * inputs;
    const or = r * units;
    for (let u = 0; u < units; u++) {
      let z = 0;
      const wu = u * inputs;
      for (let j = 0; j < inputs; j++) z += x[xr + j]! * weights[wu + j]!;
      // As NumPy: the product first, then the bias (the order fixes the float64 rounding).
      z += bias[u]!;
      out[or + u] = Math.abs(z) <= 1 ? 1 : 0;
    }
  }
}

/** np.sort(x[:, :3]) == np.sort(x[:, 3:]) for each row: (x4, x5, x6) a permutation of (x1, x2, x3). */
function permutationLabels(x: Float64Array, rows: number, labels: Uint8Array): void {
  const sort3 = (a: number, b: number, c: number): [number, number, number] => {
    if (a > b) [a, b] = [b, a];
    if (b > c) [b, c] = [c, b];
    if (a > b) [a, b] = [b, a];
    return [a, b, c];
  };
  for (let r = 0; r < rows; r++) {
    const o = 6 * r;
    const [a0, a1, a2] = sort3(x[o]!, x[o + 1]!, x[o + 2]!);
    const [b0, b1, b2] = sort3(x[o + 3]!, x[o + 4]!, x[o + 5]!);
    labels[r] = a0 === b0 && a1 === b1 && a2 === b2 ? 1 : 0;
  }
}

/**
 * Inputs of {lo..hi}⁶ where the network's single output differs from the permutation target,
 * evaluated chunk by chunk as NumPy would.
 */
export function batchedPermutationMismatches(layers: DenseLayer[], lo: number, hi: number): number {
  const arity = 6;
  const width = Math.max(arity, ...layers.map((l) => l.units));
  const buffers = [new Float64Array(CHUNK * width), new Float64Array(CHUNK * width)];
  const labels = new Uint8Array(CHUNK);
  const input = new Float64Array(CHUNK * arity);
  const odometer = new Array<number>(arity).fill(lo);
  const total = (hi - lo + 1) ** arity;
  let mismatches = 0;
  for (let done = 0; done < total; ) {
    const rows = Math.min(CHUNK, total - done);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < arity; j++) input[r * arity + j] = odometer[j]!;
      for (let j = arity - 1; j >= 0; j--) {
        if (odometer[j]! < hi) {
          odometer[j] = odometer[j]! + 1;
          break;
        }
        odometer[j] = lo;
      }
    }
    permutationLabels(input, rows, labels);
    let x = input;
    layers.forEach((layer, l) => {
      const out = buffers[l % 2]!;
      layerForward(layer, x, rows, out);
      x = out;
    });
    for (let r = 0; r < rows; r++) if (x[r]! !== labels[r]!) mismatches++;
    done += rows;
  }
  return mismatches;
}
