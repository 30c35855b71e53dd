// A question of the assignment format, from plain data: its id, title, points, conventions and
// template, and parts of the kinds in kinds/ (or one part inline, with `kind:` on the question).

import { isThresholdCheck } from "../checkers/threshold-check.js";
import { EquationError } from "../network/equation-error.js";
import { checkParts, type Part, type Question, type VariantVariable } from "./assignment.js";
import type { NetworkSpec } from "./backprop-spec.js";
import { answerValueOf } from "./kinds/answer-data.js";
import type { CommonPart, KindContext } from "./kinds/kind.js";
import { PART_KINDS } from "./kinds/registry.js";
import { AssignmentSpecError, type SpecPath } from "./spec-error.js";
import { questionTemplate } from "./template-lines.js";
import {
  fail,
  listOf,
  oneOf,
  readMapping,
  readNonEmptyString,
  readNonNegative,
  readPositive,
  readString,
  SpecObject,
} from "./yaml/schema.js";

const QUESTION_KEYS = ["id", "title", "points", "conventions", "template", "parts"] as const;
const COMMON_PART_KEYS = ["kind", "field", "label", "weight", "visibility", "solution"] as const;

export type QuestionContext = Omit<KindContext, "question" | "conventions" | "siblings"> & {
  /** Compile the parts on first use (see CompileOptions.lazyParts), for this assignment id. */
  readonly lazyParts?: { readonly assignment: unknown };
};

/** The question at `path`; any mistake is an AssignmentSpecError naming the question's id. */
export function compileQuestion(
  value: unknown,
  path: SpecPath,
  context: QuestionContext,
): Question {
  const data = readMapping(value, path);
  const id = typeof data.id === "string" ? data.id : undefined;
  try {
    return readQuestion(data, path, context);
  } catch (error) {
    if (error instanceof AssignmentSpecError && error.question === undefined && id !== undefined)
      throw inQuestion(error, id);
    throw error;
  }
}

/** The same mistake, named with its question (an equation's keeps its place in the text). */
function inQuestion(error: AssignmentSpecError, id: string): AssignmentSpecError {
  return error instanceof EquationError
    ? new EquationError(error.path, "equation", error.problem, {
        line: error.equationLine,
        column: error.equationColumn,
        equation: error.equation,
        question: id,
      })
    : new AssignmentSpecError(error.path, error.code, error.detail, {
        location: error.location,
        question: id,
      });
}

function readQuestion(
  data: Readonly<Record<string, unknown>>,
  path: SpecPath,
  context: QuestionContext,
): Question {
  // A question with `kind:` is one part written inline, its keys beside the question's.
  const inline = Object.hasOwn(data, "kind");
  const kindKeys = inline ? kindOf(data.kind, [...path, "kind"]).keys : [];
  const spec = SpecObject.read(
    data,
    path,
    inline
      ? [...QUESTION_KEYS.filter((k) => k !== "parts"), ...COMMON_PART_KEYS, ...kindKeys]
      : QUESTION_KEYS,
  );
  const id = spec.required("id", readNonEmptyString);
  const conventions = spec.optional("conventions", listOf(readNonEmptyString, { nonEmpty: true }));
  const partSpecs = inline
    ? [partSpec(data, path, QUESTION_KEYS)]
    : spec.required(
        "parts",
        listOf((v, p) => partSpec(v, p, []), { nonEmpty: true }),
      );
  const { lazyParts, ...shared } = context;
  const kindContext: KindContext = {
    ...shared,
    question: id,
    conventions,
    siblings: partSpecs,
  };
  const compileParts = () => {
    const compiled = partSpecs.map((part) => ({ part, parts: compilePart(part, kindContext) }));
    const parts: Part[] = compiled.flatMap((c) => c.parts);
    const fields = new Set<string>();
    for (const part of parts) {
      const key = part.field ?? "";
      if (fields.has(key) && key !== "")
        fail(path, `two parts read the field '${key}': give each its own 'field'`);
      fields.add(key);
    }
    return { compiled, parts };
  };
  const givenTemplate = spec.optional("template", readString);
  const header = {
    id,
    title: spec.required("title", readNonEmptyString),
    points: spec.required("points", readNonNegative),
  };
  const rest = {
    ...(conventions === undefined ? {} : { conventions: conventions as [string, ...string[]] }),
  };
  // A question without its own template needs its parts for one: compiled now.
  if (lazyParts === undefined || givenTemplate === undefined) {
    const { compiled, parts } = compileParts();
    const template = givenTemplate ?? questionTemplate(compiled, kindContext);
    return { ...header, parts, template: template.replace(/\n+$/, ""), ...rest };
  }
  let parts: readonly Part[] | undefined;
  const question: Question = {
    ...header,
    get parts() {
      if (parts === undefined) {
        parts = compileQuestionParts(id, compileParts);
        checkParts(String(lazyParts.assignment), { id, parts });
      }
      return parts;
    },
    template: givenTemplate.replace(/\n+$/, ""),
    ...rest,
  };
  return question;
}

/** A question's parts compiled late, their mistakes named with the question as at load time. */
function compileQuestionParts(id: string, compile: () => { parts: Part[] }): readonly Part[] {
  try {
    return compile().parts;
  } catch (error) {
    if (error instanceof AssignmentSpecError && error.question === undefined)
      throw inQuestion(error, id);
    throw error;
  }
}

/** A part's data, with the question's own keys left out of an inline part. */
function partSpec(value: unknown, path: SpecPath, questionKeys: readonly string[]): SpecObject {
  const data = readMapping(value, path);
  const kind = kindOf(data.kind, [...path, "kind"]);
  const own = Object.fromEntries(Object.entries(data).filter(([k]) => !questionKeys.includes(k)));
  return SpecObject.read(own, path, [...COMMON_PART_KEYS, ...kind.keys]);
}

function kindOf(value: unknown, path: SpecPath) {
  const name = readNonEmptyString(value, path);
  const kind = PART_KINDS[name];
  if (kind === undefined)
    fail(path, `unknown kind '${name}' (known: ${Object.keys(PART_KINDS).join(", ")})`);
  return kind;
}

function compilePart(spec: SpecObject, context: KindContext): Part[] {
  const kind = spec.required("kind", readNonEmptyString);
  const field = spec.optional("field", readNonEmptyString);
  const label = spec.optional("label", readNonEmptyString);
  const common: CommonPart = {
    kind,
    field,
    label,
    weight: spec.or("weight", readPositive, 1),
    visibility: spec.or("visibility", oneOf(["visible", "after_due_date", "hidden"]), "visible"),
  };
  const parts = PART_KINDS[kind]!.compile(spec, common, context);
  if (!spec.has("solution")) return parts;
  if (parts.length !== 1)
    fail(spec.pathOf("solution"), "this part gives several parts: a solution needs one part");
  const solution = answerValueOf(spec.data.solution, spec.pathOf("solution"));
  const [part] = parts;
  if (isThresholdCheck(part!.check)) {
    // A reference network must at least be a network of the question's shape.
    const read = part!.check.network(solution);
    if (!read.ok)
      fail(
        spec.pathOf("solution"),
        `the solution is not a network the question accepts: ${read.reason}`,
      );
  }
  return [{ ...part!, solution }];
}

/** A question as plain data: `parts:` or one part inline (`kind:` and its keys), see the README. */
export interface QuestionSpec {
  readonly id: string;
  readonly title: string;
  readonly points: number;
  readonly kind?: string;
  readonly parts?: readonly Readonly<Record<string, unknown>>[];
  readonly [key: string]: unknown;
}

/** What a question's parts may refer to outside it. */
export interface QuestionOptions {
  /** The assignment's variables, for numeric parts. */
  readonly variables?: readonly VariantVariable[];
  /** Named networks, for backprop and graph parts. */
  readonly networks?: Readonly<Record<string, NetworkSpec>>;
}

/**
 * A question from the same plain data a YAML assignment gives, for ES-module assignments:
 * `question({ id: "q1", title: "Cost", points: 1, kind: "cost", chain: "v v^T y", ... })`.
 * Throws an AssignmentSpecError naming the question and the key at fault.
 */
export function question(spec: QuestionSpec, options: QuestionOptions = {}): Question {
  const path = ["question"];
  return compileQuestion(spec, path, {
    variables: new Map((options.variables ?? []).map((v) => [v.name, v])),
    networks: new Map(
      Object.entries(options.networks ?? {}).map(([name, network]) => [
        name,
        { spec: network, path: ["networks", name] },
      ]),
    ),
  });
}
