import fc from "fast-check";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a build script without type declarations
import { buildKernel } from "../../scripts/build-wasm.mjs";
import { gemm, javascriptKernel, type StridedMatrix } from "../gemm.js";
import { rng } from "../random.js";
import { wasmKernel } from "./wasm-kernel.js";

const js = javascriptKernel();
const wasm = wasmKernel() ?? js;
const wasmAvailable = wasm.name === "wasm-simd";

/** A seeded m×n matrix of small integers and halves, so products are exact in float64. */
function matrix(rows: number, cols: number, seed: number): Float64Array {
  let state = seed >>> 0 || 1;
  return Float64Array.from({ length: rows * cols }, () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return ((state >>> 16) % 17) / 2 - 4;
  });
}

function rowMajor(data: Float64Array, cols: number): StridedMatrix {
  return { data, offset: 0, rowStride: cols, colStride: 1 };
}

function naive(m: number, n: number, k: number, a: StridedMatrix, b: StridedMatrix): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++)
        sum +=
          a.data[a.offset + i * a.rowStride + p * a.colStride]! *
          b.data[b.offset + p * b.rowStride + j * b.colStride]!;
      c[i * n + j] = sum;
    }
  return c;
}

/** "same" when both hold the same values (bit for bit, -0 ≠ 0), else the first difference. */
function compare(actual: Float64Array, expected: Float64Array): string {
  if (actual.length !== expected.length) return `length ${actual.length} ≠ ${expected.length}`;
  const k = expected.findIndex((v, i) => !Object.is(v, actual[i]));
  return k === -1 ? "same" : `entry ${k}: ${actual[k]} ≠ ${expected[k]}`;
}

function product(m: number, n: number, k: number, a: StridedMatrix, b: StridedMatrix, kernel = js) {
  const c = new Float64Array(m * n);
  gemm(m, n, k, a, b, c, 0, kernel);
  return c;
}

describe("the WebAssembly SIMD kernel", () => {
  it("is available on this Node", () => {
    expect(wasmAvailable).toBe(true);
  });

  it("ships the build of wasm/gemm.wat", async () => {
    const { readFileSync } = await import("node:fs");
    const committed = readFileSync(new URL("./gemm-wasm-binary.ts", import.meta.url), "utf8");
    expect(committed).toBe(await buildKernel());
  });

  it("gives exactly the JavaScript kernel's products, edges and block seams included", () => {
    // 130 > MC = 128 rows, 517 > NC = 512 columns, 260 > KC = 256 deep, 1030 > RC = 1024 rows of
    // C held in the kernel's memory: every partial block, each seam alone and in pairs (all three
    // at once would cost a loaded machine tens of seconds for nothing more).
    for (const [m, n, k] of [
      [1, 1, 1],
      [3, 5, 7],
      [4, 4, 4],
      [130, 517, 3],
      [130, 5, 260],
      [5, 517, 260],
      [257, 9, 513],
      [1030, 6, 3],
    ] as const) {
      const a = rowMajor(matrix(m, k, m + 1), k);
      const b = rowMajor(matrix(k, n, n + 2), n);
      const fromWasm = product(m, n, k, a, b, wasm);
      expect(compare(fromWasm, product(m, n, k, a, b, js))).toBe("same");
      // Small integers and halves: every partial sum is exact, so the naive loop agrees exactly.
      expect(compare(fromWasm, naive(m, n, k, a, b))).toBe("same");
    }
  });

  it("takes any depth, eight steps a pass or fewer, on both sides of a depth panel's seam", () => {
    // k mod 8 = 0..7 for the kernel's eight-step passes, odd k for packA's pairs, and depths just
    // past KC = 256, where the last panel is 1..4 deep.
    for (const k of [1, 2, 3, 4, 5, 6, 7, 8, 9, 255, 257, 258, 259, 260]) {
      const a = rowMajor(matrix(6, k, k), k);
      const b = rowMajor(matrix(k, 7, k + 1), 7);
      const fromWasm = product(6, 7, k, a, b, wasm);
      expect(compare(fromWasm, product(6, 7, k, a, b, js)), `k = ${k}`).toBe("same");
      expect(compare(fromWasm, naive(6, 7, k, a, b)), `k = ${k}`).toBe("same");
    }
  });

  it("packs operands whose rows are contiguous but not adjacent, and non-float64 data", () => {
    // Blocks cut from wider matrices (B's rows copied one at a time into the kernel's memory, A's
    // packed in JavaScript), across the MC, NC and KC seams; and the same values in a
    // Float32Array, which the JavaScript packer reads.
    for (const [m, n, k] of [
      [9, 13, 11],
      [131, 6, 5],
      [5, 518, 7],
      [6, 5, 261],
    ] as const) {
      const aWide = matrix(m + 1, k + 3, m);
      const bWide = matrix(k + 2, n + 5, n);
      const a = { data: aWide, offset: k + 3 + 2, rowStride: k + 3, colStride: 1 };
      const b = { data: bWide, offset: 1, rowStride: n + 5, colStride: 1 };
      const fromWasm = product(m, n, k, a, b, wasm);
      expect(compare(fromWasm, product(m, n, k, a, b, js)), `${m}×${k}·${k}×${n}`).toBe("same");
      expect(compare(fromWasm, naive(m, n, k, a, b)), `${m}×${k}·${k}×${n}`).toBe("same");
      const a32 = { ...a, data: Float32Array.from(aWide) };
      const b32 = { ...b, data: Float32Array.from(bWide) };
      expect(compare(product(m, n, k, a32, b32, wasm), fromWasm)).toBe("same");
    }
  });

  it("copies in rows that run backwards or repeat (negative and zero row strides)", () => {
    // B's rows reversed (a flipped view, rowStride −n) and one row broadcast down k (rowStride 0),
    // both with contiguous rows, so they take the row-by-row copy; past the NC seam in width.
    for (const [m, n, k] of [
      [7, 9, 6],
      [5, 515, 5],
    ] as const) {
      const a = rowMajor(matrix(m, k, m + k), k);
      const bData = matrix(k, n, n + k);
      const flipped = { data: bData, offset: (k - 1) * n, rowStride: -n, colStride: 1 };
      const repeated = { data: bData, offset: n, rowStride: 0, colStride: 1 };
      for (const b of [flipped, repeated]) {
        const fromWasm = product(m, n, k, a, b, wasm);
        expect(compare(fromWasm, product(m, n, k, a, b, js))).toBe("same");
        expect(compare(fromWasm, naive(m, n, k, a, b))).toBe("same");
      }
    }
  });

  it("reads transposed and offset operands through their strides", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 5 }),
        (m, n, k, offset) => {
          // A is stored transposed (k×m, read column-wise) after `offset` unused entries.
          const aData = new Float64Array(offset + m * k);
          aData.set(matrix(k, m, m * 7 + k), offset);
          const a = { data: aData, offset, rowStride: 1, colStride: m };
          const b = rowMajor(matrix(k, n, n * 3 + 1), n);
          const fromWasm = product(m, n, k, a, b, wasm);
          expect(compare(fromWasm, product(m, n, k, a, b, js))).toBe("same");
          expect(compare(fromWasm, naive(m, n, k, a, b))).toBe("same");
        },
      ),
      { numRuns: 60 },
    );
  });

  it("agrees bit for bit with the JavaScript kernel on random reals, any shape and layout", () => {
    // Random doubles, so sums round: the same bits mean both kernels add in the same order.
    const real = (count: number, seed: number) => {
      const random = rng(seed);
      return random.uniform([count], -10, 10).toTypedArray() as Float64Array;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 270 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        (m, n, k, aTransposed, bTransposed, seed) => {
          // A transposed is stored k×m and read column-wise; likewise B stored n×k.
          const a: StridedMatrix = {
            data: real(m * k + 1, seed),
            offset: 1,
            rowStride: aTransposed ? 1 : k,
            colStride: aTransposed ? m : 1,
          };
          const b: StridedMatrix = {
            data: real(k * n, seed + 1),
            offset: 0,
            rowStride: bTransposed ? 1 : n,
            colStride: bTransposed ? k : 1,
          };
          const fromWasm = product(m, n, k, a, b, wasm);
          expect(compare(fromWasm, product(m, n, k, a, b, js))).toBe("same");
          // And within rounding of the naive triple loop (|products| ≤ 100, k of them).
          const reference = naive(m, n, k, a, b);
          const worst = fromWasm.reduce((w, x, i) => Math.max(w, Math.abs(x - reference[i]!)), 0);
          expect(worst).toBeLessThanOrEqual(1e-13 * 100 * (k + 1));
        },
      ),
      { numRuns: 30 },
    );
  });

  it("overwrites C, whatever it held, and writes zeros for an empty inner dimension", () => {
    const a = rowMajor(matrix(5, 6, 1), 6);
    const b = rowMajor(matrix(6, 7, 2), 7);
    for (const kernel of [wasm, js]) {
      // C sits inside a larger array: the entries around it must stay as they were.
      const c = Float64Array.from({ length: 37 }, (_, i) => i + 0.5);
      gemm(5, 7, 6, a, b, c, 1, kernel);
      expect(c.subarray(1, 36)).toEqual(naive(5, 7, 6, a, b));
      expect([c[0], c[36]]).toEqual([0.5, 36.5]);
      const empty = Float64Array.from({ length: 12 }, () => 7);
      gemm(3, 4, 0, a, b, empty, 0, kernel);
      expect(empty).toEqual(new Float64Array(12));
    }
  });
});
