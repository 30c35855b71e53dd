import { describe, expect, it } from "vitest";
import { currentThreadId, threadCpuSeconds } from "./thread-clock.js";

describe.runIf(process.platform === "linux")("thread clock", () => {
  it("counts this thread's CPU time, never more than the wall time that passed", () => {
    const tid = currentThreadId()!;
    expect(Number.isSafeInteger(tid)).toBe(true);
    const cpuStart = threadCpuSeconds(tid)!;
    const wallStart = performance.now();
    let spins = 0;
    while (threadCpuSeconds(tid)! - cpuStart < 0.05) spins++;
    const wall = (performance.now() - wallStart) / 1000;
    const cpu = threadCpuSeconds(tid)! - cpuStart;
    expect(spins).toBeGreaterThan(0);
    expect(cpu).toBeGreaterThanOrEqual(0.05);
    // The kernel counts in hundredths of a second, and each of the two readings may be a tick
    // ahead of the wall clock's: two ticks of slack.
    expect(cpu).toBeLessThanOrEqual(wall + 0.02);
  });

  it("has no clock for a thread that does not exist", () => {
    expect(threadCpuSeconds(2 ** 31 - 1)).toBeUndefined();
  });
});
