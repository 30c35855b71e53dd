import { describe, expect, it } from "vitest";
import { withWallTimeout } from "./grade-here.js";

describe("withWallTimeout", () => {
  it("returns what the call returns, and leaves no global behind", () => {
    const before = Object.keys(globalThis).length;
    expect(withWallTimeout(1000, () => 6 * 7)).toBe(42);
    expect(Object.keys(globalThis)).toHaveLength(before);
  });

  it("interrupts a call that runs past its wall time, busy or waiting", () => {
    expect(() =>
      withWallTimeout(50, () => {
        for (;;) {}
      }),
    ).toThrow(expect.objectContaining({ code: "ERR_SCRIPT_EXECUTION_TIMEOUT" }));
    // A wait left alone would return "timed-out" after 20 s instead of throwing.
    const signal = new Int32Array(new SharedArrayBuffer(4));
    expect(() => withWallTimeout(50, () => Atomics.wait(signal, 0, 0, 20_000))).toThrow(
      expect.objectContaining({ code: "ERR_SCRIPT_EXECUTION_TIMEOUT" }),
    );
  });

  it("passes the call's own errors through", () => {
    expect(() =>
      withWallTimeout(1000, () => {
        throw new RangeError("deep");
      }),
    ).toThrow(RangeError);
  });
});
