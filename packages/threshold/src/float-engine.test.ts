import { describe, expect, test } from "vitest";
import { distinct, intRange } from "./domain.js";
import { permutationOfThree } from "./fixtures/example-networks.js";
import { withTinyZeros } from "./fixtures/hostile.js";
import { approximate } from "./float-engine.js";
import { parseRational } from "./rational.js";
import { isPermutation } from "./target.js";
import { verify } from "./verify.js";

const box = intRange(-3, 3, 6, distinct([0, 1, 2], [3, 4, 5]));

describe("hostile tiny weights: bounded exact work", () => {
  test.each(["1e-300", "5e-324"])(
    "the permutation network with zeros replaced by %s: the float engine settles all but the OR unit's 1260 ties",
    (tiny) => {
      const net = withTinyZeros(permutationOfThree, tiny);
      const result = verify(net, isPermutation, box);
      // By hand: equality units see 2(x_j − x_i) ± tiny, never near ±1; permutation units see
      // 2Σe − 6 ± tiny ∈ {−6, −4, −2, 0} ± tiny. The OR unit's z = (2s − 7)/5 ± tiny sits on its
      // end −1 exactly when one permutation fires (s = 1): for each of the 7·6·5 distinct
      // (x1, x2, x3), at its 6 permutations. Only those 1260 units are evaluated in bigints.
      expect(result).toMatchObject({ status: "pass", engine: "float", checked: 210 * 210 });
      expect(result.exactWork).toEqual({ units: 1260, inputs: 0 });
    },
  );

  test("598 parameters of 1e-300 (36 extra hidden units), on −2..2: 5·4·3·6 = 360 exact units", () => {
    const net = withTinyZeros(permutationOfThree, "1e-300", 36);
    const parameters = net.layers.reduce(
      (n, layer) => n + layer.weights.length * (layer.weights[0]!.length + 1),
      0,
    );
    expect(parameters).toBe(598);
    // The extra units' rows are all 1e-300 (z is tiny, firmly inside [−1, 1]); the count by
    // hand is as above, on the smaller box −2..2: 5·4·3 distinct (x1, x2, x3), 6 permutations.
    const result = verify(net, isPermutation, intRange(-2, 2, 6, distinct([0, 1, 2], [3, 4, 5])));
    expect(result).toMatchObject({ status: "pass", engine: "float", checked: 60 * 60 });
    expect(result.exactWork).toEqual({ units: 360, inputs: 0 });
  });
});

describe("approximate", () => {
  test.each([
    ["1/3", 1 / 3],
    ["0.1", 0.1],
    ["1e-300", 1e-300],
    ["5e-324", 5e-324],
    ["-2.5e-320", -2.5e-320],
    ["123456789012345678901234567890", 1.2345678901234568e29],
    ["1e308", 1e308],
  ])("%s is within its error bound of the double JavaScript reads", (text, nearest) => {
    const value = approximate(parseRational(text));
    const bound = Math.abs(nearest) * 2 ** -51 + 2 ** -1074;
    expect(Math.abs(value - nearest)).toBeLessThanOrEqual(bound);
  });

  test("beyond the double range it is infinite, and 0 is 0", () => {
    expect(approximate(parseRational("1e400"))).toBe(Number.POSITIVE_INFINITY);
    expect(approximate(parseRational("0"))).toBe(0);
    expect(approximate(parseRational("1e-400"))).toBe(0);
  });
});
