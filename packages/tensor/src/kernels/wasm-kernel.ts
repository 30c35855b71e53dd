// The WebAssembly SIMD matmul kernel (source: wasm/gemm.wat). Panels and a block of C live in
// the module's memory, so packing writes straight where the kernel reads, and the kernel adds each
// depth panel's product into that block of C, which is then copied (a memcpy per row) into the
// caller's C. Each entry's sum runs in the same order as the JavaScript kernel's, with a separate
// multiply and add, so the two kernels' products are bit-identical.
import { BLOCK, type MatmulKernel } from "./block.js";
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
  exports.memory.grow(Math.ceil(((aDoubles + bDoubles + cDoubles) * 8) / PAGE));
  const buffer = exports.memory.buffer;
  const aPanel = new Float64Array(buffer, 0, aDoubles);
  const bPanel = new Float64Array(buffer, aDoubles * 8, bDoubles);
  const cBlock = new Float64Array(buffer, (aDoubles + bDoubles) * 8, cDoubles);
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
            packB(b, p0, kc, j0, nc, bPanel, true);
            for (let i0 = 0; i0 < rows; i0 += MC) {
              const mc = Math.min(MC, rows - i0);
              packA(a, r0 + i0, mc, p0, kc, aPanel);
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
          copyBlock(cBlock, width, rows, nc, c, cOffset + r0 * n + j0, n);
        }
      }
    },
  };
}

/** c[cStart + i·ldc + j] = block[i·width + j] for the rows×cols entries that exist. */
function copyBlock(
  block: Float64Array,
  width: number,
  rows: number,
  cols: number,
  c: Float64Array,
  cStart: number,
  ldc: number,
): void {
  for (let i = 0; i < rows; i++)
    c.set(block.subarray(i * width, i * width + cols), cStart + i * ldc);
}
