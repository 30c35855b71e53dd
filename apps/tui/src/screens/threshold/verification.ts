// A verification job as plain data (it crosses a worker boundary), and running it with
// @nnkit/threshold: the question's target and assumption on a box of integer inputs.
import { thresholdQuestions as homework } from "@nnkit/grading";
import {
  type Counterexample,
  formatVerification,
  fromJSON,
  type NetworkJSON,
  type Progress,
  verify,
} from "@nnkit/threshold";

export type QuestionId = "1.1" | "1.2";

export interface VerificationJob {
  question: QuestionId;
  network: NetworkJSON;
  /** Every input ranges over lo..hi. */
  lo: number;
  hi: number;
}

export interface LayerValues {
  name: string | undefined;
  preActivation: string[];
  activation: string[];
}

/** A counterexample with every layer's exact values as text. */
export interface CounterexampleView {
  input: number[];
  expected: number[];
  actual: number[];
  layers: LayerValues[];
}

export type VerificationOutcome =
  | {
      status: "pass" | "incomplete";
      summary: string;
      checked: number;
      total: number;
    }
  | {
      status: "fail";
      summary: string;
      checked: number;
      total: number;
      counterexample: CounterexampleView;
    }
  | { status: "error"; summary: string };

export interface ProgressReport {
  visited: number;
  total: number;
}

function counterexampleView(found: Counterexample): CounterexampleView {
  return {
    input: [...found.input],
    expected: [...found.expected],
    actual: [...found.actual],
    layers: found.trace.layers.map((layer) => ({
      name: layer.name,
      preActivation: layer.preActivation.map(String),
      activation: layer.activation.map(String),
    })),
  };
}

/** Runs the job to the end (call it off the render path: in a worker). */
export function runVerification(
  job: VerificationJob,
  onProgress: (progress: ProgressReport) => void,
): VerificationOutcome {
  try {
    const question = homework[job.question];
    const result = verify(fromJSON(job.network), question.target, question.domain(job.lo, job.hi), {
      progressIntervalMs: 50,
      onProgress: (progress: Progress) =>
        onProgress({ visited: progress.visited, total: progress.total }),
    });
    const summary = formatVerification(result).split("\n")[0]!;
    if (result.status === "fail") {
      return {
        status: "fail",
        summary,
        checked: result.checked,
        total: result.total,
        counterexample: counterexampleView(result.counterexample),
      };
    }
    return { status: result.status, summary, checked: result.checked, total: result.total };
  } catch (error) {
    return { status: "error", summary: (error as Error).message };
  }
}
