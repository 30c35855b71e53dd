// Elementwise comparisons with broadcasting; results are bool tensors (NaN compares unequal).
import { type BinaryKernel, binary, type Operand } from "./binary.js";
import type { Tensor } from "./tensor.js";

const toBool = (): "bool" => "bool";

const kernels = {
  eq: { name: "eq", result: toBool, apply: (x, y) => (x === y ? 1 : 0) },
  ne: { name: "ne", result: toBool, apply: (x, y) => (x !== y ? 1 : 0) },
  lt: { name: "lt", result: toBool, apply: (x, y) => (x < y ? 1 : 0) },
  le: { name: "le", result: toBool, apply: (x, y) => (x <= y ? 1 : 0) },
  gt: { name: "gt", result: toBool, apply: (x, y) => (x > y ? 1 : 0) },
  ge: { name: "ge", result: toBool, apply: (x, y) => (x >= y ? 1 : 0) },
} satisfies Record<string, BinaryKernel>;

export const eq = (a: Operand, b: Operand): Tensor => binary(kernels.eq, a, b);
export const ne = (a: Operand, b: Operand): Tensor => binary(kernels.ne, a, b);
export const lt = (a: Operand, b: Operand): Tensor => binary(kernels.lt, a, b);
export const le = (a: Operand, b: Operand): Tensor => binary(kernels.le, a, b);
export const gt = (a: Operand, b: Operand): Tensor => binary(kernels.gt, a, b);
export const ge = (a: Operand, b: Operand): Tensor => binary(kernels.ge, a, b);
