import { compileNetwork, runCompiled } from "./compile.js";
import { ThresholdError } from "./errors.js";
import { readInput, traceExact } from "./evaluate.js";
import type { Network } from "./network.js";
import type { Scalar } from "./rational.js";

/** What `evaluateBatch` needs of an @nnkit/tensor `Tensor` (a 2-D batch, one row per input). */
export interface TensorLike {
  readonly shape: readonly number[];
  toTypedArray(): ArrayLike<number>;
}

function isTensorLike(value: unknown): value is TensorLike {
  return (
    typeof value === "object" &&
    value !== null &&
    "shape" in value &&
    typeof (value as TensorLike).toTypedArray === "function"
  );
}

function tensorRows(net: Network, batch: TensorLike): number[][] {
  const [count, width] = batch.shape;
  if (batch.shape.length !== 2 || width !== net.inputSize) {
    throw new ThresholdError(
      "evaluateBatch",
      "input",
      `expected a [batch, ${net.inputSize}] tensor, got shape [${batch.shape.join(", ")}]`,
    );
  }
  const data = batch.toTypedArray();
  return Array.from({ length: count! }, (_, r) =>
    Array.from({ length: width }, (_, c) => data[r * width + c]!),
  );
}

function safeIntegerRows(
  rows: readonly (readonly Scalar[])[],
): rows is readonly (readonly number[])[] {
  return rows.every((row) => row.every((x) => Number.isSafeInteger(x)));
}

/**
 * Outputs for many inputs (an array of rows or a 2-D Tensor), each exact like {@link evaluate}.
 * All-integer batches whose magnitudes keep every value below 2^53 take the integer fast path.
 */
export function evaluateBatch(
  net: Network,
  inputs: readonly (readonly Scalar[])[] | TensorLike,
): number[][] {
  const rows = isTensorLike(inputs) ? tensorRows(net, inputs) : inputs;
  if (!Array.isArray(rows)) {
    throw new ThresholdError(
      "evaluateBatch",
      "input",
      "expected an array of input rows or a tensor",
    );
  }
  rows.forEach((row, r) => {
    readInput(net, row, `evaluateBatch: row ${r + 1}`);
  });
  if (safeIntegerRows(rows)) {
    const bounds = Array.from({ length: net.inputSize }, (_, j) =>
      BigInt(rows.reduce((m, row) => Math.max(m, Math.abs(row[j]!)), 0)),
    );
    const compiled = compileNetwork(net, bounds);
    if (compiled.ok) return rows.map((row) => Array.from(runCompiled(compiled.network, row)));
  }
  return rows.map((row) =>
    traceExact(net, readInput(net, row, "evaluateBatch")).output.map((v) => v.toNumber()),
  );
}
