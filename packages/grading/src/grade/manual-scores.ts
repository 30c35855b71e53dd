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

/**
 * Reads a manual-scores CSV with the header `student_id,question,score,feedback` (feedback optional,
 * fields may be double-quoted). Throws a GradingError naming the line of a malformed row.
 */
export function parseManualScores(csv: string): ManualScore[] {
  const rows = parseCsv(csv).filter((row) => row.some((cell) => cell.trim() !== ""));
  const [header, ...body] = rows;
  const names = header?.map((cell) => cell.trim());
  if (names === undefined || HEADER.slice(0, 3).some((name, i) => names[i] !== name)) {
    throw new GradingError("parseManualScores", `the first line must be ${HEADER.join(",")}`);
  }
  return body.map((row, index) => {
    const line = index + 2;
    const [studentId = "", question = "", score = "", feedback = ""] = row.map((cell) =>
      cell.trim(),
    );
    const value = Number(score);
    if (
      studentId === "" ||
      question === "" ||
      score === "" ||
      !Number.isFinite(value) ||
      value < 0
    ) {
      throw new GradingError(
        "parseManualScores",
        `line ${line}: needs a student id, a question and a score ≥ 0`,
      );
    }
    return { studentId, question, score: value, feedback };
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
  const person: QuestionItem = {
    key: "",
    part: "",
    verdict: fraction >= 1 ? "correct" : fraction > 0 ? "partial" : "wrong",
    share: 1,
    earned: fraction,
    finding: { kind: "scored-by-person", comment: row.feedback },
    message: "",
  };
  const rendered = renderItem(person);
  return {
    ...question,
    score: roundScore(row.score),
    status,
    feedback: `${question.feedback}\n${rendered}`,
    items: [...question.items, { ...person, message: rendered }],
  };
}

/** RFC 4180 rows: commas separate cells, double quotes enclose cells with commas, quotes or newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
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
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += ch;
    }
  }
  row.push(cell);
  rows.push(row);
  return rows;
}
