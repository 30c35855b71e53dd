// Each primitive's declarations about memory hold: its VJP reads exactly the forward values it
// says it saves (so reverse-mode memory can be computed from `saves`), and a primitive that says
// it is a view returns a tensor sharing its input's storage.
import { describe, expect, test } from "vitest";
import { abstract, isFloatDType } from "../abstract-value.js";
import { samples } from "../fixtures/primitive-samples.js";
import type { PrimitiveName } from "../primitive-names.js";
import { trace } from "../trace.js";
import type { Value } from "../tracer.js";
import { getPrimitive, primitives } from "./registry.js";

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
