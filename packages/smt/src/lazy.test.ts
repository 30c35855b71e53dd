import { expect, test } from "vitest";
import * as smt from "./index.js";

test("importing @nnkit/smt does not start z3; the first check does", async () => {
  const formula = smt.eq(smt.intVar("x"), 1);
  expect(smt.isSolverLoaded()).toBe(false);
  await smt.check(formula);
  expect(smt.isSolverLoaded()).toBe(true);
}, 120_000); // this test pays z3's start, seconds on a loaded machine
