import * as T from "@nnkit/tensor";
import { concreteShape, formatShape } from "../dims.js";
import { AutodiffError } from "../errors.js";
import { backwardNodes } from "../interpret/backward.js";
import { evaluateNodes } from "../interpret/evaluate.js";
import { jvpNodes } from "../interpret/jvp.js";
import { zerosLike } from "../ops/zeros-like.js";
import { reshape } from "../primitives/reshape.js";
import { stack } from "../primitives/stack.js";
import { type TraceableFunction, type Traced, traceTree } from "../trace.js";
import { Tracer, type Value } from "../tracer.js";
import { differentiableLeaves, normalizeArgnums, substitute } from "./arguments.js";

/** `f` restricted to argument `argnum`, traced once at `args`; a single value in, a single value out. */
function traceRestricted(
  op: string,
  f: TraceableFunction,
  argnum: number,
  args: readonly unknown[],
) {
  normalizeArgnums(op, argnum, args.length);
  const x = args[argnum];
  if (!(x instanceof T.Tensor || x instanceof Tracer)) {
    throw new AutodiffError(op, "argument", `argument ${argnum} must be a single tensor`);
  }
  differentiableLeaves(op, [x]);
  const restricted = (v: unknown) =>
    (f as (...a: unknown[]) => unknown)(...substitute(args, [argnum], [v]));
  const traced: Traced = traceTree(op, restricted, [x]);
  if (traced.graph.outputs.length !== 1 || traced.outputTree.kind !== "leaf") {
    throw new AutodiffError(op, "argument", "the function must return a single value");
  }
  return { x, traced };
}

/** The unit tensor with a 1 at flat position `i`. */
function basis(shape: readonly number[], dtype: T.DType, i: number): T.Tensor {
  const size = shape.reduce((p, d) => p * d, 1);
  const data = new Float64Array(size);
  data[i] = 1;
  return T.tensor(data, { shape: [...shape] }).astype(dtype);
}

/**
 * The Jacobian by forward mode: one JVP per input entry. For f: [...xs] → [...ys] the result has
 * shape [...ys, ...xs].
 */
export function jacfwd(f: TraceableFunction, argnum = 0) {
  return (...args: unknown[]): Value => {
    const { x, traced } = traceRestricted("jacfwd", f, argnum, args);
    const { graph } = traced;
    const xShape = concreteShape("jacfwd", x.shape);
    const size = xShape.reduce((p, d) => p * d, 1);
    const inputs = [x, ...traced.captures];
    const out = graph.outputs[0]!;
    const columns: Value[] = [];
    for (let i = 0; i < size; i++) {
      const run = jvpNodes(graph, inputs, [
        basis(xShape, x.dtype, i),
        ...traced.captures.map(() => null),
      ]);
      columns.push(run.tangents[out] ?? zerosLike(run.values[out]!, run.values[out]));
    }
    const yShape = graph.nodes[out]!.shape;
    return reshape(stack(columns, -1), [...yShape, ...xShape]);
  };
}

/**
 * The Jacobian by reverse mode: one VJP per output entry, sharing a single forward pass. For
 * f: [...xs] → [...ys] the result has shape [...ys, ...xs].
 */
export function jacrev(f: TraceableFunction, argnum = 0) {
  return (...args: unknown[]): Value => {
    const { x, traced } = traceRestricted("jacrev", f, argnum, args);
    const { graph } = traced;
    const values = evaluateNodes(graph, [x, ...traced.captures]);
    const out = graph.outputs[0]!;
    const y = values[out]!;
    if (!(y.dtype === "float64" || y.dtype === "float32")) {
      throw new AutodiffError(
        "jacrev",
        "dtype",
        `the output has dtype ${y.dtype}; it has no derivative`,
      );
    }
    const yShape = concreteShape("jacrev", y.shape);
    const size = yShape.reduce((p, d) => p * d, 1);
    const wrt = graph.inputs.map((_, k) => k === 0);
    const rows: Value[] = [];
    for (let j = 0; j < size; j++) {
      const cts = backwardNodes(graph, values, [basis(yShape, y.dtype, j)], wrt, "inputs");
      rows.push(cts[graph.inputs[0]!] ?? zerosLike(x, y));
    }
    // One row per output entry: [size, ...xs].
    return reshape(stack(rows), [...yShape, ...x.shape]);
  };
}

/** The Hessian of a scalar-valued f: forward mode over reverse mode, jacfwd(jacrev(f)). */
export function hessian(f: TraceableFunction, argnum = 0) {
  return (...args: unknown[]): Value => {
    const out = jacfwd(jacrev(f, argnum), argnum)(...args);
    const x = args[argnum] as Value;
    if (out.shape.length !== 2 * x.shape.length) {
      throw new AutodiffError(
        "hessian",
        "shape",
        `the function must return a scalar; its Hessian came out with shape ${formatShape(out.shape)}`,
      );
    }
    return out;
  };
}
