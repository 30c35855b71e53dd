// Progress for long batches: a bar when stderr is a terminal, one plain line per file otherwise
// (logs and CI stay readable).
import { SingleBar } from "cli-progress";

export interface Progress {
  tick(label: string, done: number, total: number): void;
  stop(): void;
}

export function createProgress(total: number, quiet: boolean): Progress {
  if (quiet) return { tick() {}, stop() {} };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: "grading [{bar}] {value}/{total} {label}",
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    });
    bar.start(total, 0, { label: "" });
    return {
      tick: (label, done) => bar.update(done, { label }),
      stop: () => bar.stop(),
    };
  }
  const width = String(total).length;
  return {
    tick: (label, done) =>
      process.stderr.write(`[${String(done).padStart(width)}/${total}] ${label}\n`),
    stop() {},
  };
}
