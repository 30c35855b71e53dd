// 2.2.1's H and 2.3's z for the numbers the student works with (the handout's, or their own
// variant's, as the grading worker gives them), computed by running the course layer's chains on those numbers with @nnkit/cost's
// measureChain, which also counts the multiplications each order actually did.
import { type ChainMeasurement, measureChain } from "@nnkit/cost";
import { hessian, vectorHessianProduct } from "@nnkit/grading/hw1";
import { tensor } from "@nnkit/tensor";

/** Numbers by variable name ("q2.3 v"), as the grader's studentVariant gives them. */
export type Numbers = Readonly<Record<string, readonly number[] | number>>;

export interface ChainNumbers {
  question: string;
  /** e.g. "v = [4, 2, 3]". */
  given: string;
  /** e.g. "H = 2vvᵀ". */
  result: string;
  forward: ChainMeasurement;
  reverse: ChainMeasurement;
}

const column = (values: readonly number[] | number) =>
  tensor(
    (Array.isArray(values) ? values : [values]).map((v) => [v]),
    { dtype: "float64" },
  );

function measured(
  question: string,
  given: string,
  result: string,
  run: (order: "left-to-right" | "right-to-left") => ChainMeasurement,
): ChainNumbers {
  return { question, given, result, forward: run("left-to-right"), reverse: run("right-to-left") };
}

/** H and z for these numbers (undefined where the numbers lack a variable). */
export function chainNumbers(numbers: Numbers): ChainNumbers[] {
  const list = (values: readonly number[] | number) =>
    `[${(Array.isArray(values) ? values : [values]).join(", ")}]`;
  const found: ChainNumbers[] = [];
  const v221 = numbers["q2.2.1 v"];
  if (v221 !== undefined) {
    found.push(
      measured("2.2.1", `v = ${list(v221)}`, "H = 2vvᵀ", (order) =>
        measureChain(hessian, order, { v: column(v221) }),
      ),
    );
  }
  const [v23, y23] = [numbers["q2.3 v"], numbers["q2.3 y"]];
  if (v23 !== undefined && y23 !== undefined) {
    found.push(
      measured("2.3", `v = ${list(v23)}, y = ${list(y23)}`, "z = vvᵀy", (order) =>
        measureChain(vectorHessianProduct, order, { v: column(v23), y: column(y23) }),
      ),
    );
  }
  return found;
}
