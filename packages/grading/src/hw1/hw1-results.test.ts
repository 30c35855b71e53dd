import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Assignment, withStudentVariants } from "../assignment/assignment.js";
import { assignmentFromSpec } from "../assignment/compile-assignment.js";
import { loadAssignment } from "../assignment/load-assignment.js";
import { readYamlDocument } from "../assignment/yaml/read-document.js";
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
const examples = fileURLToPath(new URL("../../../../examples/hw1/", import.meta.url));
const NOW = new Date("2026-12-01T00:00:00Z");
const answerText = (file: string, recorded: Recorded) =>
  recorded.text ?? readFileSync(`${examples}${file}`, "utf8");
const grade = (text: string, assignment: Assignment) =>
  resultToJSON(gradeAnswerText(text, { assignment, audience: "instructor", now: NOW }));

/**
 * hw1 as its file defines it, but with a solver time-out that no load of this shared machine
 * reaches: the recorded results are all decided, and an undecided (timed-out) proof would show
 * as `review` rather than as a difference of definition.
 */
function patientHw1(): Assignment {
  const data = readYamlDocument(readFileSync(`${examples}assignment.yaml`, "utf8"), "hw1").data as {
    questions: { kind?: string; parts?: { kind: string }[] }[];
  };
  for (const question of data.questions) {
    for (const part of [question, ...(question.parts ?? [])]) {
      if (part.kind === "threshold" || part.kind === "condition")
        Object.assign(part, { solver_timeout_ms: 60_000 });
    }
  }
  return assignmentFromSpec(data);
}

describe("hw1 from its YAML grades as the TypeScript hw1 did, byte for byte", () => {
  const patient = patientHw1();
  const perStudent = withStudentVariants(patient);
  // One test per file and grading; the first ones start the solver, which on a heavily loaded
  // machine takes seconds, hence the longer limit (a few hundred milliseconds when unloaded).
  const cases = Object.entries(fixture.results).flatMap(([file, recorded]) => [
    [file, "instructor", recorded] as const,
    [file, "variants", recorded] as const,
  ]);
  it.each(cases)(
    "%s (%s)",
    (file, grading, recorded) => {
      const assignment = grading === "instructor" ? patient : perStudent;
      expect(grade(answerText(file, recorded), assignment)).toBe(recorded[grading]);
    },
    90_000,
  );

  it("writes the same answer template, with the handout's numbers and a student's", () => {
    expect(answerTemplate(hw1, { studentId: "s1" })).toBe(fixture.templates.handout);
    const variants = withStudentVariants(hw1);
    expect(answerTemplate(variants, { studentId: "s1" })).toBe(fixture.templates.variants);
  });
});

describe("the built-in hw1 is the file's", () => {
  // Questions whose results need no solver (1.1, 1.2 and 2.4's condition do), so that the
  // comparison cannot depend on the machine's load.
  const solverFree = (json: string) => {
    const result = JSON.parse(json) as { questions: { id: string }[] };
    return result.questions.filter((q) => !["q1.1", "q1.2", "q2.4"].includes(q.id));
  };

  it("grades like --assignment examples/hw1/assignment.yaml", async () => {
    const fromPath = await loadAssignment(`${examples}assignment.yaml`);
    expect(fromPath.questions.map((q) => [q.id, q.points, q.parts.length, q.template])).toEqual(
      hw1.questions.map((q) => [q.id, q.points, q.parts.length, q.template]),
    );
    for (const file of ["correct.yaml", "seed-student.yaml", "mistakes/q2.3-z.yaml"]) {
      const text = readFileSync(`${examples}${file}`, "utf8");
      expect(solverFree(grade(text, fromPath))).toEqual(solverFree(grade(text, hw1)));
    }
  });
});
