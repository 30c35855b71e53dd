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
const LEFT_SIDE = /^\s*([A-Za-z][A-Za-z0-9]*'*)\s*=(?!=)/;

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
        index + 1,
        0,
        written,
        `more than ${NETWORK_LIMITS.maxEquations} equations`,
      );
    }
    const left = LEFT_SIDE.exec(written);
    if (left === null) {
      throw new EquationError(
        path,
        index + 1,
        0,
        written,
        "write one equation per line as name = expression, with a name such as z1 or y'",
      );
    }
    found.push({ name: left[1]!, line: index + 1, text: written });
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
    throw new EquationError(path, equation.line, position, equation.text, message);
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
      equation.line,
      0,
      equation.text,
      `write the equation as ${equation.name} = expression`,
    );
  }
  return { ...equation, expression: expr.right };
}
