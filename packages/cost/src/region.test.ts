import { describe, expect, it } from "vitest";
import { parsePolynomial } from "./parse-polynomial.js";
import { Region } from "./region.js";

const p = (text: string) => parsePolynomial(text);

describe("Region", () => {
  it("parses comparisons and tests membership", () => {
    const wide = Region.of("m > n", "n ≥ 2");
    expect(wide.toString()).toBe("m > n, n ≥ 2");
    expect(wide.contains({ n: 2, m: 3 })).toBe(true);
    expect(wide.contains({ n: 2, m: 2 })).toBe(false);
    expect(wide.contains({ n: 1, m: 3 })).toBe(false);
    expect(Region.ALL.toString()).toBe("all sizes");
  });

  it("proves inequalities that hold for all positive sizes", () => {
    expect(Region.ALL.provesNonNegative(p("n*m - 1"))).toBe(true);
    expect(Region.ALL.provesPositive(p("n*m - 1"))).toBe(false); // 0 at n = m = 1
    expect(Region.ALL.provesNonNegative(p("m - n"))).toBe(false);
  });

  it("uses the region's lower bounds: m > n makes m − n − 1 and nm − n² non-negative", () => {
    const wide = Region.of("n < m");
    expect(wide.provesNonNegative(p("m - n - 1"))).toBe(true);
    expect(wide.provesPositive(p("n*m - n^2"))).toBe(true);
    expect(wide.provesNonNegative(p("n - m"))).toBe(false);
    expect(Region.of("n >= 3").provesPositive(p("n - 2"))).toBe(true);
  });

  it("samples only points inside the region, the same on every run", () => {
    const wide = Region.of("m > n");
    const samples = wide.samples(["n", "m"]);
    expect(samples.length).toBeGreaterThan(100);
    expect(samples.every((s) => wide.contains(s))).toBe(true);
    expect(wide.samples(["n", "m"])).toEqual(samples);
  });

  it("names a malformed constraint", () => {
    expect(() => Region.of("m n")).toThrow(
      expect.objectContaining({
        code: "argument",
        message: expect.stringMatching(/"m n" is not one comparison like "m > n"/),
      }),
    );
    expect(() => Region.of("m > > n")).toThrow(
      expect.objectContaining({ code: "argument", message: expect.stringMatching(/Region.of/) }),
    );
  });
});
