// Seeded random tensors that are identical on every machine and Node version: the generator is
// xoshiro128** 1.1 (Blackman & Vigna), a 32-bit generator built only from integer operations; its
// 128-bit state is filled from the seed with SplitMix64, as its authors recommend.
import { type DType, isInt32Value } from "./dtype.js";
import { TensorError } from "./errors.js";
import { checkShape } from "./shape.js";
import { allocateTensor, type Tensor } from "./tensor.js";

const MASK64 = (1n << 64n) - 1n;

/** SplitMix64: a counter passed through an invertible mixer; used only to expand the seed. */
function splitMix64(seed: bigint): () => bigint {
  let state = seed;
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  };
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

const TWO_POW_32 = 2 ** 32;

/** A random stream. Every draw advances it, so the same seed and calls give the same tensors. */
export class Rng {
  readonly #state: Uint32Array;

  /** `seed`: any safe integer (negative seeds are taken modulo 2^64). */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) {
      throw new TensorError("rng", "argument", `seed must be a safe integer, got ${seed}`);
    }
    const next = splitMix64(BigInt.asUintN(64, BigInt(seed)));
    const [z0, z1] = [next(), next()];
    // Low word first: s0 = low32(z0), s1 = high32(z0), s2 = low32(z1), s3 = high32(z1).
    this.#state = Uint32Array.of(
      Number(z0 & 0xffffffffn),
      Number(z0 >> 32n),
      Number(z1 & 0xffffffffn),
      Number(z1 >> 32n),
    );
  }

  /** The next raw output of xoshiro128**, an integer in [0, 2^32). */
  nextUint32(): number {
    const s = this.#state;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = s[1]! << 9;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** A float64 in [0, 1) with 53 random bits, from two outputs (27 high bits, then 26). */
  nextFloat(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** Float64 values uniform in [low, high). */
  uniform(shape: number | readonly number[], low = 0, high = 1): Tensor {
    const out = allocateTensor("uniform", "float64", checkShape("uniform", toShape(shape)));
    for (let i = 0; i < out.size; i++) out.data[i] = low + (high - low) * this.nextFloat();
    return out;
  }

  /**
   * Float64 values from N(mean, std²) by the Box–Muller transform: each pair of uniforms u1, u2
   * gives r·cos(2πu2) then r·sin(2πu2) with r = √(−2 ln(1 − u1)); an odd count drops the last sine.
   */
  normal(shape: number | readonly number[], mean = 0, std = 1): Tensor {
    const out = allocateTensor("normal", "float64", checkShape("normal", toShape(shape)));
    for (let i = 0; i < out.size; i += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - this.nextFloat()));
      const angle = 2 * Math.PI * this.nextFloat();
      out.data[i] = mean + std * r * Math.cos(angle);
      if (i + 1 < out.size) out.data[i + 1] = mean + std * r * Math.sin(angle);
    }
    return out;
  }

  /**
   * Integers uniform in [low, highExclusive), without modulo bias (outputs above the largest
   * multiple of the range are redrawn). int32 by default; the range may span at most 2^32 values.
   */
  integers(
    shape: number | readonly number[],
    low: number,
    highExclusive: number,
    dtype: DType = "int32",
  ): Tensor {
    const op = "integers";
    const range = highExclusive - low;
    if (!Number.isSafeInteger(low) || !Number.isSafeInteger(highExclusive) || range < 1) {
      throw new TensorError(
        op,
        "argument",
        `need integers low < high, got [${low}, ${highExclusive})`,
      );
    }
    if (range > TWO_POW_32) {
      throw new TensorError(
        op,
        "argument",
        `range [${low}, ${highExclusive}) spans more than 2^32 values`,
      );
    }
    if (dtype === "int32" && !(isInt32Value(low) && isInt32Value(highExclusive - 1))) {
      throw new TensorError(op, "dtype", `range [${low}, ${highExclusive}) does not fit int32`);
    }
    const out = allocateTensor(op, dtype, checkShape(op, toShape(shape)));
    const limit = TWO_POW_32 - (TWO_POW_32 % range);
    for (let i = 0; i < out.size; i++) {
      let r = this.nextUint32();
      while (r >= limit) r = this.nextUint32();
      out.data[i] = low + (r % range);
    }
    return out;
  }
}

function toShape(shape: number | readonly number[]): readonly number[] {
  return typeof shape === "number" ? [shape] : shape;
}

/** A seeded random stream; `rng(42).normal([2, 3])` is the same everywhere. */
export function rng(seed: number): Rng {
  return new Rng(seed);
}
