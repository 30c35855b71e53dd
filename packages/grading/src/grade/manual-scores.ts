import { GradingError } from "../errors.js";
import { renderItem } from "./render-feedback.js";
import { type GradeResult, type QuestionItem, type QuestionResult, roundScore } from "./result.js";

/** One row of a manual-scores CSV: a person's score (and comment) for one student's question. */
export interface ManualScore {
  readonly studentId: string;
  readonly question: string;
  readonly score: number;
  readonly feedback: string;
}

const HEADER = ["student_id", "question", "score", "feedback"] as const;

/** One row of a manual-scores CSV, read on its own: a score, or what is wrong with it. */
export type ManualScoreRow =
  | { readonly ok: true; readonly line: number; readonly score: ManualScore }
  | { readonly ok: false; readonly line: number; readonly message: string };

/** A score as a person writes it: decimal digits, an optional fraction (not `0x1`, `1e3`, `Infinity`). */
const DECIMAL_SCORE = /^\d+(\.\d+)?$/;

/**
 * Reads a manual-scores CSV with the header `student_id,question,score,feedback` (feedback optional,
 * fields may be double-quoted), each row on its own so that one bad row costs only itself. Lines
 * are the file's own (a quoted cell may span several). Throws a GradingError for a wrong header.
 */
export function readManualScoreRows(csv: string): ManualScoreRow[] {
  const rows = parseCsv(csv).filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  const [header, ...body] = rows;
  const names = header?.cells.map((cell) => cell.trim());
  if (names === undefined || HEADER.slice(0, 3).some((name, i) => names[i] !== name)) {
    throw new GradingError("parseManualScores", `the first line must be ${HEADER.join(",")}`);
  }
  return body.map(({ line, cells }): ManualScoreRow => {
    const [studentId = "", question = "", score = "", feedback = ""] = cells.map((cell) =>
      cell.trim(),
    );
    if (studentId === "" || question === "" || !DECIMAL_SCORE.test(score)) {
      const found = score === "" ? "no score" : `score '${score.slice(0, 20)}'`;
      return {
        ok: false,
        line,
        message: `line ${line}: needs a student id, a question and a decimal score ≥ 0 (found ${found})`,
      };
    }
    return { ok: true, line, score: { studentId, question, score: Number(score), feedback } };
  });
}

/** Every row of a manual-scores CSV; throws a GradingError naming the line of the first bad row. */
export function parseManualScores(csv: string): ManualScore[] {
  return readManualScoreRows(csv).map((row) => {
    if (!row.ok) throw new GradingError("parseManualScores", row.message);
    return row.score;
  });
}

/**
 * Merges a person's scores into a result: each `manual` question of this student that has a row gets
 * that score (its status follows from it) and the comment. Throws a GradingError for a row that
 * targets an automatically graded or unknown question, or a score above the question's points.
 */
export function mergeManualScores(
  result: GradeResult,
  scores: readonly ManualScore[],
): GradeResult {
  const mine = scores.filter((s) => s.studentId === result.student.id);
  const questions = result.questions.map((question) => {
    const row = mine.find((s) => s.question === question.id);
    return row === undefined ? question : scored(question, row);
  });
  for (const row of mine) {
    if (!result.questions.some((q) => q.id === row.question)) {
      throw new GradingError(
        "mergeManualScores",
        `${result.assignment} has no question ${row.question}`,
      );
    }
  }
  return {
    ...result,
    score: roundScore(questions.reduce((sum, q) => sum + q.score, 0)),
    questions,
  };
}

function scored(question: QuestionResult, row: ManualScore): QuestionResult {
  const where = `mergeManualScores(${row.studentId}, ${row.question})`;
  if (question.status !== "manual" && question.status !== "review") {
    throw new GradingError(where, `the question is ${question.status}, not waiting for a person`);
  }
  if (row.score > question.max_score) {
    throw new GradingError(
      where,
      `score ${row.score} is above the question's ${question.max_score} points`,
    );
  }
  const status = row.score >= question.max_score ? "passed" : row.score > 0 ? "partial" : "failed";
  const fraction = question.max_score > 0 ? row.score / question.max_score : 0;
  const fields = {
    key: "",
    part: "",
    share: 1,
    earned: fraction,
    finding: { kind: "scored-by-person", comment: row.feedback },
    message: "",
  } as const;
  const person: QuestionItem =
    fraction >= 1
      ? { ...fields, verdict: "correct", scope: { kind: "person" } }
      : { ...fields, verdict: fraction > 0 ? "partial" : "wrong" };
  const rendered = renderItem(person);
  return {
    ...question,
    score: roundScore(row.score),
    status,
    feedback: `${question.feedback}\n${rendered}`,
    items: [...question.items, { ...person, message: rendered }],
  };
}

/**
 * RFC 4180 rows, each with the line it starts on: commas separate cells, double quotes enclose
 * cells with commas, quotes or newlines.
 */
function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push({ line: rowLine, cells: row });
      line++;
      rowLine = line;
      row = [];
      cell = "";
    } else {
      cell += ch;
    }
  }
  row.push(cell);
  rows.push({ line: rowLine, cells: row });
  return rows;
}
