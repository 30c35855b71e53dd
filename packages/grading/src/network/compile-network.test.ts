import { backwardValues, type Value } from "@nnkit/autodiff";
import * as T from "@nnkit/tensor";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NetworkSpec } from "../assignment/backprop-spec.js";
import reference from "../hw1/fixtures/hw1_network.json" with { type: "json" };
import { hw1Example, hw1Network } from "../hw1/network.js";
import { HW1_NETWORK } from "../hw1/network-spec.js";
import { compileNetwork } from "./compile-network.js";
import { drawInstance } from "./draw-instance.js";

const network = compileNetwork(HW1_NETWORK, ["network"]);
const PARAMETERS = ["W1", "b1", "W2", "b2", "W3", "b3"] as const;
/** hw1Network names its parameters as the handout prints them. */
const handoutName = (name: string) => name.replace(/^([Wb])(\d)$/, "$1($2)");

describe("hw1's 2.1 network written as equations", () => {
  it("draws exactly hw1Example's numbers: W1, b1, W2, b2, W3, b3, x, then the label", () => {
    for (const seed of [0, 1, 2, 7, 12345]) {
      const drawn = drawInstance(network, seed);
      const { params, x, t } = hw1Example(seed, { randomLabel: true });
      const expected = [...PARAMETERS.map((p) => params[p]), x, t];
      expect(drawn.map((d) => d.shape)).toEqual(expected.map((e) => e.shape));
      expect(drawn.map((d) => d.dtype)).toEqual(expected.map((e) => e.dtype));
      drawn.forEach((d, i) => {
        expect([...d.toTypedArray()]).toEqual([...expected[i]!.toTypedArray()]);
      });
    }
  });

  it("gives hw1Network's forward values and adjoints, named alike, on several seeds", () => {
    for (const seed of [0, 1, 2, 3, 99]) {
      const mine = backwardValues(network.forward, drawInstance(network, seed));
      const { params, x, t } = hw1Example(seed, { randomLabel: true });
      const theirs = backwardValues(hw1Network, [params, x, t]);
      expect(mine.size).toBe(theirs.size);
      for (const [name, value] of mine) {
        const other = theirs.get(handoutName(name));
        expect(other, name).toBeDefined();
        expect([...value.value.toTypedArray()], name).toEqual([...other!.value.toTypedArray()]);
        expect(value.adjoint === undefined, name).toBe(other!.adjoint === undefined);
        if (value.adjoint !== undefined) {
          expect([...value.adjoint.toTypedArray()], name).toEqual([
            ...other!.adjoint!.toTypedArray(),
          ]);
        }
      }
    }
  });

  it("agrees with the NumPy hand derivation of hw1_network.py", () => {
    const inputs = reference.inputs;
    const args = [
      ...PARAMETERS.map((p) => T.tensor(inputs[p])),
      T.tensor(inputs.x),
      T.tensor(inputs.t, { dtype: "int32" }),
    ];
    const named = backwardValues(network.forward, args);
    const close = (actual: T.Tensor, expected: unknown) =>
      T.allclose(actual, T.tensor(expected as T.NestedArray), { rtol: 1e-12, atol: 1e-14 });
    for (const [name, value] of Object.entries(reference.values)) {
      expect(close(named.get(name)!.value, value), name).toBe(true);
    }
    for (const [name, adjoint] of Object.entries(reference.adjoints)) {
      const mine = name.replace(/^([Wb])\((\d)\)$/, "$1$2");
      expect(close(named.get(mine)!.adjoint!, adjoint), name).toBe(true);
    }
  });

  it("knows the shapes, the output and the number of classes", () => {
    expect(network.output).toBe("J");
    expect(network.classes).toBe(3);
    expect(network.equations.map((e) => [e.name, e.line, e.shape.kind])).toEqual([
      ["z1", 1, "column"],
      ["h", 2, "column"],
      ["z2", 3, "column"],
      ["g1", 4, "column"],
      ["g2", 5, "column"],
      ["y", 6, "column"],
      ["y'", 7, "column"],
      ["S", 8, "scalar"],
      ["J", 9, "scalar"],
    ]);
  });
});

/** One tanh hidden layer, a linear read-out and half the squared error: not hw1's network. */
const TANH_NETWORK: NetworkSpec = {
  equations: `
    a = A u + c
    s = tanh(a)
    r = w^T s + 0.5 * u^T u
    e = r - target
    L = (1/2) e^2
  `,
  sizes: { n: 3, m: 5 },
  parameters: { A: ["m", "n"], c: ["m"], w: ["m"] },
  inputs: { u: ["n"], target: [] },
};

/** Central differences of a scalar function of the arguments, one entry at a time. */
function finiteDifference(
  f: (...args: Value[]) => Value,
  args: readonly T.Tensor[],
  which: number,
): number[] {
  const h = 1e-6;
  const base = args[which]!.toTypedArray();
  return Array.from({ length: base.length }, (_, i) => {
    const at = (delta: number) => {
      const moved = Float64Array.from(base);
      moved[i]! += delta;
      const shifted = args.map((a, j) =>
        j === which ? T.tensor([...moved], { shape: [...a.shape] }) : a,
      );
      return (f(...shifted) as T.Tensor).item();
    };
    return (at(h) - at(-h)) / (2 * h);
  });
}

describe("a second network: tanh hidden layer, squared error", () => {
  const tanhNetwork = compileNetwork(TANH_NETWORK, ["network"]);

  it("has the adjoints central differences give, for every parameter and input", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const args = drawInstance(tanhNetwork, seed);
        const named = backwardValues(tanhNetwork.forward, args);
        ["A", "c", "w", "u", "target"].forEach((name, which) => {
          const numeric = finiteDifference(tanhNetwork.forward, args, which);
          const adjoint = [...named.get(name)!.adjoint!.toTypedArray()];
          numeric.forEach((d, i) => {
            expect(Math.abs(adjoint[i]! - d), `${name}[${i}]`).toBeLessThan(
              1e-6 * (1 + Math.abs(d)),
            );
          });
        });
      }),
      { numRuns: 10 },
    );
  });

  it("computes the loss a direct formula gives", () => {
    const [A, c, w, u, target] = drawInstance(tanhNetwork, 5);
    const s = T.tanh(T.add(T.matmul(A!, u!), c!));
    const r = T.sum(T.mul(w!, s)).item() + 0.5 * T.sum(T.mul(u!, u!)).item();
    const loss = 0.5 * (r - target!.item()) ** 2;
    expect((tanhNetwork.forward(A!, c!, w!, u!, target!) as T.Tensor).item()).toBeCloseTo(loss, 12);
  });
});
