// summary.md: the class at a glance: per-question means and score distributions, the most common
// mistakes, invalid files with reasons, and duplicate student ids.
import type { SkippedEntry } from "../batch/discover.js";
import { formatScore } from "./gradebook.js";
import { isInvalid, type KeyedResult } from "./student-key.js";
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

interface QuestionTally {
  scores: Map<number, number>;
  sum: number;
  count: number;
  maxScore: number;
  statuses: Map<string, number>;
  mistakes: Map<string, number>;
}

/**
 * The summary's numbers, added up one result at a time in the batch's order, so that a batch of
 * any size is summarised without holding its results: per question, the distribution of scores,
 * the statuses and the first lines of mistakes (counted once per distinct line).
 */
export class SummaryTally {
  private files = 0;
  private valid = 0;
  private duplicates = 0;
  private scoreSum = 0;
  private maxScore = 0;
  private readonly questions = new Map<string, QuestionTally>();
  private readonly invalid: string[] = [];
  private readonly duplicateLines: string[] = [];

  add(r: KeyedResult): void {
    this.files += 1;
    this.maxScore = Math.max(this.maxScore, r.result.max_score);
    if (r.duplicateOf) {
      this.duplicates += 1;
      this.duplicateLines.push(
        `- ${markdownCode(r.result.student.id)} in ${markdownCode(r.file.relativePath)} (results file ${markdownCode(`${r.key}.json`)})`,
      );
    }
    if (isInvalid(r)) {
      const reason = firstLine(r.result.questions[0]?.feedback ?? "");
      this.invalid.push(`- ${markdownCode(r.file.relativePath)}: ${markdownInline(reason)}`);
      return;
    }
    this.valid += 1;
    this.scoreSum += r.result.score;
    for (const q of r.result.questions) {
      let tally = this.questions.get(q.id);
      if (tally === undefined) {
        tally = {
          scores: new Map(),
          sum: 0,
          count: 0,
          maxScore: 0,
          statuses: new Map(),
          mistakes: new Map(),
        };
        this.questions.set(q.id, tally);
      }
      tally.scores.set(q.score, (tally.scores.get(q.score) ?? 0) + 1);
      tally.sum += q.score;
      tally.count += 1;
      tally.maxScore = Math.max(tally.maxScore, q.max_score);
      tally.statuses.set(q.status, (tally.statuses.get(q.status) ?? 0) + 1);
      if ((q.status === "failed" || q.status === "partial") && q.feedback) {
        const key = mistakeLine(q.feedback);
        tally.mistakes.set(key, (tally.mistakes.get(key) ?? 0) + 1);
      }
    }
  }

  stats(): BatchStats {
    return {
      files: this.files,
      valid: this.valid,
      invalid: this.files - this.valid,
      duplicates: this.duplicates,
      meanScore: this.valid ? this.scoreSum / this.valid : 0,
      maxScore: this.maxScore,
    };
  }

  markdown(skipped: readonly SkippedEntry[] = []): string {
    const stats = this.stats();
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
    for (const [id, q] of this.questions) {
      const mean = q.count ? q.sum / q.count : 0;
      const dist = [...q.scores.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([score, count]) => `${formatScore(score)}: ${count}`)
        .join(", ");
      const count = (status: string) => q.statuses.get(status) ?? 0;
      lines.push(
        `| ${id} | ${formatScore(mean)} | ${formatScore(q.maxScore)} | ${dist} | ${count("passed")} | ${count("partial")} | ${count("failed")} | ${count("missing")} | ${count("invalid")} | ${count("manual")} |`,
      );
    }
    lines.push("", "## Most common mistakes", "");
    let anyMistake = false;
    for (const [id, q] of this.questions) {
      const top = [...q.mistakes.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, MISTAKES_SHOWN);
      if (top.length === 0) continue;
      anyMistake = true;
      lines.push(`- **${id}**`, ...top.map(([text, n]) => `  - ${n}× ${markdownInline(text)}`));
    }
    if (!anyMistake) lines.push("None.");
    lines.push("", "## Invalid files", "");
    if (this.invalid.length === 0) lines.push("None.");
    lines.push(...this.invalid);
    lines.push("", "## Duplicate student ids", "");
    if (this.duplicateLines.length === 0) lines.push("None.");
    lines.push(...this.duplicateLines);
    lines.push("", "## Not graded", "");
    if (skipped.length === 0) lines.push("None.");
    for (const s of skipped)
      lines.push(`- ${markdownCode(s.relativePath)}: ${markdownInline(s.reason)}`);
    return `${lines.join("\n")}\n`;
  }
}

function tallied(results: readonly KeyedResult[]): SummaryTally {
  const tally = new SummaryTally();
  for (const r of results) tally.add(r);
  return tally;
}

export function batchStats(results: readonly KeyedResult[]): BatchStats {
  return tallied(results).stats();
}

export function summaryMarkdown(
  results: readonly KeyedResult[],
  skipped: readonly SkippedEntry[] = [],
): string {
  return tallied(results).markdown(skipped);
}
