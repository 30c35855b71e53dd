import type { SpecPath } from "../assignment/spec-error.js";
import type { GradingMath } from "../math/expr.js";
import { parseMath } from "../math/parse-math.js";
import { EquationError } from "./equation-error.js";
import { NETWORK_LIMITS } from "./limits.js";

/** One forward equation, `name = expression`, as written on its line. */
export interface ParsedEquation {
  readonly name: string;
  readonly expression: GradingMath;
  /** 1-based line in the equations text. */
  readonly line: number;
  /** The line as written, without surrounding space. */
  readonly text: string;
}

/** Names of variables: a letter, letters or digits, primes (`z1`, `W3`, `y'`), as the handout's. */
export const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9]*'*$/;
/** `z1 =` or `z_1 =` (a subscript digit, as the answers' names allow, is the same name). */
const LEFT_SIDE = /^\s*([A-Za-z][A-Za-z0-9]*(?:_\d+)?'*)\s*=(?!=)/;

/** The equations' left-hand names, in order, each with its line (blank lines are skipped). */
export function equationLines(
  text: string,
  path: SpecPath,
): { name: string; line: number; text: string }[] {
  const found: { name: string; line: number; text: string }[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const written = raw.trim();
    if (written === "") continue;
    if (found.length === NETWORK_LIMITS.maxEquations) {
      throw new EquationError(
        path,
        "equation",
        `more than ${NETWORK_LIMITS.maxEquations} equations`,
        { line: index + 1, column: 0, equation: written },
      );
    }
    const left = LEFT_SIDE.exec(written);
    if (left === null) {
      throw new EquationError(
        path,
        "equation",
        "write one equation per line as name = expression, with a name such as z1 or y'",
        { line: index + 1, column: 0, equation: written },
      );
    }
    found.push({ name: left[1]!.replace("_", ""), line: index + 1, text: written });
  }
  return found;
}

/**
 * Parses one equation with the project's math parser (the one students' answers go through),
 * knowing `symbols`: every parameter, input and equation name.
 */
export function parseEquation(
  equation: { name: string; line: number; text: string },
  symbols: readonly string[],
  path: SpecPath,
): ParsedEquation {
  const parsed = parseMath(equation.text, { symbols, kind: "tensor" });
  if (!parsed.ok) {
    const { position, message } = parsed.error;
    throw new EquationError(path, "equation", message, {
      line: equation.line,
      column: position,
      equation: equation.text,
    });
  }
  const { expr } = parsed;
  if (
    expr.kind !== "compare" ||
    expr.op !== "=" ||
    expr.left.kind !== "symbol" ||
    expr.left.name !== equation.name
  ) {
    throw new EquationError(
      path,
      "equation",
      `write the equation as ${equation.name} = expression`,
      { line: equation.line, column: 0, equation: equation.text },
    );
  }
  return { ...equation, expression: expr.right };
}
