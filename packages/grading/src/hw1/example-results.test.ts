import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defineAssignment } from "../assignment/assignment.js";
import { gradeAnswerText } from "../grade/grade-answer.js";
import { resultToJSON } from "../grade/result.js";
import { hw1 } from "./hw1.js";

// Every answer file under examples/hw1 graded on homework 2.1's questions, as the result JSON byte
// for byte, against the results recorded before 2.1 moved from hand-written code to assignment
// data (packages/grading/src/network). Only 2.1: the threshold and condition questions' results
// depend on whether the solver answers within its time-out, so they differ with the machine's load.
// Record again (only after checking that the change in results is meant) with
//   NNKIT_RECORD_RESULTS=1 npx vitest run src/hw1/example-results.test.ts
const examples = fileURLToPath(new URL("../../../../examples/hw1/", import.meta.url));
const recorded = fileURLToPath(new URL("./fixtures/example-results/", import.meta.url));
const record = process.env.NNKIT_RECORD_RESULTS === "1";
// A fixed clock, so that after-due-date visibility cannot change the bytes.
const now = new Date("2026-12-01T00:00:00Z");
const backpropQuestions = new Set(["q2.1.1", "q2.1.2"]);
const hw1Backprop = defineAssignment({
  ...hw1,
  questions: hw1.questions.filter((q) => backpropQuestions.has(q.id)),
});

function answerFiles(folder: string): string[] {
  return (
    readdirSync(folder, { withFileTypes: true })
      .flatMap((entry) => {
        const path = join(folder, entry.name);
        return entry.isDirectory() ? answerFiles(path) : [path];
      })
      // assignment.yaml is hw1's definition, not an answer file.
      .filter((path) => /\.(ya?ml|json)$/.test(path) && !path.endsWith("assignment.yaml"))
      .sort()
  );
}

describe("grading examples/hw1 on 2.1 gives the recorded result JSON", () => {
  const files = answerFiles(examples).map((path) => relative(examples, path));

  it("finds the example answer files", () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(files)("%s", (file) => {
    const json = resultToJSON(
      gradeAnswerText(readFileSync(join(examples, file), "utf8"), { now, assignment: hw1Backprop }),
    );
    const fixture = join(recorded, `${file}.result.json`);
    if (record) {
      mkdirSync(dirname(fixture), { recursive: true });
      writeFileSync(fixture, json);
    }
    expect(json).toBe(readFileSync(fixture, "utf8"));
  });
});
