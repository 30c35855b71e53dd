import { tensor } from "@nnkit/tensor";
import { describe, expect, it } from "vitest";
import { map, run, text } from "../fixtures/answers.js";
import { renderItem } from "../grade/render-feedback.js";
import { backpropCheck } from "./backprop-check.js";
import { expressionCheck } from "./expression-check.js";
import { DIRECT, graded, item, type Scope } from "./outcome.js";

const sampled: Scope = { kind: "sampled", count: 3, of: "random instances" };
const box: Scope = { kind: "enumerated", box: { lo: -3, hi: 3 }, count: 343, assumptions: [] };

describe("a full agreement is correct only with what makes it sure", () => {
  it("goes to a person when it was only sampled, enumerated, or says nothing", () => {
    for (const scope of [sampled, box, undefined]) {
      const judged = item(1, { kind: "correct" }, scope === undefined ? {} : { scope });
      expect(judged).toMatchObject({ verdict: "review", earned: 0, finding: { kind: "agrees" } });
      expect(judged.scope).toEqual(scope);
    }
    expect(graded(1, { kind: "correct" }, { scope: sampled })).toMatchObject({
      status: "review",
      fraction: 0,
    });
  });

  it("is correct with a proof or a direct comparison, and says which", () => {
    const proof = {
      kind: "proof",
      domain: "every X (2×2)",
      assumptions: ["X invertible"],
    } as const;
    expect(item(1, { kind: "correct" }, { scope: proof })).toMatchObject({ verdict: "correct" });
    expect(renderItem(item(1, { kind: "correct" }, { scope: proof }))).toBe(
      "correct: proved for every X (2×2) with X invertible",
    );
    expect(graded(1, { kind: "correct" }, { scope: DIRECT })).toMatchObject({
      status: "graded",
      fraction: 1,
    });
  });

  it("renders what was checked and that a person decides", () => {
    expect(renderItem(item(1, { kind: "correct" }, { scope: sampled }))).toBe(
      "matches the reference on 3 random instances; not proved, so left for a person",
    );
    expect(renderItem(item(1, { kind: "correct" }, { scope: box }))).toBe(
      "no counterexample among all 343 inputs with entries in -3..3; not proved, so left for a person",
    );
  });
});

describe("checks that only sample send agreements to review", () => {
  // With no symbolic model, an expression is only evaluated: A·v with A = [[1, 2], [3, 4]],
  // v = [1, 1] is [3, 7] by hand, which `A v` matches and `2 v` does not.
  const expression = expressionCheck({
    symbols: ["A", "v"],
    instances: () => [
      {
        environment: {
          values: new Map([
            [
              "A",
              tensor([
                [1, 2],
                [3, 4],
              ]),
            ],
            ["v", tensor([[1], [1]])],
          ]),
        },
        reference: tensor([[3], [7]]),
      },
    ],
  });

  it("expression: agreement on instances is review, a difference stays wrong", () => {
    const agreed = run(expression, text("A v"));
    expect(agreed.status).toBe("review");
    expect(agreed.items[0]).toMatchObject({ verdict: "review", scope: { kind: "sampled" } });
    expect(agreed.feedback).toBe(
      "matches the reference on 1 random instance; not proved, so left for a person",
    );
    expect(run(expression, text("2 v")).items[0]).toMatchObject({ verdict: "wrong" });
  });

  // u = W x with W = [[1, 2], [0, 1]], x = [1, 1]: u = [3, 1]; J = ½‖u‖² gives ū = u and
  // x̄ = Wᵀū = [3, 7] by hand.
  const backprop = backpropCheck({
    adjoints: ["u_bar", "x_bar"],
    forwardSymbols: ["W", "x", "u"],
    chainTarget: "x_bar",
    instances: () => [
      {
        forward: new Map([
          [
            "W",
            tensor([
              [1, 2],
              [0, 1],
            ]),
          ],
          ["x", tensor([[1], [1]])],
          ["u", tensor([[3], [1]])],
        ]),
        adjoints: new Map([
          ["u_bar", tensor([[3], [1]])],
          ["x_bar", tensor([[3], [7]])],
        ]),
      },
    ],
  });

  it("backprop: each sampled agreement is review and earns nothing; a wrong one stays wrong", () => {
    const outcome = run(backprop, map({ u_bar: text("u"), x_bar: text("2 W^T u_bar") }));
    expect(outcome.status).toBe("review");
    expect(outcome.items.map((i) => i.verdict)).toEqual(["review", "wrong", "wrong"]);
    expect(outcome.status === "review" && outcome.fraction).toBe(0);
  });
});
