import type { Domain } from "./domain.js";

/** How many integers of lo..hi have |v| ≤ m. */
function countWithin(lo: number, hi: number, m: number): number {
  return Math.max(0, Math.min(hi, m) - Math.max(lo, -m) + 1);
}

/**
 * A box cut into blocks for threads to take one at a time: a block is the part of one shell (see
 * `ShellOdometer`) with x1 — and x2, for four inputs or more — at fixed positions. Blocks are
 * numbered in the documented order, so the first counterexample of the box lies in the
 * lowest-numbered block holding one. On {−9..9}⁶ there are 1330 blocks, the largest 19⁴ inputs:
 * small enough that the threads finish within a few milliseconds of each other, and few enough
 * that taking one costs nothing next to walking it. For boxes of two inputs or more (a block
 * never holds the last input fixed).
 */
export class ShellBlocks {
  /** Leading coordinates a block holds fixed. */
  readonly depth: number;
  readonly count: number;
  /** The smallest shell of the box: its inputs' least possible max |x_j|. */
  readonly minShell: number;
  private readonly ranges: Domain["ranges"];
  /** Block numbers where each shell (from `minShell`) starts; one more entry at the end. */
  private readonly shellStart: number[];

  constructor(ranges: Domain["ranges"]) {
    this.ranges = ranges;
    this.depth = ranges.length >= 4 ? 2 : 1;
    const magnitude = ([lo, hi]: readonly [number, number]) => ({
      least: lo > 0 ? lo : hi < 0 ? -hi : 0,
      most: Math.max(Math.abs(lo), Math.abs(hi)),
    });
    this.minShell = Math.max(...ranges.map((r) => magnitude(r).least));
    const maxShell = Math.max(...ranges.map((r) => magnitude(r).most));
    this.shellStart = [0];
    for (let m = this.minShell; m <= maxShell; m++) {
      let blocks = 1;
      for (let i = 0; i < this.depth; i++) blocks *= this.sideOf(i, m);
      this.shellStart.push(this.shellStart[this.shellStart.length - 1]! + blocks);
    }
    this.count = this.shellStart[this.shellStart.length - 1]!;
  }

  /** Positions a block's coordinate i can take in shell m. */
  private sideOf(i: number, m: number): number {
    const [lo, hi] = this.ranges[i]!;
    return countWithin(lo, hi, m);
  }

  /** The shell block `index` lies in. */
  shellOf(index: number): number {
    let low = 0;
    let high = this.shellStart.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.shellStart[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return this.minShell + low;
  }

  /** Block `index`'s shell; its fixed coordinates' positions are written to `positions`. */
  locate(index: number, positions: Int32Array): number {
    const shell = this.shellOf(index);
    let rest = index - this.shellStart[shell - this.minShell]!;
    for (let i = this.depth - 1; i >= 0; i--) {
      const side = this.sideOf(i, shell);
      positions[i] = rest % side;
      rest = Math.floor(rest / side);
    }
    return shell;
  }
}
