import { ThresholdError } from "./errors.js";
import { type Network, network } from "./network.js";
import type { Sample } from "./truth-table.js";

export interface PerceptronOptions {
  /** Passes over the samples before giving up (default 100). */
  readonly maxEpochs?: number;
  /** Step size (default 1, which keeps integer inputs' weights integer and exact). */
  readonly learningRate?: number;
}

/** The learned unit and how learning went; `converged` means a full pass without a mistake. */
export interface PerceptronResult {
  readonly converged: boolean;
  readonly weights: readonly number[];
  readonly bias: number;
  /** Updates made in total (each misclassified sample seen is one mistake). */
  readonly mistakes: number;
  /** Passes made, including the final mistake-free one when converged. */
  readonly epochs: number;
  /** The unit I(w·x + b ≥ 0) as a network, to evaluate or verify. */
  readonly unit: Network;
}

/**
 * Rosenblatt's perceptron rule, for teaching: start from w = 0, b = 0; visit samples in order;
 * predict I(w·x + b ≥ 0); on a mistake add η(t − y)·x to w and η(t − y) to b. Converges on
 * linearly separable data (the mistake count is bounded); cycles forever on XOR.
 */
export function perceptron(
  samples: readonly Sample[],
  options: PerceptronOptions = {},
): PerceptronResult {
  const maxEpochs = options.maxEpochs ?? 100;
  const rate = options.learningRate ?? 1;
  const arity = samples[0]?.input.length ?? 0;
  if (arity === 0 || samples.some((s) => s.input.length !== arity)) {
    throw new ThresholdError(
      "perceptron",
      "input",
      "samples must be non-empty inputs of one length",
    );
  }
  const weights = new Array<number>(arity).fill(0);
  let bias = 0;
  let mistakes = 0;
  let epochs = 0;
  let converged = false;
  while (!converged && epochs < maxEpochs) {
    epochs++;
    converged = true;
    for (const { input, label } of samples) {
      const z = input.reduce((sum, x, j) => sum + weights[j]! * x, bias);
      const error = label - (z >= 0 ? 1 : 0);
      if (error === 0) continue;
      converged = false;
      mistakes++;
      input.forEach((x, j) => {
        weights[j]! += rate * error * x;
      });
      bias += rate * error;
    }
  }
  const unit = network([
    { name: "perceptron", weights: [weights], bias: [bias], activation: "step>=0" },
  ]);
  return { converged, weights, bias, mistakes, epochs, unit };
}
