// Writing the lab's network into the answer file: 1.1 as `W1, b1, W2, b2` (and `activation`,
// added when the file has none, when it is not the handout's φ), 1.2 as `layers: [{W, b, activation}, …]`, the forms the
// grader reads. Only the values written change: every other byte of the file (comments, quoting,
// layout, other answers) stays as it was, since the new values are spliced into the text at the
// old values' positions.
import { isMap, isNode, type Node, parseDocument, stringify, type YAMLMap } from "yaml";
import { type DraftLayer, defaultActivation, type NetworkDraft } from "./draft.js";
import type { QuestionId } from "./verification.js";

export type Written = { ok: true; text: string } | { ok: false; reason: string };

/** A weight as YAML: a plain number when it is one, else quoted text (e.g. "1/2"). */
function weightText(cell: string): string {
  return /^-?\d+(\.\d+)?$/.test(cell) ? String(Number(cell)) : JSON.stringify(cell);
}

function rowText(row: readonly string[]): string {
  return `[${row.map(weightText).join(", ")}]`;
}

function scalarText(value: string): string {
  return stringify(value).trimEnd();
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Where a node's value is in the text, and the column it starts at. */
function rangeOf(text: string, node: Node): { start: number; end: number; column: number } {
  const [start, valueEnd] = node.range ?? [0, 0];
  // A block value's range takes in the line break (and blank lines) after it: those stay.
  const end = start + text.slice(start, valueEnd).trimEnd().length;
  return { start, end, column: start - (text.lastIndexOf("\n", start - 1) + 1) };
}

function applySplices(text: string, splices: readonly Splice[]): string {
  return [...splices]
    .sort((a, b) => b.start - a.start)
    .reduce((out, s) => out.slice(0, s.start) + s.text + out.slice(s.end), text);
}

/** 1.2's layers as a block list, its lines after the first indented to `column`. */
function layersText(layers: readonly DraftLayer[], column: number): string {
  const pad = " ".repeat(column);
  return layers
    .map((layer, i) => {
      const rows = layer.weights.map((row) => `${pad}    - ${rowText(row)}`).join("\n");
      return [
        `${i === 0 ? "" : pad}- W:`,
        rows,
        `${pad}  b: ${rowText(layer.bias)}`,
        `${pad}  activation: ${scalarText(layer.activation)}`,
      ].join("\n");
    })
    .join("\n");
}

/**
 * A new `key: value` entry after a map's last one: on a line of its own at the keys' indentation
 * in a block map (after the last line's comment, if any), after a comma in a flow map.
 */
function addedEntry(text: string, map: YAMLMap, entry: string): Splice | undefined {
  const last = map.items.at(-1);
  if (last === undefined || !isNode(last.key) || !isNode(last.value)) return undefined;
  const valueEnd = rangeOf(text, last.value).end;
  if (map.flow) return { start: valueEnd, end: valueEnd, text: `, ${entry}` };
  const lineEnd = text.indexOf("\n", valueEnd);
  const at = lineEnd < 0 ? text.length : lineEnd;
  const pad = " ".repeat(rangeOf(text, last.key).column);
  return { start: at, end: at, text: `\n${pad}${entry}` };
}

/** The answer file with `question`'s network replaced by the draft's, or why it cannot be. */
export function writeNetwork(fileText: string, question: QuestionId, draft: NetworkDraft): Written {
  const document = parseDocument(fileText, { keepSourceTokens: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      reason: `the answer file is not valid YAML: ${document.errors[0]!.message}`,
    };
  }
  const answer = document.getIn(["answers", `q${question}`], true);
  if (!isMap(answer)) {
    return { ok: false, reason: `the answer file has no q${question} answer to write into` };
  }
  const value = (key: string) => {
    const node = answer.get(key, true);
    return isNode(node) ? node : undefined;
  };
  const splices: Splice[] = [];
  if (question === "1.2") {
    const layers = value("layers");
    if (layers === undefined) return { ok: false, reason: "q1.2 has no 'layers' to write into" };
    const at = rangeOf(fileText, layers);
    splices.push({ ...at, text: layersText(draft.layers, at.column) });
    return { ok: true, text: applySplices(fileText, splices) };
  }
  const [hidden, output] = draft.layers;
  if (draft.layers.length !== 2 || hidden === undefined || output === undefined) {
    return {
      ok: false,
      reason: "1.1's answer holds one hidden layer and an output layer (W1, b1, W2, b2)",
    };
  }
  if (hidden.activation !== output.activation) {
    return { ok: false, reason: "1.1's answer has one activation for both layers" };
  }
  const fields: [string, string][] = [
    ["W1", `[${hidden.weights.map(rowText).join(", ")}]`],
    ["b1", rowText(hidden.bias)],
    ["W2", `[${output.weights.map(rowText).join(", ")}]`],
    ["b2", output.bias.length === 1 ? weightText(output.bias[0]!) : rowText(output.bias)],
  ];
  const activation = value("activation");
  if (activation !== undefined) fields.push(["activation", scalarText(hidden.activation)]);
  else if (hidden.activation !== defaultActivation) {
    const added = addedEntry(fileText, answer, `activation: ${scalarText(hidden.activation)}`);
    if (added === undefined)
      return { ok: false, reason: "q1.1 has no entries to add 'activation' after" };
    splices.push(added);
  }
  for (const [key, text] of fields) {
    const node = value(key);
    if (node === undefined) return { ok: false, reason: `q1.1 has no '${key}' to write into` };
    splices.push({ ...rangeOf(fileText, node), text });
  }
  return { ok: true, text: applySplices(fileText, splices) };
}
