import {
  MAX_PREPARED_INPUTS,
  type Network,
  prepareVerification,
  type Question as ThresholdQuestion,
  type Verification,
  verify,
} from "@nnkit/threshold";
import type { AnswerValue } from "../answers/answer-value.js";
import { type Check, graded, invalid, review } from "./check.js";
import type { Scope } from "./outcome.js";
import {
  type AnswerNetworkResult,
  type NetworkForm,
  readAnswerNetwork,
} from "./threshold-network.js";

export interface ThresholdCheckOptions {
  /** The question as @nnkit/threshold states it: target, arity, assumption, domain. */
  readonly question: ThresholdQuestion;
  /** Inputs range over lo..hi (integers) when verifying. */
  readonly range: readonly [number, number];
  /** How the answer gives its network. */
  readonly form: NetworkForm;
  /** Activation used where the answer names none (the handout's φ). */
  readonly defaultActivation: string;
  /** Weights (and biases) the network may have in all, which bounds verification time. */
  readonly maxParameters?: number;
}

/** A threshold check also says which network it would verify for an answer. */
export interface ThresholdCheck extends Check {
  readonly kind: "threshold";
  network(answer: AnswerValue): AnswerNetworkResult;
}

export function isThresholdCheck(check: Check): check is ThresholdCheck {
  return check.kind === "threshold" && "network" in check;
}

/**
 * Builds the student's network and verifies it with @nnkit/threshold on every input of the
 * question's domain (under the handout's assumption). A failure shows the counterexample input, the
 * expected and the actual output, and every layer's values.
 */
export function thresholdCheck(options: ThresholdCheckOptions): ThresholdCheck {
  const readOptions = {
    form: options.form,
    defaultActivation: options.defaultActivation,
    arity: options.question.arity,
    maxParameters: options.maxParameters ?? 600,
  };
  const [lo, hi] = options.range;
  let verifyAnswer: ((net: Network) => Verification) | undefined;
  return {
    kind: "threshold",
    network: (answer) => readAnswerNetwork(answer, readOptions),
    grade(answer) {
      const read = readAnswerNetwork(answer, readOptions);
      if (!read.ok) {
        return read.verdict === "wrong"
          ? graded(0, { kind: "network-refused", reason: read.reason })
          : invalid(read.reason);
      }
      verifyAnswer ??= verifier(options.question, lo, hi);
      const result = verifyAnswer(read.network);
      // What was checked: every input of the box (a proof over all integers is the solver's).
      const scope: Scope = {
        kind: "enumerated",
        box: { lo, hi },
        count: result.checked,
        assumptions: result.assumption ? [result.assumption] : [],
      };
      if (result.status === "pass") return graded(1, { kind: "correct" }, { scope });
      if (result.status === "fail") {
        const { input, expected, actual, trace } = result.counterexample;
        const text = (values: readonly unknown[]) => values.map(String);
        return graded(
          0,
          { kind: "network-wrong" },
          {
            scope,
            counterexample: {
              kind: "input",
              input: text(input),
              expected: text(expected),
              actual: text(actual),
              trace: trace.layers.map((layer) => ({
                ...(layer.name === undefined ? {} : { name: layer.name }),
                preActivation: text(layer.preActivation),
                activation: text(layer.activation),
              })),
            },
          },
        );
      }
      return review("verification did not finish", { scope });
    },
  };
}

/**
 * The target's values on the domain are the same for every answer, so the domain is walked once
 * (on first use) and each answer only costs its network's evaluation; a domain too large to keep
 * is verified afresh each time.
 */
function verifier(
  question: ThresholdQuestion,
  lo: number,
  hi: number,
): (net: Network) => Verification {
  const domain = question.domain(lo, hi);
  if (domain.size > MAX_PREPARED_INPUTS) return (net) => verify(net, question.target, domain);
  const prepared = prepareVerification(question.target, domain);
  return (net) => prepared.verify(net);
}
