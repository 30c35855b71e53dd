// Person-given scores for manual questions (free text), merged into graded results.
import type { GradeResult } from "@nnkit/grading";

export interface ManualScore {
  studentId: string;
  question: string;
  score: number;
  comment: string;
  /** Where the score came from, for error messages (e.g. "manual.csv line 4"). */
  source: string;
}

export type ManualMergeOutcome = { ok: true; result: GradeResult } | { ok: false; error: string };

export function applyManualScore(result: GradeResult, manual: ManualScore): ManualMergeOutcome {
  const question = result.questions.find((q) => q.id === manual.question);
  if (!question) {
    return {
      ok: false,
      error: `${manual.source}: no question "${manual.question}" in ${result.assignment}`,
    };
  }
  if (question.status !== "manual") {
    return {
      ok: false,
      error: `${manual.source}: ${manual.question} is graded automatically (status ${question.status}), not by a person`,
    };
  }
  if (!Number.isFinite(manual.score) || manual.score < 0 || manual.score > question.max_score) {
    return {
      ok: false,
      error: `${manual.source}: score ${manual.score} for ${manual.question} is outside 0..${question.max_score}`,
    };
  }
  const feedback = [`Graded by a person: ${manual.score}/${question.max_score}.`, manual.comment]
    .filter(Boolean)
    .join(" ");
  const questions = result.questions.map((q) =>
    q === question ? { ...q, score: manual.score, feedback } : q,
  );
  const score = questions.reduce((s, q) => s + q.score, 0);
  return { ok: true, result: { ...result, questions, score } };
}
