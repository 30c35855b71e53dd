import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GradingError } from "../errors.js";
import { gradeAnswerText } from "./grade-answer.js";
import { mergeManualScores, parseManualScores } from "./manual-scores.js";

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
    expect(() => parseManualScores("student_id,question,score\ns,q3.3.3,many\n")).toThrow("line 2");
    const row = (question: string, score: number) => [
      { studentId: "example-correct", question, score, feedback: "" },
    ];
    expect(() => mergeManualScores(correct, row("q2.3", 1))).toThrow(
      "the question is passed, not waiting for a person",
    );
    expect(() => mergeManualScores(correct, row("q3.3.3", 2))).toThrow(
      "above the question's 1 points",
    );
    expect(() => mergeManualScores(correct, row("q9", 1))).toThrow("hw1 has no question q9");
  });
});
