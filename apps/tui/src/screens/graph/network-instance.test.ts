import { describe, expect, it } from "vitest";
import { networkInstance, readValue } from "./network-instance.js";

describe("readValue", () => {
  it("reads a vector or a matrix of the input's shape", () => {
    const vector = readValue("[1, -0.5, 2]", [3]);
    expect(vector.ok && vector.value.toArray()).toEqual([1, -0.5, 2]);
    const matrix = readValue("[[1, 2], [3, 4]]", [2, 2]);
    expect(matrix.ok && matrix.value.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("says what is wrong, and where the text cannot be read", () => {
    expect(readValue("[1, 2]", [3])).toMatchObject({
      ok: false,
      message: "needs 3 entries (a list of 3)",
    });
    expect(readValue("[[1, 2], [3]]", [2, 2])).toMatchObject({
      ok: false,
      message: "needs 2×2 entries: needs 2 entries (a list of 2)",
    });
    expect(readValue("[1, 1e999, 2]", [3])).toMatchObject({
      ok: false,
      message: "entries must be finite numbers",
    });
    expect(readValue("[1, 2,", [3])).toMatchObject({ ok: false, position: 6 });
    expect(readValue(`[${"1,".repeat(3000)}1]`, [3])).toMatchObject({
      ok: false,
      message: "too long for a value",
    });
  });
});

describe("networkInstance with values set by hand", () => {
  it("uses them in place of the seeded ones and says which", () => {
    const W1 = readValue(JSON.stringify(Array(4).fill([0, 0, 0])), [4, 3]);
    if (!W1.ok) throw new Error(W1.message);
    const instance = networkInstance(1, undefined, { "W(1)": W1.value });
    expect(instance.edited).toEqual(["W(1)"]);
    // W(1) = 0: z1 = b(1), so h = ReLU(b(1)).
    const b1 = instance.values.get("b(1)")!.value.toArray() as number[];
    expect(instance.values.get("z1")!.value.toArray()).toEqual(b1);
  });
});
