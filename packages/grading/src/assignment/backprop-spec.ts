// The data a backprop question is made of, as the assignment format gives it (already read from
// YAML or an ES module into plain values). Shared by the YAML reader and the backprop kind.

/**
 * A network written as forward equations in the math syntax, one per line, e.g.
 *
 *   z1 = W1 x + b1
 *   h = relu(z1)
 *   J = -sum(onehot(t) ⊙ log(y'))
 *
 * with named sizes, parameters and inputs; traced by @nnkit/autodiff.
 */
export interface NetworkSpec {
  /** The forward equations, `name = expression`, one per line, in evaluation order. */
  readonly equations: string;
  /** Concrete values of the size names used in shapes, e.g. `{ D: 3, K: 4, N: 3 }`. */
  readonly sizes: Readonly<Record<string, number>>;
  /** Parameters with their shapes in size names (`W1: [K, D]`), in the order they are drawn. */
  readonly parameters: Readonly<Record<string, readonly string[]>>;
  /**
   * Inputs, drawn after the parameters in this order: a shape (standard normal entries), or a
   * class label among `classes` (a size name), counted from 1 as handouts do.
   */
  readonly inputs: Readonly<Record<string, readonly string[] | { readonly classes: string }>>;
  /** The scalar the backward pass starts from (default: the last equation's left side). */
  readonly output?: string;
}

/** Question 2.1.2's kind: one equation per adjoint, checked on seeded random instances. */
export interface BackpropPartSpec {
  readonly network: NetworkSpec;
  /** The adjoints asked for, in backward order, as variable names (`J`, `y'`, …, `x`). */
  readonly adjoints: readonly string[];
  /** Other spellings of answer keys, e.g. `{ yp_bar: "y'_bar" }`. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Random instances each equation is checked on (default 3). */
  readonly instances?: number;
  /** The adjoint the chain rule ends at, checked through the others (default: the last). */
  readonly chainTarget?: string;
}

/** Question 2.1.1's kind: the edges of the network's computation graph between named variables. */
export interface GraphPartSpec {
  readonly network: NetworkSpec;
  /** The variables a student's graph may name (default: inputs and equation left sides). */
  readonly nodes?: readonly string[];
}
