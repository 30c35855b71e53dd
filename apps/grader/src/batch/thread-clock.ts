// CPU time of one thread, so that a file's time budget counts the work its grading does, not the
// time its thread waited for a core on a loaded machine. Linux exposes each thread's CPU time in
// /proc; elsewhere (or if /proc is unreadable) there is no thread clock and budgets use wall time.
import { readFileSync } from "node:fs";

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every architecture Node runs). */
const TICKS_PER_SECOND = 100;

/** The calling thread's kernel id, for a thread to tell the pool which clock is its own. */
export function currentThreadId(): number | undefined {
  try {
    const id = Number.parseInt(readFileSync("/proc/thread-self/stat", "utf8"), 10);
    return Number.isSafeInteger(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) the thread with kernel id `tid` of this process has used. */
export function threadCpuSeconds(tid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces), from field 3: utime and stime are 14, 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}
