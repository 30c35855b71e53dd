// The Threshold lab's state and every change to it, as pure functions (the view only draws the
// state and carries out the effects a key asks for: verifying in a worker, writing the file).
import { thresholdQuestions as homework } from "@nnkit/grading";
import type { Network } from "@nnkit/threshold";
import type { Key } from "ink";
import { editLine, type LineState, lineAt } from "../../components/line-edit.js";
import {
  addUnit,
  buildNetwork,
  insertLayer,
  type NetworkDraft,
  removeLayer,
  removeUnit,
  setActivation,
  setCell,
  zeroDraft,
} from "./draft.js";
import { type Read, readActivation, readInput, readRange, readWeight } from "./lab-fields.js";
import type { QuestionId, VerificationOutcome } from "./verification.js";

export const labQuestions: Record<
  QuestionId,
  { title: string; start: NetworkDraft; input: string }
> = {
  "1.1": { title: "x4 ∈ {x1, x2, x3}", start: zeroDraft(4, [3, 1]), input: "1 2 3 2" },
  "1.2": {
    title: "(x4, x5, x6) is a permutation of (x1, x2, x3)",
    start: zeroDraft(6, [6, 1]),
    input: "1 2 3 3 1 2",
  },
};

export type Field = "cell" | "activation" | "input" | "range";

export interface Editing {
  field: Field;
  line: LineState;
}

export type VerificationState =
  | { kind: "idle" }
  | { kind: "running"; visited: number; total: number }
  | { kind: "done"; outcome: VerificationOutcome; step: number };

interface History {
  past: NetworkDraft[];
  future: NetworkDraft[];
}

type PerQuestion<T> = Record<QuestionId, T>;

export interface LabState {
  question: QuestionId;
  drafts: PerQuestion<NetworkDraft>;
  /** Each question's network in the answer file, when the file has one that can be used. */
  fileDrafts: Partial<PerQuestion<NetworkDraft>>;
  history: PerQuestion<History>;
  inputs: PerQuestion<string>;
  range: { lo: number; hi: number };
  layer: number;
  cursor: { unit: number; column: number };
  editing: Editing | undefined;
  verification: VerificationState;
  /** The outcome of the last write or reset, for one line under the title. */
  notice: string | undefined;
}

/** What a key asks the view to do besides showing the new state. */
export type LabEffect =
  | { kind: "verify"; question: QuestionId; network: Network; lo: number; hi: number }
  | { kind: "stop-verifying" }
  | { kind: "write"; question: QuestionId; draft: NetworkDraft };

export type KeyOutcome =
  | { consumed: false }
  | { consumed: true; state: LabState; effects: LabEffect[] };

export function initialLabState(fileDrafts: Partial<PerQuestion<NetworkDraft>> = {}): LabState {
  return {
    question: "1.1",
    drafts: {
      "1.1": fileDrafts["1.1"] ?? labQuestions["1.1"].start,
      "1.2": fileDrafts["1.2"] ?? labQuestions["1.2"].start,
    },
    fileDrafts,
    history: { "1.1": { past: [], future: [] }, "1.2": { past: [], future: [] } },
    inputs: { "1.1": labQuestions["1.1"].input, "1.2": labQuestions["1.2"].input },
    range: { lo: -4, hi: 4 },
    layer: 0,
    cursor: { unit: 0, column: 0 },
    editing: undefined,
    verification: { kind: "idle" },
    notice: undefined,
  };
}

export function sameDraft(a: NetworkDraft | undefined, b: NetworkDraft | undefined): boolean {
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** The question's draft differs from what the lab started it from (the file's, or zeros). */
export function isEdited(state: LabState, question: QuestionId): boolean {
  const base = state.fileDrafts[question] ?? labQuestions[question].start;
  return !sameDraft(state.drafts[question], base);
}

export function readField(field: Field, text: string, arity: number): Read<unknown> {
  switch (field) {
    case "cell":
      return readWeight(text);
    case "activation":
      return readActivation(text);
    case "input":
      return readInput(text, arity);
    case "range":
      return readRange(text);
  }
}

/** The layer and cursor moved to (`layer`, `unit`, `column`), kept inside the current draft. */
function moveTo(state: LabState, layer: number, unit: number, column: number): LabState {
  const draft = state.drafts[state.question];
  const l = Math.max(0, Math.min(draft.layers.length - 1, layer));
  const units = draft.layers[l]!.weights.length;
  const columns = draft.layers[l]!.weights[0]!.length + 1;
  return {
    ...state,
    layer: l,
    cursor: {
      unit: Math.max(0, Math.min(units - 1, unit)),
      column: Math.max(0, Math.min(columns - 1, column)),
    },
  };
}

/** The current question's draft replaced (undoably); a running verification is stopped. */
function changeDraft(
  state: LabState,
  next: NetworkDraft,
  notice?: string,
): { state: LabState; effects: LabEffect[] } {
  const q = state.question;
  const current = state.drafts[q];
  if (sameDraft(current, next)) return { state, effects: [] };
  const history = { past: [...state.history[q].past, current], future: [] };
  return withDraft(state, next, history, notice);
}

function withDraft(
  state: LabState,
  next: NetworkDraft,
  history: History,
  notice: string | undefined,
): { state: LabState; effects: LabEffect[] } {
  const q = state.question;
  const changed: LabState = {
    ...state,
    drafts: { ...state.drafts, [q]: next },
    history: { ...state.history, [q]: history },
    verification: { kind: "idle" },
    notice,
  };
  const effects: LabEffect[] =
    state.verification.kind === "running" ? [{ kind: "stop-verifying" }] : [];
  return { state: moveTo(changed, state.layer, state.cursor.unit, state.cursor.column), effects };
}

function undo(state: LabState, redo: boolean): { state: LabState; effects: LabEffect[] } {
  const q = state.question;
  const { past, future } = state.history[q];
  const from = redo ? future : past;
  const target = from.at(-1);
  if (target === undefined)
    return {
      state: { ...state, notice: redo ? "nothing to redo" : "nothing to undo" },
      effects: [],
    };
  const current = state.drafts[q];
  const history = redo
    ? { past: [...past, current], future: future.slice(0, -1) }
    : { past: past.slice(0, -1), future: [...future, current] };
  return withDraft(state, target, history, redo ? "redone" : "undone");
}

function editKey(state: LabState, input: string, key: Key, active: Editing) {
  const arity = state.drafts[state.question].inputs;
  if (key.escape) return { state: { ...state, editing: undefined }, effects: [] };
  if (!key.return) {
    return {
      state: { ...state, editing: { ...active, line: editLine(active.line, input, key) } },
      effects: [],
    };
  }
  if (!readField(active.field, active.line.text, arity).ok) return { state, effects: [] };
  const text = active.line.text;
  const closed = { ...state, editing: undefined };
  const draft = state.drafts[state.question];
  switch (active.field) {
    case "cell":
      return changeDraft(
        closed,
        setCell(draft, state.layer, state.cursor.unit, state.cursor.column, text.trim()),
      );
    case "activation":
      return changeDraft(
        closed,
        setActivation(draft, state.layer, text.trim().split(/\s+/).join(" ")),
      );
    case "input":
      return {
        state: { ...closed, inputs: { ...state.inputs, [state.question]: text } },
        effects: [],
      };
    case "range": {
      const read = readRange(text);
      return { state: read.ok ? { ...closed, range: read.value } : closed, effects: [] };
    }
  }
}

function gridKey(
  state: LabState,
  input: string,
  key: Key,
): { state: LabState; effects: LabEffect[] } | undefined {
  const { layer, cursor, question } = state;
  const draft = state.drafts[question];
  const current = draft.layers[layer]!;
  const fanIn = current.weights[0]!.length;
  const stay = (next: LabState) => ({ state: next, effects: [] as LabEffect[] });
  const running = state.verification.kind === "running";
  if (key.tab) {
    const next: LabState = {
      ...state,
      question: question === "1.1" ? "1.2" : "1.1",
      layer: 0,
      cursor: { unit: 0, column: 0 },
      verification: { kind: "idle" },
      notice: undefined,
    };
    return { state: next, effects: running ? [{ kind: "stop-verifying" }] : [] };
  }
  if (key.upArrow) return stay(moveTo(state, layer, cursor.unit - 1, cursor.column));
  if (key.downArrow) return stay(moveTo(state, layer, cursor.unit + 1, cursor.column));
  if (key.leftArrow) return stay(moveTo(state, layer, cursor.unit, cursor.column - 1));
  if (key.rightArrow) return stay(moveTo(state, layer, cursor.unit, cursor.column + 1));
  if (key.pageUp) return stay(moveTo(state, layer - 1, cursor.unit, cursor.column));
  if (key.pageDown) return stay(moveTo(state, layer + 1, cursor.unit, cursor.column));
  const edit = (field: Field, text: string) =>
    stay({ ...state, editing: { field, line: lineAt(text) } });
  if (key.return) {
    const stored =
      cursor.column === fanIn
        ? current.bias[cursor.unit]!
        : current.weights[cursor.unit]![cursor.column]!;
    return edit("cell", stored);
  }
  if (/^[0-9-]$/.test(input)) return edit("cell", input);
  if (input === "a") return edit("activation", current.activation);
  if (input === "i") return edit("input", state.inputs[question]);
  if (input === "r") return edit("range", `${state.range.lo}..${state.range.hi}`);
  if (input === "o") {
    const changed = changeDraft(state, addUnit(draft, layer, cursor.unit));
    return { ...changed, state: moveTo(changed.state, layer, cursor.unit + 1, cursor.column) };
  }
  if (input === "d") return changeDraft(state, removeUnit(draft, layer, cursor.unit));
  if (input === "L") {
    const changed = changeDraft(state, insertLayer(draft, layer));
    return { ...changed, state: moveTo(changed.state, layer + 1, 0, 0) };
  }
  if (input === "D") {
    const changed = changeDraft(state, removeLayer(draft, layer));
    return { ...changed, state: moveTo(changed.state, layer, 0, 0) };
  }
  if (input === "u") return undo(state, false);
  if (input === "U") return undo(state, true);
  if (input === "R") {
    const file = state.fileDrafts[question];
    if (file === undefined)
      return stay({ ...state, notice: "no network in the answer file to reset to" });
    return changeDraft(state, file, "reset to the network in the answer file (u undoes)");
  }
  if (input === "w") return { state, effects: [{ kind: "write", question, draft }] };
  if (input === "v") {
    const built = buildNetwork(draft);
    if (!built.ok) return stay(state);
    const total = homework[question].domain(state.range.lo, state.range.hi).size;
    return {
      state: { ...state, verification: { kind: "running", visited: 0, total } },
      effects: [
        ...(running ? [{ kind: "stop-verifying" } as const] : []),
        { kind: "verify", question, network: built.network, ...state.range },
      ],
    };
  }
  if (input === "x" && running) {
    return {
      state: { ...state, verification: { kind: "idle" } },
      effects: [{ kind: "stop-verifying" }],
    };
  }
  if ((input === "s" || input === "S") && state.verification.kind === "done") {
    const v = state.verification;
    if (v.outcome.status !== "fail") return stay(state);
    const count = v.outcome.counterexample.layers.length;
    const step = (v.step + (input === "s" ? 1 : -1) + count) % count;
    return stay({ ...state, verification: { ...v, step } });
  }
  return undefined;
}

/** A key pressed in the lab. While a field is edited every key belongs to it, q and Esc included. */
export function labKey(state: LabState, input: string, key: Key): KeyOutcome {
  const outcome = state.editing
    ? editKey(state, input, key, state.editing)
    : gridKey(state, input, key);
  return outcome === undefined ? { consumed: false } : { consumed: true, ...outcome };
}

export type LabEvent =
  | { kind: "progress"; visited: number }
  | { kind: "verified"; outcome: VerificationOutcome }
  | { kind: "written"; question: QuestionId; path: string }
  | { kind: "not-written"; reason: string }
  /** The answer file's networks changed (a write, an edit on the Answers screen, another file). */
  | { kind: "file"; fileDrafts: Partial<PerQuestion<NetworkDraft>> };

export function labEvent(state: LabState, event: LabEvent): LabState {
  switch (event.kind) {
    case "progress":
      return state.verification.kind === "running"
        ? { ...state, verification: { ...state.verification, visited: event.visited } }
        : state;
    case "verified":
      return { ...state, verification: { kind: "done", outcome: event.outcome, step: 0 } };
    case "written":
      return {
        ...state,
        notice: `your ${event.question} network is in your answers; s on the Answers screen saves ${event.path}`,
      };
    case "not-written":
      return { ...state, notice: `not written: ${event.reason}` };
    case "file": {
      // A question the student has not edited follows the file; an edited one stays as it is.
      const drafts = { ...state.drafts };
      for (const q of ["1.1", "1.2"] as const) {
        const next = event.fileDrafts[q];
        if (next !== undefined && !isEdited(state, q)) drafts[q] = next;
      }
      const updated = { ...state, drafts, fileDrafts: event.fileDrafts };
      return moveTo(updated, state.layer, state.cursor.unit, state.cursor.column);
    }
  }
}
