import type { Chain, ChainShape } from "./chain.js";
import { type ChainMemory, chainMemory } from "./chain-memory.js";
import { formatOrder, type Order, type OrderSpec, resolveOrder, spanOf } from "./order.js";
import { Polynomial } from "./polynomial.js";

/** One product in an evaluation: left · right → result. */
export interface ChainStep {
  /** The product computed, e.g. `vᵀy1`. */
  readonly expression: string;
  readonly left: string;
  readonly right: string;
  readonly leftShape: ChainShape;
  readonly rightShape: ChainShape;
  readonly resultShape: ChainShape;
  readonly multiplications: Polynomial;
  /** Entries of the result. */
  readonly entries: Polynomial;
  /** Index of the step that uses this result; undefined for the final product. */
  readonly consumedBy?: number;
}

export interface ChainEvaluation {
  readonly chain: Chain;
  readonly order: Order;
  /** The order written out, e.g. `v((vᵀy1)y2ᵀ)`. */
  readonly expression: string;
  readonly steps: readonly ChainStep[];
  readonly multiplications: Polynomial;
  readonly memory: ChainMemory;
}

/** Evaluates a chain in an order, step by step, under the course's cost model. */
export function evaluateChain(chain: Chain, spec: OrderSpec): ChainEvaluation {
  const order = resolveOrder(chain, spec);
  const steps: ChainStep[] = [];
  const consumedBy: number[] = [];
  const visit = (node: Order): { text: string; step?: number } => {
    if (typeof node === "number") return { text: chain.factors[node]!.name };
    const left = visit(node[0]);
    const right = visit(node[1]);
    const [first, last] = spanOf(node);
    const leftShape = chain.shapeOf(first, spanOf(node[0])[1]);
    const rightShape = chain.shapeOf(spanOf(node[1])[0], last);
    const resultShape = chain.shapeOf(first, last);
    const index = steps.length;
    for (const operand of [left, right])
      if (operand.step !== undefined) consumedBy[operand.step] = index;
    steps.push({
      expression: formatOrder(chain, node),
      left: left.text,
      right: right.text,
      leftShape,
      rightShape,
      resultShape,
      multiplications: productCost(leftShape, rightShape),
      entries: entriesOf(resultShape),
    });
    return { text: `(${formatOrder(chain, node)})`, step: index };
  };
  visit(order);
  const linked = steps.map((step, i) => ({ ...step, consumedBy: consumedBy[i] }));
  const multiplications = steps.reduce((sum, s) => sum.add(s.multiplications), Polynomial.ZERO);
  return {
    chain,
    order,
    expression: formatOrder(chain, order),
    steps: linked,
    multiplications,
    memory: chainMemory(chain, linked),
  };
}

/** [a×b]·[b×c] costs abc; a scalar times an r×c matrix costs rc; scalar × scalar costs 1. */
export function productCost(left: ChainShape, right: ChainShape): Polynomial {
  if (left.kind === "scalar") return entriesOf(right);
  if (right.kind === "scalar") return entriesOf(left);
  return left.rows.mul(left.cols).mul(right.cols);
}

export function entriesOf(shape: ChainShape): Polynomial {
  return shape.kind === "scalar" ? Polynomial.constant(1) : shape.rows.mul(shape.cols);
}
