import { backwardValues } from "@nnkit/autodiff";
import { type BackpropInstance, backpropCheck } from "../../checkers/backprop-check.js";
import type { CheckContext } from "../../checkers/check.js";
import { compileNetwork, type Network } from "../../network/compile-network.js";
import { drawInstance } from "../../network/draw-instance.js";
import { instanceFromNamedValues } from "../../network/evaluate-student-equation.js";
import { NETWORK_LIMITS } from "../../network/limits.js";
import { dimsOf } from "../../network/shape.js";
import { backpropCases } from "../../symbolic/backprop-reference.js";
import { prepareReference } from "../../symbolic/prove-identity.js";
import type { Part } from "../assignment.js";
import type { BackpropPartSpec } from "../backprop-spec.js";
import { AssignmentSpecError, type SpecPath } from "../spec-error.js";
import { adjointKey } from "./adjoint-key.js";

export { adjointKey };

/**
 * The part of a backprop question (2.1.2's kind): one equation per adjoint, each checked against
 * @nnkit/autodiff's adjoints of the network on seeded random instances, then the chain target
 * computed from the student's own equations.
 */
export function backpropParts(spec: BackpropPartSpec, path: SpecPath): Part[] {
  const network = compileNetwork(spec.network, [...path, "network"]);
  const variables = [...network.inputs.map((v) => v.name), ...network.equations.map((e) => e.name)];
  const adjoints = readAdjoints(spec.adjoints, network, variables, [...path, "adjoints"]);
  const chainTarget = spec.chainTarget ?? spec.adjoints.at(-1)!;
  if (!spec.adjoints.includes(chainTarget)) {
    throw new AssignmentSpecError(
      [...path, "chainTarget"],
      "reference",
      `${chainTarget} is not among the adjoints asked for (${spec.adjoints.join(", ")})`,
    );
  }
  const count = spec.instances ?? 3;
  if (!Number.isInteger(count) || count < 1 || count > NETWORK_LIMITS.maxInstances) {
    throw new AssignmentSpecError(
      [...path, "instances"],
      "schema",
      `the number of instances must be a whole number from 1 to ${NETWORK_LIMITS.maxInstances}`,
    );
  }
  return [
    {
      label: "equations",
      weight: 1,
      visibility: "visible",
      check: backpropCheck({
        adjoints,
        aliases: spec.aliases ?? primeAliases(adjoints),
        forwardSymbols: [...variables, ...network.parameters.map((p) => p.name)],
        chainTarget: adjointKey(chainTarget),
        instances: (context: CheckContext) =>
          Array.from({ length: count }, (_, k) => networkInstance(network, context.seed + k)),
        weightInto: weightInto(network),
        ...classLabelOf(network),
        proof: { reference: symbolicAdjoints(network), domain: proofDomain(network) },
      }),
    },
  ];
}

/** The chain rule's adjoints with symbolic entries, built on the first answer that needs them. */
function symbolicAdjoints(network: Network): () => ReturnType<typeof prepareReference> {
  let prepared: ReturnType<typeof prepareReference> | undefined;
  return () => {
    prepared ??= prepareReference((tools) => backpropCases(network, adjointKey, tools));
    return prepared;
  };
}

/** "every x (3×1), class t in 1..3 and weights W1, b1, …": what a proof of 2.1.2 covers. */
function proofDomain(network: Network): string {
  const inputs = network.inputs.map(({ name, shape }) => {
    if (shape.kind === "class") return `class ${name} in 1..${shape.classes.size}`;
    const [rows, columns] = dimsOf(shape);
    return `${name} (${rows.size}×${columns.size})`;
  });
  const weights = network.parameters.map((p) => p.name).join(", ");
  return `every ${inputs.join(", ")}${weights === "" ? "" : ` and weights ${weights}`}`;
}

/** The answer template's fields of a backprop question, one empty equation per adjoint. */
export function backpropTemplateFields(spec: BackpropPartSpec): string[] {
  return spec.adjoints.map(adjointKey).map((key) => `${key.includes("'") ? `"${key}"` : key}: ""`);
}

function readAdjoints(
  asked: readonly string[],
  network: Network,
  variables: readonly string[],
  path: SpecPath,
): string[] {
  if (!Array.isArray(asked) || asked.length === 0) {
    throw new AssignmentSpecError(
      path,
      "schema",
      "list the variables whose adjoints are asked for",
    );
  }
  const labels = new Set(network.inputs.filter((v) => v.shape.kind === "class").map((v) => v.name));
  const seen = new Set<string>();
  for (const [i, variable] of asked.entries()) {
    const problem = !variables.includes(variable)
      ? `${variable} is not an input or an equation's name; expected one of ${variables.filter((v) => !labels.has(v)).join(", ")}`
      : labels.has(variable)
        ? `${variable} is a class label, which has no adjoint`
        : seen.has(variable)
          ? `${variable} is listed twice`
          : undefined;
    if (problem !== undefined) throw new AssignmentSpecError([...path, i], "reference", problem);
    seen.add(variable);
  }
  return asked.map(adjointKey);
}

function classLabelOf(network: Network): { classLabel?: string } {
  const label = network.inputs.find((v) => v.shape.kind === "class");
  return label === undefined ? {} : { classLabel: label.name };
}

/** `yp_bar` for `y'_bar`, the spelling a YAML key without quotes allows. */
function primeAliases(adjoints: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    adjoints.filter((a) => a.includes("'")).map((a) => [a.replace(/'/g, "p"), a]),
  );
}

/**
 * For each equation `v = W u + b` (or `W u`), the weight that maps into v: a student who takes
 * another weight's transpose with v's adjoint is told which one v goes back through.
 */
function weightInto(network: Network): Record<string, { weight: string; forward: string }> {
  const parameters = new Set(
    network.parameters.filter((p) => p.shape.kind === "matrix").map((p) => p.name),
  );
  const into: Record<string, { weight: string; forward: string }> = {};
  for (const equation of network.equations) {
    let product = equation.expression;
    if (product.kind === "binary" && product.op === "add") {
      const { left, right } = product;
      product = left.kind === "binary" && left.op === "product" ? left : right;
    }
    if (
      product.kind === "binary" &&
      product.op === "product" &&
      product.left.kind === "symbol" &&
      parameters.has(product.left.name)
    ) {
      into[adjointKey(equation.name)] = { weight: product.left.name, forward: equation.text };
    }
  }
  return into;
}

/**
 * One seeded instance: every variable's forward value and every float variable's adjoint from
 * @nnkit/autodiff's backward pass, by the answer's symbols; a class label is shown 1-based, as
 * handouts count classes.
 */
export function networkInstance(network: Network, seed: number): BackpropInstance {
  const named = backwardValues(network.forward, drawInstance(network, seed));
  return instanceFromNamedValues(
    named,
    network.classes === undefined ? {} : { classes: network.classes },
  );
}
