import { AutodiffError } from "./errors.js";

/** A named size such as n or m, for tracing a function only to analyse it (shapes, costs). */
export interface SymbolicDim {
  readonly kind: "symbol";
  readonly name: string;
}

/** One axis length: a concrete number or a symbol. */
export type Dim = number | SymbolicDim;

/** A symbolic dimension called `name`; two symbols with the same name are the same size. */
export function sym(name: string): SymbolicDim {
  return { kind: "symbol", name };
}

export function isSymbol(dim: Dim): dim is SymbolicDim {
  return typeof dim !== "number";
}

export function dimEquals(a: Dim, b: Dim): boolean {
  if (typeof a === "number" || typeof b === "number") return a === b;
  return a.name === b.name;
}

export function shapesEqual(a: readonly Dim[], b: readonly Dim[]): boolean {
  return a.length === b.length && a.every((d, i) => dimEquals(d, b[i]!));
}

export function isConcreteShape(shape: readonly Dim[]): shape is readonly number[] {
  return shape.every((d) => typeof d === "number");
}

export function formatDim(dim: Dim): string {
  return typeof dim === "number" ? String(dim) : dim.name;
}

export function formatShape(shape: readonly Dim[]): string {
  return `[${shape.map(formatDim).join(", ")}]`;
}

/** The concrete sizes of `shape`, or an error naming `op` when a size is still symbolic. */
export function concreteShape(op: string, shape: readonly Dim[]): number[] {
  if (!isConcreteShape(shape)) {
    throw new AutodiffError(
      op,
      "symbolic",
      `shape ${formatShape(shape)} has symbolic sizes; evaluation needs concrete sizes (trace with tensors or numeric shapes)`,
    );
  }
  return [...shape];
}
