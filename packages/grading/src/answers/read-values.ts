import { evaluateConstant, type NumericArray } from "../math/constant.js";
import { describeMathError } from "../math/math-error.js";
import { parseMath } from "../math/parse-math.js";
import { type AnswerValue, describeValue } from "./answer-value.js";
import { FILE_LIMITS } from "./limits.js";

/** The outcome of reading one field of an answer: a value, or what is wrong with it. */
export type Read<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

export function readFailure(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/**
 * A number, list or matrix: YAML numbers and lists, or text such as `1/2`, `[[1, 2], [3, 4]]` or
 * `2\begin{pmatrix}1 & 0\end{pmatrix}`.
 */
export function readNumeric(value: AnswerValue, label: string): Read<NumericArray> {
  switch (value.type) {
    case "number":
      return Number.isFinite(value.value)
        ? { ok: true, value: { shape: [], data: [value.value] } }
        : readFailure(`${label} must be a finite number`);
    case "string":
      return readNumericText(value.value, label);
    case "list":
      return readNumericList(value.items, label);
    default:
      return readFailure(
        `${label} must be a number, a list or a matrix; found ${describeValue(value)}`,
      );
  }
}

function readNumericText(text: string, label: string): Read<NumericArray> {
  const parsed = parseMath(text, { symbols: [], kind: "tensor" });
  if (!parsed.ok) return readFailure(`${label}: ${describeMathError(parsed.error)}`);
  const value = evaluateConstant(parsed.expr);
  if (!value.ok) return readFailure(`${label}: ${value.message}`);
  if (value.value.data.some((x) => !Number.isFinite(x)))
    return readFailure(`${label} must be finite`);
  return value;
}

function readNumericList(items: readonly AnswerValue[], label: string): Read<NumericArray> {
  if (items.length === 0) return readFailure(`${label} is an empty list`);
  if (items.length > FILE_LIMITS.maxEntries) {
    return readFailure(`${label} has more than ${FILE_LIMITS.maxEntries} entries`);
  }
  const rows: NumericArray[] = [];
  for (const [index, item] of items.entries()) {
    const row = readNumeric(item, `${label}[${index + 1}]`);
    if (!row.ok) return row;
    rows.push(row.value);
  }
  const inner = rows[0]!.shape;
  if (inner.length > 1) return readFailure(`${label} has more than two dimensions`);
  if (rows.some((row) => row.shape.length !== inner.length || row.shape[0] !== inner[0])) {
    return readFailure(`${label}: the rows have different lengths`);
  }
  const shape = [rows.length, ...inner];
  if (shape.reduce((a, b) => a * b, 1) > FILE_LIMITS.maxEntries) {
    return readFailure(`${label} has more than ${FILE_LIMITS.maxEntries} entries`);
  }
  return { ok: true, value: { shape, data: rows.flatMap((row) => row.data) } };
}

/** Text; a number is accepted as its decimal text (a formula such as `6` may be read as a number). */
export function readText(value: AnswerValue, label: string): Read<string> {
  if (value.type === "string") return { ok: true, value: value.value };
  if (value.type === "number") return { ok: true, value: String(value.value) };
  return readFailure(`${label} must be text; found ${describeValue(value)}`);
}

/** yes/no, true/false. */
export function readYesNo(value: AnswerValue, label: string): Read<boolean> {
  if (value.type === "boolean") return { ok: true, value: value.value };
  if (value.type === "string") {
    const word = value.value.trim().toLowerCase();
    if (["yes", "y", "true"].includes(word)) return { ok: true, value: true };
    if (["no", "n", "false"].includes(word)) return { ok: true, value: false };
  }
  return readFailure(`${label} must be yes or no; found ${describeValue(value)}`);
}

/** The mapping an answer is made of, keyed by field name. */
export function readMapping(
  value: AnswerValue,
  label: string,
): Read<ReadonlyMap<string, AnswerValue>> {
  if (value.type === "map") return { ok: true, value: value.entries };
  return readFailure(`${label} must be a mapping of fields; found ${describeValue(value)}`);
}

/** A field that must be present. */
export function requireField(
  fields: ReadonlyMap<string, AnswerValue>,
  key: string,
  label: string,
): Read<AnswerValue> {
  const value = fields.get(key);
  if (value === undefined || value.type === "null")
    return readFailure(`${label} is missing '${key}'`);
  return { ok: true, value };
}
