import { tensor } from "@nnkit/tensor";
import { describe, expect, it } from "vitest";
import { adjointKey } from "../assignment/kinds/backprop.js";
import { fractionOf, map, run, text } from "../fixtures/answers.js";
import { compileNetwork } from "../network/compile-network.js";
import { backpropCases } from "../symbolic/backprop-reference.js";
import { prepareReference } from "../symbolic/prove-identity.js";
import { type BackpropCheckOptions, backpropCheck } from "./backprop-check.js";

// A two-step chain J = ½‖W x‖², u = W x: ū = u, x̄ = Wᵀū, with numbers worked out by hand.
const W = tensor([
  [1, 2],
  [0, 1],
]);
const x = tensor([[1], [1]]);
const u = tensor([[3], [1]]);
const options: BackpropCheckOptions = {
  adjoints: ["u_bar", "x_bar"],
  forwardSymbols: ["W", "x", "u"],
  chainTarget: "x_bar",
  instances: () => [
    {
      forward: new Map([
        ["W", W],
        ["x", x],
        ["u", u],
      ]),
      adjoints: new Map([
        ["u_bar", u],
        ["x_bar", tensor([[3], [7]])],
      ]),
      classes: 2,
    },
  ],
};
// Without a symbolic model an equation is only compared on the instance.
const check = backpropCheck(options);
// The same chain as forward equations, so each equation can be proved against the chain rule.
const network = compileNetwork(
  {
    equations: "u = W x\nJ = 0.5 sum(u ⊙ u)",
    sizes: { n: 2 },
    parameters: { W: ["n", "n"] },
    inputs: { x: ["n"] },
  },
  ["network"],
);
const proved = backpropCheck({
  ...options,
  proof: {
    reference: () => prepareReference((tools) => backpropCases(network, adjointKey, tools)),
    domain: "every x (2×1) and weights W",
  },
});
const PROVED = "correct: proved for every x (2×1) and weights W";

describe("backpropCheck", () => {
  it("proves right equations and the chain they make", () => {
    const outcome = run(proved, map({ u_bar: text("u"), x_bar: text("W^T \\bar{u}") }));
    expect(fractionOf(outcome)).toBe(1);
    expect(outcome.feedback).toBe(
      `u_bar: ${PROVED}\nx_bar: ${PROVED}\nx_bar from your own equations: ${PROVED}`,
    );
    // The chain x̄ = Wᵀ(Wx) written out in the forward values is proved too.
    const written = run(proved, map({ u_bar: text("W x"), x_bar: text("W^T W x") }));
    expect(fractionOf(written)).toBe(1);
  });

  it("sends an agreement it cannot prove to a person", () => {
    const outcome = run(check, map({ u_bar: text("u"), x_bar: text("W^T \\bar{u}") }));
    expect(outcome.status).toBe("review");
    expect(outcome.feedback).toBe(
      "u_bar: matches the reference on 1 random instance; not proved, so left for a person\nx_bar: matches the reference on 1 random instance; not proved, so left for a person\nx_bar from your own equations: matches the reference on 1 random instance; not proved, so left for a person",
    );
  });

  it("accepts equations written with their left-hand side, and nothing else with '='", () => {
    const outcome = run(
      proved,
      map({ u_bar: text("\\bar{u} = u"), x_bar: text("x_bar = W^T u_bar") }),
    );
    expect(fractionOf(outcome)).toBe(1);
    expect(run(check, map({ u_bar: text("u = u") })).feedback).toContain(
      "write the right-hand side",
    );
  });

  it("charges a wrong equation once: later equations use reference values", () => {
    const outcome = run(proved, map({ u_bar: text("2u"), x_bar: text("W^T u_bar") }));
    expect(outcome.feedback).toBe(
      `u_bar: wrong: off by a constant factor (2 times the reference)\nx_bar: ${PROVED}\nx_bar from your own equations: wrong: off by a constant factor (2 times the reference)`,
    );
    expect(fractionOf(outcome)).toBeCloseTo(1 / 3);
  });

  it("counts a missing equation and refuses unknown keys", () => {
    expect(run(check, map({ x_bar: text("W^T u_bar") })).feedback).toContain("u_bar: missing");
    expect(run(check, map({ q_bar: text("1") })).status).toBe("invalid");
  });
});
