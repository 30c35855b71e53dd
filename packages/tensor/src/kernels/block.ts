// The blocking every matmul kernel shares: panel sizes and the kernel's interface, a leaf that
// gemm.ts, the packing routines and each kernel import.

const MR = 4;
const NR = 4;
/** Depth of a packed panel: a B strip (KC·NR doubles, 8 KiB; 16 KiB with the swapped copy) stays in L1 while A strips stream. */
const KC = 256;
/** Rows of A packed at once: MC·KC doubles (256 KiB) sized for L2. */
const MC = 128;
/** Columns of B packed at once: KC·NC doubles (1 MiB), so wide products stay in cache too. */
const NC = 512;
/** Rows of C the WebAssembly kernel accumulates in its own memory before adding them to C. */
const RC = 1024;

/** Panel sizes every kernel is built for. */
export const BLOCK = { MR, NR, KC, MC, NC, RC } as const;

/** A matrix stored in any numeric array with arbitrary row and column strides. */
export interface StridedMatrix {
  data: ArrayLike<number>;
  offset: number;
  rowStride: number;
  colStride: number;
}

/** A float64 matrix product: C (m×n, row-major, contiguous from `cOffset`) = A (m×k) · B (k×n). */
export interface MatmulKernel {
  readonly name: "wasm-simd" | "javascript";
  gemm(
    m: number,
    n: number,
    k: number,
    a: StridedMatrix,
    b: StridedMatrix,
    c: Float64Array,
    cOffset: number,
  ): void;
}
