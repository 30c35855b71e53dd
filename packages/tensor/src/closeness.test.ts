import { describe, expect, it } from "vitest";
import { decode, fixtures } from "./fixtures/fixtures.js";
import * as nd from "./index.js";

describe("allclose against NumPy", () => {
  it.each(fixtures.allclose.map((c, i) => [i, c]))("case %i", (_, c) => {
    expect(nd.allclose(decode(c.a), decode(c.b), c.options)).toBe(c.out);
  });

  it("accepts numbers and refuses shapes that do not broadcast", () => {
    expect(nd.allclose(nd.ones([3]), 1)).toBe(true);
    expect(() => nd.allclose(nd.ones([2]), nd.ones([3]))).toThrowError(
      expect.objectContaining({
        code: "shape",
        message: expect.stringMatching(/^allclose: shapes \[2\] and \[3\]/),
      }),
    );
  });
});

describe("equal", () => {
  it("needs the same shape and values, not the same dtype or layout", () => {
    const m = nd.tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(
      nd.equal(
        m,
        nd.tensor(
          [
            [1, 2],
            [3, 4],
          ],
          { dtype: "int32" },
        ),
      ),
    ).toBe(true);
    expect(nd.equal(nd.transpose(nd.transpose(m)), m)).toBe(true);
    expect(nd.equal(m, nd.reshape(m, [4]))).toBe(false);
    expect(nd.equal(m, nd.transpose(m))).toBe(false);
    expect(nd.equal(nd.tensor([Number.NaN]), nd.tensor([Number.NaN]))).toBe(false);
  });
});
