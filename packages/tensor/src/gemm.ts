// Cache- and register-blocked float64 matrix multiply, C = A·B, in the style of GotoBLAS:
// B is packed into column strips of NR and A into row strips of MR (kernels/pack.ts) so a 4×4
// micro-kernel streams both panels sequentially and keeps its 16 partial sums in registers.
// The product runs in WebAssembly SIMD (kernels/wasm-kernel.ts) where available, else in the
// JavaScript kernel here, which is also the reference the tests compare the other with.

import { BLOCK, type MatmulKernel, type StridedMatrix } from "./kernels/block.js";
import { packA, packB } from "./kernels/pack.js";
import { wasmKernel } from "./kernels/wasm-kernel.js";

export type { MatmulKernel, StridedMatrix } from "./kernels/block.js";

const { MR, NR, KC, MC, NC } = BLOCK;

/** c[o..o+3] += x0..x3 for one full row of a tile. */
function addRow(c: Float64Array, o: number, x0: number, x1: number, x2: number, x3: number): void {
  // A full tile lies inside C (the caller sizes C for it), so each read is a number: `as number`
  // states that without a per-element check in the innermost kernel.
  c[o] = (c[o] as number) + x0;
  c[o + 1] = (c[o + 1] as number) + x1;
  c[o + 2] = (c[o + 2] as number) + x2;
  c[o + 3] = (c[o + 3] as number) + x3;
}

/**
 * Adds (packed A strip)·(packed B strip) to the 4×4 tile of C starting at `cStart`, of which only
 * `rows`×`cols` entries exist at the matrix edges. `ldc` is C's row stride.
 */
// biome-ignore format: the 4×4 grid of accumulators reads best laid out as the tile it computes
function microKernel(
  kc: number,
  ap: Float64Array,
  aStart: number,
  bp: Float64Array,
  bStart: number,
  c: Float64Array,
  cStart: number,
  ldc: number,
  rows: number,
  cols: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0, ai = aStart, bi = bStart; p < kc; p++, ai += MR, bi += NR) {
    const a0 = ap[ai]!, a1 = ap[ai + 1]!, a2 = ap[ai + 2]!, a3 = ap[ai + 3]!;
    const b0 = bp[bi]!, b1 = bp[bi + 1]!, b2 = bp[bi + 2]!, b3 = bp[bi + 3]!;
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  if (rows === MR && cols === NR) {
    let o = cStart;
    addRow(c, o, c00, c01, c02, c03); o += ldc;
    addRow(c, o, c10, c11, c12, c13); o += ldc;
    addRow(c, o, c20, c21, c22, c23); o += ldc;
    addRow(c, o, c30, c31, c32, c33);
    return;
  }
  const tile = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
  for (let r = 0; r < rows; r++) {
    for (let s = 0; s < cols; s++) c[cStart + r * ldc + s]! += tile[r * NR + s]!;
  }
}

/** The JavaScript kernel: the fallback where WebAssembly SIMD is missing, and the tests' reference. */
export function javascriptKernel(): MatmulKernel {
  const aPanel = new Float64Array(KC * MC);
  const bPanel = new Float64Array(KC * NC);
  const multiply = (
    mc: number,
    nc: number,
    kc: number,
    c: Float64Array,
    cStart: number,
    ldc: number,
  ) => {
    for (let js = 0; js * NR < nc; js++) {
      const cols = Math.min(NR, nc - js * NR);
      for (let is = 0; is * MR < mc; is++) {
        const rows = Math.min(MR, mc - is * MR);
        const tile = cStart + is * MR * ldc + js * NR;
        microKernel(kc, aPanel, is * MR * kc, bPanel, js * NR * kc, c, tile, ldc, rows, cols);
      }
    }
  };
  return {
    name: "javascript",
    gemm(m, n, k, a, b, c, cOffset) {
      c.fill(0, cOffset, cOffset + m * n);
      for (let j0 = 0; j0 < n; j0 += NC) {
        const nc = Math.min(NC, n - j0);
        for (let p0 = 0; p0 < k; p0 += KC) {
          const kc = Math.min(KC, k - p0);
          packB(b, p0, kc, j0, nc, bPanel, false);
          for (let i0 = 0; i0 < m; i0 += MC) {
            const mc = Math.min(MC, m - i0);
            packA(a, i0, mc, p0, kc, aPanel);
            multiply(mc, nc, kc, c, cOffset + i0 * n + j0, n);
          }
        }
      }
    },
  };
}

/** C (m×n, row-major, contiguous from `cOffset`) = A (m×k) · B (k×n); C's old values are ignored. */
export function gemm(
  m: number,
  n: number,
  k: number,
  a: StridedMatrix,
  b: StridedMatrix,
  c: Float64Array,
  cOffset = 0,
  kernel: MatmulKernel = defaultKernel(),
): void {
  kernel.gemm(m, n, k, a, b, c, cOffset);
}

let shared: MatmulKernel | undefined;

/** The WebAssembly SIMD kernel where this runtime has it, else the JavaScript one; made once. */
export function defaultKernel(): MatmulKernel {
  shared ??= wasmKernel() ?? javascriptKernel();
  return shared;
}
