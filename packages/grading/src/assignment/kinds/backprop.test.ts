import { describe, expect, it } from "vitest";
import { fractionOf, map, run, specErrorOf, text } from "../../fixtures/answers.js";
import { HW1_NETWORK } from "../../hw1/network-spec.js";
import type { BackpropPartSpec, NetworkSpec } from "../backprop-spec.js";
import { backpropParts, backpropTemplateFields } from "./backprop.js";

/** One tanh hidden layer, a linear read-out and half the squared error. */
const TANH_NETWORK: NetworkSpec = {
  equations: "a = A u + c\ns = tanh(a)\nr = w^T s\ne = r - target\nL = (1/2) e^2",
  sizes: { n: 3, m: 4 },
  parameters: { A: ["m", "n"], c: ["m"], w: ["m"] },
  inputs: { u: ["n"], target: [] },
};
const TANH: BackpropPartSpec = { network: TANH_NETWORK, adjoints: ["L", "e", "r", "s", "a", "u"] };

// The backward pass derived by hand: L̄ = 1, ē = e L̄, r̄ = ē, s̄ = w r̄, ā = (1 − s ⊙ s) ⊙ s̄, ū = Aᵀ ā.
const HAND_DERIVED = {
  L_bar: "1",
  e_bar: "e L_bar",
  r_bar: "e_bar",
  s_bar: "w r_bar",
  a_bar: "(1 - s ⊙ s) ⊙ s_bar",
  u_bar: "A^T a_bar",
};
const answer = (equations: Record<string, string>) =>
  map(Object.fromEntries(Object.entries(equations).map(([k, v]) => [k, text(v)])));

/** Homework 2.1's network and the adjoints its question asks for. */
const HW1: BackpropPartSpec = {
  network: HW1_NETWORK,
  adjoints: ["J", "S", "y'", "y", "g2", "g1", "h", "z2", "z1", "x"],
};

/** The handout's backward pass of 2.1, as a student would write it. */
const HW1_BACKWARD = {
  J_bar: "1",
  S_bar: "-J_bar",
  yp_bar: "S_bar onehot(t) ./ y'",
  y_bar: "(diag(y') - y' y'^T) y'_bar",
  g2_bar: "W3^T y_bar",
  g1_bar: "h ⊙ g2_bar",
  h_bar: "g1 ⊙ g2_bar",
  z2_bar: "g1 ⊙ (1 - g1) ⊙ g1_bar",
  z1_bar: "I(z1 > 0) ⊙ h_bar",
  x_bar: "W1^T z1_bar + W2^T z2_bar",
};

describe("backpropParts on a network written as equations", () => {
  const [part] = backpropParts(TANH, ["questions", 0]);

  it("is one visible part of weight 1 checking the equations", () => {
    expect(part).toMatchObject({ label: "equations", weight: 1, visibility: "visible" });
    expect(part!.check.kind).toBe("backprop");
  });

  it("accepts the hand-derived backward pass, and also tanh' written as a function", () => {
    expect(fractionOf(run(part!.check, answer(HAND_DERIVED)))).toBe(1);
    const withTanh = { ...HAND_DERIVED, a_bar: "tanh'(a) ⊙ s_bar" };
    expect(fractionOf(run(part!.check, answer(withTanh)))).toBe(1);
  });

  it("charges one wrong equation once, and the chain from the student's own equations", () => {
    const outcome = run(part!.check, answer({ ...HAND_DERIVED, a_bar: "(1 - s) ⊙ s_bar" }));
    expect(outcome.feedback).toContain("a_bar: wrong");
    expect(outcome.feedback).toContain("u_bar: correct: proved for every");
    expect(outcome.feedback).toContain("u_bar from your own equations: wrong");
    expect(fractionOf(outcome)).toBeCloseTo(5 / 7);
  });

  it("names a scalar variable as the factor a wrong equation is off by", () => {
    const outcome = run(part!.check, answer({ ...HAND_DERIVED, s_bar: "w r_bar e" }));
    expect(outcome.feedback).toContain(
      "s_bar: wrong: the values differ from the reference: on every instance checked it is e times the reference",
    );
  });

  it("lists the template's fields, quoting keys with a prime", () => {
    expect(backpropTemplateFields(TANH)).toEqual([
      'L_bar: ""',
      'e_bar: ""',
      'r_bar: ""',
      's_bar: ""',
      'a_bar: ""',
      'u_bar: ""',
    ]);
    expect(backpropTemplateFields({ network: HW1_NETWORK, adjoints: ["S", "y'", "y"] })).toEqual([
      'S_bar: ""',
      '"y\'_bar": ""',
      'y_bar: ""',
    ]);
  });
});

describe("backpropParts on homework 2.1's network", () => {
  const [part] = backpropParts(HW1, ["q2.1.2"]);

  it("accepts the handout's backward pass, y'_bar also spelled yp_bar without an alias given", () => {
    expect(fractionOf(run(part!.check, answer(HW1_BACKWARD)))).toBe(1);
  });

  it("names the weight an adjoint goes back through, from the equation v = W u + b", () => {
    const outcome = run(part!.check, answer({ ...HW1_BACKWARD, g2_bar: "W2^T y_bar" }));
    expect(outcome.feedback).toContain("y = W3 g2 + b3, so y_bar goes back through W3ᵀ, not W2ᵀ");
    const z1 = run(part!.check, answer({ ...HW1_BACKWARD, x_bar: "W2^T z1_bar + W2^T z2_bar" }));
    expect(z1.feedback).toContain("x_bar: wrong");
  });

  it("draws its instances from the grading context's seed", () => {
    const slip = answer({ ...HW1_BACKWARD, g1_bar: "g2_bar" });
    const first = run(part!.check, slip, { variant: {}, seed: 1 });
    const again = run(part!.check, slip, { variant: {}, seed: 1 });
    expect(again).toEqual(first);
  });
});

describe("a backprop part's own mistakes", () => {
  const errorOf = (spec: Partial<BackpropPartSpec>) =>
    specErrorOf(() =>
      backpropParts({ network: HW1_NETWORK, adjoints: ["J", "S"], ...spec }, ["questions", 2]),
    );

  it.each([
    [{ adjoints: ["J", "q"] }, ["adjoints", 1], "q is not an input or an equation's name"],
    [{ adjoints: ["J", "t"] }, ["adjoints", 1], "t is a class label, which has no adjoint"],
    [{ adjoints: ["J", "J"] }, ["adjoints", 1], "J is listed twice"],
    [{ adjoints: [] }, ["adjoints"], "list the variables"],
    [{ chainTarget: "x" }, ["chainTarget"], "x is not among the adjoints asked for"],
    [{ instances: 0 }, ["instances"], "from 1 to 20"],
    [{ instances: 1000 }, ["instances"], "from 1 to 20"],
  ])("%j", (spec, at, problem) => {
    const error = errorOf(spec as Partial<BackpropPartSpec>);
    expect(error.path).toEqual(["questions", 2, ...at]);
    expect(error.detail).toContain(problem);
  });

  it("reports a network mistake under the part's network", () => {
    const error = errorOf({ network: { ...HW1_NETWORK, output: "y" } });
    expect(error.path).toEqual(["questions", 2, "network", "output"]);
  });
});

describe("a factor that changes between instances is named, not called constant", () => {
  const [part] = backpropParts(HW1, ["q2.1.2"]);
  const feedbackOn = (key: keyof typeof HW1_BACKWARD, wrong: string) =>
    run(part!.check, answer({ ...HW1_BACKWARD, [key]: wrong }))
      .feedback.split("\n")
      .find((line) => line.startsWith(`${key.replace("yp", "y'")}:`));

  it.each([
    [
      "a forgotten (1 − g1) of σ'",
      "z2_bar",
      "g1 ⊙ g1_bar",
      "z2_bar: wrong: the values differ from the reference: on every instance checked it is the reference ⊙ 1/(1 − g1)",
    ],
    [
      "a forgotten division by y'_t",
      "yp_bar",
      "S_bar onehot(t)",
      "y'_bar: wrong: the values differ from the reference: on every instance checked it is y'_t times the reference",
    ],
    [
      "a squared class entry",
      "S_bar",
      "-J_bar (onehot(t)^T y')^2",
      "S_bar: wrong: the values differ from the reference: on every instance checked it is y'_t² times the reference",
    ],
    [
      "another operand multiplied in",
      "h_bar",
      "g1 ⊙ g2_bar ⊙ h",
      "h_bar: wrong: the values differ from the reference: on every instance checked it is the reference ⊙ h",
    ],
  ])("%s", (_, key, wrong, expected) => {
    expect(feedbackOn(key as keyof typeof HW1_BACKWARD, wrong)).toBe(expected);
  });

  it("still calls a factor constant when every instance shows the same one", () => {
    expect(feedbackOn("S_bar", "-2 J_bar")).toBe(
      "S_bar: wrong: off by a constant factor (2 times the reference)",
    );
  });

  it("names nothing when no simple expression fits", () => {
    expect(feedbackOn("g1_bar", "h ⊙ g2_bar + 1")).toBe(
      "g1_bar: wrong: the values differ from the reference",
    );
  });
});
