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
      "    └───────────────",
      "     0          10 x",
      "* y = x",
    ]);
  });

  it("lets a later series overwrite a shared cell and lists every series", () => {
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
    expect(lines[1]).toBe("  │b        ");
    expect(lines[0]).toBe("8 │        a");
    expect(lines.at(-1)).toBe("a a   b b");
  });
});
