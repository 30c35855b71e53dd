import { AutodiffError, abstract, name, Tracer, trace, type Value } from "@nnkit/autodiff";
import type { NetworkSpec } from "../assignment/backprop-spec.js";
import { AssignmentSpecError, type SpecPath } from "../assignment/spec-error.js";
import {
  type CompiledExpression,
  compileExpression,
  ExpressionProblem,
  type Scope,
} from "./compile-expression.js";
import { EquationError } from "./equation-error.js";
import { NETWORK_LIMITS } from "./limits.js";
import {
  equationLines,
  type ParsedEquation,
  parseEquation,
  VARIABLE_NAME,
} from "./parse-equations.js";
import { type Dim, describeShape, entriesOf, type StaticShape, tensorShape } from "./shape.js";

/** A parameter or an input of a network, with its shape. */
export interface NetworkVariable {
  readonly name: string;
  readonly shape: StaticShape;
}

/** One forward equation with the shape of the value it names. */
export interface NetworkEquation extends ParsedEquation {
  readonly shape: StaticShape;
}

/** A network compiled from forward equations: checked shapes, and its forward pass. */
export interface Network {
  /** Parameters in the order they are drawn. */
  readonly parameters: readonly NetworkVariable[];
  /** Inputs in the order they are drawn, after the parameters. */
  readonly inputs: readonly NetworkVariable[];
  readonly equations: readonly NetworkEquation[];
  /** The scalar the backward pass starts from. */
  readonly output: string;
  /** The classes of the class-label input, if the network has one (onehot's length). */
  readonly classes?: number;
  /**
   * The forward pass on @nnkit/autodiff values (tensors, or tracers under a transformation), one
   * argument per parameter then per input, in order; a class label is an int32 scalar, 0-based.
   * Each equation's value is named with its left side, each parameter and input with its name.
   */
  readonly forward: (...values: Value[]) => Value;
}

/**
 * Compiles a network's forward equations (`z1 = W1 x + b1`, one per line) into a function over
 * @nnkit/autodiff values. Every mistake is an {@link AssignmentSpecError} under `path`; one in an
 * equation is an {@link EquationError} naming its line.
 */
export function compileNetwork(spec: NetworkSpec, path: SpecPath): Network {
  const sizes = readSizes(spec.sizes, [...path, "sizes"]);
  const parameters = readVariables(spec.parameters, sizes, [...path, "parameters"], false);
  const inputs = readVariables(spec.inputs, sizes, [...path, "inputs"], true);
  const variables = [...parameters, ...inputs];
  checkNames(variables, path);
  const equationsPath = [...path, "equations"];
  if (typeof spec.equations !== "string" || spec.equations.length > NETWORK_LIMITS.maxTextLength) {
    throw new AssignmentSpecError(
      equationsPath,
      "schema",
      `the equations must be text of at most ${NETWORK_LIMITS.maxTextLength} characters`,
    );
  }
  const lines = equationLines(spec.equations, equationsPath);
  if (lines.length === 0) throw new AssignmentSpecError(equationsPath, "schema", "no equations");
  const symbols = [...variables.map((v) => v.name), ...lines.map((l) => l.name)];
  const shapes = new Map(variables.map((v) => [v.name, v.shape]));
  const later = new Map(lines.map((l) => [l.name, l.line]));
  const equations: (NetworkEquation & { compiled: CompiledExpression })[] = [];
  let work = 0;
  for (const line of lines) {
    const fail = (column: number, problem: string): never => {
      throw new EquationError(equationsPath, "equation", problem, {
        line: line.line,
        column: column,
        equation: line.text,
      });
    };
    later.delete(line.name);
    if (shapes.has(line.name)) {
      const earlier = equations.find((e) => e.name === line.name);
      fail(
        0,
        earlier
          ? `${line.name} already has an equation (line ${earlier.line})`
          : `${line.name} is already a parameter or an input`,
      );
    }
    const parsed = parseEquation(line, symbols, equationsPath);
    const compiled = compileOrFail(parsed, { shapes, later }, fail);
    work += compiled.work;
    if (work > NETWORK_LIMITS.maxWork) {
      fail(0, `the forward pass would take more than ${NETWORK_LIMITS.maxWork} multiplications`);
    }
    shapes.set(line.name, compiled.shape);
    equations.push({ ...parsed, shape: compiled.shape, compiled });
  }
  const output = readOutput(spec.output, equations, path);
  const network: Network = {
    parameters,
    inputs,
    equations: equations.map(({ compiled: _, ...equation }) => equation),
    output,
    ...classesOf(inputs),
    forward: forwardPass(variables, equations, output, equationsPath),
  };
  // The first trace finds what the shape rules above might miss, at load time, naming the equation.
  trace(network.forward, ...variables.map((v) => abstract(tensorShape(v.shape), dtypeOf(v.shape))));
  return network;
}

function compileOrFail(
  equation: ParsedEquation,
  scope: Scope,
  fail: (column: number, problem: string) => never,
): CompiledExpression {
  if (!mentionsVariable(equation.expression)) {
    return fail(equation.expression.start, "a constant: write the number where it is used");
  }
  if (equation.expression.kind === "symbol") {
    return fail(
      equation.expression.start,
      `only renames ${equation.expression.name}; use ${equation.expression.name} itself`,
    );
  }
  try {
    return compileExpression(equation.expression, scope, equation.text);
  } catch (error) {
    if (error instanceof ExpressionProblem) return fail(error.column, error.message);
    throw error;
  }
}

function mentionsVariable(node: ParsedEquation["expression"]): boolean {
  switch (node.kind) {
    case "symbol":
      return true;
    case "number":
      return false;
    case "array":
      return node.items.some(mentionsVariable);
    case "negate":
    case "transpose":
      return mentionsVariable(node.operand);
    case "call":
      return mentionsVariable(node.argument);
    case "binary":
    case "compare":
      return mentionsVariable(node.left) || mentionsVariable(node.right);
  }
}

function forwardPass(
  variables: readonly NetworkVariable[],
  equations: readonly (NetworkEquation & { compiled: CompiledExpression })[],
  output: string,
  path: SpecPath,
): (...args: Value[]) => Value {
  return (...args) => {
    const values = new Map<string, Value>();
    for (const [i, variable] of variables.entries())
      values.set(variable.name, name(args[i]!, variable.name));
    for (const equation of equations) {
      let value: Value;
      try {
        value = equation.compiled.build(values) as Value;
      } catch (error) {
        if (!(error instanceof AutodiffError)) throw error;
        throw new EquationError(path, "equation", error.message, {
          line: equation.line,
          column: 0,
          equation: equation.text,
        });
      }
      // A value that already has a name (`a = b^T` of a scalar b) would lose it.
      if (value instanceof Tracer && value.name !== undefined) {
        throw new EquationError(path, "equation", `only renames ${value.name}`, {
          line: equation.line,
          column: 0,
          equation: equation.text,
        });
      }
      values.set(equation.name, name(value, equation.name));
    }
    return values.get(output)!;
  };
}

function readOutput(
  requested: string | undefined,
  equations: readonly NetworkEquation[],
  path: SpecPath,
): string {
  const output = requested ?? equations.at(-1)!.name;
  const equation = equations.find((e) => e.name === output);
  if (equation === undefined) {
    throw new AssignmentSpecError(
      [...path, "output"],
      "reference",
      `${output} has no equation; expected one of ${equations.map((e) => e.name).join(", ")}`,
    );
  }
  if (equation.shape.kind !== "scalar") {
    const problem = `the output ${output} must be a scalar (the backward pass starts from it), but ${output} ${describeShape(equation.shape)}`;
    // Without an `output`, the last equation is the output: the mistake is there.
    if (requested === undefined) {
      throw new EquationError([...path, "equations"], "equation", problem, {
        line: equation.line,
        column: 0,
        equation: equation.text,
      });
    }
    throw new AssignmentSpecError([...path, "output"], "schema", problem);
  }
  return output;
}

function classesOf(inputs: readonly NetworkVariable[]): { classes?: number } {
  const labels = inputs.flatMap((v) => (v.shape.kind === "class" ? [v.shape.classes.size] : []));
  return labels.length > 0 ? { classes: labels[0]! } : {};
}

function dtypeOf(shape: StaticShape): "int32" | "float64" {
  return shape.kind === "class" ? "int32" : "float64";
}

function readSizes(sizes: unknown, path: SpecPath): Map<string, number> {
  if (typeof sizes !== "object" || sizes === null) {
    throw new AssignmentSpecError(
      path,
      "schema",
      "expected a mapping of size names to numbers, e.g. { K: 4 }",
    );
  }
  const read = new Map<string, number>();
  for (const [key, size] of Object.entries(sizes)) {
    if (!VARIABLE_NAME.test(key))
      throw new AssignmentSpecError(
        [...path, key],
        "schema",
        "a size name must be a name such as K",
      );
    if (!Number.isInteger(size) || size < 1 || size > NETWORK_LIMITS.maxSize) {
      throw new AssignmentSpecError(
        [...path, key],
        "schema",
        `a size must be a whole number from 1 to ${NETWORK_LIMITS.maxSize}, not ${String(size)}`,
      );
    }
    read.set(key, size);
  }
  return read;
}

function readVariables(
  variables: unknown,
  sizes: ReadonlyMap<string, number>,
  path: SpecPath,
  labelsAllowed: boolean,
): NetworkVariable[] {
  if (typeof variables !== "object" || variables === null) {
    throw new AssignmentSpecError(
      path,
      "schema",
      "expected a mapping of names to shapes, e.g. { W1: [K, D] }",
    );
  }
  const entries = Object.entries(variables);
  if (entries.length > NETWORK_LIMITS.maxVariables) {
    throw new AssignmentSpecError(
      path,
      "schema",
      `more than ${NETWORK_LIMITS.maxVariables} variables`,
    );
  }
  return entries.map(([key, value]) => {
    const at = [...path, key];
    if (!VARIABLE_NAME.test(key)) {
      throw new AssignmentSpecError(
        at,
        "schema",
        "a variable name is a letter, then letters or digits, then primes (W1, y')",
      );
    }
    const dim = (sizeName: unknown, where: SpecPath): Dim => {
      const written = String(sizeName);
      const size =
        sizes.get(written) ?? (/^[1-9][0-9]{0,3}$/.test(written) ? Number(written) : undefined);
      if (size === undefined || size > NETWORK_LIMITS.maxSize) {
        throw new AssignmentSpecError(
          where,
          "reference",
          `unknown size ${written}; the sizes are ${[...sizes.keys()].join(", ") || "none"}`,
        );
      }
      return { name: written, size };
    };
    if (labelsAllowed && typeof value === "object" && value !== null && "classes" in value) {
      return {
        name: key,
        shape: { kind: "class", classes: dim(value.classes, [...at, "classes"]) },
      };
    }
    if (!Array.isArray(value) || value.length > 2) {
      throw new AssignmentSpecError(
        at,
        "schema",
        `expected a shape of at most two sizes ([K, D] a matrix, [K] a column, [] a scalar)${labelsAllowed ? " or { classes: N }" : ""}`,
      );
    }
    const dims = value.map((d, i) => dim(d, [...at, i]));
    const shape: StaticShape =
      dims.length === 0
        ? { kind: "scalar" }
        : dims.length === 1
          ? { kind: "column", rows: dims[0]! }
          : { kind: "matrix", rows: dims[0]!, columns: dims[1]! };
    if (entriesOf(shape) > NETWORK_LIMITS.maxEntries) {
      throw new AssignmentSpecError(at, "schema", `more than ${NETWORK_LIMITS.maxEntries} entries`);
    }
    return { name: key, shape };
  });
}

function checkNames(variables: readonly NetworkVariable[], path: SpecPath): void {
  const seen = new Set<string>();
  for (const variable of variables) {
    if (seen.has(variable.name)) {
      throw new AssignmentSpecError(
        [...path, "inputs", variable.name],
        "reference",
        `${variable.name} is also a parameter`,
      );
    }
    seen.add(variable.name);
  }
  const labels = variables.filter((v) => v.shape.kind === "class");
  if (labels.length > 1) {
    throw new AssignmentSpecError(
      [...path, "inputs", labels[1]!.name],
      "schema",
      "at most one class-label input (onehot's length is the number of its classes)",
    );
  }
}
