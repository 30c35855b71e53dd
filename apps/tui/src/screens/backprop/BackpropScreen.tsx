// Backprop stepper (2.1.2): the backward pass of the 2.1 network one adjoint at a time, as
// @nnkit/autodiff derives it (text or LaTeX) with its numbers on a seeded instance, beside the
// student's own equation for that variable and the self-check's verdict on it.
import { type BackwardEquation, namedEdges } from "@nnkit/autodiff";
import type { QuestionItem } from "@nnkit/grading";
import { reshape, type Tensor, tensor } from "@nnkit/tensor";
import { Box, Text } from "ink";
import { useMemo, useState } from "react";
import { gradingUnavailable, useGradingAnswer } from "../../answers/grading.js";
import { useAnswerSession } from "../../answers/session.js";
import type { KeyHelp } from "../../app/keys.js";
import { textLines, useBodySize, Window } from "../../app/layout.js";
import { useScreenInput } from "../../app/navigation.js";
import { type Tone, ToneText } from "../../app/theme.js";
import { cellWidth, truncate, wrapCells } from "../../components/truncate.js";
import { reviewHint, verdictMark, verdictTone } from "../../components/verdict-mark.js";
import { type NetworkInstance, networkInstance, shownValue } from "../graph/network-instance.js";
import {
  adjointKey,
  backpropQuestion,
  type OwnEquation,
  type OwnValue,
  verdicts,
} from "./student-equations.js";

export const backpropKeys: readonly KeyHelp[] = [
  { keys: "→ / n", action: "next adjoint (backward order: J̄ first)" },
  { keys: "← / p", action: "previous adjoint" },
  { keys: "l", action: "show the equations as LaTeX or as text" },
  { keys: "r", action: "draw a new random instance (next seed)" },
  { keys: "t", action: "next class t (1, 2, 3: counted from 1, as in the handout)" },
  { keys: "[ ]", action: "scroll what the step reads up / down" },
];

/** Adjoints 2.1.2 does not ask for: the parameters' (its variables are x, z, h, g, y, S, J). */
function askedByHomework(variable: string): boolean {
  return !/^[Wb]\(\d\)$/.test(variable);
}

export function BackpropScreen() {
  const { columns, rows } = useBodySize();
  const { file, check } = useAnswerSession();
  const [seed, setSeed] = useState(1);
  const [classNumber, setClassNumber] = useState<number | undefined>(undefined);
  const [step, setStep] = useState(0);
  const [latex, setLatex] = useState(false);
  const [inputsTop, setInputsTop] = useState(0);
  const instance = useMemo(() => networkInstance(seed, classNumber), [seed, classNumber]);
  const { equations } = instance.equations;
  const text = file.kind === "loaded" ? file.text : undefined;
  const shownClass = instance.classNumber;
  const request = useMemo(
    () =>
      text === undefined
        ? undefined
        : {
            kind: "equations" as const,
            fileText: text,
            instance: { seed, classNumber: shownClass },
          },
    [text, seed, shownClass],
  );
  const equationsAnswer = useGradingAnswer(request);
  const judged = check.kind === "done" ? verdicts(check.result) : new Map<string, QuestionItem>();
  const stale = check.kind === "done" && check.checkedText !== text;

  useScreenInput((input, key) => {
    const move = (to: number) => {
      setStep(Math.max(0, Math.min(equations.length - 1, to)));
      setInputsTop(0);
    };
    if (key.rightArrow || input === "n") move(step + 1);
    else if (key.leftArrow || input === "p") move(step - 1);
    else if (input === "]") setInputsTop((t) => t + 1);
    else if (input === "[") setInputsTop((t) => Math.max(0, t - 1));
    else if (input === "l") setLatex((l) => !l);
    else if (input === "r") setSeed((s) => s + 1);
    else if (input === "t") setClassNumber((instance.classNumber % instance.classes) + 1);
    else return false;
    return true;
  });

  const equation = equations[step] ?? equations[0];
  if (equation === undefined) return <ToneText tone="muted">no backward equations</ToneText>;
  const inputs = inputLines(equation.adjoint, stepInputs(instance, equation.variable));
  const key = adjointKey(equation.variable);
  const own: Mine =
    text === undefined
      ? { kind: "no-file" }
      : equationsAnswer === undefined || equationsAnswer instanceof Error
        ? { kind: "loading", message: gradingUnavailable(equationsAnswer) }
        : { kind: "read", equation: equationsAnswer.get(key) };
  const result = resultLines({
    equation,
    reference: instance.values.get(equation.variable)?.adjoint,
    key,
    own,
    verdict: judged.get(key),
    stale,
    columns,
  });
  // Regions: the status line, the equations, what the step reads, and its result with the
  // student's own value and verdict, which is always shown whole; what the step reads scrolls.
  const fixed = 3; // the status line and the two blank lines between regions
  const resultRows = Math.min(result.length, Math.max(3, rows - fixed - 4));
  const left = Math.max(2, rows - fixed - resultRows);
  const listRows = Math.min(equations.length, Math.max(4, left - inputs.length));
  const inputsRows = Math.max(1, left - listRows);
  const cut = (content: string) => truncate(content, columns);
  return (
    <Box flexDirection="column">
      <ToneText tone="muted">
        {cut(
          `seeded instance ${seed} · t = ${instance.classNumber} (of ${instance.classes}) · step ${step + 1} of ${equations.length}`,
        )}
      </ToneText>
      <Box flexDirection="column" marginTop={1}>
        <Window
          rows={listRows}
          focus={step}
          lines={equations.map((e, i) => ({
            key: e.variable,
            node: (
              <Text inverse={i === step} dimColor={i > step} wrap="truncate-end">
                {cut(
                  `${i === step ? "›" : " "} ${i <= step ? (latex ? e.latex : e.text) : `${e.adjoint} = ?`}`,
                )}
              </Text>
            ),
          }))}
        />
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Window
          rows={inputsRows}
          focus={Math.min(inputsTop, Math.max(0, inputs.length - inputsRows + 1))}
          scrolled
          lines={textLines(inputs).map((line, i) =>
            i === 0
              ? { ...line, node: <ToneText tone="muted">{cut(String(line.node))}</ToneText> }
              : line,
          )}
        />
        <Window
          rows={resultRows}
          focus={0}
          scrolled
          lines={result.map((line, i) => ({
            key: String(i),
            node: (
              <Text bold={line.bold ?? false} wrap="truncate-end">
                {line.tone === undefined ? (
                  cut(line.text)
                ) : (
                  <ToneText tone={line.tone}>{cut(line.text)}</ToneText>
                )}
              </Text>
            ),
          }))}
        />
      </Box>
    </Box>
  );
}

/** The student's equation for the step, as far as it is known. */
type Mine =
  | { kind: "no-file" }
  | { kind: "loading"; message: string }
  | { kind: "read"; equation: OwnEquation | undefined };

interface ResultLine {
  text: string;
  tone?: Tone;
  bold?: boolean;
}

/** A value's printed rows after a label, the others aligned under the first (a matrix as a grid). */
function labelled(label: string, value: string | undefined): string[] {
  return (value ?? "–")
    .split("\n")
    .map((row, i) => (i === 0 ? label : " ".repeat(cellWidth(label))) + row);
}

/** "this step reads …" and each input's value, a matrix as a grid. */
function inputLines(adjoint: string, inputs: readonly StepInput[]): string[] {
  if (inputs.length === 0) return [`${adjoint} is the seed of the backward pass`];
  return [
    `this step reads ${inputs.map((i) => i.symbol).join(", ")}`,
    ...inputs.flatMap((input) => labelled(`  ${input.symbol} = `, input.value)),
  ];
}

/** The student's value shaped as the reference is (the grader's vectors are columns). */
function ownValueText(own: OwnValue & { kind: "value" }, reference: Tensor | undefined): string {
  const value = reshape(tensor([...own.data], { dtype: "float64" }), [...own.shape]);
  if (reference !== undefined && reference.size === value.size && reference.rank === 1) {
    return reshape(value, [...reference.shape]).toString();
  }
  return value.toString();
}

function resultLines(step: {
  equation: BackwardEquation;
  reference: Tensor | undefined;
  key: string;
  own: Mine;
  verdict: QuestionItem | undefined;
  stale: boolean;
  columns: number;
}): ResultLine[] {
  const { equation, own, verdict } = step;
  const lines: ResultLine[] = [];
  if (equation.variable === "y") {
    lines.push({
      text: `${equation.adjoint} = y' − onehot(t)   (the softmax form above, simplified: Σ(y' ⊙ ȳ') = −1)`,
    });
  }
  const reference = labelled(`${equation.adjoint} = `, step.reference?.toString());
  lines.push(...reference.map((text) => ({ text, bold: true })));
  if (!askedByHomework(equation.variable)) {
    lines.push({
      text: `not asked by ${backpropQuestion.slice(1)} (a parameter's adjoint): shown for completeness`,
      tone: "muted",
    });
    return lines;
  }
  if (own.kind === "no-file") {
    lines.push({
      text: "Load your answer file (Answers screen) to see your equations here.",
      tone: "muted",
    });
    return lines;
  }
  if (own.kind === "loading") {
    lines.push({ text: `yours: ${own.message}`, tone: "muted" });
    return lines;
  }
  const mine = own.equation;
  const label = `yours (${backpropQuestion} ${step.key})`;
  if (mine === undefined) {
    lines.push({ text: `${label}: no answer in the file`, tone: "muted" });
  } else {
    lines.push({ text: `${label}: ${mine.text}` });
    const value = mine.value;
    const pad = " ".repeat(cellWidth(equation.adjoint) + 1);
    if (value.kind === "value") {
      lines.push(
        ...labelled(`${pad}= `, ownValueText(value, step.reference)).map((text) => ({ text })),
      );
    } else {
      const why =
        value.kind === "unreadable"
          ? `cannot be read: ${value.message} (at position ${value.position})`
          : `cannot be computed here: ${value.message}`;
      lines.push({ text: `${pad}${why}`, tone: "bad" });
    }
  }
  if (verdict !== undefined) {
    const said = `${verdictMark(verdict.verdict)} ${verdict.message}${step.stale ? " (before your latest edits)" : ""}`;
    for (const text of wrapCells(said, step.columns))
      lines.push({ text, tone: verdictTone(verdict.verdict) });
    if (verdict.verdict === "review") {
      for (const text of wrapCells(reviewHint, step.columns)) lines.push({ text, tone: "muted" });
    }
  }
  return lines;
}

interface StepInput {
  symbol: string;
  value: string | undefined;
}

/**
 * What a step of the backward pass reads: the adjoint of each named node computed from the
 * variable, and the forward values of that node and of its named operands (what its local
 * derivative may use: ReLU' reads z1, ⊙ reads the other factor, softmax' reads y').
 */
function stepInputs(instance: NetworkInstance, variable: string): StepInput[] {
  const edges = namedEdges(instance.graph);
  const adjointSymbol = new Map(instance.equations.equations.map((e) => [e.variable, e.adjoint]));
  const consumers = edges.filter(([from]) => from === variable).map(([, to]) => to);
  const adjoints = consumers.map((c) => ({
    symbol: adjointSymbol.get(c) ?? `${c}̄`,
    value: instance.values.get(c)?.adjoint?.toString(),
  }));
  const forward = new Set<string>();
  for (const consumer of consumers) {
    for (const [from, to] of edges) if (to === consumer) forward.add(from);
    forward.add(consumer);
  }
  return [
    ...adjoints,
    ...[...forward].map((name) => ({ symbol: name, value: shownValue(instance, name) })),
  ];
}
