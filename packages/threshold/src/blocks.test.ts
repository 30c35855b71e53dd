import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ShellBlocks } from "./blocks.js";
import { intRange, intRanges } from "./domain.js";
import { domainInputs, ShellOdometer } from "./order.js";

/** Every block's inputs, walked with `startBlock`, and the index each block's walk first changed. */
function walkBlocks(ranges: readonly (readonly [number, number])[]) {
  const blocks = new ShellBlocks(ranges);
  const odometer = new ShellOdometer(ranges);
  const positions = new Int32Array(blocks.depth);
  return Array.from({ length: blocks.count }, (_, b) => {
    const shell = blocks.locate(b, positions);
    odometer.startBlock(shell, positions);
    const inputs: number[][] = [];
    const changed: number[] = [];
    for (let c = odometer.next(); c >= 0; c = odometer.next()) {
      inputs.push(Array.from(odometer.digits));
      changed.push(c);
    }
    return { shell, shellOf: blocks.shellOf(b), inputs, changed };
  });
}

describe("ShellBlocks", () => {
  it("walked one after another, the blocks are the box's walk in the documented order", () => {
    // domainInputs is checked against a brute-force sort in order.test.ts.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -4, max: 3 }), fc.integer({ min: 0, max: 4 })), {
          minLength: 2,
          maxLength: 5,
        }),
        (spans) => {
          const ranges = spans.map(([lo, width]) => [lo, lo + width] as const);
          const walked = walkBlocks(ranges);
          expect(walked.flatMap((b) => b.inputs)).toEqual([...domainInputs(intRanges(ranges))]);
          for (const block of walked) {
            expect(block.shellOf).toBe(block.shell);
            for (const x of block.inputs) expect(Math.max(...x.map(Math.abs))).toBe(block.shell);
            // A block's first input tells an evaluator that every coordinate is new.
            if (block.changed.length > 0) expect(block.changed[0]).toBe(0);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("cuts {−9..9}⁶ into (2m + 1)² blocks per shell m, none above 19⁴ inputs", () => {
    const ranges = intRange(-9, 9, 6).ranges;
    const blocks = new ShellBlocks(ranges);
    let expected = 0;
    for (let m = 0; m <= 9; m++) expected += (2 * m + 1) ** 2;
    expect(blocks.count).toBe(expected); // 1330
    const odometer = new ShellOdometer(ranges);
    const positions = new Int32Array(blocks.depth);
    let largest = 0;
    let total = 0;
    for (let b = 0; b < blocks.count; b++) {
      odometer.startBlock(blocks.locate(b, positions), positions);
      let size = 0;
      while (odometer.nextRun() >= 0) size += odometer.runEnd - odometer.runStart;
      largest = Math.max(largest, size);
      total += size;
    }
    expect(total).toBe(19 ** 6);
    expect(largest).toBe(19 ** 4);
  });
});
