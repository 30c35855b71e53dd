// `kind: backprop` and `kind: graph`: a network named in the file's `networks:`, read into the
// BackpropPartSpec / GraphPartSpec that the backprop and graph kinds compile.

import { EquationError } from "../../network/equation-error.js";
import type { Part } from "../assignment.js";
import type { BackpropPartSpec, GraphPartSpec, NetworkSpec } from "../backprop-spec.js";
import { AssignmentSpecError, type SpecPath } from "../spec-error.js";
import {
  fail,
  integerIn,
  mappingOf,
  readNonEmptyString,
  readStringList,
  type SpecObject,
} from "../yaml/schema.js";
import { backpropParts, backpropTemplateFields } from "./backprop.js";
import { graphParts, graphTemplateLines } from "./graph.js";
import type { CommonPart, KindContext, PartKind } from "./kind.js";

/** The network a part names, from the assignment's `networks:`, and where it is written. */
function networkOf(
  spec: SpecObject,
  context: KindContext,
): { readonly spec: NetworkSpec; readonly path: SpecPath } {
  const name = spec.required("network", readNonEmptyString);
  const network = context.networks.get(name);
  if (network === undefined) {
    const known = [...context.networks.keys()].join(", ") || "none";
    fail(spec.pathOf("network"), `no network '${name}' under 'networks:' (known: ${known})`);
  }
  return network;
}

/** The file's keys for the spec's (camelCase) fields, in an error's path. */
const FILE_KEYS: Readonly<Record<string, string>> = { chainTarget: "chain_target" };

/**
 * Runs a kind's compiler; its errors about the network are moved to where the network is written
 * (`networks.<name>.equations`), and its spec's keys to the file's.
 */
function compiling<T>(
  partPath: SpecPath,
  network: { readonly path: SpecPath },
  compile: () => T,
): T {
  try {
    return compile();
  } catch (error) {
    if (!(error instanceof AssignmentSpecError)) throw error;
    const inPart = error.path.slice(0, partPath.length).every((step, i) => step === partPath[i]);
    if (!inPart) throw error;
    const [first, ...rest] = error.path.slice(partPath.length);
    const path =
      first === "network"
        ? [...network.path, ...rest]
        : [
            ...partPath,
            ...(first === undefined ? [] : [FILE_KEYS[String(first)] ?? first]),
            ...rest,
          ];
    throw error instanceof EquationError
      ? new EquationError(path, "equation", error.problem, {
          line: error.equationLine,
          column: error.equationColumn,
          equation: error.equation,
        })
      : new AssignmentSpecError(path, error.code, error.detail, {
          location: error.location,
          question: error.question,
        });
  }
}

/** The part's own label, field, weight and visibility over what the kind gives. */
function withCommon(parts: readonly Part[], common: CommonPart): Part[] {
  return parts.map((part) => ({
    ...part,
    ...(common.label === undefined ? {} : { label: common.label }),
    ...(common.field === undefined ? {} : { field: common.field }),
    weight: common.weight,
    visibility: common.visibility,
  }));
}

export const backpropKind: PartKind = {
  keys: ["network", "adjoints", "aliases", "instances", "chain_target"],
  compile(spec, common, context) {
    const aliases = spec.optional("aliases", mappingOf(readNonEmptyString));
    const instances = spec.optional("instances", integerIn(1, 20));
    const chainTarget = spec.optional("chain_target", readNonEmptyString);
    const network = networkOf(spec, context);
    const partSpec: BackpropPartSpec = {
      network: network.spec,
      adjoints: spec.required("adjoints", readStringList),
      ...(aliases === undefined ? {} : { aliases: Object.fromEntries(aliases) }),
      ...(instances === undefined ? {} : { instances }),
      ...(chainTarget === undefined ? {} : { chainTarget }),
    };
    return withCommon(
      compiling(spec.path, network, () => backpropParts(partSpec, spec.path)),
      common,
    );
  },
  template: (spec, _parts, context) => [
    "# One equation per adjoint, over the network's variables, parameters and other adjoints.",
    ...backpropTemplateFields({
      network: networkOf(spec, context).spec,
      adjoints: spec.required("adjoints", readStringList),
    }),
  ],
};

export const graphKind: PartKind = {
  keys: ["network", "nodes"],
  compile(spec, common, context) {
    const nodes = spec.optional("nodes", readStringList);
    const network = networkOf(spec, context);
    const partSpec: GraphPartSpec = {
      network: network.spec,
      ...(nodes === undefined ? {} : { nodes }),
    };
    return withCommon(
      compiling(spec.path, network, () => graphParts(partSpec, spec.path)),
      common,
    );
  },
  template(spec, _parts, context) {
    const nodes = spec.optional("nodes", readStringList);
    const lines = graphTemplateLines({
      network: networkOf(spec, context).spec,
      ...(nodes === undefined ? {} : { nodes }),
    });
    // The kind's lines start with their own `edges:`; the template nests them under the field.
    return lines.filter((line) => line !== "edges:").map((line) => line.replace(/^ {2}/, ""));
  },
};
