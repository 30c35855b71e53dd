// Modes and cost (2.2–2.4): a chain's cost evaluated in both modes, step by step, with symbolic
// totals, a plot of cost against n and the crossover condition.
import type { ChainEvaluation, Condition, Crossover, Point } from "@nnkit/cost";
import { formatCondition } from "@nnkit/cost";
import { Box, type Key, Text } from "ink";
import { useMemo, useState } from "react";
import { studentOf } from "../../answers/answer-document.js";
import { gradingUnavailable, useGradingAnswer } from "../../answers/grading.js";
import { homeworkRequest } from "../../answers/grading-requests.js";
import { useAnswerSession } from "../../answers/session.js";
import type { KeyHelp } from "../../app/keys.js";
import { useBodySize } from "../../app/layout.js";
import { useScreenInput } from "../../app/navigation.js";
import { ToneText } from "../../app/theme.js";
import { asciiPlot } from "../../components/ascii-plot.js";
import { editLine, type LineState, lineAt } from "../../components/line-edit.js";
import { TextField } from "../../components/TextField.js";
import { truncate, wrapCells } from "../../components/truncate.js";
import { chainNumbers, type Numbers } from "./chain-numbers.js";
import { readChain } from "./chain-text.js";
import { chainChoices, compareModes, pointFor } from "./mode-comparison.js";
import { type StudentCosts, studentCosts } from "./student-costs.js";

/** 2.2's H = 2vvᵀ, a chain the presets do not cover. */
const typedChainStart = "2 v:n vᵀ";

export const costKeys: readonly KeyHelp[] = [
  { keys: "← →", action: "choose the chain (vvᵀy for 2.3, vvᵀy1y2ᵀ for 2.4, or yours)" },
  { keys: "t", action: "type your chain, e.g. 2 v:n vᵀ (sizes n, m; v:n is n×1, A:n×m)" },
  { keys: "+ / -", action: "increase / decrease n" },
  { keys: "] / [", action: "increase / decrease m" },
  { keys: "p", action: "switch between the step table and the plot (small terminals)" },
  { keys: "z", action: "2.2.1's H and 2.3's z for your numbers (or the handout's)" },
];

const maxSize = 99;

function clampSize(value: number): number {
  return Math.min(maxSize, Math.max(1, value));
}

function ModeTable({
  title,
  evaluation,
  point,
  yours,
}: {
  title: string;
  evaluation: ChainEvaluation;
  point: Point;
  /** The student's answer for this mode, from the answer file. */
  yours: StudentCosts | undefined;
}) {
  const rows = evaluation.steps.map((step) => ({
    step: step.expression,
    mults: `${step.multiplications}`,
    multsAt: step.multiplications.evaluateNumber(point),
    memory: `${step.entries}`,
    memoryAt: step.entries.evaluateNumber(point),
  }));
  const stored = evaluation.memory.allStored;
  const stepWidth = Math.max(14, ...rows.map((r) => r.step.length)) + 2;
  const multWidth = Math.max(16, ...rows.map((r) => r.mults.length + 2)) + 2;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{title}</Text> {evaluation.expression}
      </Text>
      <ToneText tone="muted">
        {`  ${"step".padEnd(stepWidth)}${"multiplications".padEnd(multWidth + 8)}result entries`}
      </ToneText>
      {rows.map((row) => (
        <Text key={row.step}>
          {`  ${row.step.padEnd(stepWidth)}${row.mults.padEnd(multWidth)}${String(`= ${row.multsAt}`).padEnd(8)}${row.memory} = ${row.memoryAt}`}
        </Text>
      ))}
      <Text>
        {"  "}
        <Text bold>{"total".padEnd(stepWidth)}</Text>
        {`${evaluation.multiplications.toFactoredString().padEnd(multWidth)}${String(`= ${evaluation.multiplications.evaluateNumber(point)}`).padEnd(8)}`}
        {`stored ${stored} = ${stored.evaluateNumber(point)}`}
      </Text>
      {yours && (yours.multiplications || yours.memory) && (
        <Text wrap="truncate-end">
          {"  "}
          <ToneText tone="accent">{"yours".padEnd(stepWidth)}</ToneText>
          {`${(yours.multiplications ?? "–").padEnd(multWidth + 8)}stored ${yours.memory ?? "–"}`}
        </Text>
      )}
    </Box>
  );
}

export function CostScreen() {
  const { columns, rows } = useBodySize();
  const [choice, setChoice] = useState(1);
  const [sizes, setSizes] = useState({ n: 3, m: 4 });
  const [view, setView] = useState<"table" | "plot" | "numbers">("table");
  const showPlot = view === "plot";
  const { file } = useAnswerSession();
  const text = file.kind === "loaded" ? file.text : undefined;
  const studentId = useMemo(() => (text === undefined ? "" : studentOf(text).id), [text]);
  // The grader's numbers for this student: the handout's unless the assignment draws variants.
  const variantRequest = useMemo(() => ({ kind: "variant" as const, studentId }), [studentId]);
  const variant = useGradingAnswer(variantRequest);
  const homework = useGradingAnswer(homeworkRequest);
  const ownNumbers =
    homework !== undefined && !(homework instanceof Error) && homework.perStudentVariants;
  const known = variant !== undefined && !(variant instanceof Error) && "q2.3 v" in variant;
  const numbers = useMemo(() => (known ? chainNumbers(variant as Numbers) : []), [known, variant]);
  const [typed, setTyped] = useState(typedChainStart);
  const [editing, setEditing] = useState<LineState | undefined>(undefined);
  const typedChain = useMemo(() => readChain(typed), [typed]);
  const choices = typedChain.ok
    ? [
        ...chainChoices,
        { label: typedChain.chain.toString(), question: "typed", chain: typedChain.chain },
      ]
    : chainChoices;
  const selected = choices[Math.min(choice, choices.length - 1)]!;
  const comparison = useMemo(() => compareModes(selected.chain, sizes), [selected, sizes]);
  const editError = editing ? readChain(editing.text) : undefined;
  const point = pointFor(selected.chain, sizes);
  const usesM = selected.chain.variables.includes("m");

  const editKey = (input: string, key: Key, line: LineState) => {
    if (key.escape) setEditing(undefined);
    else if (key.return) {
      if (!readChain(line.text).ok) return;
      setTyped(line.text);
      setChoice(chainChoices.length);
      setEditing(undefined);
    } else setEditing(editLine(line, input, key));
  };

  useScreenInput((input, key) => {
    if (editing) {
      editKey(input, key, editing);
      return true;
    }
    if (key.leftArrow) setChoice((c) => (c + choices.length - 1) % choices.length);
    else if (key.rightArrow) setChoice((c) => (c + 1) % choices.length);
    else if (input === "t") setEditing(lineAt(typed));
    else if (input === "+" || input === "=") setSizes((s) => ({ ...s, n: clampSize(s.n + 1) }));
    else if (input === "-") setSizes((s) => ({ ...s, n: clampSize(s.n - 1) }));
    else if (input === "]") setSizes((s) => ({ ...s, m: clampSize(s.m + 1) }));
    else if (input === "[") setSizes((s) => ({ ...s, m: clampSize(s.m - 1) }));
    else if (input === "p") setView((v) => (v === "plot" ? "table" : "plot"));
    else if (input === "z") setView((v) => (v === "numbers" ? "table" : "numbers"));
    else return false;
    return true;
  });

  const { forward, reverse, multiplications, cheapestAtSizes } = comparison;
  // Row budget: the chain line, the editor, the two tables (each: title, header, steps, total),
  // the conclusions; the plot gets what is left (both are shown when the body has room).
  const editingRows = editing ? (editError && !editError.ok ? 2 : 1) : 0;
  const tableRows = forward.steps.length + reverse.steps.length + 6;
  const roomForBoth = rows >= 38 && view !== "numbers";
  const plotRows = Math.max(
    5,
    Math.min(14, rows - 1 - editingRows - 1 - 6 - 3 - (roomForBoth ? tableRows + 1 : 0)),
  );
  const nMax = Math.max(12, 2 * sizes.m);
  const costAt = (evaluation: ChainEvaluation, n: number) =>
    evaluation.multiplications.evaluateNumber(pointFor(selected.chain, { ...sizes, n }));
  const ns = Array.from({ length: nMax }, (_, i) => i + 1);
  const plot = asciiPlot(
    [
      {
        label: "reverse (right to left)",
        symbol: "r",
        points: ns.map((n) => [n, costAt(reverse, n)]),
      },
      {
        label: "forward (left to right)",
        symbol: "f",
        points: ns.map((n) => [n, costAt(forward, n)]),
      },
    ],
    {
      width: Math.min(columns, 100),
      height: plotRows,
      xLabel: "n",
      marks: [
        ...(sizes.n <= nMax ? [{ x: sizes.n, label: `n = ${sizes.n}` }] : []),
        ...crossing(ns, (n) => costAt(forward, n) - costAt(reverse, n)),
      ],
    },
  );

  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        {"Chain "}
        {choices.map((c, i) => (
          <Text key={c.question} inverse={i === choice}>
            {i === choice ? `[${c.label} (${c.question})]` : ` ${c.label} (${c.question}) `}
          </Text>
        ))}
        {`   n = ${sizes.n}`}
        {usesM ? `   m = ${sizes.m}` : ""}
      </Text>
      {editing && (
        <TextField
          label="your chain:"
          line={editing}
          focused
          error={editError && !editError.ok ? editError.error : undefined}
        />
      )}
      {(roomForBoth || view === "table") && (
        <Box flexDirection="column" marginTop={1}>
          <ModeTable
            title="forward (left to right)"
            evaluation={forward}
            point={point}
            yours={
              text === undefined ? undefined : studentCosts(text, selected.question, "forward")
            }
          />
          <ModeTable
            title="reverse (right to left)"
            evaluation={reverse}
            point={point}
            yours={
              text === undefined ? undefined : studentCosts(text, selected.question, "reverse")
            }
          />
        </Box>
      )}
      {view === "numbers" && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>
            {known
              ? `With ${ownNumbers ? "your numbers" : "the handout's numbers"}, computed by running the chains`
              : variant === undefined || variant instanceof Error
                ? gradingUnavailable(variant)
                : "2.2.1's and 2.3's numbers are homework 1's: this assignment has none"}
          </Text>
          {numbers.map((n) => (
            <Box key={n.question} flexDirection="column" marginTop={1}>
              <Text wrap="truncate-end">{`${n.question}: ${n.given}`}</Text>
              {labelledGrid(`${n.result} = `, n.forward.result.toString()).map((line) => (
                <Text key={line} wrap="truncate-end">
                  {`  ${line}`}
                </Text>
              ))}
              <ToneText tone="muted">
                {truncate(
                  `  multiplications counted: ${n.forward.multiplications} left to right, ${n.reverse.multiplications} right to left (n = ${n.forward.point.n})`,
                  columns,
                )}
              </ToneText>
            </Box>
          ))}
        </Box>
      )}
      {(roomForBoth || showPlot) && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>{`Multiplications against n${usesM ? ` (m = ${sizes.m})` : ""}`}</Text>
          <Text>{plot.join("\n")}</Text>
        </Box>
      )}
      <Box flexDirection="column" marginTop={1}>
        {wrapCells(`Crossover: ${crossoverSentence(multiplications)}`, columns)
          .slice(0, 2)
          .map((line) => (
            <Text key={line}>{line}</Text>
          ))}
        <Text wrap="truncate-end">
          {`Cheapest order at these sizes: ${cheapestAtSizes.expression} (${cheapestAtSizes.multiplications})`}
        </Text>
      </Box>
    </Box>
  );
}

/** A matrix's printed rows after a label, the later rows aligned under the first. */
function labelledGrid(label: string, grid: string): string[] {
  return grid
    .split("\n")
    .map((row, i) => (i === 0 ? label : " ".repeat(label.length)) + row.trim());
}

/** Where the two modes' costs meet on the plotted n: equal there, or crossing between two n. */
function crossing(ns: readonly number[], difference: (n: number) => number) {
  const marks: { x: number; label: string }[] = [];
  for (const [i, n] of ns.entries()) {
    const d = difference(n);
    if (d === 0) marks.push({ x: n, label: `equal at n = ${n}` });
    const next = ns[i + 1];
    if (next !== undefined && d !== 0 && Math.sign(d) === -Math.sign(difference(next))) {
      marks.push({ x: n, label: `cross between n = ${n} and ${next}` });
    }
  }
  return marks;
}

/** The crossover in words: "never" and "always" read as English, not as a condition. */
export function crossoverSentence(multiplications: Crossover): string {
  const cheaper = (mode: string, condition: Condition) =>
    condition.kind === "when"
      ? `${mode} is cheaper iff ${formatCondition(condition)}`
      : `${mode} is ${condition.kind} cheaper`;
  const equal =
    multiplications.equal.kind === "when"
      ? `they cost the same iff ${formatCondition(multiplications.equal)}`
      : multiplications.equal.kind === "always"
        ? "they always cost the same"
        : "they never cost the same";
  return `${cheaper("forward", multiplications.firstCheaper)}; ${equal}; ${cheaper("reverse", multiplications.secondCheaper)}`;
}
