import { describe, expect, it } from "vitest";
import { decode, fixtures } from "./fixtures/fixtures.js";
import * as nd from "./index.js";

describe("toString matches NumPy's str()", () => {
  it.each(fixtures.text.map((c) => [c.x.dtype, c.x.shape, c]))("%s %j", (_d, _s, c) => {
    expect(decode(c.x).toString()).toBe(c.text);
  });

  it("prints views in logical order and scalars plainly", () => {
    expect(
      String(
        nd.transpose(
          nd.tensor(
            [
              [1, 2],
              [3, 4],
            ],
            { dtype: "int32" },
          ),
        ),
      ),
    ).toBe("[[1 3]\n [2 4]]");
    expect(nd.tensor(2).toString()).toBe("2.0");
    expect(nd.tensor(true).toString()).toBe("True");
  });
});
