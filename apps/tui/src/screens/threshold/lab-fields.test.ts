import { describe, expect, it } from "vitest";
import { readActivation, readInput, readRange, readWeight } from "./lab-fields.js";

describe("lab fields", () => {
  it("reads exact weights and rejects what is not a number", () => {
    expect(readWeight(" -1/2")).toEqual({ ok: true, value: "-1/2" });
    expect(readWeight("2x")).toMatchObject({ ok: false, error: { position: 0 } });
  });

  it("points at the bad spec among per-unit activations", () => {
    expect(readActivation("indicator[-1,1] eq=3")).toEqual({
      ok: true,
      value: "indicator[-1,1] eq=3",
    });
    expect(readActivation("relu stp>=0")).toMatchObject({ ok: false, error: { position: 5 } });
  });

  it("reads integer inputs of the network's arity", () => {
    expect(readInput("1, 2 3 -4", 4)).toEqual({ ok: true, value: [1, 2, 3, -4] });
    expect(readInput("1 2.5 3 4", 4)).toMatchObject({ ok: false, error: { position: 2 } });
    expect(readInput("1 2", 4)).toMatchObject({
      ok: false,
      error: { position: 3, message: "4 integers needed, 2 given" },
    });
  });

  it("reads lo..hi", () => {
    expect(readRange("-4..4")).toEqual({ ok: true, value: { lo: -4, hi: 4 } });
    expect(readRange("4..-4")).toMatchObject({ ok: false, error: { position: 1 } });
    expect(readRange("4")).toMatchObject({ ok: false });
  });
});
