// One backprop equation of a student's, evaluated on one instance of the network: what the
// student's right-hand side gives, with the reference value of every other variable in it (as the
// backprop check evaluates each equation), so a screen can show it beside the reference adjoint.
import type { NamedValue } from "@nnkit/autodiff";
import { reshape, type Tensor, tensor } from "@nnkit/tensor";
import { adjointKey } from "../assignment/kinds/adjoint-key.js";
import type { BackpropInstance } from "../checkers/backprop-check.js";
import type { Span } from "../checkers/outcome.js";
import { evaluateTensor } from "../math/evaluate-tensor.js";
import { parseMath } from "../math/parse-math.js";
import { withoutLeftHandSide } from "../math/right-hand-side.js";

export type StudentEquationValue =
  | { readonly kind: "value"; readonly value: Tensor }
  /** The text is not a formula over the instance's names; `position` is in the student's text. */
  | { readonly kind: "unreadable"; readonly message: string; readonly position: Span }
  /** A formula that cannot be computed there (shapes that do not fit, an unknown function). */
  | { readonly kind: "not-evaluable"; readonly message: string };

/** Vectors become columns, as every formula treats them. */
function asColumn(t: Tensor): Tensor {
  return t.rank === 1 ? reshape(t, [t.size, 1]) : t;
}

/**
 * An instance as the backprop check sees it, from @nnkit/autodiff's named values (`backwardValues`):
 * every forward value by the answer's symbol, every float value's adjoint as `symbol_bar`, vectors
 * as columns and a class label counted from 1, as handouts count classes. `symbolOf` maps a value's
 * name to the answer's symbol (a traced `W(1)` is the answer's `W1`).
 */
export function instanceFromNamedValues(
  named: ReadonlyMap<string, NamedValue>,
  options: { readonly classes?: number; readonly symbolOf?: (name: string) => string } = {},
): BackpropInstance {
  const symbolOf = options.symbolOf ?? ((name: string) => name);
  const forward = new Map<string, Tensor>();
  const adjoints = new Map<string, Tensor>();
  for (const [name, { value, adjoint }] of named) {
    const symbol = symbolOf(name);
    forward.set(symbol, value.dtype === "int32" ? tensor(value.item() + 1) : asColumn(value));
    if (adjoint !== undefined) adjoints.set(adjointKey(symbol), asColumn(adjoint));
  }
  return {
    forward,
    adjoints,
    ...(options.classes === undefined ? {} : { classes: options.classes }),
  };
}

/**
 * The value of the student's equation for `adjoint` (`y_bar`, its text with or without the
 * `y_bar =` in front) on `instance`, every name in it taking the instance's reference value: the
 * forward values, and the reference adjoints of the other variables. Names are the instance's own.
 */
export function evaluateStudentEquation(
  text: string,
  adjoint: string,
  instance: BackpropInstance,
): StudentEquationValue {
  const symbols = [...instance.forward.keys(), ...instance.adjoints.keys()];
  const parsed = parseMath(text, { symbols, kind: "tensor" });
  if (!parsed.ok) {
    const at = parsed.error.position;
    return {
      kind: "unreadable",
      message: parsed.error.message,
      position: { start: at, end: at + 1 },
    };
  }
  const rightHandSide = withoutLeftHandSide(parsed.expr, adjoint);
  if (rightHandSide === undefined) {
    return {
      kind: "unreadable",
      message: `write the right-hand side (optionally after '${adjoint} =')`,
      position: { start: 0, end: text.length },
    };
  }
  const values = new Map([...instance.forward, ...instance.adjoints]);
  const result = evaluateTensor(rightHandSide, {
    values,
    ...(instance.classes === undefined ? {} : { classes: instance.classes }),
  });
  return result.ok
    ? { kind: "value", value: result.value }
    : { kind: "not-evaluable", message: result.message };
}
