import { beforeAll, describe, expect, test } from "vitest";
import { check, minimize } from "./check.js";
import {
  add,
  and,
  constant,
  distinct,
  eq,
  ge,
  gt,
  intVar,
  ite,
  le,
  lt,
  mul,
  ne,
  neg,
  not,
  or,
  ratio,
  realVar,
  sub,
  TRUE,
} from "./term.js";

// z3's start (once per test worker) is paid here, not inside a test: on a loaded machine it can
// take seconds.
beforeAll(() => check(TRUE), 120_000);
/** Wall-clock room for a loaded machine; each check takes milliseconds on an idle one. */
const roomy = { timeoutMs: 30_000 };

const x = intVar("x");
const y = intVar("y");
const z = intVar("z");

describe("check", { timeout: 90_000 }, () => {
  test("2x = 1 has no integer solution but the real x = 1/2", async () => {
    expect(await check(eq(mul(2, x), 1), roomy)).toEqual({ status: "unsat" });
    expect(await check(eq(mul(2, realVar("r")), 1), roomy)).toEqual({
      status: "sat",
      model: { r: { num: 1n, den: 2n } },
    });
  });

  test("x + y = 10, x − y = 4 has the one solution x = 7, y = 3", async () => {
    expect(await check(and(eq(add(x, y), 10), eq(sub(x, y), 4)), roomy)).toEqual({
      status: "sat",
      model: { x: { num: 7n, den: 1n }, y: { num: 3n, den: 1n } },
    });
  });

  test("three distinct integers do not fit in {0, 1}", async () => {
    const box = (v: typeof x) => and(ge(v, 0), le(v, 1));
    expect(await check(and(distinct(x, y, z), box(x), box(y), box(z)), roomy)).toEqual({
      status: "unsat",
    });
  });

  test("If: |x| = 3 with x < 0 forces x = −3", async () => {
    const absolute = ite(ge(x, 0), x, neg(x));
    const result = await check(and(eq(absolute, 3), lt(x, 0)), roomy);
    expect(result).toEqual({ status: "sat", model: { x: { num: -3n, den: 1n } } });
  });

  test("integers and exact rationals mix: x/3 > 10/7 and x ≤ 5 gives x = 5", async () => {
    const third = constant(ratio(1n, 3n));
    const result = await check(and(gt(mul(third, x), constant(ratio(10n, 7n))), le(x, 5)), roomy);
    expect(result).toEqual({ status: "sat", model: { x: { num: 5n, den: 1n } } });
  });

  test("not, or, ne: x ≠ 0, not (x > 1), x ≥ −5, (x < −5 or x > −2) leave x ∈ {−1, 1}", async () => {
    const result = await check(
      and(ne(x, 0), not(gt(x, 1)), ge(x, -5), or(lt(x, -5), gt(x, -2))),
      roomy,
    );
    expect(result.status).toBe("sat");
    if (result.status === "sat") expect([-1n, 1n]).toContain(result.model.x!.num);
  });

  test("a 300-digit denominator is exact: x·10⁻³⁰⁰ ≥ 1 needs x ≥ 10³⁰⁰", async () => {
    const tiny = constant(ratio(1n, 10n ** 300n));
    expect(await check(and(ge(mul(tiny, x), 1), lt(x, 10n ** 300n)), roomy)).toEqual({
      status: "unsat",
    });
  });

  test("a tiny time budget on a hard nonlinear formula gives unknown, never a verdict", async () => {
    // x³ + y³ = z³ in positive integers has no solution (Euler), which z3 cannot show.
    const cube = (v: typeof x) => mul(v, v, v);
    const fermat = and(gt(x, 0), gt(y, 0), gt(z, 0), eq(add(cube(x), cube(y)), cube(z)));
    const result = await check(fermat, { timeoutMs: 200 });
    expect(result).toMatchObject({ status: "unknown" });
  });

  test("the work limit, not the clock, stops a hard formula: the same answer with any time allowed", async () => {
    const cube = (v: typeof x) => mul(v, v, v);
    const fermat = and(gt(x, 0), gt(y, 0), gt(z, 0), eq(add(cube(x), cube(y)), cube(z)));
    const short = await check(fermat, { workLimit: 20_000, timeoutMs: 20_000 });
    const long = await check(fermat, { workLimit: 20_000, timeoutMs: 60_000 });
    expect(short).toMatchObject({ status: "unknown", reason: "work limit" });
    expect(long).toEqual(short);
  });

  test("each call has its own work limit: an easy formula after a hard one is still decided", async () => {
    const cube = (v: typeof x) => mul(v, v, v);
    await check(eq(add(cube(x), cube(y), cube(z)), 33), { workLimit: 200_000, ...roomy });
    const easy = and(gt(x, 5), gt(y, x), lt(y, 8));
    expect(await check(easy, { workLimit: 20_000, ...roomy })).toEqual({
      status: "sat",
      model: { x: { num: 6n, den: 1n }, y: { num: 7n, den: 1n } },
    });
  });
});

describe("minimize", { timeout: 90_000 }, () => {
  test("x + y = 100 is closest to the origin at x = y = 50", async () => {
    const result = await minimize(eq(add(x, y), 100), roomy);
    expect(result).toEqual({
      status: "sat",
      model: { x: { num: 50n, den: 1n }, y: { num: 50n, den: 1n } },
      magnitude: { num: 50n, den: 1n },
      minimal: true,
    });
  });

  test("the smallest x with x·10⁻³⁰⁰ ≥ 1 is 10³⁰⁰; only named variables count", async () => {
    const tiny = constant(ratio(1n, 10n ** 300n));
    const formula = and(ge(mul(tiny, x), 1), eq(y, add(x, 7)));
    const result = await minimize(formula, { variables: ["x"], ...roomy });
    expect(result).toMatchObject({
      status: "sat",
      magnitude: { num: 10n ** 300n, den: 1n },
      minimal: true,
    });
  });

  test("x < −3 or x > 5 with |x| smallest: x = −4", async () => {
    const result = await minimize(or(lt(x, -3), gt(x, 5)), roomy);
    expect(result).toMatchObject({ status: "sat", model: { x: { num: -4n, den: 1n } } });
  });

  test("among the smallest integer points, the least in the variables' order: x + y = 3", async () => {
    // (1, 2) and (2, 1) both have max |v| = 2; the first variable named is the smaller.
    const formula = and(ge(x, 1), ge(y, 1), eq(add(x, y), 3));
    const point = async (variables: string[]) => {
      const result = await minimize(formula, { variables, ...roomy });
      if (result.status !== "sat") throw new Error(result.status);
      expect(result.minimal).toBe(true);
      return [result.model.x!.num, result.model.y!.num];
    };
    expect(await point(["x", "y"])).toEqual([1n, 2n]);
    expect(await point(["y", "x"])).toEqual([2n, 1n]);
    // Asked again after other questions, the same point.
    await minimize(eq(add(x, y), 100), roomy);
    expect(await point(["x", "y"])).toEqual([1n, 2n]);
  });

  test("an unsatisfiable formula stays unsat", async () => {
    expect(await minimize(and(gt(x, 1), lt(x, 2)), roomy)).toEqual({ status: "unsat" });
  });
});

test("a formula built as a deep DAG is translated once per shared part", {
  timeout: 90_000,
}, async () => {
  // t_{k+1} = t_k + t_k doubles 60 times: as a tree this has 2^60 leaves, as a DAG 61 nodes.
  let t = add(x, 0);
  for (let k = 0; k < 60; k++) t = add(t, t);
  const result = await check(and(eq(t, mul(2n ** 60n, 3)), ge(x, 0)), roomy);
  expect(result).toEqual({ status: "sat", model: { x: { num: 3n, den: 1n } } });
});
