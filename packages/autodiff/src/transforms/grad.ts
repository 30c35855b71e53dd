import { Tensor, tensor } from "@nnkit/tensor";
import { formatShape } from "../dims.js";
import { AutodiffError } from "../errors.js";
import type { TraceableFunction } from "../trace.js";
import { Tracer, type Value } from "../tracer.js";
import type { Tree } from "../tree.js";
import { normalizeArgnums, substitute } from "./arguments.js";
import { vjp } from "./vjp.js";

/** Gradients for `argnums`: one tree for a single argnum, an array of trees for a list. */
export type Gradients = Tree<Value> | Tree<Value>[];

/**
 * The gradient's type for an argument of type A: the same structure, a Tensor for each Tensor (a
 * call on plain tensors computes numbers) and a Value for each traced Value.
 */
export type GradientOf<A> = A extends Tensor
  ? Tensor
  : A extends Value
    ? Value
    : A extends readonly unknown[]
      ? { -readonly [K in keyof A]: GradientOf<A[K]> }
      : { -readonly [K in keyof A]: GradientOf<A[K]> };

type GradientsOf<Args extends readonly unknown[], N> = N extends number
  ? GradientOf<Args[N]>
  : N extends readonly number[]
    ? { -readonly [K in keyof N]: GradientOf<Args[N[K] & number]> }
    : never;

function scalarOutput(op: string, out: Tree<Value>): Value {
  if (!(out instanceof Tensor || out instanceof Tracer)) {
    throw new AutodiffError(
      op,
      "argument",
      "the function must return a single scalar value, got an array or object",
    );
  }
  if (out.shape.length !== 0) {
    throw new AutodiffError(
      op,
      "shape",
      `the function must return a scalar (shape []), got shape ${formatShape(out.shape)}; use vjp or jacrev for non-scalar outputs`,
    );
  }
  return out;
}

function valueAndGradients(
  op: string,
  f: TraceableFunction,
  argnums: number | readonly number[],
  args: readonly unknown[],
): [Value, Gradients] {
  const nums = normalizeArgnums(op, argnums, args.length);
  const restricted = (...selected: unknown[]) =>
    (f as (...a: unknown[]) => unknown)(...substitute(args, nums, selected));
  const [out, pullback] = vjp(restricted, ...nums.map((a) => args[a]));
  const value = scalarOutput(op, out);
  const grads = pullback(tensor(1, { dtype: value.dtype === "float32" ? "float32" : "float64" }));
  return [value, typeof argnums === "number" ? grads[0]! : grads];
}

/**
 * The gradient of a scalar-valued `f` with respect to argument `argnums` (default 0), or to each
 * of a list of arguments. Arguments may be tensors or arrays / plain objects of tensors.
 */
export function grad<Args extends unknown[], const N extends number | readonly number[] = 0>(
  f: (...args: Args) => Value,
  argnums?: N,
): <A extends Args>(...args: A) => GradientsOf<A, N> {
  return <A extends Args>(...args: A) =>
    valueAndGradients("grad", f as TraceableFunction, argnums ?? 0, args)[1] as GradientsOf<A, N>;
}

/** Like {@link grad}, returning `[f(...args), gradients]` from one forward pass. */
export function valueAndGrad<
  Args extends unknown[],
  const N extends number | readonly number[] = 0,
>(
  f: (...args: Args) => Value,
  argnums?: N,
): <A extends Args>(...args: A) => [value: Value, gradients: GradientsOf<A, N>] {
  return <A extends Args>(...args: A) =>
    valueAndGradients("valueAndGrad", f as TraceableFunction, argnums ?? 0, args) as [
      Value,
      GradientsOf<A, N>,
    ];
}
