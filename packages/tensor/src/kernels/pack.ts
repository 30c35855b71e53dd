// Packing: copies of blocks of A and B laid out in the order the micro-kernels read them, so the
// kernels stream both sequentially. Packing reads any strides, so transposed or sliced operands
// need no separate copy; the last strip of a block is zero-padded to a whole tile.
import { BLOCK, type StridedMatrix } from "./block.js";

const { MR, NR } = BLOCK;

/**
 * Copies A[i0:i0+mc, p0:p0+kc] into MR-row strips from `out[start]`, each depth-major
 * (a[r0][p], a[r1][p], a[r2][p], a[r3][p] for each p).
 */
export function packA(
  a: StridedMatrix,
  i0: number,
  mc: number,
  p0: number,
  kc: number,
  out: Float64Array,
  start = 0,
): void {
  const { data, rowStride, colStride } = a;
  let o = start;
  for (let i = 0; i < mc; i += MR) {
    const rows = Math.min(MR, mc - i);
    const first = a.offset + (i0 + i) * rowStride + p0 * colStride;
    if (rows === MR) {
      for (let p = 0, base = first; p < kc; p++, base += colStride, o += MR) {
        out[o] = data[base] as number;
        out[o + 1] = data[base + rowStride] as number;
        out[o + 2] = data[base + 2 * rowStride] as number;
        out[o + 3] = data[base + 3 * rowStride] as number;
      }
    } else {
      for (let p = 0, base = first; p < kc; p++, base += colStride) {
        for (let r = 0; r < MR; r++)
          out[o++] = r < rows ? (data[base + r * rowStride] as number) : 0;
      }
    }
  }
}

/**
 * Copies B[p0:p0+kc, j0:j0+nc] into NR-column strips from `out[start]`, each depth-major
 * (b[p][c0], b[p][c1], b[p][c2], b[p][c3] for each p). With `swappedPairs`, each depth step is
 * followed by the same four with each pair swapped (b[p][c1], b[p][c0], b[p][c3], b[p][c2]), the
 * layout of the WebAssembly kernel (wasm/gemm.wat says why).
 */
export function packB(
  b: StridedMatrix,
  p0: number,
  kc: number,
  j0: number,
  nc: number,
  out: Float64Array,
  swappedPairs: boolean,
  start = 0,
): void {
  const { data, rowStride, colStride } = b;
  const step = swappedPairs ? 2 * NR : NR;
  const stripSize = kc * step;
  const whole = nc - (nc % NR);
  // Row by row of B (contiguous in the usual row-major case), each row's four-column pieces
  // going to their strips.
  for (let p = 0; p < kc; p++) {
    const rowStart = b.offset + (p0 + p) * rowStride + j0 * colStride;
    let o = start + p * step;
    for (let j = 0; j < whole; j += NR, o += stripSize) {
      const base = rowStart + j * colStride;
      const b0 = data[base] as number;
      const b1 = data[base + colStride] as number;
      const b2 = data[base + 2 * colStride] as number;
      const b3 = data[base + 3 * colStride] as number;
      out[o] = b0;
      out[o + 1] = b1;
      out[o + 2] = b2;
      out[o + 3] = b3;
      if (swappedPairs) {
        out[o + 4] = b1;
        out[o + 5] = b0;
        out[o + 6] = b3;
        out[o + 7] = b2;
      }
    }
    if (whole < nc) {
      const piece = [0, 0, 0, 0];
      for (let c = 0; c < nc - whole; c++)
        piece[c] = data[rowStart + (whole + c) * colStride] as number;
      const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = piece;
      out.set(swappedPairs ? [b0, b1, b2, b3, b1, b0, b3, b2] : piece, o);
    }
  }
}
