import {
  Composer,
  type Document,
  type DocumentOptions,
  isScalar,
  LineCounter,
  type ParseOptions,
  Parser,
  parseDocument,
  visit,
} from "yaml";
import { type AnswerValue, describeValue } from "./answer-value.js";
import { FILE_LIMITS } from "./limits.js";
import { nestsDeeperThan } from "./yaml-nesting.js";

export interface AnswerFile {
  /** The `assignment:` the file names, if any. */
  readonly assignment: string | undefined;
  readonly student: { readonly id: string; readonly name: string };
  /** Answers keyed by question id (`q1.1`, …). */
  readonly answers: ReadonlyMap<string, AnswerValue>;
}

export type AnswerFileResult =
  | { readonly ok: true; readonly file: AnswerFile }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads an answer file (YAML, or JSON which YAML accepts) into validated data. Never throws: every
 * problem, including hostile input (alias bombs, huge or deeply nested files), becomes a reason.
 */
export function parseAnswerFile(text: string): AnswerFileResult {
  if (typeof text !== "string") return { ok: false, reason: "the answer file is not text" };
  if (text.length > FILE_LIMITS.maxCharacters) {
    return {
      ok: false,
      reason: `the answer file has ${text.length} characters; at most ${FILE_LIMITS.maxCharacters} are accepted`,
    };
  }
  const data = readYaml(text);
  return data.ok ? readTopLevel(data.value) : data;
}

const TOO_DEEP = `the answer file is nested deeper than ${FILE_LIMITS.maxDepth} levels`;

// yaml's own unique-key check compares each key with every earlier one: quadratic in a mapping.
const YAML_OPTIONS: ParseOptions & DocumentOptions = { uniqueKeys: false, strict: true };

/**
 * The file's one document, parsed once: the syntax tree is checked for depth before the document
 * is built from it (building recurses once per level). "too deep" past the depth limit;
 * undefined if the file is not one valid YAML document.
 */
function composeDocument(
  text: string,
  lineCounter: LineCounter,
): Document | "too deep" | undefined {
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  if (nestsDeeperThan(tokens, FILE_LIMITS.maxDepth)) return "too deep";
  const documents = new Composer(YAML_OPTIONS).compose(tokens, true, text.length);
  const first = documents.next();
  if (first.done || first.value.errors.length > 0 || !documents.next().done) return undefined;
  return first.value;
}

/** Why `text` is not valid YAML, in yaml's words with the line and column (a rare, second parse). */
function yamlError(text: string): string {
  const lineCounter = new LineCounter();
  const [error] = parseDocument(text, { ...YAML_OPTIONS, prettyErrors: true, lineCounter }).errors;
  return firstLine(error?.message ?? "it does not parse");
}

function readYaml(text: string): { ok: true; value: AnswerValue } | { ok: false; reason: string } {
  try {
    const lineCounter = new LineCounter();
    const document = composeDocument(text, lineCounter);
    if (document === "too deep") return { ok: false, reason: TOO_DEEP };
    if (document === undefined) {
      return { ok: false, reason: `the answer file is not valid YAML: ${yamlError(text)}` };
    }
    const duplicate = firstDuplicateKey(document, lineCounter);
    if (duplicate) return { ok: false, reason: `the answer file is not valid YAML: ${duplicate}` };
    const js: unknown = document.toJS({ mapAsMap: true, maxAliasCount: FILE_LIMITS.maxAliasCount });
    return toAnswerValue(js, { remaining: FILE_LIMITS.maxValues }, 0);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `the answer file cannot be read: ${firstLine(message)}` };
  }
}

/** The first key that a mapping repeats, with its line; one set per mapping, so linear time. */
function firstDuplicateKey(document: Document, lines: LineCounter): string | undefined {
  let found: string | undefined;
  visit(document, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        const name = String(key.value);
        if (seen.has(name)) {
          const line = key.range ? ` (line ${lines.linePos(key.range[0]).line})` : "";
          found = `the key '${name.slice(0, 60)}' appears twice in one mapping${line}`;
          return visit.BREAK;
        }
        seen.add(name);
      }
      return undefined;
    },
  });
  return found;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}

type Converted = { ok: true; value: AnswerValue } | { ok: false; reason: string };

/** Converts yaml's JS output, counting values so that shared (aliased) subtrees cannot explode. */
function toAnswerValue(js: unknown, budget: { remaining: number }, depth: number): Converted {
  budget.remaining--;
  if (budget.remaining < 0) {
    return { ok: false, reason: `the answer file holds more than ${FILE_LIMITS.maxValues} values` };
  }
  if (depth > FILE_LIMITS.maxDepth) return { ok: false, reason: TOO_DEEP };
  if (js === null || js === undefined) return { ok: true, value: { type: "null" } };
  if (typeof js === "string") return { ok: true, value: { type: "string", value: js } };
  if (typeof js === "number") return { ok: true, value: { type: "number", value: js } };
  if (typeof js === "bigint") return { ok: true, value: { type: "number", value: Number(js) } };
  if (typeof js === "boolean") return { ok: true, value: { type: "boolean", value: js } };
  if (Array.isArray(js)) {
    const items: AnswerValue[] = [];
    for (const item of js) {
      const converted = toAnswerValue(item, budget, depth + 1);
      if (!converted.ok) return converted;
      items.push(converted.value);
    }
    return { ok: true, value: { type: "list", items } };
  }
  if (js instanceof Map) {
    const entries = new Map<string, AnswerValue>();
    for (const [key, item] of js) {
      if (typeof key === "object" && key !== null) {
        return { ok: false, reason: "the answer file uses a mapping or list as a key" };
      }
      const converted = toAnswerValue(item, budget, depth + 1);
      if (!converted.ok) return converted;
      entries.set(String(key), converted.value);
    }
    return { ok: true, value: { type: "map", entries } };
  }
  return { ok: false, reason: "the answer file contains a value of an unsupported type" };
}

function readTopLevel(root: AnswerValue): AnswerFileResult {
  if (root.type !== "map") {
    return {
      ok: false,
      reason: `the answer file must be a mapping with assignment, student and answers; found ${describeValue(root)}`,
    };
  }
  const assignment = root.entries.get("assignment");
  if (assignment !== undefined && assignment.type !== "string") {
    return {
      ok: false,
      reason: `'assignment' must be text such as hw1; found ${describeValue(assignment)}`,
    };
  }
  const student = readStudent(root.entries.get("student"));
  if (!student.ok) return student;
  const answers = root.entries.get("answers");
  if (answers === undefined || answers.type === "null") {
    return { ok: false, reason: "the answer file has no 'answers' mapping" };
  }
  if (answers.type !== "map") {
    return {
      ok: false,
      reason: `'answers' must be a mapping keyed by question id; found ${describeValue(answers)}`,
    };
  }
  return {
    ok: true,
    file: { assignment: assignment?.value, student: student.value, answers: answers.entries },
  };
}

function readStudent(
  value: AnswerValue | undefined,
): { ok: true; value: AnswerFile["student"] } | { ok: false; reason: string } {
  if (value === undefined || value.type !== "map") {
    return { ok: false, reason: "the answer file needs 'student: {id, name}'" };
  }
  const id = value.entries.get("id");
  const name = value.entries.get("name");
  const idText =
    id?.type === "string"
      ? id.value
      : id?.type === "number" && Number.isSafeInteger(id.value)
        ? String(id.value)
        : undefined;
  if (idText === undefined || idText.trim() === "") {
    return { ok: false, reason: "'student.id' must be non-empty text" };
  }
  if (name !== undefined && name.type !== "string") {
    return { ok: false, reason: `'student.name' must be text; found ${describeValue(name)}` };
  }
  return { ok: true, value: { id: idText.trim(), name: name?.value.trim() ?? "" } };
}
