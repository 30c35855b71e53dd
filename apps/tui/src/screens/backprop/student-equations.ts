// The student's own 2.1.2 equations from the loaded answer file, each with its value on the
// stepper's instance (evaluated by @nnkit/grading as the backprop check evaluates an equation:
// every other name takes its reference value), and the self-check's verdict on each: the backprop
// check's items, one per adjoint (J_bar included).
import type { GradeResult, QuestionItem } from "@nnkit/grading";
import type { Grading } from "../../answers/load-grading.js";
import { answerSymbol, networkInstance } from "../graph/network-instance.js";

export const backpropQuestion = "q2.1.2";

/** The answer-file key of a variable's adjoint, as in the template: y' → y'_bar. */
export function adjointKey(variable: string): string {
  return `${variable}_bar`;
}

/** An equation's value as plain data (it crosses from the grading worker). */
export type OwnValue =
  | { readonly kind: "value"; readonly shape: readonly number[]; readonly data: readonly number[] }
  | { readonly kind: "unreadable"; readonly message: string; readonly position: number }
  | { readonly kind: "not-evaluable"; readonly message: string };

export interface OwnEquation {
  /** The right-hand side as the student wrote it. */
  readonly text: string;
  readonly value: OwnValue;
}

/** Which instance the stepper shows: the seed, and the class counted from 1. */
export interface StepperInstance {
  readonly seed: number;
  readonly classNumber: number;
}

/** The file's 2.1.2 equations by adjoint key, each evaluated on the stepper's instance. */
export function studentEquations(
  grading: Grading,
  fileText: string,
  at: StepperInstance,
): Map<string, OwnEquation> {
  const parsed = grading.parseAnswerFile(fileText);
  const equations = new Map<string, OwnEquation>();
  if (!parsed.ok) return equations;
  const answer = parsed.file.answers.get(backpropQuestion);
  if (answer?.type !== "map") return equations;
  const traced = networkInstance(at.seed, at.classNumber);
  const instance = grading.instanceFromNamedValues(traced.values, {
    classes: traced.classes,
    symbolOf: answerSymbol,
  });
  // A YAML key without quotes spells y'_bar as yp_bar, which grading accepts too: both are filed
  // under the template's key, which the stepper looks up.
  const spelledWithP = new Map(
    [...traced.values.keys()]
      .filter((name) => name.includes("'"))
      .map((name) => [adjointKey(name.replace(/'/g, "p")), adjointKey(name)]),
  );
  for (const [key, value] of answer.entries) {
    const text =
      value.type === "string" ? value.value : value.type === "number" ? String(value.value) : "";
    if (text.trim() === "") continue;
    const own = grading.evaluateStudentEquation(text, key, instance);
    equations.set(spelledWithP.get(key) ?? key, {
      text,
      value:
        own.kind === "value"
          ? { kind: "value", shape: [...own.value.shape], data: [...own.value.toTypedArray()] }
          : own.kind === "unreadable"
            ? { kind: "unreadable", message: own.message, position: own.position.start }
            : own,
    });
  }
  return equations;
}

/** Each equation's item by adjoint key (the chain through the student's own equations apart). */
export function verdicts(result: GradeResult): Map<string, QuestionItem> {
  const question = result.questions.find((q) => q.id === backpropQuestion);
  const found = new Map<string, QuestionItem>();
  for (const item of question?.items ?? []) {
    if (item.aspect === undefined) found.set(item.key, item);
  }
  return found;
}
