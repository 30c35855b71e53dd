// Threshold lab (1.1, 1.2): edit a network's weights and biases in a grid, pick each layer's
// activation, evaluate an input layer by layer, and verify the network against the question's
// predicate (in a worker, with a progress bar), stepping through a counterexample's layers.
import { thresholdQuestions as homework } from "@nnkit/grading";
import { formatTrace, type Network, toJSON, trace } from "@nnkit/threshold";
import { Box, type Key, Text } from "ink";
import { useEffect, useRef, useState } from "react";
import type { KeyHelp } from "../../app/keys.js";
import { useScreenInput } from "../../app/navigation.js";
import { useTerminalSize } from "../../app/terminal-size.js";
import { ToneText } from "../../app/theme.js";
import { editLine, type LineState, lineAt } from "../../components/line-edit.js";
import { ProgressBar } from "../../components/ProgressBar.js";
import { TextField } from "../../components/TextField.js";
import { truncate } from "../../components/truncate.js";
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
import { NetworkGrid } from "./NetworkGrid.js";
import type { QuestionId, VerificationOutcome } from "./verification.js";
import { type RunningVerification, useVerifier } from "./verifier.js";

export const thresholdKeys: readonly KeyHelp[] = [
  { keys: "Tab", action: "switch question (1.1 element in list, 1.2 permutation)" },
  { keys: "arrows", action: "move in the grid" },
  { keys: "Enter, 0-9, -", action: "edit the cell (Enter keeps, Esc cancels)" },
  { keys: "PgUp PgDn", action: "previous / next layer" },
  { keys: "o / d", action: "add a unit after this row / delete this row's unit" },
  { keys: "L / D", action: "insert a layer after this one / delete this layer" },
  { keys: "a", action: "edit this layer's activation (one spec, or one per unit)" },
  { keys: "i", action: "type an input to evaluate" },
  { keys: "r", action: "set the verification range lo..hi" },
  { keys: "v / x", action: "verify against the question / stop verifying" },
  { keys: "s / S", action: "step through a counterexample's layers" },
];

const questions: Record<QuestionId, { title: string; start: NetworkDraft; input: string }> = {
  "1.1": { title: "x4 ∈ {x1, x2, x3}", start: zeroDraft(4, [3, 1]), input: "1 2 3 2" },
  "1.2": {
    title: "(x4, x5, x6) is a permutation of (x1, x2, x3)",
    start: zeroDraft(6, [6, 1]),
    input: "1 2 3 3 1 2",
  },
};

type Field = "cell" | "activation" | "input" | "range";

interface Editing {
  field: Field;
  line: LineState;
}

type VerificationState =
  | { kind: "idle" }
  | { kind: "running"; visited: number; total: number }
  | { kind: "done"; outcome: VerificationOutcome; step: number };

function readField(field: Field, text: string, arity: number): Read<unknown> {
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

/** Where a question's starting network came from, in one line. */
export interface LabOrigin {
  tone: "muted" | "warn";
  text: string;
}

interface ThresholdLabProps {
  /** Networks to start from, e.g. the student's saved answers. */
  initial?: Partial<Record<QuestionId, NetworkDraft>>;
  origins?: Partial<Record<QuestionId, LabOrigin>>;
}

export function ThresholdLab({ initial = {}, origins = {} }: ThresholdLabProps) {
  const { columns } = useTerminalSize();
  const verifier = useVerifier();
  const [question, setQuestion] = useState<QuestionId>("1.1");
  const [drafts, setDrafts] = useState<Record<QuestionId, NetworkDraft>>({
    "1.1": initial["1.1"] ?? questions["1.1"].start,
    "1.2": initial["1.2"] ?? questions["1.2"].start,
  });
  const [inputs, setInputs] = useState({
    "1.1": questions["1.1"].input,
    "1.2": questions["1.2"].input,
  });
  const [range, setRange] = useState({ lo: -4, hi: 4 });
  const [layer, setLayer] = useState(0);
  const [cursor, setCursor] = useState({ unit: 0, column: 0 });
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const [verification, setVerification] = useState<VerificationState>({ kind: "idle" });
  const running = useRef<RunningVerification | undefined>(undefined);

  const draft = drafts[question];
  const arity = draft.inputs;
  const current = draft.layers[Math.min(layer, draft.layers.length - 1)]!;
  const fanIn = current.weights[0]!.length;

  const stopVerifying = () => {
    running.current?.cancel();
    running.current = undefined;
  };
  // A verification still running when the lab closes is stopped with it.
  useEffect(() => () => running.current?.cancel(), []);

  const changeDraft = (next: NetworkDraft) => {
    stopVerifying();
    setVerification({ kind: "idle" });
    setDrafts((all) => ({ ...all, [question]: next }));
  };

  const moveTo = (nextLayer: number, unit: number, column: number, subject = draft) => {
    const l = Math.max(0, Math.min(subject.layers.length - 1, nextLayer));
    const units = subject.layers[l]!.weights.length;
    const columns = subject.layers[l]!.weights[0]!.length + 1;
    setLayer(l);
    setCursor({
      unit: Math.max(0, Math.min(units - 1, unit)),
      column: Math.max(0, Math.min(columns - 1, column)),
    });
  };

  const startVerification = (net: Network) => {
    stopVerifying();
    const total = homework[question].domain(range.lo, range.hi).size;
    setVerification({ kind: "running", visited: 0, total });
    const run = verifier(
      { question, network: toJSON(net), lo: range.lo, hi: range.hi },
      (progress) =>
        setVerification((v) => (v.kind === "running" ? { ...v, visited: progress.visited } : v)),
    );
    running.current = run;
    void run.done.then((outcome) => {
      if (running.current !== run) return;
      running.current = undefined;
      setVerification({ kind: "done", outcome, step: 0 });
    });
  };

  const commit = (field: Field, text: string) => {
    if (field === "cell")
      changeDraft(setCell(draft, layer, cursor.unit, cursor.column, text.trim()));
    else if (field === "activation")
      changeDraft(setActivation(draft, layer, text.trim().split(/\s+/).join(" ")));
    else if (field === "input") setInputs((all) => ({ ...all, [question]: text }));
    else {
      const read = readRange(text);
      if (read.ok) setRange(read.value);
    }
  };

  const editKey = (input: string, key: Key, active: Editing) => {
    if (key.escape) setEditing(undefined);
    else if (key.return) {
      if (readField(active.field, active.line.text, arity).ok) {
        commit(active.field, active.line.text);
        setEditing(undefined);
      }
    } else setEditing({ ...active, line: editLine(active.line, input, key) });
  };

  const built = buildNetwork(draft);
  const gridKey = (input: string, key: Key) => {
    if (key.tab) {
      stopVerifying();
      setVerification({ kind: "idle" });
      setQuestion((q) => (q === "1.1" ? "1.2" : "1.1"));
      setLayer(0);
      setCursor({ unit: 0, column: 0 });
    } else if (key.upArrow) moveTo(layer, cursor.unit - 1, cursor.column);
    else if (key.downArrow) moveTo(layer, cursor.unit + 1, cursor.column);
    else if (key.leftArrow) moveTo(layer, cursor.unit, cursor.column - 1);
    else if (key.rightArrow) moveTo(layer, cursor.unit, cursor.column + 1);
    else if (key.pageUp) moveTo(layer - 1, cursor.unit, cursor.column);
    else if (key.pageDown) moveTo(layer + 1, cursor.unit, cursor.column);
    else if (key.return) {
      const stored =
        cursor.column === fanIn
          ? current.bias[cursor.unit]!
          : current.weights[cursor.unit]![cursor.column]!;
      setEditing({ field: "cell", line: lineAt(stored) });
    } else if (/^[0-9-]$/.test(input)) setEditing({ field: "cell", line: lineAt(input) });
    else if (input === "o") {
      const next = addUnit(draft, layer, cursor.unit);
      changeDraft(next);
      moveTo(layer, cursor.unit + 1, cursor.column, next);
    } else if (input === "d") {
      const next = removeUnit(draft, layer, cursor.unit);
      changeDraft(next);
      moveTo(layer, cursor.unit, cursor.column, next);
    } else if (input === "L") {
      const next = insertLayer(draft, layer);
      changeDraft(next);
      moveTo(layer + 1, 0, 0, next);
    } else if (input === "D") {
      const next = removeLayer(draft, layer);
      changeDraft(next);
      moveTo(layer, 0, 0, next);
    } else if (input === "a") setEditing({ field: "activation", line: lineAt(current.activation) });
    else if (input === "i") setEditing({ field: "input", line: lineAt(inputs[question]) });
    else if (input === "r")
      setEditing({ field: "range", line: lineAt(`${range.lo}..${range.hi}`) });
    else if (input === "v" && built.ok) startVerification(built.network);
    else if (input === "x" && verification.kind === "running") {
      stopVerifying();
      setVerification({ kind: "idle" });
    } else if ((input === "s" || input === "S") && verification.kind === "done") {
      stepCounterexample(input === "s" ? 1 : -1);
    } else return false;
    return true;
  };

  const stepCounterexample = (by: number) => {
    if (verification.kind !== "done" || verification.outcome.status !== "fail") return;
    const count = verification.outcome.counterexample.layers.length;
    setVerification({ ...verification, step: (verification.step + by + count) % count });
  };

  // While a field is being edited every key belongs to it, q and Esc included.
  useScreenInput((input, key) => {
    if (!editing) return gridKey(input, key);
    editKey(input, key, editing);
    return true;
  });

  const fieldError = (field: Field) => {
    if (editing?.field !== field) return undefined;
    const read = readField(field, editing.line.text, arity);
    return read.ok ? undefined : read.error;
  };
  const fieldLine = (field: Field, stored: string) =>
    editing?.field === field ? editing.line : lineAt(stored);

  return (
    <Box flexDirection="column">
      <Text>
        {(["1.1", "1.2"] as const).map((q) => (
          <Text key={q} inverse={q === question}>
            {q === question ? `[${q}]` : ` ${q} `}
          </Text>
        ))}
        {`  ${questions[question].title}`}
      </Text>
      {origins[question] && (
        <ToneText tone={origins[question].tone}>
          {truncate(origins[question].text, columns)}
        </ToneText>
      )}
      <Text>
        <Text bold>{`Layer ${layer + 1} of ${draft.layers.length}`}</Text>
        {` (${current.weights.length} units)`}
      </Text>
      <TextField
        label="activation"
        line={fieldLine("activation", current.activation)}
        focused={editing?.field === "activation"}
        error={fieldError("activation")}
      />
      <NetworkGrid
        layer={current}
        layerIndex={layer}
        layerCount={draft.layers.length}
        cursor={cursor}
        editingText={editing?.field === "cell" ? editing.line.text : undefined}
      />
      {editing?.field === "cell" && fieldError("cell") && (
        <ToneText tone="bad">{`cell: ${fieldError("cell")!.message}`}</ToneText>
      )}
      {!built.ok && <ToneText tone="bad">{built.message}</ToneText>}
      <Box marginTop={1} flexDirection="column">
        <TextField
          label="input x ="
          line={fieldLine("input", inputs[question])}
          focused={editing?.field === "input"}
          error={fieldError("input")}
        />
        {built.ok && (
          <Evaluation network={built.network} question={question} text={inputs[question]} />
        )}
      </Box>
      <Box marginTop={1} flexDirection="column">
        <TextField
          label="verify on"
          line={fieldLine("range", `${range.lo}..${range.hi}`)}
          focused={editing?.field === "range"}
          error={fieldError("range")}
        />
        <VerificationPanel state={verification} />
      </Box>
    </Box>
  );
}

function Evaluation({
  network,
  question,
  text,
}: {
  network: Network;
  question: QuestionId;
  text: string;
}) {
  const read = readInput(text, network.inputSize);
  if (!read.ok) return null;
  const expected = homework[question].target;
  const wanted = expected.kind === "predicate" ? (expected.test(read.value) ? 1 : 0) : undefined;
  const lines = formatTrace(trace(network, read.value)).split("\n").slice(1);
  return (
    <Box flexDirection="column">
      {lines.map((line) => (
        <Text key={line}>{`  ${line}`}</Text>
      ))}
      {wanted !== undefined && (
        <ToneText tone="muted">{`  the question wants output ${wanted}`}</ToneText>
      )}
    </Box>
  );
}

function VerificationPanel({ state }: { state: VerificationState }) {
  if (state.kind === "idle") return <ToneText tone="muted">press v to verify</ToneText>;
  if (state.kind === "running") {
    return (
      <Text>
        <ProgressBar done={state.visited} total={state.total} /> (x stops)
      </Text>
    );
  }
  const { outcome } = state;
  const tone =
    outcome.status === "pass" ? "good" : outcome.status === "incomplete" ? "warn" : "bad";
  return (
    <Box flexDirection="column">
      <ToneText tone={tone}>{outcome.summary}</ToneText>
      {outcome.status === "fail" && (
        <CounterexampleStep counterexample={outcome.counterexample} step={state.step} />
      )}
    </Box>
  );
}

function CounterexampleStep({
  counterexample,
  step,
}: {
  counterexample: Extract<VerificationOutcome, { status: "fail" }>["counterexample"];
  step: number;
}) {
  const layer = counterexample.layers[step]!;
  const name = layer.name === undefined ? "" : ` "${layer.name}"`;
  return (
    <Box flexDirection="column">
      <Text>
        {`counterexample x = [${counterexample.input.join(", ")}]: expected [${counterexample.expected.join(", ")}], got [${counterexample.actual.join(", ")}]`}
      </Text>
      <Text>
        {`  layer ${step + 1}${name} of ${counterexample.layers.length}: z = [${layer.preActivation.join(", ")}] → [${layer.activation.join(", ")}]`}
        <ToneText tone="muted"> (s/S step)</ToneText>
      </Text>
    </Box>
  );
}
