// A question's feedback on the Answers screen, drawn from the grader's items (never from its
// feedback text): one entry per judged field or equation with its verdict's mark, its key and the
// renderer's sentence; the items of a part that judges several keys (2.1.2's equations) are
// grouped under the part's label.
import type { QuestionItem, QuestionResult } from "@nnkit/grading";
import type { Tone } from "../../app/theme.js";
import { wrapCells } from "../../components/truncate.js";
import { reviewHint, verdictMark, verdictTone } from "../../components/verdict-mark.js";

export interface FeedbackLine {
  readonly text: string;
  readonly tone?: Tone;
}

/** What the item is about: its key, or the chain through the student's own equations. */
function itemLabel(item: QuestionItem): string {
  return item.aspect === "chain" ? `${item.key} from your own equations` : item.key;
}

/** `text` wrapped to the columns left after `indent`, each line indented. */
function wrapIndented(indent: string, text: string, columns: number): string[] {
  return wrapCells(text, Math.max(10, columns - indent.length)).map((line) => indent + line);
}

/** The item's sentence after its mark and label, continuation lines indented under it. */
function entry(item: QuestionItem, label: string, indent: string, columns: number): FeedbackLine[] {
  const tone = verdictTone(item.verdict);
  const [first = "", ...rest] = item.message.split("\n");
  const head = wrapIndented(indent, `${verdictMark(item.verdict)} ${label}: ${first}`, columns);
  const more = rest.flatMap((line) => wrapIndented(`${indent}  `, line, columns));
  return [...head.map((text) => ({ text, tone })), ...more.map((text) => ({ text }))];
}

export function itemLines(result: QuestionResult, columns: number): FeedbackLine[] {
  if (result.items.length === 0) {
    return [{ text: result.status === "missing" ? "no answer in the file" : "", tone: "muted" }];
  }
  const parts = new Map<string, QuestionItem[]>();
  for (const item of result.items) parts.set(item.part, [...(parts.get(item.part) ?? []), item]);
  const lines: FeedbackLine[] = [];
  for (const [part, items] of parts) {
    const [only] = items;
    if (items.length === 1 && only !== undefined) {
      lines.push(...entry(only, part, "", columns));
      continue;
    }
    lines.push({ text: part });
    for (const item of items) lines.push(...entry(item, itemLabel(item), "  ", columns));
  }
  if (result.items.some((item) => item.verdict === "review")) {
    lines.push(...wrapCells(reviewHint, columns).map((text) => ({ text, tone: "muted" as const })));
  }
  return lines;
}
