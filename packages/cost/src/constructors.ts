// Function forms of the Polynomial operations, for building a polynomial from a parsed
// expression tree (one constructor per node kind).
import { Polynomial, type Scalar } from "./polynomial.js";

type Operand = Polynomial | Scalar;

/** A constant: an integer, a decimal like 0.5 (read as 1/2), a bigint or a Rational. */
export const constant = (value: Scalar): Polynomial => Polynomial.constant(value);
/** A variable such as `n`, `m` or `n_1`. */
export const variable = (name: string): Polynomial => Polynomial.variable(name);
export const add = (a: Operand, b: Operand): Polynomial => lift(a).add(b);
export const sub = (a: Operand, b: Operand): Polynomial => lift(a).sub(b);
export const mul = (a: Operand, b: Operand): Polynomial => lift(a).mul(b);
export const neg = (a: Operand): Polynomial => lift(a).neg();
/** a^k for a non-negative integer k; anything else throws a CostError. */
export const pow = (a: Operand, exponent: number): Polynomial => lift(a).pow(exponent);
/** a / c for a nonzero constant c; anything else throws a CostError. */
export const div = (a: Operand, divisor: Operand): Polynomial => lift(a).div(divisor);

function lift(value: Operand): Polynomial {
  return value instanceof Polynomial ? value : Polynomial.constant(value);
}
