import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { QuestionItem, QuestionResult } from "@nnkit/grading";
import * as grading from "@nnkit/grading";
import { describe, expect, it } from "vitest";
import { itemLines } from "./item-lines.js";

const seedStudent = readFileSync(
  fileURLToPath(new URL("../../../../../examples/hw1/seed-student.yaml", import.meta.url)),
  "utf8",
);
const result = grading.gradeAnswerText(seedStudent, { audience: "student" });
const question = (id: string) => result.questions.find((q) => q.id === id)!;
const texts = (q: QuestionResult, columns = 200) => itemLines(q, columns).map((l) => l.text);

describe("itemLines", () => {
  it("marks each item with its verdict and shows its trace under it", () => {
    const lines = texts(question("q1.1"));
    expect(lines[0]).toMatch(/^✗ network: wrong at x = \[0, -1, 1, 0\]/);
    expect(lines.slice(1)).toEqual([
      "  input [0, -1, 1, 0]",
      '  layer 1 "hidden": z = [0, 2, -2] → [1, 0, 0]',
      '  layer 2 "output": z = [-4] → [0]',
    ]);
  });

  it("groups a part's several items under its label, each by its key, the chain named as such", () => {
    const lines = texts(question("q2.1.2"));
    expect(lines[0]).toBe("equations");
    const g2 = question("q2.1.2").items.find((i) => i.key === "g2_bar")!;
    expect(lines).toContain(`  ✗ g2_bar: ${g2.message}`);
    expect(lines.at(-1)).toMatch(/^ {2}✗ x_bar from your own equations: cannot be computed/);
    // One line per item, and the part's label: nothing else.
    expect(lines).toHaveLength(question("q2.1.2").items.length + 1);
  });

  it("gives a review item its own mark and says that a person decides", () => {
    const item: QuestionItem = {
      key: "network",
      part: "network",
      verdict: "review",
      share: 1,
      earned: 0,
      finding: { kind: "undecided", reason: "the solver did not start" },
      message: "not decided: the solver did not start",
    };
    const q: QuestionResult = {
      id: "q1.2",
      score: 0,
      max_score: 1,
      status: "review",
      feedback: "",
      items: [item],
    };
    const lines = itemLines(q, 80);
    expect(lines[0]).toEqual({
      text: "? network: not decided: the solver did not start",
      tone: "accent",
    });
    expect(
      lines
        .slice(1)
        .map((l) => l.text)
        .join(" "),
    ).toMatch(/a person decides the grade/);
  });

  it("wraps by terminal cells", () => {
    for (const line of texts(question("q2.1.2"), 40)) expect(line.length).toBeLessThanOrEqual(40);
  });

  it("says when the question has no answer", () => {
    expect(texts(question("q2.1.1"))).toEqual(["no answer in the file"]);
  });
});
