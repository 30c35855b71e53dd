import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Activation,
  applyActivation,
  equals,
  identity,
  indicator,
  relu,
  sign,
  step,
} from "./activation.js";
import { Rational } from "./rational.js";
import { formatActivation, parseActivation } from "./spec.js";

const rational = fc
  .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 6 }))
  .map(([n, d]) => Rational.of(BigInt(n), BigInt(d)));

const activation: fc.Arbitrary<Activation> = fc.oneof(
  fc.tuple(rational, fc.boolean()).map(([t, inclusive]) => step(t, { inclusive })),
  fc.constant(sign()),
  fc
    .tuple(rational, rational, fc.boolean(), fc.boolean())
    .map(([a, b, lowClosed, highClosed]) =>
      a.compare(b) <= 0
        ? indicator(a, b, { lowClosed, highClosed })
        : indicator(b, a, { lowClosed, highClosed }),
    ),
  rational.map((k) => equals(k)),
  fc.constant(identity()),
  fc.constant(relu()),
);

describe("activation specs", () => {
  it("round-trip: parse(format(a)) is a, and format is canonical", () => {
    fc.assert(
      fc.property(activation, (a) => {
        const text = formatActivation(a);
        expect(parseActivation(text)).toEqual(a);
        expect(formatActivation(parseActivation(text))).toBe(text);
      }),
    );
  });

  it.each([
    ["indicator[-1,1]", "indicator[-1,1]"],
    ["indicator( -1/2 , 0.5 ]", "indicator(-1/2,1/2]"],
    ["step>=0", "step>=0"],
    ["step > 0", "step>0"],
    ["eq=3", "eq=3"],
    ["sign", "sign"],
    ["identity", "identity"],
    ["relu", "relu"],
  ])("reads %j, canonical %j", (text, canonical) => {
    expect(formatActivation(parseActivation(text))).toBe(canonical);
  });

  it("rejects unknown specs naming the spec, the place and the accepted forms", () => {
    expect(() => parseActivation("sigmoid" as string, "network: layer 2")).toThrow(
      expect.objectContaining({
        code: "activation",
        message: expect.stringMatching(
          /^network: layer 2: unknown activation spec "sigmoid"; accepted forms: indicator\[a,b\].*step>=t.*eq=k/,
        ),
      }),
    );
    expect(() => parseActivation("indicator[1,-1]")).toThrow(
      expect.objectContaining({
        code: "activation",
        message: expect.stringMatching(/low end above high end/),
      }),
    );
    expect(() => parseActivation("eq=x" as string)).toThrow(
      expect.objectContaining({
        code: "activation",
        message: expect.stringMatching(/"x" is not a number/),
      }),
    );
  });
});

describe("applyActivation at the edges", () => {
  const at = (spec: string, z: string) =>
    applyActivation(parseActivation(spec), Rational.of(...parse(z))).toString();
  const parse = (z: string): [bigint, bigint] => {
    const [n, d = "1"] = z.split("/");
    return [BigInt(n!), BigInt(d)];
  };

  it.each([
    ["indicator[-1,1]", "-1", "1"],
    ["indicator[-1,1]", "1", "1"],
    ["indicator[-1,1]", "-1001/1000", "0"],
    ["indicator(-1,1]", "-1", "0"],
    ["indicator[-1,1)", "1", "0"],
    ["indicator(-1,1)", "999/1000", "1"],
    ["step>=0", "0", "1"],
    ["step>0", "0", "0"],
    ["step>1/2", "1/2", "0"],
    ["step>=1/2", "1/2", "1"],
    ["eq=3", "3", "1"],
    ["eq=3", "5/2", "0"],
    ["sign", "0", "0"],
    ["sign", "-1/3", "-1"],
    ["sign", "7", "1"],
    ["identity", "-5/2", "-5/2"],
    ["relu", "-5/2", "0"],
    ["relu", "5/2", "5/2"],
  ])("%s(%s) = %s", (spec, z, expected) => {
    expect(at(spec, z)).toBe(expected);
  });
});
