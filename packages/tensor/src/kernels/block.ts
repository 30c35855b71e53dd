// The blocking every matmul kernel shares: panel sizes and the block product's interface, a leaf
// that gemm.ts and each kernel import.

const MR = 4;
const NR = 4;
/** Depth of a packed panel: a B strip (KC·NR doubles = 8 KiB) stays in L1 while A strips stream. */
const KC = 256;
/** Rows of A packed at once: MC·KC doubles (256 KiB) sized for L2. */
const MC = 128;
/** Columns of B packed at once: KC·NC doubles (1 MiB), so wide products stay in cache too. */
const NC = 512;

/** Panel sizes every kernel is built for. */
export const BLOCK = { MR, NR, KC, MC, NC } as const;

/**
 * Multiplies one packed block, C[tile] += Ã·B̃ over `mc`×`nc` entries of C starting at `cStart`
 * (row stride `ldc`). The panels it reads are the ones it owns, filled by packA/packB.
 */
export interface BlockKernel {
  readonly aPanel: Float64Array;
  readonly bPanel: Float64Array;
  multiply(mc: number, nc: number, kc: number, c: Float64Array, cStart: number, ldc: number): void;
}
