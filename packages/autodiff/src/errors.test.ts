import * as T from "@nnkit/tensor";
import { describe, expect, test } from "vitest";
import { abstract } from "./abstract-value.js";
import { AutodiffError } from "./errors.js";
import { evaluateGraph } from "./interpret/evaluate.js";
import { add } from "./primitives/add.js";
import { matmul } from "./primitives/matmul.js";
import { mul } from "./primitives/mul.js";
import { sum } from "./primitives/sum-broadcast.js";
import { take } from "./primitives/take.js";
import { trace } from "./trace.js";
import type { Value } from "./tracer.js";
import { grad } from "./transforms/grad.js";
import { jvp } from "./transforms/jvp.js";
import { vjp } from "./transforms/vjp.js";

function caught(fn: () => unknown): AutodiffError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AutodiffError) return error;
    throw error;
  }
  throw new Error("expected an AutodiffError");
}

describe("clear errors", () => {
  test("grad of a non-scalar output", () => {
    const error = caught(() => grad((x: Value) => mul(x, 2))(T.tensor([1, 2, 3])));
    expect(error.op).toBe("grad");
    expect(error.code).toBe("shape");
    expect(error.message).toContain("scalar");
    expect(error.message).toContain("[3]");
  });

  test("differentiating with respect to an int32 input", () => {
    const f = (x: Value, t: Value) => sum(mul(x, t));
    const error = caught(() => grad(f, 1)(T.tensor([1, 2]), T.tensor([1, 2], { dtype: "int32" })));
    expect(error.code).toBe("dtype");
    expect(error.message).toContain("int32");
    expect(error.message).toMatch(/argument 0/); // the restricted function's only argument
    const viaVjp = caught(() => vjp(f, T.tensor([1, 2]), T.tensor([1, 2], { dtype: "int32" })));
    expect(viaVjp.message).toContain("argument 1");
  });

  test("shape mismatches name the op and both shapes", () => {
    const broadcast = caught(() => add(T.zeros([2, 3]), T.zeros([4])));
    expect(broadcast.op).toBe("add");
    expect(broadcast.message).toContain("[2, 3]");
    expect(broadcast.message).toContain("[4]");
    const product = caught(() => matmul(T.zeros([2, 3]), T.zeros([2, 3])));
    expect(product.message).toMatch(/^matmul: .*\[2, 3\] and \[2, 3\]/);
    const symbolic = caught(() =>
      trace((a: Value, b: Value) => add(a, b), abstract(["n"]), abstract(["m"])),
    );
    expect(symbolic.message).toBe("add: shapes [n] and [m] cannot be broadcast together");
    const picked = caught(() => take(T.zeros([2, 3]), T.tensor([1], { dtype: "int32" })));
    expect(picked.message).toContain("[1]");
    expect(picked.message).toContain("[2, 3]");
  });

  test("shape mismatches inside a traced function are raised while tracing", () => {
    const error = caught(() => grad((x: Value) => sum(matmul(x, x)))(T.zeros([2, 3])));
    expect(error.op).toBe("matmul");
    expect(error.code).toBe("shape");
  });

  test("tangents must match their primals", () => {
    const error = caught(() => jvp((x: Value) => x, [T.zeros([3])], [T.zeros([2])]));
    expect(error.message).toContain("[2]");
    expect(error.message).toContain("[3]");
  });

  test("evaluating a graph with symbolic sizes", () => {
    const graph = trace((x: Value) => mul(x, x), abstract(["n"]));
    const error = caught(() => evaluateGraph(graph, T.tensor([1, 2])));
    expect(error.op).toBe("evaluateGraph");
    expect(error.code).toBe("symbolic");
    expect(error.message).toContain("[n]");
  });

  test("a tracer used after its transformation ended", () => {
    let leaked: Value | undefined;
    trace(
      (x: Value) => {
        leaked = x;
        return x;
      },
      abstract([2]),
    );
    const error = caught(() => mul(leaked!, 2));
    expect(error.code).toBe("trace");
  });
});
