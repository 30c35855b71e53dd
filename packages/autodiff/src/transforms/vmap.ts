import type { Tensor } from "@nnkit/tensor";
import type { AbstractValue } from "../abstract-value.js";
import { type Dim, dimEquals, formatDim, formatShape } from "../dims.js";
import { AutodiffError } from "../errors.js";
import { batchNodes } from "../interpret/batch.js";
import { broadcastTo } from "../primitives/sum-broadcast.js";
import { moveAxis } from "../primitives/transpose.js";
import { type TraceableFunction, traceTree } from "../trace.js";
import type { Value } from "../tracer.js";
import { flatten, type Tree, unflatten } from "../tree.js";

/**
 * Where the batch lies in a value: an axis (negative counts from the end), or `null` for a value
 * every example shares. One entry covers a whole argument or output; an array or object of entries
 * matches its structure (JAX's prefix rule).
 */
export type AxisSpec = number | null | readonly AxisSpec[] | { readonly [key: string]: AxisSpec };

/** R with each Value a Tensor: what a function of values returns when called on tensors. */
export type Eager<R> = R extends Value
  ? Tensor
  : R extends readonly unknown[]
    ? { -readonly [K in keyof R]: Eager<R[K]> }
    : R extends object
      ? { -readonly [K in keyof R]: Eager<R[K]> }
      : R;

/** The vectorised function: on tensors its results are tensors; on traced values, values. */
export interface Vectorized<Args extends unknown[], R> {
  (...args: { [K in keyof Args]: Eager<Args[K]> }): Eager<R>;
  (...args: Args): R;
}

const op = "vmap";

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && Object.getPrototypeOf(x) === Object.prototype;
}

/** One axis per leaf of `tree` (in `flatten`'s order) from a prefix `spec`. */
function leafAxes(spec: AxisSpec, tree: unknown, where: string): (number | null)[] {
  if (spec === null || typeof spec === "number") {
    return flatten<Value>(op, tree).leaves.map(() => spec);
  }
  if (Array.isArray(spec)) {
    if (!Array.isArray(tree) || tree.length !== spec.length) {
      throw new AutodiffError(
        op,
        "argument",
        `${where} is an array of ${spec.length} axes, but the value there is not an array of ${spec.length}`,
      );
    }
    return spec.flatMap((s: AxisSpec, i) => leafAxes(s, tree[i], `${where}[${i}]`));
  }
  const keys = Object.keys(spec).sort();
  if (!isPlainObject(tree) || Object.keys(tree).sort().join() !== keys.join()) {
    throw new AutodiffError(
      op,
      "argument",
      `${where} has keys {${keys.join(", ")}}, but the value there is not an object with those keys`,
    );
  }
  const object = spec as { readonly [key: string]: AxisSpec };
  return keys.flatMap((k) => leafAxes(object[k]!, tree[k], `${where}.${k}`));
}

/** `axis` as a non-negative axis of a value with `rank` axes, or an error naming `where`. */
function normalAxis(axis: number, rank: number, where: string): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new AutodiffError(op, "shape", `${where}: axis ${axis} is out of range for rank ${rank}`);
  }
  return axis < 0 ? axis + rank : axis;
}

/**
 * Vectorising map, JAX's `vmap`: `vmap(f, inAxes, outAxes)(...args)` applies f to every example
 * of a batch at once, as if f were called once per example and the results stacked along
 * `outAxes`. `inAxes` says where each argument's batch axis is (a number or null for all
 * arguments, or one entry per argument); `outAxes` where the outputs' goes (default 0). f is traced
 * on one example and its graph run through each primitive's batching rule, so vmap composes with
 * the other transformations: `vmap(grad(loss), [null, 0, 0])(params, X, T)` gives per-example
 * gradients.
 */
export function vmap<Args extends unknown[], R>(
  f: (...args: Args) => R,
  inAxes: AxisSpec = 0,
  outAxes: AxisSpec = 0,
): Vectorized<Args, R> {
  return ((...args: unknown[]) => {
    if (Array.isArray(inAxes) && inAxes.length !== args.length) {
      throw new AutodiffError(
        op,
        "argument",
        `inAxes has ${inAxes.length} entries for ${args.length} arguments`,
      );
    }
    const specs: readonly AxisSpec[] = Array.isArray(inAxes) ? inAxes : args.map(() => inAxes);
    const axes = args.flatMap((arg, k) => leafAxes(specs[k]!, arg, `inAxes[${k}]`));
    const { leaves, def } = flatten<Value>(op, args);
    let size: Dim | undefined;
    const inputs = leaves.map((leaf, i) => {
      const axis = axes[i];
      if (axis === null || axis === undefined) return leaf;
      const at = normalAxis(
        axis,
        leaf.shape.length,
        `argument leaf ${i} ${formatShape(leaf.shape)}`,
      );
      const n = leaf.shape[at]!;
      if (size !== undefined && !dimEquals(size, n)) {
        throw new AutodiffError(
          op,
          "shape",
          `mapped axes have different sizes: ${formatDim(size)} and ${formatDim(n)} (argument leaf ${i}, shape ${formatShape(leaf.shape)}, axis ${axis})`,
        );
      }
      size = n;
      return moveAxis(leaf, at, 0);
    });
    if (size === undefined) {
      throw new AutodiffError(op, "argument", "inAxes maps no argument: give at least one an axis");
    }
    const examples = inputs.map(
      (x, i): AbstractValue => ({
        shape: axes[i] === null ? x.shape : x.shape.slice(1),
        dtype: x.dtype,
      }),
    );
    const traced = traceTree(op, f as TraceableFunction, unflatten(def, examples) as unknown[]);
    const batchedInputs = [...axes.map((a) => a !== null), ...traced.captures.map(() => false)];
    const run = batchNodes(traced.graph, [...inputs, ...traced.captures], batchedInputs, size);
    const outs = traced.graph.outputs.map((id) => run.values[id]!);
    const outputAxes = leafAxes(outAxes, unflatten(traced.outputTree, outs), "outAxes");
    const results = traced.graph.outputs.map((id, k) => {
      const axis = outputAxes[k];
      const value = outs[k]!;
      if (axis === null || axis === undefined) {
        if (run.batched[id]) {
          throw new AutodiffError(
            op,
            "argument",
            `outAxes is null for output ${k}, but it depends on the mapped arguments`,
          );
        }
        return value;
      }
      const full = run.batched[id] ? value : broadcastTo(value, [size!, ...value.shape]);
      return moveAxis(full, 0, normalAxis(axis, full.shape.length, `outAxes for output ${k}`));
    });
    return unflatten(traced.outputTree, results) as Tree<Value>;
  }) as Vectorized<Args, R>;
}
