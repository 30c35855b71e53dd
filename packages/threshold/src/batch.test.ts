import { tensor } from "@nnkit/tensor";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateBatch } from "./batch.js";
import { evaluate } from "./evaluate.js";
import { permutationOfThree, sortFour } from "./fixtures/example-networks.js";
import { network } from "./network.js";

describe("evaluateBatch", () => {
  it("matches evaluate row by row, on the integer path and the exact one", () => {
    const mean = network([{ weights: [["1/3", "1/3", "1/3"]], activation: "identity" }]);
    const row = fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        expect(evaluateBatch(permutationOfThree, rows)).toEqual(
          rows.map((r) => evaluate(permutationOfThree, r)),
        );
        const threes = rows.map((r) => r.slice(0, 3));
        expect(evaluateBatch(mean, threes)).toEqual(threes.map((r) => evaluate(mean, r)));
      }),
      { numRuns: 50 },
    );
  });

  it("accepts a 2-D @nnkit/tensor Tensor, one input per row", () => {
    const batch = tensor([
      [3, 1, 2, 0],
      [-1, -2, -3, -4],
    ]);
    expect(evaluateBatch(sortFour, batch)).toEqual([
      [0, 1, 2, 3],
      [-4, -3, -2, -1],
    ]);
  });

  it("names the row or shape that does not fit", () => {
    expect(() =>
      evaluateBatch(sortFour, [
        [1, 2, 3, 4],
        [1, 2],
      ]),
    ).toThrow(
      expect.objectContaining({
        code: "input",
        message: expect.stringContaining(
          "evaluateBatch: row 2: network expects 4 inputs (layer 1 has 4 weight columns), got 2",
        ),
      }),
    );
    expect(() => evaluateBatch(sortFour, tensor([1, 2, 3, 4]))).toThrow(
      expect.objectContaining({
        code: "input",
        message: expect.stringContaining(
          "evaluateBatch: expected a [batch, 4] tensor, got shape [4]",
        ),
      }),
    );
  });
});
