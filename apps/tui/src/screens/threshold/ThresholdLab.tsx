// Threshold lab (1.1, 1.2): edit a network's weights and biases in a grid, pick each layer's
// activation, evaluate an input layer by layer, and verify the network against the question's
// predicate (in a worker, with a progress bar), stepping through a counterexample's layers.
import { toJSON } from "@nnkit/threshold";
import { Box, Text } from "ink";
import { useEffect, useRef, useState } from "react";
import { useAnswerSession } from "../../answers/session.js";
import type { KeyHelp } from "../../app/keys.js";
import { Line, useBodySize } from "../../app/layout.js";
import { useLeaveGuard, useScreenInput } from "../../app/navigation.js";
import { ToneText } from "../../app/theme.js";
import { lineAt } from "../../components/line-edit.js";
import { ProgressBar } from "../../components/ProgressBar.js";
import { TextField } from "../../components/TextField.js";
import { truncate } from "../../components/truncate.js";
import { buildNetwork, type NetworkDraft } from "./draft.js";
import { evaluationLines, oneLine, type ToneLine, verificationText } from "./lab-lines.js";
import {
  type Field,
  initialLabState,
  isEdited,
  type LabEffect,
  type LabState,
  labEvent,
  labKey,
  labQuestions,
  readField,
  sameDraft,
  type VerificationState,
} from "./lab-state.js";
import { NetworkGrid } from "./NetworkGrid.js";
import { writeNetwork } from "./network-answer.js";
import type { QuestionId } from "./verification.js";
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
  { keys: "u / U", action: "undo / redo a change to the network" },
  { keys: "w", action: "put this network into your answers (1.1, 1.2; s on Answers saves)" },
  { keys: "R", action: "reset to the network in the answer file" },
];

/** Where a question's starting network came from, in one line. */
export interface LabOrigin {
  tone: "muted" | "warn";
  text: string;
}

interface ThresholdLabProps {
  /** Each question's network in the loaded answer file, when it has one that can be used. */
  fileDrafts?: Partial<Record<QuestionId, NetworkDraft>>;
  origins?: Partial<Record<QuestionId, LabOrigin>>;
}

export function ThresholdLab({ fileDrafts = {}, origins = {} }: ThresholdLabProps) {
  const { columns, rows } = useBodySize();
  const verifier = useVerifier();
  const session = useAnswerSession();
  const [state, setState] = useState(() => initialLabState(fileDrafts));
  const running = useRef<RunningVerification | undefined>(undefined);
  const { question, drafts, layer, cursor, editing, verification, inputs, range } = state;

  // The file's networks change when the student writes one in, or edits the file elsewhere.
  const fileKey = JSON.stringify(fileDrafts);
  const seenFile = useRef(fileKey);
  useEffect(() => {
    if (seenFile.current === fileKey) return;
    seenFile.current = fileKey;
    setState((s) => labEvent(s, { kind: "file", fileDrafts: JSON.parse(fileKey) }));
  }, [fileKey]);

  const stopVerifying = () => {
    running.current?.cancel();
    running.current = undefined;
  };
  // A verification still running when the lab closes is stopped with it.
  useEffect(() => () => running.current?.cancel(), []);

  const filePath = session.file.kind === "loaded" ? session.file.path : undefined;
  /** The file's text with these questions' drafts written in, or why it cannot be. */
  const written = (questions: readonly QuestionId[], from: LabState) => {
    if (session.file.kind !== "loaded")
      return { ok: false as const, reason: "no answer file is open (Answers screen: o)" };
    let text = session.file.text;
    for (const q of questions) {
      const result = writeNetwork(text, q, from.drafts[q]);
      if (!result.ok) return result;
      text = result.text;
    }
    return { ok: true as const, text };
  };

  const run = (effect: LabEffect) => {
    if (effect.kind === "stop-verifying") stopVerifying();
    else if (effect.kind === "write") {
      const result = written([effect.question], state);
      if (result.ok) session.edit(result.text);
      setState((s) =>
        labEvent(
          s,
          result.ok
            ? { kind: "written", question: effect.question, path: filePath ?? "" }
            : { kind: "not-written", reason: result.reason },
        ),
      );
    } else {
      const job = verifier(
        {
          question: effect.question,
          network: toJSON(effect.network),
          lo: effect.lo,
          hi: effect.hi,
        },
        (progress) => setState((s) => labEvent(s, { kind: "progress", visited: progress.visited })),
      );
      running.current = job;
      void job.done.then((outcome) => {
        if (running.current !== job) return;
        running.current = undefined;
        setState((s) => labEvent(s, { kind: "verified", outcome }));
      });
    }
  };

  useScreenInput((input, key) => {
    const outcome = labKey(state, input, key);
    if (!outcome.consumed) return false;
    setState(outcome.state);
    for (const effect of outcome.effects) run(effect);
    return true;
  });

  // Leaving the lab would throw away edits not yet in the answers: the shell asks first. Keeping
  // them edits the answers session, which the student saves (or not) like any other edit.
  const edited = (["1.1", "1.2"] as const).filter((q) => isEdited(state, q));
  const keepable = filePath !== undefined && edited.length > 0 && written(edited, state).ok;
  useLeaveGuard(
    edited.length === 0
      ? undefined
      : {
          lost: `your edits to the ${edited.join(" and ")} network${edited.length > 1 ? "s" : ""}`,
          ...(keepable && {
            keep: {
              label: "keep them in your answers",
              note: `(not saved yet: s on the Answers screen saves ${filePath})`,
              run: () => {
                const result = written(edited, state);
                if (result.ok) session.edit(result.text);
              },
            },
          }),
        },
  );

  const draft = drafts[question];
  const arity = draft.inputs;
  const current = draft.layers[Math.min(layer, draft.layers.length - 1)]!;
  const built = buildNetwork(draft);
  const fieldError = (field: Field) => {
    if (editing?.field !== field) return undefined;
    const read = readField(field, editing.line.text, arity);
    return read.ok ? undefined : read.error;
  };
  const fieldLine = (field: Field, stored: string) =>
    editing?.field === field ? editing.line : lineAt(stored);
  const origin = originLine(state, origins[question], filePath);

  // Row budget: everything but the grid's rows is fixed (one row each, errors included); the grid
  // gets what is left and scrolls to keep the cursor in view.
  const evaluation = built.ok ? evaluationLines(built.network, question, inputs[question]) : [];
  const verificationLines = verificationText(verification, columns);
  const gap = rows >= 30 ? 1 : 0;
  const cellError = editing?.field === "cell" ? fieldError("cell") : undefined;
  const fixedRows =
    1 + // question
    (origin ? 1 : 0) +
    1 + // layer
    1 + // activation
    (fieldError("activation") ? 1 : 0) +
    1 + // grid header
    (cellError ? 1 : 0) +
    (built.ok ? 0 : 1) +
    gap +
    1 + // input
    (fieldError("input") ? 1 : 0) +
    evaluation.length +
    gap +
    1 + // verify on
    (fieldError("range") ? 1 : 0) +
    verificationLines.length;
  const gridRows = Math.max(2, rows - fixedRows);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        {(["1.1", "1.2"] as const).map((q) => (
          <Text key={q} inverse={q === question}>
            {q === question ? `[${q}]` : ` ${q} `}
          </Text>
        ))}
        {`  ${labQuestions[question].title}`}
      </Text>
      {origin && <ToneText tone={origin.tone}>{truncate(origin.text, columns)}</ToneText>}
      <Text wrap="truncate-end">
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
        rows={gridRows}
        columns={columns}
      />
      {cellError && (
        <ToneText tone="bad">{truncate(`cell: ${cellError.message}`, columns)}</ToneText>
      )}
      {!built.ok && <ToneText tone="bad">{truncate(oneLine(built.message), columns)}</ToneText>}
      <Box marginTop={gap} flexDirection="column">
        <TextField
          label="input x ="
          line={fieldLine("input", inputs[question])}
          focused={editing?.field === "input"}
          error={fieldError("input")}
        />
        {evaluation.map((line, i) => (
          <Line key={String(i)} tone={line.tone}>
            {line.text}
          </Line>
        ))}
      </Box>
      <Box marginTop={gap} flexDirection="column">
        <TextField
          label="verify on"
          line={fieldLine("range", `${range.lo}..${range.hi}`)}
          focused={editing?.field === "range"}
          error={fieldError("range")}
        />
        <VerificationPanel state={verification} lines={verificationLines} />
      </Box>
    </Box>
  );
}

function VerificationPanel({ state, lines }: { state: VerificationState; lines: ToneLine[] }) {
  if (state.kind === "running") {
    return (
      <Text wrap="truncate-end">
        <ProgressBar done={state.visited} total={state.total} /> (x stops)
      </Text>
    );
  }
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Line key={String(i)} tone={line.tone}>
          {line.text}
        </Line>
      ))}
    </Box>
  );
}

/** Where the shown network comes from: the file's network, until the student changes it. */
function originLine(
  state: LabState,
  fromFile: LabOrigin | undefined,
  path: string | undefined,
): LabOrigin | undefined {
  const q = state.question;
  const file = state.fileDrafts[q];
  if (file !== undefined && !sameDraft(state.drafts[q], file)) {
    return {
      tone: "warn",
      text: `edited, not your ${q} network in ${path ?? "the file"} (w keeps, R resets, u undoes)`,
    };
  }
  if (state.notice !== undefined) return { tone: "muted", text: state.notice };
  return fromFile;
}
