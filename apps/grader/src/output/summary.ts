// summary.md: the class at a glance: per-question means and score distributions, the most common
// mistakes, invalid files with reasons, and duplicate student ids.
import type { SkippedEntry } from "../batch/discover.js";
import { formatScore } from "./gradebook.js";
import { isInvalid, type KeyedResult, questionIds } from "./student-key.js";
import { markdownCode, markdownInline } from "./untrusted-text.js";

const MISTAKES_SHOWN = 3;

function firstLine(text: string): string {
  return text.trim().split("\n")[0]!.slice(0, 160);
}

/** The line of a feedback that names what went wrong (parts that were right read ": correct"). */
function mistakeLine(feedback: string): string {
  const lines = feedback.trim().split("\n");
  return (lines.find((l) => !/:\s*correct\b/.test(l)) ?? lines[0]!).slice(0, 160);
}

export interface BatchStats {
  files: number;
  valid: number;
  invalid: number;
  duplicates: number;
  meanScore: number;
  maxScore: number;
}

export function batchStats(results: readonly KeyedResult[]): BatchStats {
  const valid = results.filter((r) => !isInvalid(r));
  const meanScore = valid.length ? valid.reduce((s, r) => s + r.result.score, 0) / valid.length : 0;
  return {
    files: results.length,
    valid: valid.length,
    invalid: results.length - valid.length,
    duplicates: results.filter((r) => r.duplicateOf).length,
    meanScore,
    maxScore: Math.max(0, ...results.map((r) => r.result.max_score)),
  };
}

export function summaryMarkdown(
  results: readonly KeyedResult[],
  skipped: readonly SkippedEntry[] = [],
): string {
  const stats = batchStats(results);
  const valid = results.filter((r) => !isInvalid(r));
  const lines = [
    "# Grading summary",
    "",
    `${stats.files} files: ${stats.valid} graded, ${stats.invalid} invalid, ${stats.duplicates} with duplicate ids.`,
    `Mean score of graded files: ${formatScore(stats.meanScore)} / ${formatScore(stats.maxScore)}.`,
    "",
    "## Questions",
    "",
    "| question | mean | max | distribution (score: count) | passed | partial | failed | missing | invalid | manual |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  const ids = questionIds(valid);
  for (const id of ids) {
    const qs = valid.flatMap((r) => r.result.questions.filter((q) => q.id === id));
    const mean = qs.length ? qs.reduce((s, q) => s + q.score, 0) / qs.length : 0;
    const distribution = new Map<number, number>();
    for (const q of qs) distribution.set(q.score, (distribution.get(q.score) ?? 0) + 1);
    const dist = [...distribution.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([score, count]) => `${formatScore(score)}: ${count}`)
      .join(", ");
    const count = (status: string) => qs.filter((q) => q.status === status).length;
    lines.push(
      `| ${id} | ${formatScore(mean)} | ${formatScore(Math.max(0, ...qs.map((q) => q.max_score)))} | ${dist} | ${count("passed")} | ${count("partial")} | ${count("failed")} | ${count("missing")} | ${count("invalid")} | ${count("manual")} |`,
    );
  }
  lines.push("", "## Most common mistakes", "");
  let anyMistake = false;
  for (const id of ids) {
    const tally = new Map<string, number>();
    for (const r of valid) {
      for (const q of r.result.questions) {
        if (q.id !== id || (q.status !== "failed" && q.status !== "partial") || !q.feedback)
          continue;
        const key = mistakeLine(q.feedback);
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
    }
    const top = [...tally.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MISTAKES_SHOWN);
    if (top.length === 0) continue;
    anyMistake = true;
    lines.push(`- **${id}**`, ...top.map(([text, n]) => `  - ${n}× ${markdownInline(text)}`));
  }
  if (!anyMistake) lines.push("None.");
  lines.push("", "## Invalid files", "");
  const invalid = results.filter(isInvalid);
  if (invalid.length === 0) lines.push("None.");
  for (const r of invalid) {
    const reason = firstLine(r.result.questions[0]?.feedback ?? "");
    lines.push(`- ${markdownCode(r.file.relativePath)}: ${markdownInline(reason)}`);
  }
  lines.push("", "## Duplicate student ids", "");
  const dups = results.filter((r) => r.duplicateOf);
  if (dups.length === 0) lines.push("None.");
  for (const r of dups) {
    lines.push(
      `- ${markdownCode(r.result.student.id)} in ${markdownCode(r.file.relativePath)} (results file ${markdownCode(`${r.key}.json`)})`,
    );
  }
  lines.push("", "## Not graded", "");
  if (skipped.length === 0) lines.push("None.");
  for (const s of skipped)
    lines.push(`- ${markdownCode(s.relativePath)}: ${markdownInline(s.reason)}`);
  return `${lines.join("\n")}\n`;
}
