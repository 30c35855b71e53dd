// A side-by-side benchmark harness. A case with a peer times nnkit and the peer ALTERNATELY in one
// process (A B B A rounds), so load and clock changes hit both alike, and reports the ratio's
// median and spread over the rounds. Ratios above 1 mean nnkit is faster. A peer is always an
// outside project (tfjs, a batched array evaluation), never a slower path of nnkit's own.

export interface BenchCase {
  /** What is measured, e.g. "matmul 256×256". */
  name: string;
  /** The peer library and configuration, e.g. "tfjs 4.22 wasm (float32)". */
  peerName?: string;
  /** Work units per call, for throughput columns (e.g. FLOPs or inputs); optional. */
  work?: { amount: number; unit: string };
  nnkit: () => unknown;
  peer?: () => unknown;
  /**
   * Both sides return promises (e.g. work on other threads): each call is awaited and timed on
   * its own, in the same A B B A rounds. For calls of milliseconds or more.
   */
  async?: boolean;
  /** Time one call only (no warm-up): for whole-program runs that take seconds. */
  once?: boolean;
  /** Alternating rounds at least (default 7); fewer for whole-program runs that take seconds. */
  minRounds?: number;
  /** Called once before timing, e.g. to build inputs or check both sides agree. */
  setup?: () => void | Promise<void>;
  /** What else the runs measured (memory, cache hits), shown after the case's name. */
  note?: () => string | undefined;
  /**
   * A scaling check instead of a peer: the same work on a smaller input, timed alternately with
   * `nnkit`, to report how the cost per unit of `work` grows with the input (1 means constant).
   */
  scaling?: { name: string; run: () => unknown; work: number };
}

export interface BenchSuite {
  /** Package under test, e.g. "@nnkit/tensor". */
  name: string;
  cases: () => BenchCase[] | Promise<BenchCase[]>;
}

export interface Timing {
  /** Median milliseconds per call. */
  medianMs: number;
  runs: number;
}

/** Peer time ÷ nnkit time over the alternating rounds. */
export interface Ratio {
  median: number;
  min: number;
  max: number;
  rounds: number;
}

/** One `pnpm bench` run, as `--json` writes it and readme-tables.ts reads it. */
export interface BenchRun {
  /** The command line, e.g. `pnpm bench --only tensor`. */
  command?: string;
  date: string;
  node: string;
  cpu: string;
  /** The 1-minute load average before each case and after each suite. */
  load: number[];
  suites: { name: string; seconds?: number; results: CaseResult[] }[];
  seconds?: number;
}

export interface CaseResult {
  suite: string;
  name: string;
  peerName?: string;
  work?: BenchCase["work"];
  nnkit: Timing;
  peer?: Timing;
  ratio?: Ratio;
  note?: string;
  /** For a scaling case: the smaller input's name, timing and work, and per-unit cost growth. */
  scaling?: { name: string; timing: Timing; work: number; growth: Ratio };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Milliseconds for `reps` calls of fn. */
function timeReps(fn: () => unknown, reps: number): number {
  const start = performance.now();
  for (let i = 0; i < reps; i++) fn();
  return performance.now() - start;
}

/** Calls per sample so that one sample lasts about `targetMs` (at least one call). */
function calibrate(fn: () => unknown, targetMs: number): number {
  let reps = 1;
  for (;;) {
    const ms = timeReps(fn, reps);
    if (ms >= targetMs || reps >= 1 << 20) return Math.max(1, Math.round((reps * targetMs) / ms));
    reps *= 2;
  }
}

/** Median time per call: warm up, then time samples until `budgetMs` is spent (≥ 5 samples). */
export function time(fn: () => unknown, budgetMs = 400): Timing {
  const reps = calibrate(fn, 5);
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  while (samples.length < 5 || (performance.now() < end && samples.length < 2_000)) {
    samples.push(timeReps(fn, reps) / reps);
  }
  return { medianMs: median(samples), runs: samples.length * reps };
}

/**
 * nnkit and the peer alternately, in rounds of A B B A samples, until `budgetMs` is spent (at
 * least 7 rounds). Each side's samples last about 10 ms, so fast calls are timed in batches.
 */
export function timePair(
  nnkit: () => unknown,
  peer: () => unknown,
  budgetMs = 1500,
  minRounds = 7,
  /** The peer's calls per sample as a multiple of nnkit's, instead of its own ~10 ms. */
  peerRepsPerNnkitRep?: number,
): { nnkit: Timing; peer: Timing; ratio: Ratio } {
  const nnkitReps = calibrate(nnkit, 10);
  const peerReps =
    peerRepsPerNnkitRep === undefined
      ? calibrate(peer, 10)
      : Math.max(1, Math.round(nnkitReps * peerRepsPerNnkitRep));
  const nnkitSamples: number[] = [];
  const peerSamples: number[] = [];
  const ratios: number[] = [];
  const end = performance.now() + budgetMs;
  while (ratios.length < minRounds || (performance.now() < end && ratios.length < 500)) {
    const a1 = timeReps(nnkit, nnkitReps) / nnkitReps;
    const b1 = timeReps(peer, peerReps) / peerReps;
    const b2 = timeReps(peer, peerReps) / peerReps;
    const a2 = timeReps(nnkit, nnkitReps) / nnkitReps;
    nnkitSamples.push(a1, a2);
    peerSamples.push(b1, b2);
    ratios.push((b1 + b2) / (a1 + a2));
  }
  return {
    nnkit: { medianMs: median(nnkitSamples), runs: nnkitSamples.length * nnkitReps },
    peer: { medianMs: median(peerSamples), runs: peerSamples.length * peerReps },
    ratio: {
      median: median(ratios),
      min: Math.min(...ratios),
      max: Math.max(...ratios),
      rounds: ratios.length,
    },
  };
}

/** `timePair` for calls that return promises: one awaited call per sample, no calibration. */
export async function timePairAsync(
  nnkit: () => unknown,
  peer: () => unknown,
  budgetMs = 1500,
  minRounds = 7,
): Promise<{ nnkit: Timing; peer: Timing; ratio: Ratio }> {
  const timed = async (fn: () => unknown) => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };
  await timed(nnkit); // warm-up
  await timed(peer);
  const nnkitSamples: number[] = [];
  const peerSamples: number[] = [];
  const ratios: number[] = [];
  const end = performance.now() + budgetMs;
  while (ratios.length < minRounds || (performance.now() < end && ratios.length < 500)) {
    const a1 = await timed(nnkit);
    const b1 = await timed(peer);
    const b2 = await timed(peer);
    const a2 = await timed(nnkit);
    nnkitSamples.push(a1, a2);
    peerSamples.push(b1, b2);
    ratios.push((b1 + b2) / (a1 + a2));
  }
  return {
    nnkit: { medianMs: median(nnkitSamples), runs: nnkitSamples.length },
    peer: { medianMs: median(peerSamples), runs: peerSamples.length },
    ratio: {
      median: median(ratios),
      min: Math.min(...ratios),
      max: Math.max(...ratios),
      rounds: ratios.length,
    },
  };
}

export function timeOnce(fn: () => unknown): Timing {
  const start = performance.now();
  fn();
  return { medianMs: performance.now() - start, runs: 1 };
}

export async function runCase(suite: string, c: BenchCase): Promise<CaseResult> {
  const result = await timeCase(suite, c);
  const note = c.note?.();
  return note === undefined ? result : { ...result, note };
}

async function timeCase(suite: string, c: BenchCase): Promise<CaseResult> {
  await c.setup?.();
  const base = { suite, name: c.name, peerName: c.peerName, work: c.work };
  if (c.once) return { ...base, nnkit: timeOnce(c.nnkit) };
  if (c.scaling) {
    const large = c.work?.amount ?? 1;
    // Both sides of a sample do the same work (the smaller input, large ÷ small times), so each
    // holds its share of the garbage collections: a 10 ms sample of a call that allocates less
    // than the young generation holds would often miss the collection its garbage costs.
    const { nnkit, peer, ratio } = timePair(
      c.nnkit,
      c.scaling.run,
      1500,
      c.minRounds,
      large / c.scaling.work,
    );
    // ratio = small time ÷ large time per round; per-unit growth = (large/work) ÷ (small/work).
    const growth = (r: number) => c.scaling!.work / large / r;
    return {
      ...base,
      nnkit,
      scaling: {
        name: c.scaling.name,
        timing: peer,
        work: c.scaling.work,
        growth: {
          median: growth(ratio.median),
          min: growth(ratio.max),
          max: growth(ratio.min),
          rounds: ratio.rounds,
        },
      },
    };
  }
  if (!c.peer) return { ...base, nnkit: time(c.nnkit) };
  if (c.async) return { ...base, ...(await timePairAsync(c.nnkit, c.peer, 1500, c.minRounds)) };
  return {
    ...base,
    ...timePair(c.nnkit, c.peer, c.minRounds === undefined ? 1500 : 0, c.minRounds),
  };
}

function formatMs(ms: number): string {
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(1)} µs`;
}

function throughput(result: CaseResult, timing: Timing): string {
  if (!result.work) return "";
  const perSecond = result.work.amount / (timing.medianMs / 1000);
  const scaled =
    perSecond >= 1e9
      ? `${(perSecond / 1e9).toFixed(2)} G`
      : perSecond >= 1e6
        ? `${(perSecond / 1e6).toFixed(2)} M`
        : `${(perSecond / 1e3).toFixed(2)} k`;
  return ` (${scaled}${result.work.unit}/s)`;
}

export function formatRatio(ratio: Ratio): string {
  return `${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}, ${ratio.rounds} rounds)`;
}

function perUnit(timing: Timing, work: number, unit: string): string {
  return `${formatMs(timing.medianMs / work)}/${unit}`;
}

/** The scaling rows as their own table: cost per unit of work at two sizes and its growth. */
function scalingMarkdown(results: CaseResult[]): string {
  const rows = [
    "| case | per unit, smaller input | per unit, this input | growth (this ÷ smaller): median (min–max) |",
    "| --- | --- | --- | --- |",
  ];
  for (const r of results) {
    if (!r.scaling) continue;
    const unit = r.work?.unit ?? "call";
    rows.push(
      `| ${r.name} | ${perUnit(r.scaling.timing, r.scaling.work, unit)} (${r.scaling.name}) | ${perUnit(r.nnkit, r.work?.amount ?? 1, unit)} | ${formatRatio(r.scaling.growth)} |`,
    );
  }
  return rows.join("\n");
}

/** A Markdown table, ready to paste into a package README (scaling cases in a second table). */
export function toMarkdown(results: CaseResult[]): string {
  const scaling = results.filter((r) => r.scaling);
  const peers = results.filter((r) => !r.scaling);
  const tables = [
    ...(peers.length > 0 ? [peerMarkdown(peers)] : []),
    ...(scaling.length > 0 ? [scalingMarkdown(scaling)] : []),
  ];
  return tables.join("\n\n");
}

function peerMarkdown(results: CaseResult[]): string {
  const rows = [
    "| case | nnkit | peer | peer time | peer ÷ nnkit: median (min–max) |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const r of results) {
    const peerTime = r.peer ? formatMs(r.peer.medianMs) + throughput(r, r.peer) : "–";
    const ratio = r.ratio ? formatRatio(r.ratio) : "–";
    rows.push(
      `| ${r.name}${r.note ? ` — ${r.note}` : ""} | ${formatMs(r.nnkit.medianMs)}${throughput(r, r.nnkit)} | ${r.peerName ?? "–"} | ${peerTime} | ${ratio} |`,
    );
  }
  return rows.join("\n");
}
