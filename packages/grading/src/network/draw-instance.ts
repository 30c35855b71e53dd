import { rng, type Tensor, tensor } from "@nnkit/tensor";
import type { Network } from "./compile-network.js";
import { tensorShape } from "./shape.js";

/**
 * A seeded random instance: the forward pass's arguments, parameters then inputs in their listed
 * order, each drawn from one @nnkit/tensor `rng(seed)` stream — standard normal entries, a class
 * label uniform among its classes (int32, 0-based) — so an instructor's listing fixes the numbers.
 */
export function drawInstance(network: Network, seed: number): Tensor[] {
  const random = rng(seed);
  return [...network.parameters, ...network.inputs].map(({ shape }) =>
    shape.kind === "class"
      ? tensor(random.integers([], 0, shape.classes.size).item(), { dtype: "int32" })
      : random.normal(tensorShape(shape)),
  );
}
