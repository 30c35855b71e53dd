// A tiny side-by-side benchmark harness: each case times nnkit and its peer in the same process,
// one after the other, and reports medians. Ratios above 1 mean nnkit is faster.

export interface BenchCase {
  /** What is measured, e.g. "matmul 256×256". */
  name: string;
  /** The peer library and configuration, e.g. "tfjs-core 4.22 cpu". */
  peerName?: string;
  /** Work units per call, for throughput columns (e.g. FLOPs or inputs); optional. */
  work?: { amount: number; unit: string };
  nnkit: () => unknown;
  peer?: () => unknown;
  /** Time one call only (no warm-up): for whole-program runs that take seconds. */
  once?: boolean;
  /** Called once before timing, e.g. to build inputs or check both sides agree. */
  setup?: () => void | Promise<void>;
}

export interface BenchSuite {
  /** Package under test, e.g. "@nnkit/tensor". */
  name: string;
  cases: () => BenchCase[] | Promise<BenchCase[]>;
}

export interface Timing {
  medianMs: number;
  runs: number;
}

export interface CaseResult {
  suite: string;
  name: string;
  peerName?: string;
  work?: BenchCase["work"];
  nnkit: Timing;
  peer?: Timing;
}

/** Median time per call: warm up, then time single calls until `budgetMs` is spent (≥ 5 runs). */
export function time(fn: () => unknown, budgetMs = 400): Timing {
  const warmupEnd = performance.now() + budgetMs / 4;
  do fn();
  while (performance.now() < warmupEnd);
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  while (samples.length < 5 || (performance.now() < end && samples.length < 10_000)) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)]!, runs: samples.length };
}

export function timeOnce(fn: () => unknown): Timing {
  const start = performance.now();
  fn();
  return { medianMs: performance.now() - start, runs: 1 };
}

export async function runCase(suite: string, c: BenchCase): Promise<CaseResult> {
  await c.setup?.();
  const measure = c.once ? timeOnce : time;
  const nnkit = measure(c.nnkit);
  const peer = c.peer ? measure(c.peer) : undefined;
  return { suite, name: c.name, peerName: c.peerName, work: c.work, nnkit, peer };
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

/** A Markdown table, ready to paste into a package README. */
export function toMarkdown(results: CaseResult[]): string {
  const rows = [
    "| case | nnkit | peer | peer time | ratio (peer ÷ nnkit) |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const r of results) {
    const peerTime = r.peer ? formatMs(r.peer.medianMs) + throughput(r, r.peer) : "–";
    const ratio = r.peer ? `${(r.peer.medianMs / r.nnkit.medianMs).toFixed(2)}×` : "–";
    rows.push(
      `| ${r.name} | ${formatMs(r.nnkit.medianMs)}${throughput(r, r.nnkit)} | ${r.peerName ?? "–"} | ${peerTime} | ${ratio} |`,
    );
  }
  return rows.join("\n");
}
