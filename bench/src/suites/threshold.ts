// @nnkit/threshold: verifying the homework 1.2 network (design (a), 9 + 6 + 1 units) on {0..9}⁶,
// against a batched float64 matrix evaluation of the same network with @nnkit/tensor.

import {
  elementInList,
  thresholdQuestions as homework,
  permutationByEquality,
  permutationByModules,
  sortFour,
} from "@nnkit/grading";
import { abs, add, eq, le, matmul, sum, type Tensor, tensor } from "@nnkit/tensor";
import {
  distinct,
  domainInputs,
  intRange,
  isPermutation,
  memberOf,
  type Network,
  sortedAscending,
  verify,
} from "@nnkit/threshold";
import type { BenchSuite } from "../harness.js";

const domain = intRange(0, 9, 6);

/** φ(z) = I(z ∈ [−1, 1]) = I(|z| ≤ 1) elementwise, as float64 0/1. */
function phi(z: Tensor): Tensor {
  return le(abs(z), 1).astype("float64");
}

/** The network's weights as float64 tensors (Wᵀ so a batch is rows·Wᵀ), e.g. 2/5 → 0.4. */
function floatLayers(net: Network) {
  return net.layers.map((layer) => ({
    weightsT: tensor(
      layer.weights[0]!.map((_, j) => layer.weights.map((row) => row[j]!.toNumber())),
    ),
    bias: tensor(layer.bias.map((b) => b.toNumber())),
  }));
}

let inputs: Tensor;
let labels: Tensor;
const layers = floatLayers(permutationByEquality);

/** Batched forward pass; returns how many outputs differ from the predicate's labels. */
function batchedMismatches(): number {
  let values = inputs;
  for (const layer of layers) values = phi(add(matmul(values, layer.weightsT), layer.bias));
  return 1e6 - sum(eq(values, labels)).item();
}

const suite: BenchSuite = {
  name: "@nnkit/threshold",
  cases: () => [
    {
      name: "verify 1.2 network on {0..9}⁶ (10⁶ inputs)",
      peerName: "@nnkit/tensor float64 batched matmul + φ",
      work: { amount: 1e6, unit: " inputs" },
      setup: () => {
        // Flat typed arrays, not 10⁶ row arrays: little garbage left for the timed runs.
        const rows = new Float64Array(6e6);
        const expected = new Float64Array(1e6);
        let r = 0;
        for (const x of domainInputs(domain)) {
          rows.set(x, 6 * r);
          expected[r++] = isPermutation.kind === "predicate" && isPermutation.test(x) ? 1 : 0;
        }
        inputs = tensor(rows, { shape: [1e6, 6] });
        labels = tensor(expected, { shape: [1e6, 1] });
        const verdict = verify(permutationByEquality, isPermutation, domain);
        process.stderr.write(
          `    verify: ${verdict.status}, ${verdict.checked} checked (${verdict.engine})\n` +
            `    float64 batched evaluation disagrees with the predicate on ${batchedMismatches()} inputs\n`,
        );
      },
      nnkit: () => verify(permutationByEquality, isPermutation, domain),
      peer: () => batchedMismatches(),
    },
    {
      name: "verify 1.2 design (b) on {0..9}⁶, lists distinct (10⁶ visited)",
      work: { amount: 1e6, unit: " inputs" },
      nnkit: () =>
        verify(
          permutationByModules,
          isPermutation,
          intRange(0, 9, 6, distinct([0, 1, 2], [3, 4, 5])),
        ),
    },
    {
      name: "verify 1.3 sorting network on {−9..9}⁴ (130 321 inputs)",
      work: { amount: 19 ** 4, unit: " inputs" },
      nnkit: () => verify(sortFour, sortedAscending, intRange(-9, 9, 4)),
    },
    {
      name: "verify 1.1 on {−4..4}⁴, x1..x3 distinct (6561 visited)",
      peerName: "same, exact rational evaluator (exact: true)",
      work: { amount: 6561, unit: " inputs" },
      nnkit: () => verify(elementInList, memberOf, homework["1.1"].domain()),
      peer: () => verify(elementInList, memberOf, homework["1.1"].domain(), { exact: true }),
    },
  ],
};
export default suite;
