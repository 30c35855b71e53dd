// The answer file as the Answers screen edits it: YAML text whose answer fields are listed and
// replaced one at a time, keeping the file's comments and layout everywhere else.
import { isCollection, isMap, isScalar, parseDocument, Document as YamlDocument } from "yaml";
import type { FieldError } from "../components/TextField.js";

/** One editable answer: a leaf under `answers:` (a formula, a number, a list or a matrix). */
export interface AnswerField {
  /** Path from the document root, e.g. ["answers", "q2.4", "reverse", "multiplications"]. */
  path: string[];
  /** The question id, e.g. "q2.4". */
  question: string;
  /** Dotted path inside the question, e.g. "reverse.multiplications" ("" for the whole answer). */
  field: string;
  /** The value as one line of text: plain text for text values, flow YAML for data. */
  text: string;
  /** Text values are typed as-is; data (numbers, lists, yes/no) is read as YAML. */
  kind: "text" | "data";
}

/** Newlines of multi-line text are shown, and typed, as this character. */
export const newlineMark = "↵";

function flowText(value: unknown): string {
  return new YamlDocument(value).toString({ collectionStyle: "flow", lineWidth: 0 }).trim();
}

function leafFields(node: unknown, path: string[], out: AnswerField[]): void {
  const [, question = "", ...inner] = path;
  const base = { path, question, field: inner.join(".") };
  if (isScalar(node) && typeof node.value === "string") {
    out.push({ ...base, text: node.value.replaceAll("\n", newlineMark), kind: "text" });
  } else if (isMap(node)) {
    for (const pair of node.items as { key: unknown; value: unknown }[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      leafFields(pair.value, [...path, key], out);
    }
  } else {
    const json = isScalar(node) || isCollection(node) ? node.toJSON() : null;
    out.push({ ...base, text: flowText(json), kind: "data" });
  }
}

/**
 * Every answer field of the file in file order; none when the text is not a YAML mapping or its
 * `answers` is not a mapping of question ids (the self-check says why).
 */
export function answerFields(text: string): AnswerField[] {
  const document = parseDocument(text);
  const answers = document.get("answers", true);
  const fields: AnswerField[] = [];
  if (!isMap(answers)) return fields;
  for (const pair of answers.items as { key: unknown; value: unknown }[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    leafFields(pair.value, ["answers", key], fields);
  }
  return fields;
}

export type Replaced = { ok: true; text: string } | { ok: false; error: FieldError };

/** The file with one field's value replaced by what the student typed. */
export function replaceField(text: string, field: AnswerField, typed: string): Replaced {
  const document = parseDocument(text);
  const previous = document.getIn(field.path, true);
  let value: unknown;
  if (field.kind === "text") value = typed.replaceAll(newlineMark, "\n");
  else {
    const parsed = parseDocument(typed);
    const [error] = parsed.errors;
    if (error) {
      return {
        ok: false,
        error: { position: error.pos[0], message: error.message.split("\n")[0]! },
      };
    }
    value = parsed.toJS();
  }
  const node = document.createNode(value);
  if (isCollection(node)) node.flow = true;
  if ((isScalar(previous) || isCollection(previous)) && previous.comment) {
    node.comment = previous.comment;
  }
  document.setIn(field.path, node);
  return { ok: true, text: document.toString({ lineWidth: 0 }) };
}

/** The student block of the file, for the title line. */
export function studentOf(text: string): { id: string; name: string } {
  const document = parseDocument(text);
  return {
    id: String(document.getIn(["student", "id"]) ?? ""),
    name: String(document.getIn(["student", "name"]) ?? ""),
  };
}
