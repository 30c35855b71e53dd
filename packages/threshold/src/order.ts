import type { Domain } from "./domain.js";

/** A range's values by magnitude, negative first: 0, −1, 1, −2, 2, … (clipped to lo..hi). */
function magnitudeOrder(lo: number, hi: number): Int32Array {
  const values = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
  values.sort((a, b) => Math.abs(a) - Math.abs(b) || a - b);
  return Int32Array.from(values);
}

/** How many of a magnitude-ordered list have |v| ≤ m. */
function countUpTo(values: Int32Array, m: number): number {
  let count = 0;
  while (count < values.length && Math.abs(values[count]!) <= m) count++;
  return count;
}

/**
 * Walks a box of integer inputs in the documented verification order, smallest magnitude first:
 * by shells of m = max_j |x_j| ascending; within a shell, lexicographically with x1 most
 * significant, each coordinate ordered 0, −1, 1, −2, 2, …. So the first counterexample found is
 * one of the smallest in magnitude. Nothing is materialised: `digits` holds the current input,
 * and the shell's inner part (max < m) is skipped, not filtered.
 */
export class ShellOdometer {
  /** The current input; read it, never change it (except the last coordinate, see `nextRun`). */
  readonly digits: Int32Array;
  /** The last coordinate's values in order; the current run is `lastValues[runStart..runEnd)`. */
  readonly lastValues: Int32Array;
  runStart = 0;
  runEnd = 0;
  private readonly order: Int32Array[];
  private readonly pos: Int32Array;
  private readonly limit: Int32Array;
  private readonly below: Int32Array;
  private readonly last: number;
  private readonly maxShell: number;
  private shell: number;
  private started = false;
  /** How many of x1..x_{n−1} have |x| equal to the shell. */
  private prefixAtShell = 0;
  /** In a block (see `startBlock`): how many leading coordinates are held, and where. */
  private fixed = 0;
  private readonly fixedPos: Int32Array;

  constructor(ranges: Domain["ranges"]) {
    this.order = ranges.map(([lo, hi]) => magnitudeOrder(lo, hi));
    const n = ranges.length;
    this.digits = new Int32Array(n);
    this.pos = new Int32Array(n);
    this.limit = new Int32Array(n);
    this.below = new Int32Array(n);
    this.last = n - 1;
    this.fixedPos = new Int32Array(n);
    this.lastValues = this.order[this.last]!;
    const magnitudes = this.order.map((values) => values.map(Math.abs));
    this.shell = Math.max(...magnitudes.map((m) => m[0]!));
    this.maxShell = Math.max(...magnitudes.map((m) => m[m.length - 1]!));
  }

  /** Moves leading coordinate i (< n − 1) to position p, keeping `prefixAtShell` up to date. */
  private setPrefixDigit(i: number, p: number): void {
    const value = this.order[i]![p]!;
    const shell = this.shell;
    this.prefixAtShell += +(Math.abs(value) === shell) - +(Math.abs(this.digits[i]!) === shell);
    this.pos[i] = p;
    this.digits[i] = value;
  }

  /**
   * Puts the last coordinate at its first allowed value; false if this prefix has none. With all
   * leading coordinates below the shell (its inner part, already visited) only |x_n| = m is new.
   */
  private startLastDigit(): boolean {
    const first = this.prefixAtShell === 0 ? this.below[this.last]! : 0;
    if (first >= this.limit[this.last]!) return false;
    this.runStart = first;
    this.runEnd = this.limit[this.last]!;
    this.pos[this.last] = first;
    this.digits[this.last] = this.lastValues[first]!;
    return true;
  }

  private enterShell(): boolean {
    this.prefixAtShell = 0;
    for (let i = 0; i <= this.last; i++) {
      this.limit[i] = countUpTo(this.order[i]!, this.shell);
      this.below[i] = countUpTo(this.order[i]!, this.shell - 1);
      const p = i < this.fixed ? this.fixedPos[i]! : 0;
      if (p >= this.limit[i]!) return false;
      this.pos[i] = p;
      this.digits[i] = this.order[i]![p]!;
      if (i < this.last && Math.abs(this.digits[i]!) === this.shell) this.prefixAtShell++;
    }
    return this.startLastDigit() || this.advancePrefix() >= 0;
  }

  /**
   * Next prefix (x1..x_{n−1}) that has a last coordinate in this shell, leaving the held ones
   * alone; the lowest changed index, or −1 after the last.
   */
  private advancePrefix(): number {
    let lowest = this.last;
    for (;;) {
      let i = this.last - 1;
      while (i >= this.fixed) {
        const p = this.pos[i]! + 1;
        if (p < this.limit[i]!) {
          this.setPrefixDigit(i, p);
          break;
        }
        this.setPrefixDigit(i, 0);
        i--;
      }
      if (i < this.fixed) return -1;
      if (i < lowest) lowest = i;
      if (this.startLastDigit()) return lowest;
    }
  }

  /**
   * Moves to the next run: the next prefix x1..x_{n−1} with the last coordinate at the run's first
   * value. Returns the lowest index that may have changed (0 for the first run), or −1 when done.
   * A caller walking the run itself sets `digits[n − 1] = lastValues[p]` for p in the run.
   */
  nextRun(): number {
    if (this.started) {
      const changed = this.advancePrefix();
      if (changed >= 0 || this.fixed > 0) return changed;
      this.shell++;
    }
    this.started = true;
    if (this.fixed > 0) return this.enterShell() ? 0 : -1;
    for (; this.shell <= this.maxShell; this.shell++) {
      if (this.enterShell()) return 0;
    }
    return -1;
  }

  /**
   * Moves to the next input. Returns the lowest coordinate index that may have changed (0 for the
   * first input), or −1 when the box is exhausted.
   */
  next(): number {
    const p = this.pos[this.last]! + 1;
    if (this.started && p < this.runEnd) {
      this.pos[this.last] = p;
      this.digits[this.last] = this.lastValues[p]!;
      return this.last;
    }
    return this.nextRun();
  }

  /**
   * Restricts the walk to one block of a shell: the runs with x1..x_k at the given positions in
   * their coordinates' order (see `ShellBlocks`). The next `nextRun` returns 0 at the block's first
   * run, later ones −1 after its last. Blocks of a shell, in the order of their positions, make up
   * the shell's walk; so the documented order is kept within each block.
   */
  startBlock(shell: number, positions: ArrayLike<number>): void {
    this.fixed = positions.length;
    for (let i = 0; i < positions.length; i++) this.fixedPos[i] = positions[i]!;
    this.shell = shell;
    this.started = false;
  }

  /** max_j |x_j| of the current input: every input with a smaller maximum was visited before. */
  currentShell(): number {
    return this.shell;
  }
}

/** The domain's inputs (assumption applied) in verification order, one fresh array each. */
export function* domainInputs(domain: Domain): Generator<number[]> {
  const odometer = new ShellOdometer(domain.ranges);
  while (odometer.next() >= 0) {
    if (domain.assumption === undefined || domain.assumption.holds(odometer.digits)) {
      yield Array.from(odometer.digits);
    }
  }
}
