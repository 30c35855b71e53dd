import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withStudentVariants } from "../assignment/assignment.js";
import { gradeAnswerText } from "../grade/grade-answer.js";
import { resultToJSON } from "../grade/result.js";
import { answerTemplate } from "../template.js";
import { hw1 } from "./hw1.js";

// fixtures/results.json was written by fixtures/make-results.mjs with the TypeScript definition of
// hw1 that examples/hw1/assignment.yaml replaced: every answer file under examples/hw1 and eight
// probe files, graded with the handout's numbers and with per-student variants. The YAML's hw1
// must give the same bytes.
interface Recorded {
  readonly text?: string;
  readonly instructor: string;
  readonly variants: string;
}
const fixture = JSON.parse(
  readFileSync(new URL("./fixtures/results.json", import.meta.url), "utf8"),
) as { templates: { handout: string; variants: string }; results: Record<string, Recorded> };
const NOW = new Date("2026-12-01T00:00:00Z");
const answerText = (file: string, recorded: Recorded) =>
  recorded.text ??
  readFileSync(new URL(`../../../../examples/hw1/${file}`, import.meta.url), "utf8");

describe("hw1 from its YAML grades as the TypeScript hw1 did, byte for byte", () => {
  const perStudent = withStudentVariants(hw1);
  it.each(Object.entries(fixture.results))("%s", (file, recorded) => {
    const text = answerText(file, recorded);
    const grade = (assignment: typeof hw1) =>
      resultToJSON(gradeAnswerText(text, { assignment, audience: "instructor", now: NOW }));
    expect(grade(hw1)).toBe(recorded.instructor);
    expect(grade(perStudent)).toBe(recorded.variants);
  });

  it("writes the same answer template, with the handout's numbers and a student's", () => {
    expect(answerTemplate(hw1, { studentId: "s1" })).toBe(fixture.templates.handout);
    expect(answerTemplate(perStudent, { studentId: "s1" })).toBe(fixture.templates.variants);
  });
});
