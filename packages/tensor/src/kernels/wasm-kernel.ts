// The WebAssembly SIMD matmul kernel (source: wasm/gemm.wat). Panels and a block of C live in
// the module's memory. Blocks with contiguous float64 rows are copied in (a memcpy per row, or
// per block) and packed by the module (see packBlockA for A's case); others are packed in
// JavaScript straight into the panels, where the kernel reads. The kernel adds each depth panel's product into that block of C, which
// is then copied (a memcpy per row, or one for all) into the caller's C. Each entry's sum runs in
// the same order as the JavaScript kernel's, with a separate multiply and add, so the two kernels'
// products are bit-identical.
import { BLOCK, type MatmulKernel, type StridedMatrix } from "./block.js";
import { GEMM_WASM_BASE64 } from "./gemm-wasm-binary.js";
import { packA, packB } from "./pack.js";

// The few WebAssembly globals used here: the package's lib settings (ES2023, Node types) leave
// them out, and pulling in the DOM library for them would declare much that Node lacks.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
};

interface GemmExports {
  readonly memory: WasmMemory;
  block(
    mStrips: number,
    nStrips: number,
    kc: number,
    a: number,
    b: number,
    c: number,
    ldc: number,
    accumulate: number,
  ): void;
  packA(src: number, ld: number, mStrips: number, kc: number, dst: number): void;
  packB(src: number, ld: number, kc: number, nStrips: number, dst: number): void;
}

const PAGE = 65_536;

function kernelBytes(): Uint8Array {
  const text = atob(GEMM_WASM_BASE64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The kernel, or undefined where WebAssembly or its SIMD proposal is missing. */
export function wasmKernel(): MatmulKernel | undefined {
  if (!("WebAssembly" in globalThis)) return undefined;
  const bytes = kernelBytes();
  if (!WebAssembly.validate(bytes)) return undefined;
  const { MR, NR, KC, MC, NC, RC } = BLOCK;
  const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), {})
    .exports as unknown as GemmExports;
  const aDoubles = KC * MC;
  const bDoubles = 2 * KC * NC; // each depth step stored plain and pair-swapped
  const cDoubles = RC * NC;
  const stageDoubles = KC * NC; // a block of B, or of A (MC·KC, MC a multiple of MR), as copied
  exports.memory.grow(Math.ceil(((aDoubles + bDoubles + cDoubles + stageDoubles) * 8) / PAGE));
  const buffer = exports.memory.buffer;
  const aPanel = new Float64Array(buffer, 0, aDoubles);
  const bPanel = new Float64Array(buffer, aDoubles * 8, bDoubles);
  const cBlock = new Float64Array(buffer, (aDoubles + bDoubles) * 8, cDoubles);
  const stage = new Float64Array(buffer, (aDoubles + bDoubles + cDoubles) * 8, stageDoubles);
  // Blocks of B whose rows are contiguous float64 are copied in a row at a time and packed by the
  // module; so are blocks of A, but only when the block is one contiguous run (k ≤ KC): copying
  // A's short rows one `set` at a time measured slower than packA reading them. Others
  // (transposed, strided, other element types) are packed in JavaScript.
  const packBlockA = (a: StridedMatrix, i0: number, mc: number, p0: number, kc: number) => {
    const mStrips = Math.ceil(mc / MR);
    if (!rowsContiguous(a) || a.rowStride !== kc) {
      packA(a, i0, mc, p0, kc, aPanel);
      return;
    }
    copyRows(a.data, a.offset + i0 * a.rowStride + p0, a.rowStride, mc, kc, stage, 0, kc);
    stage.fill(0, mc * kc, mStrips * MR * kc);
    exports.packA(stage.byteOffset, kc * 8, mStrips, kc, aPanel.byteOffset);
  };
  const packBlockB = (b: StridedMatrix, p0: number, kc: number, j0: number, nc: number) => {
    const nStrips = Math.ceil(nc / NR);
    if (!rowsContiguous(b)) {
      packB(b, p0, kc, j0, nc, bPanel, true);
      return;
    }
    const width = nStrips * NR;
    copyRows(b.data, b.offset + p0 * b.rowStride + j0, b.rowStride, kc, nc, stage, 0, width);
    // Zero the last strip's columns past the matrix, as packB pads: their products only reach
    // C's padding, never copied out, but stale doubles there could be slow subnormals.
    if (width > nc) for (let p = 0; p < kc; p++) stage.fill(0, p * width + nc, (p + 1) * width);
    exports.packB(stage.byteOffset, width * 8, kc, nStrips, bPanel.byteOffset);
  };
  return {
    name: "wasm-simd",
    gemm(m, n, k, a, b, c, cOffset) {
      if (k === 0) {
        c.fill(0, cOffset, cOffset + m * n);
        return;
      }
      for (let r0 = 0; r0 < m; r0 += RC) {
        const rows = Math.min(RC, m - r0);
        for (let j0 = 0; j0 < n; j0 += NC) {
          const nc = Math.min(NC, n - j0);
          const nStrips = Math.ceil(nc / NR);
          const width = nStrips * NR;
          for (let p0 = 0; p0 < k; p0 += KC) {
            const kc = Math.min(KC, k - p0);
            packBlockB(b, p0, kc, j0, nc);
            for (let i0 = 0; i0 < rows; i0 += MC) {
              const mc = Math.min(MC, rows - i0);
              packBlockA(a, r0 + i0, mc, p0, kc);
              exports.block(
                Math.ceil(mc / MR),
                nStrips,
                kc,
                aPanel.byteOffset,
                bPanel.byteOffset,
                cBlock.byteOffset + i0 * width * 8,
                width * 8,
                p0 === 0 ? 0 : 1,
              );
            }
          }
          copyRows(cBlock, 0, width, rows, nc, c, cOffset + r0 * n + j0, n);
        }
      }
    },
  };
}

/** Whether the matrix's rows are runs of float64s, which `copyRows` copies with `set`. */
function rowsContiguous(m: StridedMatrix): m is StridedMatrix & { data: Float64Array } {
  return m.colStride === 1 && m.data instanceof Float64Array;
}

/**
 * out[outStart + i·outStride + j] = data[start + i·rowStride + j] for i < rows, j < cols: one
 * `set` per row, or one for all when both sides' rows are adjacent.
 */
function copyRows(
  data: Float64Array,
  start: number,
  rowStride: number,
  rows: number,
  cols: number,
  out: Float64Array,
  outStart: number,
  outStride: number,
): void {
  if (rowStride === cols && outStride === cols) {
    out.set(data.subarray(start, start + rows * cols), outStart);
    return;
  }
  for (let i = 0, from = start, to = outStart; i < rows; i++, from += rowStride, to += outStride)
    out.set(data.subarray(from, from + cols), to);
}
