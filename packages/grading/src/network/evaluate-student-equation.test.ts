import type { NamedValue } from "@nnkit/autodiff";
import { type Tensor, tensor } from "@nnkit/tensor";
import { describe, expect, it } from "vitest";
import { networkInstance } from "../assignment/kinds/backprop.js";
import { HW1_NETWORK } from "../hw1/network-spec.js";
import { compileNetwork } from "./compile-network.js";
import {
  evaluateStudentEquation,
  instanceFromNamedValues,
  type StudentEquationValue,
} from "./evaluate-student-equation.js";

/** A hand-made instance: z = W x, y' over three classes, t the third class (0-based 2). */
const named = new Map<string, NamedValue>([
  [
    "W(1)",
    {
      value: tensor([
        [1, 2],
        [3, 4],
      ]),
      adjoint: tensor([
        [0, 0],
        [0, 0],
      ]),
    },
  ],
  ["x", { value: tensor([5, 6]), adjoint: tensor([-2, -2]) }],
  ["z1", { value: tensor([17, 39]), adjoint: tensor([1, -1]) }],
  ["y'", { value: tensor([0.2, 0.3, 0.5]), adjoint: tensor([0, 0, -2]) }],
  ["t", { value: tensor(2, { dtype: "int32" }) }],
  ["J", { value: tensor(0.7), adjoint: tensor(1) }],
]);
const instance = instanceFromNamedValues(named, {
  classes: 3,
  symbolOf: (name) => name.replace(/^([Wb])\((\d)\)$/, "$1$2"),
});

function entries(result: StudentEquationValue): { shape: readonly number[]; data: number[] } {
  if (result.kind !== "value") throw new Error(`not a value: ${JSON.stringify(result)}`);
  return { shape: result.value.shape, data: [...result.value.toTypedArray()] };
}

describe("instanceFromNamedValues", () => {
  it("keys forward values by the answer's symbols and adjoints as symbol_bar, vectors as columns", () => {
    expect([...instance.forward.keys()]).toEqual(["W1", "x", "z1", "y'", "t", "J"]);
    expect([...instance.adjoints.keys()]).toEqual(["W1_bar", "x_bar", "z1_bar", "y'_bar", "J_bar"]);
    expect(instance.forward.get("x")!.shape).toEqual([2, 1]);
    expect(instance.adjoints.get("z1_bar")!.shape).toEqual([2, 1]);
    expect(instance.classes).toBe(3);
  });

  it("counts the class label from 1, as the handout does", () => {
    expect((instance.forward.get("t") as Tensor).item()).toBe(3);
  });
});

describe("evaluateStudentEquation", () => {
  it("evaluates with the reference values of the other variables: W1ᵀ z̄1 = [1·1 + 3·(−1), 2·1 + 4·(−1)]", () => {
    expect(entries(evaluateStudentEquation("W1^T z1_bar", "x_bar", instance))).toEqual({
      shape: [2, 1],
      data: [-2, -2],
    });
  });

  it("accepts the left-hand side and LaTeX, as answers write them", () => {
    const written = "\\bar{x} = W^{(1)T} \\bar{z}_1";
    expect(entries(evaluateStudentEquation(written, "x_bar", instance)).data).toEqual([-2, -2]);
    expect(entries(evaluateStudentEquation("-\\bar{\\mathcal{J}}", "S_bar", instance))).toEqual({
      shape: [],
      data: [-1],
    });
  });

  it("reads t as the handout's class: y' − onehot(t) = [0.2, 0.3, 0.5 − 1]", () => {
    const { data } = entries(evaluateStudentEquation("y' - onehot(t)", "y_bar", instance));
    expect(data.map((v) => Math.round(v * 1e12) / 1e12)).toEqual([0.2, 0.3, -0.5]);
  });

  it("says where a name it does not know is", () => {
    const result = evaluateStudentEquation("W1^T q", "x_bar", instance);
    expect(result.kind).toBe("unreadable");
    if (result.kind === "unreadable") expect(result.position.start).toBe(5);
  });

  it("refuses an equation for another variable", () => {
    expect(evaluateStudentEquation("z1_bar = W1 x", "x_bar", instance).kind).toBe("unreadable");
  });

  it("says why a product that does not fit cannot be computed", () => {
    const result = evaluateStudentEquation("W1 y'", "x_bar", instance);
    expect(result.kind).toBe("not-evaluable");
    if (result.kind === "not-evaluable") expect(result.message).toMatch(/2×2 and 3×1/);
  });

  it("on hw1's network, a right equation gives the reference adjoint and a slip does not", () => {
    const network = compileNetwork(HW1_NETWORK, ["network"]);
    const seeded = networkInstance(network, 7);
    const reference = [...seeded.adjoints.get("g1_bar")!.toTypedArray()];
    const right = evaluateStudentEquation("\\bar{g}_2 \\odot h", "g1_bar", seeded);
    expect(entries(right).data).toEqual(reference);
    const slip = evaluateStudentEquation("\\bar{g}_2 \\odot g_1", "g1_bar", seeded);
    expect(entries(slip).data).not.toEqual(reference);
  });
});
