import { describe, expect, it } from "vitest";
import {
  addUnit,
  buildNetwork,
  insertLayer,
  removeLayer,
  removeUnit,
  setActivation,
  setCell,
  zeroDraft,
} from "./draft.js";

const shapes = (draft: ReturnType<typeof zeroDraft>) =>
  draft.layers.map((l) => [l.weights.length, l.weights[0]!.length, l.bias.length]);

describe("network draft", () => {
  it("keeps consecutive layers fitting when units are added and removed", () => {
    const draft = zeroDraft(4, [3, 1]);
    expect(shapes(addUnit(draft, 0, 1))).toEqual([
      [4, 4, 4],
      [1, 4, 1],
    ]);
    expect(shapes(removeUnit(draft, 0, 0))).toEqual([
      [2, 4, 2],
      [1, 2, 1],
    ]);
    expect(removeUnit(draft, 1, 0)).toBe(draft); // a layer keeps at least one unit
  });

  it("inserts and removes layers, rewiring the next one", () => {
    const deeper = insertLayer(zeroDraft(6, [9, 1]), 0);
    expect(shapes(deeper)).toEqual([
      [9, 6, 9],
      [1, 9, 1],
      [1, 1, 1],
    ]);
    expect(shapes(removeLayer(deeper, 0))).toEqual([
      [1, 6, 1],
      [1, 1, 1],
    ]);
  });

  it("builds the network, or names the bad cell", () => {
    let draft = setCell(zeroDraft(2, [1]), 0, 0, 1, "1/2");
    draft = setCell(draft, 0, 0, 2, "-1"); // column 2 of a 2-input layer is the bias
    const built = buildNetwork(setActivation(draft, 0, "step>=0"));
    expect(built.ok && built.network.layers[0]!.bias.map(String)).toEqual(["-1"]);
    expect(built.ok && built.network.layers[0]!.weights[0]!.map(String)).toEqual(["0", "1/2"]);
    const bad = buildNetwork(setCell(draft, 0, 0, 0, "x"));
    expect(!bad.ok && bad.message).toMatch(/layer 1.*weight \[1\]\[1\].*"x" is not a number/);
  });
});
