// Each primitive's declarations about memory hold: its VJP reads exactly the forward values it
// says it saves (so reverse-mode memory can be computed from `saves`), and a primitive that says
// it is a view returns a tensor sharing its input's storage.
import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import { abstract, isFloatDType } from "../abstract-value.js";
import type { Params } from "../primitive.js";
import type { PrimitiveName } from "../primitive-names.js";
import { trace } from "../trace.js";
import type { Value } from "../tracer.js";
import { getPrimitive, primitives } from "./registry.js";

const m23 = T.tensor([
  [0.5, -1.2, 2],
  [1.5, 0.3, -0.7],
]);
const v3 = T.tensor([0.4, 1.1, -0.6]);
const positive = T.tensor([
  [0.5, 1.2, 2],
  [1.5, 0.3, 0.7],
]);
const labels = T.tensor([2, 0], { dtype: "int32" });

/** One application of every primitive (the record type makes the table complete). */
const samples: { readonly [Name in PrimitiveName]: { inputs: T.Tensor[]; params?: Params } } = {
  add: { inputs: [m23, v3] },
  sub: { inputs: [m23, v3] },
  mul: { inputs: [m23, v3] },
  div: { inputs: [m23, positive] },
  neg: { inputs: [m23] },
  exp: { inputs: [m23] },
  log: { inputs: [positive] },
  tanh: { inputs: [m23] },
  sigmoid: { inputs: [m23] },
  relu: { inputs: [m23] },
  square: { inputs: [m23] },
  pow: { inputs: [positive], params: { exponent: 1.5 } },
  maximum: { inputs: [m23, v3] },
  compare: { inputs: [m23, v3], params: { relation: "gt" } },
  where: { inputs: [T.gt(m23, 0), m23, v3] },
  matmul: { inputs: [m23, T.transpose(m23)] },
  transpose: { inputs: [m23], params: { axes: [1, 0] } },
  reshape: { inputs: [m23], params: { shape: [3, 2] } },
  broadcast: { inputs: [v3], params: { shape: [2, 3] } },
  sum: { inputs: [m23], params: { axes: [1], keepdims: false } },
  scale: { inputs: [m23], params: { factor: 2, divisors: [3] } },
  softmax: { inputs: [m23], params: { axis: 1 } },
  logSoftmax: { inputs: [m23], params: { axis: 1 } },
  onehot: { inputs: [labels], params: { depth: 3, dtype: "float64" } },
  take: { inputs: [m23, labels] },
  stack: { inputs: [v3, v3], params: { axis: 0 } },
  sqrt: { inputs: [positive] },
  power: { inputs: [positive, m23] },
  slice: { inputs: [m23], params: { starts: [0, 1], stops: [2, 3] } },
  pad: { inputs: [m23], params: { before: [1, 0], after: [0, 2] } },
  concatenate: { inputs: [m23, positive], params: { axis: 1 } },
  abs: { inputs: [m23] },
  max: { inputs: [m23], params: { axes: [1], keepdims: false } },
  min: { inputs: [m23], params: { axes: [0, 1], keepdims: true } },
  cumsum: { inputs: [m23], params: { axis: 1, reverse: false } },
  gather: { inputs: [m23, T.tensor([2, 0, 2], { dtype: "int32" })], params: { axis: 1 } },
  scatterAdd: {
    inputs: [m23, T.tensor([1, 1, 0], { dtype: "int32" })],
    params: { axis: 1, size: 2 },
  },
};

/** Which forward values (input positions, "output") the VJP's traced graph reads. */
function readByVjp(name: PrimitiveName): (number | "output")[] {
  const primitive = getPrimitive(name);
  const { inputs, params = {} } = samples[name];
  const out = primitive.shape(inputs, params);
  const graph = trace(
    (ct: Value, y: Value, ...xs: Value[]) =>
      primitive
        .vjp(
          ct,
          xs,
          y,
          params,
          xs.map((x) => isFloatDType(x.dtype)),
        )
        .filter((c) => c !== null),
    abstract(out.shape, out.dtype),
    abstract(out.shape, out.dtype),
    ...inputs.map((x) => abstract(x.shape, x.dtype)),
  );
  const read = new Set(graph.nodes.flatMap((n) => n.inputs));
  const used = graph.inputs.filter((id) => read.has(id) || graph.outputs.includes(id));
  return used
    .map((id) => graph.inputs.indexOf(id))
    .filter((k) => k > 0)
    .map((k) => (k === 1 ? "output" : k - 2));
}

describe("primitive declarations", () => {
  test("every registered primitive has a sample here", () => {
    expect(Object.keys(samples).sort()).toEqual(primitives.map((p) => p.name).sort());
  });

  for (const primitive of primitives) {
    test(`${primitive.name}: the VJP reads exactly what it saves`, () => {
      const sorted = (xs: readonly (number | "output")[]) => [...xs].map(String).sort();
      expect(sorted(readByVjp(primitive.name))).toEqual(sorted(primitive.saves));
    });

    test(`${primitive.name}: ${primitive.view ? "is" : "is not"} a view of its input`, () => {
      const { inputs, params = {} } = samples[primitive.name];
      const result = primitive.evaluate(inputs, params);
      expect(result.data === inputs[0]!.data).toBe(primitive.view === true);
    });
  }
});
