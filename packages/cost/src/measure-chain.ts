import { countOps, matmul, mul, type Tensor, transpose } from "@nnkit/tensor";
import type { Chain } from "./chain.js";
import { CostError } from "./errors.js";
import type { Factor, MatrixFactor } from "./factor.js";
import { type Order, type OrderSpec, resolveOrder } from "./order.js";
import { Polynomial } from "./polynomial.js";

/** Values for a chain's stored inputs, by storage name: `{ v, y1, y2 }` (vᵀ is derived from v). */
export type ChainValues = Readonly<Record<string, Tensor | number>>;

/** What running a chain on real tensors actually did, counted by @nnkit/tensor's countOps. */
export interface ChainMeasurement {
  readonly result: Tensor;
  /** Sizes read off the tensors, e.g. { n: 7, m: 3 }. */
  readonly point: Readonly<Record<string, number>>;
  readonly multiplications: number;
  /** Entries of the distinct input values (views are free). */
  readonly inputElements: number;
  /** Entries newly allocated while computing, intermediates and output. */
  readonly allocatedElements: number;
  /** inputElements + allocatedElements: the `all-stored` convention, measured. */
  readonly storedElements: number;
  /** Most entries alive at once: inputs throughout, each step's allocation until it is consumed. */
  readonly peakLiveElements: number;
}

/**
 * Runs the chain in the given order on real tensors (2-D, transposes as views, scalars with
 * `mul`), counting each step separately, so formulas can be checked against what happened.
 */
export function measureChain(chain: Chain, spec: OrderSpec, values: ChainValues): ChainMeasurement {
  const order = resolveOrder(chain, spec);
  const point = readSizes(chain, values);
  const inputElements = storedInputElements(chain, values);
  const allocations: number[] = [];
  const consumedAt: number[] = [];
  let multiplications = 0;
  const run = (node: Order): { value: Tensor | number; step?: number } => {
    if (typeof node === "number") return { value: factorValue(chain.factors[node]!, values) };
    const left = run(node[0]);
    const right = run(node[1]);
    const index = allocations.length;
    for (const operand of [left, right])
      if (operand.step !== undefined) consumedAt[operand.step] = index;
    const counted = countOps(() => multiply(left.value, right.value));
    multiplications += counted.multiplications;
    allocations.push(counted.allocatedElements);
    return { value: counted.result, step: index };
  };
  const { value } = run(order);
  if (typeof value === "number") {
    throw new CostError("measureChain", "argument", "a chain of one scalar computes nothing");
  }
  const allocatedElements = allocations.reduce((a, b) => a + b, 0);
  const live = allocations.map(
    (entries, k) =>
      inputElements +
      entries +
      allocations.slice(0, k).reduce((sum, e, i) => (consumedAt[i]! >= k ? sum + e : sum), 0),
  );
  return {
    result: value,
    point,
    multiplications,
    inputElements,
    allocatedElements,
    storedElements: inputElements + allocatedElements,
    peakLiveElements: Math.max(inputElements, ...live),
  };
}

/** Scalars (numbers, 0-d tensors) scale elementwise; matrices multiply with matmul. */
function multiply(a: Tensor | number, b: Tensor | number): Tensor {
  const isScalar = (x: Tensor | number) => typeof x === "number" || x.rank === 0;
  if (isScalar(a) || isScalar(b)) return mul(a, b);
  return matmul(a as Tensor, b as Tensor);
}

function factorValue(factor: Factor, values: ChainValues): Tensor | number {
  if (factor.kind === "scalar" && factor.literal) return Number(factor.name);
  const value = values[factor.storage];
  if (value === undefined) {
    throw new CostError("measureChain", "variable", `no value given for ${factor.storage}`);
  }
  if (factor.kind === "scalar") {
    if (typeof value !== "number") {
      throw new CostError("measureChain", "argument", `scalar ${factor.name} needs a number`);
    }
    return value;
  }
  if (typeof value === "number" || value.rank !== 2) {
    throw new CostError("measureChain", "shape", `${factor.storage} must be a 2-D tensor`);
  }
  return factor.transposed ? transpose(value) : value;
}

/** Reads each variable off the dimension it labels, then checks every size at that point. */
function readSizes(chain: Chain, values: ChainValues): Record<string, number> {
  const point: Record<string, number> = {};
  const matrices = chain.factors.filter((f) => f.kind === "matrix");
  const shapeOf = (factor: MatrixFactor) => (factorValue(factor, values) as Tensor).shape;
  for (const factor of matrices) {
    const [rows, cols] = shapeOf(factor);
    for (const [size, actual] of [
      [factor.rows, rows!],
      [factor.cols, cols!],
    ] as const) {
      const name = size.variables[0];
      if (name !== undefined && size.equals(Polynomial.variable(name))) point[name] ??= actual;
    }
  }
  for (const factor of matrices) {
    const [rows, cols] = shapeOf(factor);
    const expected = [factor.rows, factor.cols].map((s) => sizeAt(s, point, factor));
    if (expected[0] !== rows || expected[1] !== cols) {
      throw new CostError(
        "measureChain",
        "shape",
        `${factor.name} is ${rows}×${cols}, but ${factor.rows}×${factor.cols} is ${expected.join("×")} at ${JSON.stringify(point)}`,
      );
    }
  }
  return point;
}

function sizeAt(size: Polynomial, point: Record<string, number>, factor: MatrixFactor): number {
  const missing = size.variables.find((name) => point[name] === undefined);
  if (missing !== undefined) {
    throw new CostError(
      "measureChain",
      "variable",
      `no tensor dimension gives ${missing} (in ${factor.name})`,
    );
  }
  return size.evaluateNumber(point);
}

function storedInputElements(chain: Chain, values: ChainValues): number {
  const seen = new Set<string>();
  let total = 0;
  for (const factor of chain.factors) {
    if (seen.has(factor.storage) || (factor.kind === "scalar" && factor.literal)) continue;
    seen.add(factor.storage);
    const value = factorValue(factor, values);
    total += typeof value === "number" ? 1 : value.size;
  }
  return total;
}
