import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defineAssignment } from "../assignment/assignment.js";
import { gradeAnswerText } from "../grade/grade-answer.js";
import { hw1 } from "../hw1/hw1.js";

// hw1's expression questions, graded from the example answers: a correct answer is proved at the
// question's sizes, whatever form it is written in.
const examples = fileURLToPath(new URL("../../../../examples/hw1/", import.meta.url));
const ids = new Set(["q3.1", "q3.2", "q3.3.2"]);
const expressions = defineAssignment({
  ...hw1,
  questions: hw1.questions.filter((q) => ids.has(q.id)),
});
const grade = (file: string) =>
  gradeAnswerText(readFileSync(`${examples}${file}`, "utf8"), { assignment: expressions });

describe("hw1's expression questions", () => {
  it.each(["correct.yaml", "equivalent-forms.yaml"])("proves the answers of %s", (file) => {
    const result = grade(file);
    const byId = new Map(result.questions.map((q) => [q.id, q]));
    expect(byId.get("q3.1")?.feedback).toBe(
      "gradient: correct: proved for every X (6×3), t (6×1) and w (3×1)",
    );
    expect(byId.get("q3.2")?.feedback).toMatch(
      /^w: correct: proved for every X \(6×3\), t \(6×1\) and w \(3×1\) with XᵀX invertible\n/,
    );
    expect(byId.get("q3.3.2")?.feedback).toBe(
      "w: correct: proved for every X (3×6), t (3×1) and w (6×1) with XXᵀ invertible",
    );
    for (const q of result.questions) expect(q.status).toBe("passed");
  });
});
