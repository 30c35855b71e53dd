import { describe, expect, it } from "vitest";
import { phi } from "./activation.js";
import { thrown } from "./fixtures/test-support.js";
import { type LayerSpec, network } from "./network.js";

describe("network", () => {
  it("infers sizes and broadcasts a scalar bias and one activation per layer", () => {
    const net = network([
      {
        weights: [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        bias: -1,
        activation: "step>=0",
      },
      { weights: [[1, 1, 1]], activation: phi },
    ]);
    expect([net.inputSize, net.outputSize]).toEqual([2, 1]);
    expect(net.layers[0]!.bias.map(String)).toEqual(["-1", "-1", "-1"]);
    expect(net.layers[1]!.bias.map(String)).toEqual(["0"]);
    expect(net.layers[0]!.activations).toHaveLength(3);
  });

  it("accepts one activation per unit", () => {
    const net = network([{ weights: [[1], [1]], activation: ["relu", "identity"] }]);
    expect(net.layers[0]!.activations.map((a) => a.kind)).toEqual(["relu", "identity"]);
  });

  it("names the layer when consecutive layers do not fit", () => {
    const error = thrown(() =>
      network([
        {
          weights: [
            [1, 1],
            [1, 1],
          ],
          activation: "sign",
        },
        { name: "output", weights: [[1, 1, 1]], activation: "sign" },
      ]),
    );
    expect(error.code).toBe("shape");
    expect(error.message).toBe(
      'network: layer 2 "output": weights have 3 columns but layer 1 has 2 units',
    );
  });

  it("names the layer and row of a ragged weight matrix", () => {
    const error = thrown(() => network([{ weights: [[1, 2], [3]], activation: "sign" }]));
    expect(error.message).toBe("network: layer 1: row 2 has 1 weights, expected 2 like row 1");
  });

  it("names the layer for a wrong bias length or activation count", () => {
    expect(() => network([{ weights: [[1], [2]], bias: [1, 2, 3], activation: "sign" }])).toThrow(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("network: layer 1: bias has 3 entries for 2 units"),
      }),
    );
    expect(() => network([{ weights: [[1], [2]], activation: ["sign"] }])).toThrow(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining(
          "network: layer 1: 1 activations for 2 units (give one, or one per unit)",
        ),
      }),
    );
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], ["1/0"], ["two"]])(
    "names layer, row and column of a non-finite or unreadable weight %s",
    (bad) => {
      const error = thrown(() =>
        network([
          { weights: [[1]], activation: "sign" },
          { name: "out", weights: [[1], [bad as number]], activation: "sign" },
        ]),
      );
      expect(error.code).toBe("weight");
      expect(error.message).toMatch(/^network: layer 2 "out", weight \[2\]\[1\]: /);
    },
  );

  it("names the layer and unit of an unknown activation spec", () => {
    const error = thrown(() =>
      network([{ name: "hidden", weights: [[1], [1]], activation: ["sign", "tanh" as string] }]),
    );
    expect(error.code).toBe("activation");
    expect(error.message).toMatch(
      /^network: layer 1 "hidden", unit 2: unknown activation spec "tanh"; accepted forms:/,
    );
  });

  it("reuses a layer of another network as it is", () => {
    const first = network([{ weights: [[1, 2]], activation: "relu" }]);
    const again = network([first.layers[0]!, { weights: [[3]], activation: "sign" }]);
    expect(again.layers[0]).toEqual(first.layers[0]);
  });

  it("names the layer when the activation is missing or not one", () => {
    const missing = { weights: [[1]] } as unknown as LayerSpec;
    expect(() => network([missing])).toThrow(
      expect.objectContaining({
        code: "activation",
        message: expect.stringMatching(
          /^network: layer 1: activation must be a text spec \(e\.g\. "indicator\[-1,1\]"\) or an Activation, got undefined$/,
        ),
      }),
    );
  });

  it("rejects empty networks and empty weight matrices", () => {
    expect(() => network([])).toThrow(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining("network: a network needs a layer"),
      }),
    );
    expect(() => network([{ weights: [], activation: "sign" }])).toThrow(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining(
          "network: layer 1: weights must be a non-empty array of rows",
        ),
      }),
    );
  });
});
