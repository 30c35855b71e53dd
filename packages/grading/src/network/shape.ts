/** A size as an instructor named it (`K`, or digits), with its value. */
export interface Dim {
  readonly name: string;
  readonly size: number;
}

/**
 * The shape of a value in the forward equations, under the handout's convention that vectors are
 * columns: a scalar, a column (n×1), a row (1×n, a transposed column) or a matrix. A class label
 * is not a number: it may only be the argument of onehot.
 */
export type StaticShape =
  | { readonly kind: "scalar" }
  | { readonly kind: "column"; readonly rows: Dim }
  | { readonly kind: "row"; readonly columns: Dim }
  | { readonly kind: "matrix"; readonly rows: Dim; readonly columns: Dim }
  | { readonly kind: "class"; readonly classes: Dim };

export const SCALAR: StaticShape = { kind: "scalar" };

/** Rows and columns of a numeric shape (a scalar is 1×1). */
export function dimsOf(shape: StaticShape): [Dim, Dim] {
  const one = { name: "1", size: 1 };
  switch (shape.kind) {
    case "scalar":
    case "class":
      return [one, one];
    case "column":
      return [shape.rows, one];
    case "row":
      return [one, shape.columns];
    case "matrix":
      return [shape.rows, shape.columns];
  }
}

/** Entries of a value of this shape. */
export function entriesOf(shape: StaticShape): number {
  const [rows, columns] = dimsOf(shape);
  return rows.size * columns.size;
}

/** The tensor shape a value of this shape has in @nnkit/autodiff: columns are 1-d, rows 1×n. */
export function tensorShape(shape: StaticShape): number[] {
  switch (shape.kind) {
    case "scalar":
    case "class":
      return [];
    case "column":
      return [shape.rows.size];
    case "row":
      return [1, shape.columns.size];
    case "matrix":
      return [shape.rows.size, shape.columns.size];
  }
}

export function sameShape(a: StaticShape, b: StaticShape): boolean {
  const [ar, ac] = dimsOf(a);
  const [br, bc] = dimsOf(b);
  return a.kind === b.kind && ar.size === br.size && ac.size === bc.size;
}

/** `K×D = 4×3`, `4×3` when the sizes are written as numbers. */
function describeDims(dims: readonly Dim[]): string {
  const names = dims.map((d) => d.name).join("×");
  const sizes = dims.map((d) => String(d.size)).join("×");
  return names === sizes ? sizes : `${names} = ${sizes}`;
}

/** How a value of this shape is described in an error: `is K×D = 4×3`, `has D = 3 entries`. */
export function describeShape(shape: StaticShape): string {
  switch (shape.kind) {
    case "scalar":
      return "is a scalar";
    case "class":
      return `is a class label among ${describeDims([shape.classes])}`;
    case "column":
      return `has ${describeDims([shape.rows])} entries`;
    case "row":
      return `is a row of ${describeDims([shape.columns])} entries`;
    case "matrix":
      return `is ${describeDims([shape.rows, shape.columns])}`;
  }
}
