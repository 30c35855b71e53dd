import { describe, expect, it } from "vitest";
import { asciiPlot } from "./ascii-plot.js";

describe("asciiPlot", () => {
  it("puts the extremes in the corners with labelled axes", () => {
    const lines = asciiPlot(
      [
        {
          label: "y = x",
          symbol: "*",
          points: [
            [0, 0],
            [10, 100],
          ],
        },
      ],
      {
        width: 20,
        height: 5,
        xLabel: "x",
      },
    );
    expect(lines).toEqual([
      "100 │              *",
      "    │               ",
      "    │               ",
      "    │               ",
      "  0 │*              ",
      // Ticks at 0, 2.5 → 3, 5, 7.5 → 8, 10: columns round(x/10 · 14) = 0, 4, 7, 11, 14.
      "    └┬───┬──┬───┬──┬",
      "  x  0   3  5   8 10",
      "* y = x",
    ]);
  });

  it("marks a cell two series share with * (listed as both), hiding neither", () => {
    const lines = asciiPlot(
      [
        {
          label: "a",
          symbol: "a",
          points: [
            [1, 4],
            [2, 8],
          ],
        },
        { label: "b", symbol: "b", points: [[1, 4]] },
      ],
      { width: 12, height: 3, xLabel: "n" },
    );
    expect(lines[2]).toBe("0 │         ");
    expect(lines[1]).toBe("  │*        ");
    expect(lines[0]).toBe("8 │        a");
    expect(lines.at(-1)).toBe("a a   b b   * both");
  });

  it("marks chosen x values with a caret under the axis", () => {
    const lines = asciiPlot(
      [
        {
          label: "a",
          symbol: "a",
          points: [
            [1, 1],
            [11, 1],
          ],
        },
      ],
      {
        width: 15,
        height: 2,
        xLabel: "n",
        marks: [{ x: 6, label: "n = 6" }],
      },
    );
    // Plot width 15 − 1 − 2 = 12 columns; x = 6 is column round(5/10 · 11) = 6 (5.5 rounds up).
    expect(lines.at(-2)).toBe(`   ${" ".repeat(6)}^  n = 6`);
  });
});
