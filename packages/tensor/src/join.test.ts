import { describe, expect, it } from "vitest";
import { decode, expectTensor, fixtures } from "./fixtures/fixtures.js";
import * as nd from "./index.js";

describe("concat and stack against NumPy", () => {
  it.each(fixtures.join.map((c) => [c.op, c.inputs.map((i) => i.shape), c.axis, c]))(
    "%s %j axis %i",
    (op, _shapes, axis, c) => {
      const inputs = c.inputs.map(decode);
      expectTensor(op === "concat" ? nd.concat(inputs, axis) : nd.stack(inputs, axis), c.out);
    },
  );
});

describe("concat and stack by hand", () => {
  it("joins strided views", () => {
    const m = nd.reshape(nd.arange(6), [2, 3]);
    expect(
      nd.concat([nd.transpose(m), nd.slice(nd.transpose(m), null, [null, null, -1])], 1).toArray(),
    ).toEqual([
      [0, 3, 3, 0],
      [1, 4, 4, 1],
      [2, 5, 5, 2],
    ]);
  });

  it("errors name the op and the shapes", () => {
    expect(() => nd.concat([nd.zeros([2, 3]), nd.zeros([2, 4])], 0)).toThrowError(
      "concat: shapes [2, 3], [2, 4] differ outside axis 0",
    );
    expect(() => nd.stack([nd.zeros([2]), nd.zeros([3])])).toThrowError(
      "stack: all shapes must match, got [2], [3]",
    );
    expect(() => nd.concat([])).toThrowError("concat: needs a non-empty array of tensors");
    expect(() => nd.concat([nd.zeros([2])], 1)).toThrowError(/concat: axis 1 is out of bounds/);
  });
});
