import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GradingError } from "../errors.js";
import { gradeAnswerText } from "./grade-answer.js";
import { mergeManualScores, parseManualScores, readManualScoreRows } from "./manual-scores.js";

const correct = gradeAnswerText(
  readFileSync(
    fileURLToPath(new URL("../../../../examples/hw1/correct.yaml", import.meta.url)),
    "utf8",
  ),
);

describe("manual scores", () => {
  it("reads quoted cells with commas and quotes", () => {
    const csv =
      'student_id,question,score,feedback\r\nexample-correct,q3.3.3,0.5,"Right idea, but ""why"" is missing"\n';
    expect(parseManualScores(csv)).toEqual([
      {
        studentId: "example-correct",
        question: "q3.3.3",
        score: 0.5,
        feedback: 'Right idea, but "why" is missing',
      },
    ]);
  });

  it("reads each row on its own, with the file's line numbers, decimal scores only", () => {
    const csv =
      'student_id,question,score,feedback\na,q3.3.3,0x1,\nb,q3.3.3,"1",\nc,q3.3.3,1,"two\nlines"\nd,q3.3.3,1e3,\n\ne,q3.3.3,0.25,\nf,q3.3.3,Infinity,\ng,q3.3.3,-1,\n';
    const rows = readManualScoreRows(csv);
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, false],
      [3, true],
      [4, true],
      [6, false],
      [8, true],
      [9, false],
      [10, false],
    ]);
    expect(rows[0]).toMatchObject({ message: expect.stringContaining("line 2: ") });
    expect(rows[0]).toMatchObject({ message: expect.stringContaining("found score '0x1'") });
    expect(rows.flatMap((r) => (r.ok ? [r.score.score] : []))).toEqual([1, 1, 0.25]);
  });

  it("merges a person's score into the manual question and the total", () => {
    const scores = parseManualScores(
      "student_id,question,score,feedback\nexample-correct,q3.3.3,1,double descent\nother,q3.3.3,0,\n",
    );
    const merged = mergeManualScores(correct, scores);
    const q = merged.questions.find((x) => x.id === "q3.3.3")!;
    expect(q.status).toBe("passed");
    expect(q.score).toBe(1);
    expect(q.feedback).toBe(
      "text: kept for a person to grade (34 words)\ngraded by a person: double descent",
    );
    expect(merged.score).toBe(9);
  });

  it("throws typed errors for malformed or misdirected rows", () => {
    expect(() => parseManualScores("id,score\n")).toThrow(GradingError);
    expect(() => parseManualScores("id,score\n")).toThrow(
      expect.objectContaining({ code: "manual-scores" }),
    );
    expect(() => parseManualScores("student_id,question,score\ns,q3.3.3,many\n")).toThrow(
      expect.objectContaining({
        code: "manual-scores",
        message: expect.stringContaining("line 2"),
      }),
    );
    const row = (question: string, score: number) => [
      { studentId: "example-correct", question, score, feedback: "" },
    ];
    expect(() => mergeManualScores(correct, row("q2.3", 1))).toThrow(
      expect.objectContaining({
        code: "manual-scores",
        message: expect.stringContaining("the question is passed, not waiting for a person"),
      }),
    );
    expect(() => mergeManualScores(correct, row("q3.3.3", 2))).toThrow(
      expect.objectContaining({
        code: "manual-scores",
        message: expect.stringContaining("above the question's 1 points"),
      }),
    );
    expect(() => mergeManualScores(correct, row("q9", 1))).toThrow(
      expect.objectContaining({
        code: "unknown-question",
        message: expect.stringContaining("hw1 has no question q9"),
      }),
    );
  });
});
