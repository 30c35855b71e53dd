import { describe, expect, it } from "vitest";
import { memberOfThree } from "./fixtures/example-networks.js";
import { formatNetwork } from "./format.js";
import { network } from "./network.js";

describe("formatNetwork", () => {
  it("prints each layer as a weight table with bias and activation", () => {
    expect(formatNetwork(memberOfThree)).toBe(
      [
        "network: 4 → 3 → 1",
        'layer 1 "equalities": 3 units, activation indicator[-1,1]',
        "        x1  x2  x3  x4  |  bias",
        "  h1.1  -2   0   0   2  |     0",
        "  h1.2   0  -2   0   2  |     0",
        "  h1.3   0   0  -2   2  |     0",
        'layer 2 "output": 1 unit, activation indicator[-1,1]',
        "      h1.1  h1.2  h1.3  |  bias",
        "  y1    -2    -2    -2  |     2",
      ].join("\n"),
    );
  });

  it("shows per-unit activations when they differ", () => {
    const net = network([{ weights: [["1/2"], [-1]], bias: [0, 1], activation: ["relu", "eq=3"] }]);
    expect(formatNetwork(net)).toBe(
      [
        "network: 1 → 2",
        "layer 1: 2 units",
        "       x1  |  bias  |  activation",
        "  y1  1/2  |     0  |        relu",
        "  y2   -1  |     1  |        eq=3",
      ].join("\n"),
    );
  });
});
