// Answers: open or create the answer file, edit each answer in place (validated as you type by
// @nnkit/grading), save atomically, and self-check with the visible checks only.
import type { QuestionResult } from "@nnkit/grading";
import { Box, type Key, Text } from "ink";
import { useMemo, useState } from "react";
import {
  type AnswerField,
  answerFields,
  replaceField,
  studentOf,
} from "../../answers/answer-document.js";
import { useGradingAnswer } from "../../answers/grading.js";
import { type CheckState, useAnswerSession } from "../../answers/session.js";
import type { KeyHelp } from "../../app/keys.js";
import { useBodySize, Window } from "../../app/layout.js";
import { useScreenInput } from "../../app/navigation.js";
import { ToneText } from "../../app/theme.js";
import { editLine, type LineState, lineAt } from "../../components/line-edit.js";
import { type FieldError, TextField } from "../../components/TextField.js";
import { cellWidth, truncate } from "../../components/truncate.js";
import { verdictMark, verdictTone } from "../../components/verdict-mark.js";
import { itemLines } from "./item-lines.js";
import { fieldVerdict, points, statusTone } from "./status.js";

export const answersKeys: readonly KeyHelp[] = [
  { keys: "↑ ↓ PgUp PgDn", action: "choose an answer" },
  { keys: "Enter", action: "edit it (Enter keeps, Esc cancels)" },
  { keys: "s", action: "save the file (atomically)" },
  { keys: "c", action: "self-check: the visible checks and their feedback" },
  { keys: "o", action: "open or create another answer file" },
  { keys: "[ ]", action: "scroll the feedback up / down" },
  {
    keys: (["correct", "wrong", "partial", "review"] as const).map(verdictMark).join(" "),
    action: "beside a question's status: that answer's own verdict",
  },
];

type Prompt = { kind: "path" | "student"; line: LineState };

/**
 * What is wrong with the value being typed: a value that does not fit the file is flagged here;
 * a text value that fits is judged by the grader (`validation`, asked for asynchronously).
 */
function useFieldError(
  text: string,
  field: AnswerField | undefined,
  typed: string | undefined,
): { error: FieldError | undefined; graderFailure: Error | undefined } {
  const replaced = field && typed !== undefined ? replaceField(text, field, typed) : undefined;
  const replacedText = replaced?.ok && field?.kind === "text" ? replaced.text : undefined;
  const validation = useMemo(
    () =>
      replacedText === undefined || field === undefined
        ? undefined
        : { kind: "validate" as const, fileText: replacedText, field },
    [replacedText, field],
  );
  const verdict = useGradingAnswer(validation);
  if (replaced && !replaced.ok) return { error: replaced.error, graderFailure: undefined };
  if (verdict instanceof Error) return { error: undefined, graderFailure: verdict };
  return { error: verdict ?? undefined, graderFailure: undefined };
}

function resultFor(check: CheckState, question: string): QuestionResult | undefined {
  return check.kind === "done" ? check.result.questions.find((q) => q.id === question) : undefined;
}

export function AnswersScreen() {
  const session = useAnswerSession();
  const { rows, columns } = useBodySize();
  const { file, check } = session;
  const [prompt, setPrompt] = useState<Prompt | undefined>(undefined);
  const [selected, setSelected] = useState(0);
  const [editing, setEditing] = useState<LineState | undefined>(undefined);
  const [feedbackTop, setFeedbackTop] = useState(0);
  const text = file.kind === "loaded" ? file.text : "";
  const fields = useMemo(() => answerFields(text), [text]);
  const field = fields[Math.min(selected, fields.length - 1)];
  // With no file yet the screen asks for one; a missing file asks for the student id.
  const activePrompt: Prompt | undefined =
    prompt ??
    (file.kind === "none"
      ? { kind: "path", line: lineAt("answers.yaml") }
      : file.kind === "missing"
        ? { kind: "student", line: lineAt("") }
        : undefined);
  const { error: editError, graderFailure } = useFieldError(text, field, editing?.text);

  const promptKey = (input: string, key: Key, active: Prompt) => {
    if (key.escape && file.kind === "loaded") setPrompt(undefined);
    else if (key.return && active.line.text.trim() !== "") {
      const value = active.line.text.trim();
      setPrompt(undefined);
      if (active.kind === "path") void session.open(value);
      else if (file.kind === "missing") void session.create(file.path, value);
    } else setPrompt({ ...active, line: editLine(active.line, input, key) });
  };

  const editKey = (input: string, key: Key, line: LineState, target: AnswerField) => {
    if (key.escape) setEditing(undefined);
    else if (key.return) {
      const replaced = replaceField(text, target, line.text);
      if (!replaced.ok) return;
      session.edit(replaced.text);
      setEditing(undefined);
    } else setEditing(editLine(line, input, key));
  };

  // Row budget: the header rows, the editor and the check summary are fixed; the list and the
  // selected question's feedback share the rest, each scrolling on its own.
  // With no field to choose (answers: is not a mapping), the first question says why.
  const result = field
    ? resultFor(check, field.question)
    : check.kind === "done"
      ? check.result.questions[0]
      : undefined;
  const feedback = result ? itemLines(result, columns) : [];
  const gap = rows >= 30 ? 1 : 0;
  const editorRows = editing ? 1 + gap + (editError ? 1 : 0) : 0;
  const fixedRows =
    2 +
    (graderFailure ? 1 : 0) +
    (fields.length === 0 ? 1 : 0) +
    gap +
    editorRows +
    gap +
    1 +
    (result ? 1 : 0);
  const available = Math.max(4, rows - fixedRows);
  const wantedList = Math.min(fields.length, Math.max(3, Math.floor(available / 2)));
  const feedbackRows = Math.min(feedback.length, available - wantedList);
  const page = Math.max(1, available - feedbackRows);
  const listKey = (input: string, key: Key) => {
    const last = fields.length - 1;
    // Functional updates: a key handled before this screen re-renders must still count.
    const choose = (by: number) => {
      setSelected((i) => Math.max(0, Math.min(last, i + by)));
      setFeedbackTop(0);
    };
    if (key.upArrow) choose(-1);
    else if (key.downArrow) choose(1);
    else if (key.pageUp) choose(-page);
    else if (key.pageDown) choose(page);
    else if (input === "[") setFeedbackTop((t) => Math.max(0, t - 1));
    else if (input === "]")
      setFeedbackTop((t) => Math.max(0, Math.min(feedback.length - feedbackRows + 1, t + 1)));
    else if (key.return && field) setEditing(lineAt(field.text));
    else if (input === "s") void session.save();
    else if (input === "c") session.selfCheck();
    else if (input === "o")
      setPrompt({ kind: "path", line: lineAt(file.kind === "loaded" ? file.path : "") });
    else return false;
    return true;
  };

  // Prompts and the editor take every key (q and Esc included) until they are done.
  useScreenInput((input, key) => {
    if (activePrompt) {
      if (key.escape && file.kind !== "loaded") return false;
      promptKey(input, key, activePrompt);
      return true;
    }
    if (editing && field) {
      editKey(input, key, editing, field);
      return true;
    }
    return listKey(input, key);
  });

  if (activePrompt) {
    return (
      <Box flexDirection="column">
        {session.notice && <Text>{session.notice}</Text>}
        <TextField
          label={activePrompt.kind === "path" ? "answer file:" : "student id:"}
          line={activePrompt.line}
          focused
        />
        <ToneText tone="muted">Enter confirms</ToneText>
      </Box>
    );
  }
  if (file.kind === "opening") return <Text>{`opening ${file.path}…`}</Text>;
  if (file.kind !== "loaded") return null;

  const student = studentOf(text);
  const unsaved = file.text !== file.savedText;
  // The save state always shows: the path and the student's name give way first.
  const saved = unsaved ? " · unsaved changes" : " · saved";
  const whose = ` · student ${student.id || "(no id)"}${student.name ? ` (${student.name})` : ""}`;
  const labelWidth = Math.min(
    32,
    Math.max(...fields.map((f) => f.question.length + f.field.length + 2)),
  );
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{truncate(file.path, columns - cellWidth(whose) - cellWidth(saved))}</Text>
        {truncate(whose, columns - cellWidth(file.path) - cellWidth(saved))}
        <ToneText tone={unsaved ? "warn" : "good"}>{saved}</ToneText>
      </Text>
      <ToneText tone="muted" wrap="truncate-end">
        {session.notice ?? ""}
      </ToneText>
      {graderFailure && <ToneText tone="bad">{graderFailure.message}</ToneText>}
      <Box flexDirection="column" marginTop={gap}>
        {fields.length === 0 && (
          <ToneText tone="warn" wrap="truncate-end">
            {truncate("no answers to edit: answers: must map question ids to answers", columns)}
          </ToneText>
        )}
        <Window
          rows={page}
          focus={Math.min(selected, fields.length - 1)}
          lines={fields.map((f, index) => {
            const result = resultFor(check, f.question);
            const status = result?.status ?? "";
            const verdict = result && fieldVerdict(result.items, f.field);
            const label = `${f.question} ${f.field}`.padEnd(labelWidth);
            return {
              key: f.path.join("/"),
              node: (
                <Text inverse={index === selected} wrap="truncate-end">
                  {index === selected ? "›" : " "}
                  <ToneText tone={statusTone(status)}>{status.padEnd(8)}</ToneText>{" "}
                  {verdict ? (
                    <ToneText tone={verdictTone(verdict)}>{verdictMark(verdict)}</ToneText>
                  ) : (
                    " "
                  )}
                  {truncate(` ${label} ${f.text}`, columns - 11)}
                </Text>
              ),
            };
          })}
        />
      </Box>
      {editing && field && (
        <Box marginTop={gap}>
          <TextField
            label={`${field.question} ${field.field} =`}
            line={editing}
            focused
            error={editError}
          />
        </Box>
      )}
      <Box marginTop={gap} flexDirection="column">
        <CheckSummary check={check} stale={check.kind === "done" && check.checkedText !== text} />
        {result && (
          <>
            <Text wrap="truncate-end">
              {`${result.id}: `}
              <ToneText tone={statusTone(result.status)}>{result.status}</ToneText>
              {` ${points(result.score)}/${points(result.max_score)} points`}
            </Text>
            {feedbackRows > 0 && (
              <Window
                lines={feedback.map((line, i) => ({
                  key: String(i),
                  node:
                    line.tone === undefined ? (
                      line.text
                    ) : (
                      <ToneText tone={line.tone} wrap="truncate-end">
                        {line.text}
                      </ToneText>
                    ),
                }))}
                rows={feedbackRows}
                focus={feedbackTop}
                scrolled
              />
            )}
          </>
        )}
      </Box>
    </Box>
  );
}

function CheckSummary({ check, stale }: { check: CheckState; stale: boolean }) {
  switch (check.kind) {
    case "none":
      return <ToneText tone="muted">press c to self-check</ToneText>;
    case "running":
      return <Text>self-checking… (the visible checks of each question)</Text>;
    case "failed":
      return <ToneText tone="bad">{`self-check failed: ${check.message}`}</ToneText>;
    case "done": {
      const { result } = check;
      const counts = new Map<string, number>();
      for (const q of result.questions) counts.set(q.status, (counts.get(q.status) ?? 0) + 1);
      const parts = [...counts].map(([status, n]) => `${n} ${status}`).join(", ");
      const when = stale ? " (before your latest edits: press c again)" : "";
      return (
        <Text wrap="truncate-end">{`self-check: ${points(result.score)}/${points(result.max_score)} points · ${parts}${when}`}</Text>
      );
    }
  }
}
