import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { parse } from "yaml";
import { withStudentVariants } from "../assignment/assignment.js";
import { assignmentFromSpec } from "../assignment/compile-assignment.js";
import { gradeAnswerText } from "../grade/grade-answer.js";
import { resultToJSON } from "../grade/result.js";

const text = readFileSync(
  new URL("../../../../examples/hw1/assignment.yaml", import.meta.url),
  "utf8",
);
const fixture = JSON.parse(
  readFileSync(new URL("./fixtures/results.json", import.meta.url), "utf8"),
);
const data = parse(text);
data.questions = data.questions.filter((q: { id: string }) => !q.id.startsWith("q2.1"));
const hw1 = assignmentFromSpec(data);
const NOW = new Date("2026-12-01T00:00:00Z");

it("matches per question", () => {
  const mismatches: string[] = [];
  for (const [file, results] of Object.entries<Record<string, string>>(fixture.results)) {
    const answer =
      results.text ??
      readFileSync(new URL(`../../../../examples/hw1/${file}`, import.meta.url), "utf8");
    for (const [name, assignment] of [
      ["instructor", hw1],
      ["variants", withStudentVariants(hw1)],
    ] as const) {
      const got = JSON.parse(
        resultToJSON(gradeAnswerText(answer, { assignment, audience: "instructor", now: NOW })),
      );
      const want = JSON.parse(results[name]!);
      for (const q of got.questions) {
        const w = want.questions.find((x: { id: string }) => x.id === q.id);
        if (JSON.stringify(w) !== JSON.stringify(q))
          mismatches.push(
            `${file} ${name} ${q.id}\n  want ${JSON.stringify(w)}\n  got  ${JSON.stringify(q)}`,
          );
      }
    }
  }
  console.log(mismatches.slice(0, 8).join("\n"));
  expect(mismatches.length).toBe(0);
}, 120000);
