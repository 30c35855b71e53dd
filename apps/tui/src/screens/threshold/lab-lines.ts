// The lab's text regions as lines (one row each, in a tone): the input's trace and the
// verification's outcome, wrapped or cut to the width so that the view can budget its rows.
import { thresholdQuestions as homework } from "@nnkit/grading";
import { formatTrace, type Network, trace } from "@nnkit/threshold";
import type { Tone } from "../../app/theme.js";
import { truncate, wrapCells } from "../../components/truncate.js";
import { readInput } from "./lab-fields.js";
import type { VerificationState } from "./lab-state.js";
import type { QuestionId } from "./verification.js";

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}

export interface ToneLine {
  tone?: Tone;
  text: string;
}

/** The input's trace, one line per layer, and the output the question wants. */
export function evaluationLines(network: Network, question: QuestionId, text: string): ToneLine[] {
  const read = readInput(text, network.inputSize);
  if (!read.ok) return [];
  const expected = homework[question].target;
  const wanted = expected.kind === "predicate" ? (expected.test(read.value) ? 1 : 0) : undefined;
  const lines: ToneLine[] = formatTrace(trace(network, read.value))
    .split("\n")
    .slice(1)
    .map((line) => ({ text: `  ${line}` }));
  if (wanted !== undefined) {
    lines.push({ tone: "muted", text: `  the question wants output ${wanted}` });
  }
  return lines;
}

/** The verification's state in lines of at most `columns` cells (the summary wraps, twice at most). */
export function verificationText(state: VerificationState, columns: number): ToneLine[] {
  if (state.kind === "idle") return [{ tone: "muted", text: "press v to verify" }];
  if (state.kind === "running") return [{ text: "" }];
  const { outcome } = state;
  const tone =
    outcome.status === "pass" ? "good" : outcome.status === "incomplete" ? "warn" : "bad";
  const summary = wrapCells(oneLine(outcome.summary), columns);
  const lines: ToneLine[] = summary.slice(0, 2).map((text, i) => ({
    tone,
    text: i === 1 && summary.length > 2 ? truncate(`${text} ${summary[2]}`, columns) : text,
  }));
  if (outcome.status === "fail") {
    const { counterexample } = outcome;
    const layer = counterexample.layers[state.step]!;
    const name = layer.name === undefined ? "" : ` "${layer.name}"`;
    lines.push({
      text: `counterexample x = [${counterexample.input.join(", ")}]: expected [${counterexample.expected.join(", ")}], got [${counterexample.actual.join(", ")}]`,
    });
    lines.push({
      text: `  layer ${state.step + 1}${name} of ${counterexample.layers.length}: z = [${layer.preActivation.join(", ")}] → [${layer.activation.join(", ")}] (s/S step)`,
    });
  }
  return lines;
}
