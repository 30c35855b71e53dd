import type { AnswerValue } from "../answers/answer-value.js";
import { describeValue } from "../answers/answer-value.js";
import type { Assignment, Part, Question } from "../assignment/assignment.js";
import { seedFrom } from "../assignment/student-variant.js";
import {
  type CheckContext,
  type CheckOutcome,
  graded,
  invalid,
  type Variant,
} from "../checkers/check.js";
import { type Finding, isCertainty, type OutcomeItem } from "../checkers/outcome.js";
import { renderFeedback, renderItem } from "./render-feedback.js";
import {
  type QuestionItem,
  type QuestionResult,
  type QuestionStatus,
  roundScore,
} from "./result.js";

export interface Audience {
  readonly audience: "instructor" | "student";
  readonly now: Date;
}

/**
 * Grades one question's answer (undefined when the file has none). `only` grades just the parts
 * it selects (items keep their share of the whole question; score and status then cover only
 * those parts); a question with conventions is always graded whole, as its convention is chosen
 * over all parts.
 */
export function gradeQuestion(
  assignment: Assignment,
  question: Question,
  answer: AnswerValue | undefined,
  variant: Variant,
  audience: Audience,
  only?: (part: Part) => boolean,
): QuestionResult {
  if (answer === undefined || answer.type === "null") {
    return {
      id: question.id,
      score: 0,
      max_score: question.points,
      status: "missing",
      feedback: renderFeedback([]),
      items: [],
    };
  }
  const seed = seedFrom(`${assignment.id}/${question.id}`);
  const parts =
    only === undefined || question.conventions !== undefined
      ? question.parts
      : question.parts.filter(only);
  const { outcomes, earned } = underBestConvention(question.conventions, parts, (convention) =>
    parts.map((part) =>
      gradePart(part, answer, convention ? { variant, seed, convention } : { variant, seed }),
    ),
  );
  const totalWeight = question.parts.reduce((sum, part) => sum + part.weight, 0);
  const fraction = earned / totalWeight;
  const shown = parts.map((part, i) => ({
    part,
    items: visibleItems(part, outcomes[i]!, assignment, audience),
  }));
  return {
    id: question.id,
    score: roundScore(fraction * question.points),
    max_score: question.points,
    status: statusOf(outcomes, fraction),
    feedback: renderFeedback(shown.map(({ part, items }) => ({ label: part.label, items }))),
    items: shown.flatMap(({ part, items }) =>
      items.map((item) => questionItem(part, item, part.weight / totalWeight)),
    ),
  };
}

/**
 * The parts' outcomes under the question's convention that earns the answer most (the first on a
 * tie), or under no convention when the question has none.
 */
function underBestConvention(
  conventions: Question["conventions"],
  parts: readonly Part[],
  gradeUnder: (convention: string | undefined) => CheckOutcome[],
): { outcomes: CheckOutcome[]; earned: number } {
  const earnedBy = (outcomes: readonly CheckOutcome[]) =>
    outcomes.reduce(
      (sum, outcome, i) =>
        sum +
        (outcome.status === "graded" || outcome.status === "review"
          ? outcome.fraction * (parts[i]?.weight ?? 0)
          : 0),
      0,
    );
  let best: { outcomes: CheckOutcome[]; earned: number } | undefined;
  for (const convention of conventions ?? [undefined]) {
    const outcomes = gradeUnder(convention);
    const earned = earnedBy(outcomes);
    if (best === undefined || earned > best.earned) best = { outcomes, earned };
  }
  return best!;
}

/** An item of a part as the question's result lists it: keyed by its field, its share of the points. */
function questionItem(part: Part, item: OutcomeItem, partShare: number): QuestionItem {
  const own = part.field ?? (item.key === "" ? part.label : "");
  const key = [own, item.key].filter((k) => k !== "").join(".");
  const message = renderItem(item, { located: false });
  return { ...item, key, part: part.label, share: item.share * partShare, message };
}

/** Grades one part: reads the part's field, then asks its check. */
export function gradePart(part: Part, answer: AnswerValue, context: CheckContext): CheckOutcome {
  const value = part.field === undefined ? answer : fieldAt(answer, part.field);
  if (typeof value === "string") return invalid(value);
  if (value === undefined) return graded(0, { kind: "no-answer", field: part.field });
  try {
    return part.check.grade(value, context);
  } catch (error) {
    // A fault in a checker or a package it uses costs this part, not the whole file.
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: "invalid",
      items: [
        {
          key: "",
          verdict: "invalid",
          share: 1,
          earned: 0,
          finding: { kind: "internal-error", message },
        },
      ],
    };
  }
}
/** The value at a dotted path, undefined when absent, or a message when the answer is not a mapping. */
function fieldAt(answer: AnswerValue, path: string): AnswerValue | undefined | string {
  let value: AnswerValue = answer;
  const walked: string[] = [];
  for (const key of path.split(".")) {
    if (value.type !== "map") {
      const where = walked.length === 0 ? "the answer" : `'${walked.join(".")}'`;
      return `${where} must be a mapping with '${key}'; found ${describeValue(value)}`;
    }
    const next = value.entries.get(key);
    if (next === undefined || next.type === "null") return undefined;
    value = next;
    walked.push(key);
  }
  return value;
}

function statusOf(outcomes: readonly CheckOutcome[], fraction: number): QuestionStatus {
  if (outcomes.some((o) => o.status === "manual")) return "manual";
  if (outcomes.some((o) => o.status === "invalid")) return "invalid";
  // No machine decided a part: a person does, never `passed`.
  if (outcomes.some((o) => o.status === "review")) return "review";
  if (fraction >= 1) return "passed";
  return fraction > 0 ? "partial" : "failed";
}

/** The items this audience may see: a hidden part's, or one not yet due, give only a verdict. */
function visibleItems(
  part: Part,
  outcome: CheckOutcome,
  assignment: Assignment,
  audience: Audience,
): readonly OutcomeItem[] {
  // A problem reading the answer is about what the student wrote, never about the reference.
  if (
    audience.audience === "instructor" ||
    part.visibility === "visible" ||
    outcome.status === "invalid"
  ) {
    return outcome.items;
  }
  const due = assignment.dueDate;
  if (
    part.visibility !== "hidden" &&
    (due === undefined || audience.now.getTime() >= due.getTime())
  )
    return outcome.items;
  const passed = outcome.status === "graded" && outcome.fraction >= 1;
  const verdict = outcome.status === "graded" ? (passed ? "passed" : "not passed") : outcome.status;
  const finding: Finding =
    part.visibility === "hidden" || due === undefined
      ? { kind: "withheld", verdict }
      : { kind: "withheld", verdict, until: due.toISOString() };
  const earned = outcome.status === "graded" || outcome.status === "review" ? outcome.fraction : 0;
  const fields = { key: "", share: 1, earned, finding };
  // A passed outcome's items are all correct, each with what makes it sure: the withheld item
  // keeps the first one's (a hidden check is one item in practice).
  const sure = outcome.items.find((i) => i.verdict === "correct")?.scope;
  if (passed && sure !== undefined && isCertainty(sure))
    return [{ ...fields, verdict: "correct", scope: sure }];
  const withheld: OutcomeItem = {
    ...fields,
    verdict:
      outcome.status === "graded" ? (outcome.fraction > 0 ? "partial" : "wrong") : outcome.status,
  };
  return [withheld];
}
