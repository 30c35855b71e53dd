import { tensor } from "@nnkit/tensor";
import { describe, expect, it } from "vitest";
import { fractionOf, map, run, text } from "../fixtures/answers.js";
import { backpropCheck } from "./backprop-check.js";

// A two-step chain J = ½‖W x‖², u = W x: ū = u, x̄ = Wᵀū, with numbers worked out by hand.
const W = tensor([
  [1, 2],
  [0, 1],
]);
const x = tensor([[1], [1]]);
const u = tensor([[3], [1]]);
const check = backpropCheck({
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
});

describe("backpropCheck", () => {
  it("accepts right equations and the chain they make", () => {
    const outcome = run(check, map({ u_bar: text("u"), x_bar: text("W^T \\bar{u}") }));
    expect(fractionOf(outcome)).toBe(1);
  });

  it("accepts equations written with their left-hand side, and nothing else with '='", () => {
    const outcome = run(
      check,
      map({ u_bar: text("\\bar{u} = u"), x_bar: text("x_bar = W^T u_bar") }),
    );
    expect(fractionOf(outcome)).toBe(1);
    expect(run(check, map({ u_bar: text("u = u") })).feedback).toContain(
      "write the right-hand side",
    );
  });

  it("charges a wrong equation once: later equations use reference values", () => {
    const outcome = run(check, map({ u_bar: text("2u"), x_bar: text("W^T u_bar") }));
    expect(outcome.feedback).toBe(
      "u_bar: wrong: off by a constant factor (2 times the reference)\nx_bar: matches the reference on 1 random instance\nx_bar from your own equations: wrong: off by a constant factor (2 times the reference)",
    );
    expect(fractionOf(outcome)).toBeCloseTo(1 / 3);
  });

  it("counts a missing equation and refuses unknown keys", () => {
    expect(run(check, map({ x_bar: text("W^T u_bar") })).feedback).toContain("u_bar: missing");
    expect(run(check, map({ q_bar: text("1") })).status).toBe("invalid");
  });
});
