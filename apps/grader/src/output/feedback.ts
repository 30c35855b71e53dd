// feedback/<student>.md: what a student gets back, one section per question.
import type { GradeResult } from "@nnkit/grading";
import { formatScore } from "./gradebook.js";
import { markdownBlock, markdownInline, withoutControls } from "./untrusted-text.js";

const STATUS_MARK: Record<string, string> = {
  passed: "✔ passed",
  partial: "◐ partial",
  failed: "✘ failed",
  missing: "∅ missing",
  invalid: "⚠ invalid",
  manual: "✎ graded by a person",
  review: "⚑ waiting for a person to review",
};

export function feedbackMarkdown(result: GradeResult): string {
  // Names, ids and the answers that feedback quotes come from students: shown, never rendered.
  const { name, id } = result.student;
  const who = [name && markdownInline(name), id && `(${markdownInline(id)})`]
    .filter(Boolean)
    .join(" ");
  const lines = [
    `# ${markdownInline(result.assignment) || "Homework"} feedback${who ? ` for ${who}` : ""}`,
    "",
    `**Score: ${formatScore(result.score)} / ${formatScore(result.max_score)}**`,
    "",
    "| question | score | status |",
    "| --- | --- | --- |",
    ...result.questions.map(
      (q) =>
        `| ${q.id} | ${formatScore(q.score)} / ${formatScore(q.max_score)} | ${STATUS_MARK[q.status] ?? q.status} |`,
    ),
    "",
  ];
  for (const q of result.questions) {
    if (!q.feedback) continue;
    lines.push(`## ${q.id}`, "", markdownBlock(q.feedback.trim()), "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** A plain-text report for the terminal (`nnkit-grade check`). */
export function textReport(result: GradeResult, fileLabel: string): string {
  const width = Math.max(8, ...result.questions.map((q) => q.id.length));
  const lines = [
    `${fileLabel}: ${result.student.name || "?"} (${result.student.id || "no id"}), ${result.assignment || "?"}`,
    "",
    ...result.questions.flatMap((q) => {
      const head = `${q.id.padEnd(width)}  ${`${formatScore(q.score)}/${formatScore(q.max_score)}`.padStart(7)}  ${q.status}`;
      const body = q.feedback
        ? q.feedback
            .trim()
            .split("\n")
            .map((l) => `${" ".repeat(width + 4)}${l}`)
        : [];
      return [head, ...body];
    }),
    "",
    `total: ${formatScore(result.score)} / ${formatScore(result.max_score)}`,
  ];
  // For a terminal: a student's escape sequences must not reach it.
  return withoutControls(`${lines.join("\n")}\n`);
}
