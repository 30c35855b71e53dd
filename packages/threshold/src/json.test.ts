import { describe, expect, it } from "vitest";
import { intRange } from "./domain.js";
import { neverFires, permutationOfThree, sortFour } from "./fixtures/example-networks.js";
import { fromJSON, toJSON } from "./json.js";
import { network } from "./network.js";
import { isPermutation } from "./target.js";
import { verify } from "./verify.js";

describe("JSON", () => {
  it("round-trips networks through JSON text", () => {
    for (const net of [neverFires, permutationOfThree, sortFour]) {
      const text = JSON.stringify(toJSON(net));
      expect(toJSON(fromJSON(text))).toEqual(toJSON(net));
      expect(fromJSON(text)).toEqual(net);
    }
  });

  it("keeps fractions exact as text and writes one activation per layer when uniform", () => {
    const json = toJSON(permutationOfThree);
    expect(json.layers[2]).toEqual({
      name: "or",
      weights: [["2/5", "2/5", "2/5", "2/5", "2/5", "2/5"]],
      bias: ["-7/5"],
      activation: "indicator[-1,1]",
    });
    const mixed = toJSON(sortFour).layers[0]!.activation;
    expect(mixed).toEqual(["identity", "identity", "identity", "identity", "relu", "relu"]);
  });

  it("reads hand-written JSON with decimals and fractions, and the network still verifies", () => {
    const json = toJSON(permutationOfThree);
    const edited = {
      ...json,
      layers: [
        json.layers[0],
        json.layers[1],
        { ...json.layers[2], weights: [Array(6).fill(0.4)], bias: [-1.4] },
      ],
    };
    const net = fromJSON(edited);
    expect(String(net.layers[2]!.weights[0]![0])).toBe("2/5");
    expect(verify(net, isPermutation, intRange(-2, 2, 6)).status).toBe("pass");
  });

  it("rejects documents that are not networks, naming the problem", () => {
    expect(() => fromJSON("{")).toThrow(
      expect.objectContaining({
        code: "format",
        message: expect.stringMatching(/^fromJSON: not JSON/),
      }),
    );
    expect(() => fromJSON({ format: "other", version: 1, layers: [] })).toThrow(
      expect.objectContaining({
        code: "format",
        message: expect.stringContaining(
          'fromJSON: expected an object with format "nnkit-threshold" and version 1',
        ),
      }),
    );
    expect(() =>
      fromJSON({ format: "nnkit-threshold", version: 1, inputs: 2, layers: [1] }),
    ).toThrow(
      expect.objectContaining({
        code: "format",
        message: expect.stringContaining("fromJSON: layers must be an array of objects"),
      }),
    );
    const json = { ...toJSON(network([{ weights: [[1, 2]], activation: "sign" }])), inputs: 3 };
    expect(() => fromJSON(json)).toThrow(
      expect.objectContaining({
        code: "shape",
        message: expect.stringContaining(
          'fromJSON: "inputs" says 3 but layer 1 has 2 weight columns',
        ),
      }),
    );
    const badSpec = { ...toJSON(neverFires) };
    const layers = [badSpec.layers[0]!, { ...badSpec.layers[1]!, activation: "phi" }];
    expect(() => fromJSON({ ...badSpec, layers })).toThrow(
      expect.objectContaining({
        code: "activation",
        message: expect.stringMatching(/^network: layer 2 "output": unknown activation spec "phi"/),
      }),
    );
  });
});
