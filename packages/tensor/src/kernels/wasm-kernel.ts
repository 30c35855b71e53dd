// The WebAssembly SIMD block kernel (source: wasm/gemm.wat). Panels live in the module's memory,
// so packing writes straight where the kernel reads; the kernel overwrites a scratch block of C,
// which is then added into the caller's C. Its sums run in the same order as microKernel's, with
// a separate multiply and add, so both kernels give bit-identical products.
import { BLOCK, type BlockKernel } from "./block.js";
import { GEMM_WASM_BASE64 } from "./gemm-wasm-binary.js";

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
export function wasmKernel(): BlockKernel | undefined {
  if (!("WebAssembly" in globalThis)) return undefined;
  const bytes = kernelBytes();
  if (!WebAssembly.validate(bytes)) return undefined;
  const { MR, NR, KC, MC, NC } = BLOCK;
  const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), {})
    .exports as unknown as GemmExports;
  const aDoubles = KC * MC;
  const bDoubles = KC * NC;
  const cDoubles = MC * NC;
  const bytesNeeded = (aDoubles + bDoubles + cDoubles) * 8;
  exports.memory.grow(Math.ceil(bytesNeeded / PAGE));
  const buffer = exports.memory.buffer;
  const aPanel = new Float64Array(buffer, 0, aDoubles);
  const bPanel = new Float64Array(buffer, aDoubles * 8, bDoubles);
  const scratch = new Float64Array(buffer, (aDoubles + bDoubles) * 8, cDoubles);
  return {
    aPanel,
    bPanel,
    multiply(mc, nc, kc, c, cStart, ldc) {
      const mStrips = Math.ceil(mc / MR);
      const nStrips = Math.ceil(nc / NR);
      const width = nStrips * NR;
      exports.block(
        mStrips,
        nStrips,
        kc,
        aPanel.byteOffset,
        bPanel.byteOffset,
        scratch.byteOffset,
        width * 8,
      );
      for (let i = 0; i < mc; i++) {
        const row = cStart + i * ldc;
        const from = i * width;
        for (let j = 0; j < nc; j++) c[row + j]! += scratch[from + j]!;
      }
    },
  };
}
