// Backprop stepper (2.1.2): the backward pass of the 2.1 network one adjoint at a time, as
// @nnkit/autodiff derives it (text or LaTeX) with its numbers on a seeded instance, beside the
// student's own equation for that variable and the self-check's verdict on it.
import { namedEdges } from "@nnkit/autodiff";
import type { QuestionItem } from "@nnkit/grading";
import { Box, Text } from "ink";
import { useMemo, useState } from "react";
import { useGradingAnswer } from "../../answers/grading.js";
import { useAnswerSession } from "../../answers/session.js";
import type { KeyHelp } from "../../app/keys.js";
import { useBodySize } from "../../app/layout.js";
import { useScreenInput } from "../../app/navigation.js";
import { ToneText } from "../../app/theme.js";
import { truncate } from "../../components/truncate.js";
import { type NetworkInstance, networkInstance, shownValue } from "../graph/network-instance.js";
import { adjointKey, backpropQuestion, verdicts } from "./student-equations.js";

export const backpropKeys: readonly KeyHelp[] = [
  { keys: "→ / n", action: "next adjoint (backward order: J̄ first)" },
  { keys: "← / p", action: "previous adjoint" },
  { keys: "l", action: "show the equations as LaTeX or as text" },
  { keys: "r", action: "draw a new random instance (next seed)" },
  { keys: "t", action: "next class t (1, 2, 3: counted from 1, as in the handout)" },
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
  const instance = useMemo(() => networkInstance(seed, classNumber), [seed, classNumber]);
  const { equations } = instance.equations;
  const text = file.kind === "loaded" ? file.text : undefined;
  const request = useMemo(
    () => (text === undefined ? undefined : { kind: "equations" as const, fileText: text }),
    [text],
  );
  const equationsAnswer = useGradingAnswer(request);
  const mine = equationsAnswer instanceof Map ? equationsAnswer : new Map<string, string>();
  const judged = check.kind === "done" ? verdicts(check.result) : new Map<string, QuestionItem>();
  const stale = check.kind === "done" && check.checkedText !== text;

  useScreenInput((input, key) => {
    if (key.rightArrow || input === "n") setStep((s) => Math.min(equations.length - 1, s + 1));
    else if (key.leftArrow || input === "p") setStep((s) => Math.max(0, s - 1));
    else if (input === "l") setLatex((l) => !l);
    else if (input === "r") setSeed((s) => s + 1);
    else if (input === "t") setClassNumber((instance.classNumber % instance.classes) + 1);
    else return false;
    return true;
  });

  const equation = equations[step]!;
  const values = instance.values.get(equation.variable);
  const inputs = stepInputs(instance, equation.variable);
  const key = adjointKey(equation.variable);
  const own = mine.get(key);
  const verdict = judged.get(key);
  const line = (content: string) => truncate(content, columns);
  const windowSize = Math.max(4, rows - 7 - inputs.length);
  const top = Math.min(
    Math.max(0, step - Math.floor(windowSize / 2)),
    Math.max(0, equations.length - windowSize),
  );
  return (
    <Box flexDirection="column">
      <ToneText tone="muted">{`seeded instance ${seed} · t = ${instance.classNumber} (of ${instance.classes}) · step ${step + 1} of ${equations.length}`}</ToneText>
      <Box flexDirection="column" marginTop={1}>
        {equations.slice(top, top + windowSize).map((e, j) => {
          const i = top + j;
          return (
            <Text key={e.variable} inverse={i === step} dimColor={i > step}>
              {line(
                `${i === step ? "›" : " "} ${i <= step ? (latex ? e.latex : e.text) : `${e.adjoint} = ?`}`,
              )}
            </Text>
          );
        })}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <ToneText tone="muted">
          {line(
            inputs.length === 0
              ? `${equation.adjoint} is the seed of the backward pass`
              : `this step reads ${inputs.map((i) => i.symbol).join(", ")}`,
          )}
        </ToneText>
        {inputs.map((input) => (
          <Text key={input.symbol}>{line(`  ${input.symbol} = ${oneLine(input.value)}`)}</Text>
        ))}
        {equation.variable === "y" && (
          <Text>
            {line(
              `${equation.adjoint} = y' − onehot(t)   (the softmax form above, simplified: Σ(y' ⊙ ȳ') = −1)`,
            )}
          </Text>
        )}
        <Text bold>{line(`${equation.adjoint} = ${oneLine(values?.adjoint?.toString())}`)}</Text>
        {!askedByHomework(equation.variable) ? (
          <ToneText tone="muted">
            {line(
              `not asked by ${backpropQuestion.slice(1)} (a parameter's adjoint): shown for completeness`,
            )}
          </ToneText>
        ) : text === undefined ? (
          <ToneText tone="muted">
            Load your answer file (Answers screen) to see your equations here.
          </ToneText>
        ) : (
          <Text>
            {line(`yours (${backpropQuestion} ${key}): ${own ?? "(no answer)"}`)}
            {verdict !== undefined && (
              <>
                {"  "}
                <ToneText tone={verdict.verdict === "correct" ? "good" : "bad"}>
                  {verdict.message}
                </ToneText>
                {stale ? " (before your latest edits)" : ""}
              </>
            )}
          </Text>
        )}
      </Box>
    </Box>
  );
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

function oneLine(text: string | undefined): string {
  return (text ?? "–").replace(/\n\s*/g, " ");
}
