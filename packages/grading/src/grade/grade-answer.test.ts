import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Polynomial } from "@nnkit/cost";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAnswerFile } from "../answers/parse-answer-file.js";
import {
  type Assignment,
  defineAssignment,
  withStudentVariants,
} from "../assignment/assignment.js";
import { getAssignment } from "../assignment/registry.js";
import { studentVariant } from "../assignment/student-variant.js";
import { costCheck } from "../checkers/cost-check.js";
import { GradingError } from "../errors.js";
import { numberQuestion } from "../fixtures/answers.js";
import { hw1 } from "../hw1/hw1.js";
import { answerTemplate } from "../template.js";
import { gradeAnswerFile, gradeAnswerText } from "./grade-answer.js";
import { resultToJSON } from "./result.js";

const examples = fileURLToPath(new URL("../../../../examples/hw1/", import.meta.url));
const correct = readFileSync(`${examples}correct.yaml`, "utf8");
const HW1_IDS = hw1.questions.map((q) => q.id);

describe("gradeAnswerText on unreadable files", () => {
  it.each([
    ["malformed YAML", "answers: [", "not valid YAML"],
    ["not a mapping", "42", "must be a mapping"],
    ["an empty file", "", "must be a mapping"],
  ])("gives every question invalid with the reason for %s", (_, text, reason) => {
    const result = gradeAnswerText(text);
    expect(result.questions.map((q) => q.id)).toEqual(HW1_IDS);
    expect(
      result.questions.every((q) => q.status === "invalid" && q.feedback.includes(reason)),
    ).toBe(true);
    expect(result.score).toBe(0);
    expect(result.max_score).toBe(9);
  });

  it("never throws, whatever the text (property)", () => {
    const anyValue = fc.jsonValue({ maxDepth: 4 });
    const files = fc.oneof(
      fc.string({ maxLength: 200 }),
      anyValue.map((answers) =>
        JSON.stringify({ assignment: "hw1", student: { id: "s" }, answers }),
      ),
      fc
        .dictionary(fc.constantFrom(...HW1_IDS), anyValue)
        .map((answers) => JSON.stringify({ student: { id: "s" }, answers })),
    );
    fc.assert(
      fc.property(files, (text) => {
        const result = gradeAnswerText(text);
        expect(result.questions.length).toBeGreaterThan(0);
        expect(result.questions.every((q) => q.score >= 0 && q.score <= q.max_score)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("refuses a file written for another assignment", () => {
    const result = gradeAnswerText(correct.replace("assignment: hw1", "assignment: hw2"), {
      assignment: "hw1",
    });
    expect(
      result.questions.every(
        (q) => q.feedback === "the answer file is for assignment 'hw2', not 'hw1'",
      ),
    ).toBe(true);
  });

  it("survives a broken assignment definition passed by the caller", () => {
    const broken = { id: "broken" } as unknown as Assignment;
    const result = gradeAnswerText(correct, { assignment: broken });
    expect(result.questions).toHaveLength(1);
    expect(result.questions[0]!.feedback).toMatch(/^internal error while grading/);
  });

  it("reports an assignment the file names but the package does not know", () => {
    const result = gradeAnswerText(correct.replace("assignment: hw1", "assignment: hw7"));
    expect(result.assignment).toBe("hw7");
    expect(result.questions[0]!.feedback).toBe("unknown assignment 'hw7'; known: hw1");
  });

  it("reports an unknown assignment without throwing", () => {
    const result = gradeAnswerText(correct, { assignment: "hw9" });
    expect(result.assignment).toBe("hw9");
    expect(result.questions).toEqual([
      {
        id: "assignment",
        score: 0,
        max_score: 0,
        status: "invalid",
        feedback: "unknown assignment 'hw9'; known: hw1",
        items: [
          {
            key: "",
            part: "",
            verdict: "invalid",
            share: 1,
            earned: 0,
            finding: { kind: "unreadable", message: "unknown assignment 'hw9'; known: hw1" },
            message: "unknown assignment 'hw9'; known: hw1",
          },
        ],
      },
    ]);
  });
});

describe("gradeAnswerText on hostile answers", () => {
  const file = (answers: string) => `assignment: hw1\nstudent: {id: h}\nanswers:\n${answers}\n`;

  it.each([
    [
      "10⁴-deep parentheses",
      `  q2.2.2: {multiplications: "${"(".repeat(10_000)}n${")".repeat(10_000)}"}`,
      "q2.2.2",
      "longer than 2000",
    ],
    [
      "n^(10^10)",
      `  q2.2.2: {multiplications: "n^(10^10)"}`,
      "q2.2.2",
      "exponent 10000000000 is too large",
    ],
    [
      "a 10⁴-entry list",
      `  q2.3: {z: [${"1,".repeat(10_000)}1]}`,
      "q2.3",
      "more than 10000 entries",
    ],
    ["a wrong type", "  q2.3: [6, 12, 18]", "q2.3", "must be a mapping with 'z'"],
    ["a wrong type inside", "  q3.2: {w: [1, 2], unique: maybe}", "q3.2", "must be text"],
    [
      "900-deep LaTeX groups",
      `  q3.1: {gradient: '${"{".repeat(900)}X${"}".repeat(900)}'}`,
      "q3.1",
      "nesting deeper than 40",
    ],
  ])("refuses %s in one question, with the reason", (_, answers, id, reason) => {
    const result = gradeAnswerText(file(answers));
    const q = result.questions.find((x) => x.id === id)!;
    expect(q.status).toBe("invalid");
    expect(q.feedback).toContain(reason);
    expect(result.questions.filter((x) => x.status === "invalid").map((x) => x.id)).toEqual([id]);
  });
});

describe("gradeAnswerFile", () => {
  it("grades a file on disk like its text", async () => {
    const result = await gradeAnswerFile(`${examples}correct.yaml`);
    expect(resultToJSON(result)).toBe(resultToJSON(gradeAnswerText(correct)));
  });

  it("refuses a file far larger than an answer file without reading it", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "grading-")), "huge.yaml");
    writeFileSync(path, Buffer.alloc(2 * 1024 * 1024, 0x20));
    const result = await gradeAnswerFile(path);
    expect(result.questions[0]!.feedback).toBe(
      `${path} has 2097152 bytes, far more than an answer file`,
    );
  });

  it("gives every question invalid for a file that cannot be read", async () => {
    const result = await gradeAnswerFile(`${examples}does-not-exist.yaml`);
    expect(
      result.questions.every((q) => q.status === "invalid" && q.feedback.includes("(ENOENT)")),
    ).toBe(true);
  });
});

describe("resultToJSON", () => {
  it("is byte-identical when the same file is graded twice", () => {
    const seed = readFileSync(`${examples}seed-student.yaml`, "utf8");
    for (const text of [correct, seed, "::"]) {
      expect(resultToJSON(gradeAnswerText(text))).toBe(resultToJSON(gradeAnswerText(text)));
    }
  });

  it("writes keys in the documented order", () => {
    const json = JSON.parse(resultToJSON(gradeAnswerText(correct)));
    expect(Object.keys(json)).toEqual(["assignment", "student", "score", "max_score", "questions"]);
    expect(Object.keys(json.questions[0])).toEqual([
      "id",
      "score",
      "max_score",
      "status",
      "feedback",
      "items",
    ]);
    const item = json.questions.find((q: { id: string }) => q.id === "q2.3").items[0];
    expect(Object.keys(item)).toEqual([
      "key",
      "part",
      "verdict",
      "message",
      "share",
      "earned",
      "finding",
      "scope",
    ]);
    expect(item).toMatchObject({ key: "z", part: "z", verdict: "correct", share: 0.333333 });
    // 2.3's z is compared with the reference value directly: that is what makes it sure.
    expect(item.scope).toEqual({ kind: "direct" });
  });
});

describe("visibility", () => {
  const due = new Date("2026-02-01T00:00:00Z");
  const withDueDate: Assignment = { ...hw1, dueDate: due };
  const wrong = correct.replace("w: X^T (X X^T)^{-1} t", "w: X^T t");
  const feedbackOf = (options: Parameters<typeof gradeAnswerText>[1]) =>
    gradeAnswerText(wrong, options).questions.find((q) => q.id === "q3.3.2")!.feedback;

  it("hides after-due-date feedback from students until the due date", () => {
    const before = feedbackOf({
      assignment: withDueDate,
      audience: "student",
      now: new Date("2026-01-15T00:00:00Z"),
    });
    expect(before).toBe(
      "w: not passed; details are shown after the due date (2026-02-01T00:00:00.000Z)",
    );
    const after = feedbackOf({
      assignment: withDueDate,
      audience: "student",
      now: new Date("2026-02-02T00:00:00Z"),
    });
    expect(after).toContain("the values differ from the reference");
    const instructor = feedbackOf({
      assignment: withDueDate,
      audience: "instructor",
      now: new Date("2026-01-15T00:00:00Z"),
    });
    expect(instructor).toContain("the values differ from the reference");
  });

  it("never shows a hidden check's feedback to students, but counts its score", () => {
    const hidden = defineAssignment({
      ...hw1,
      id: "hw1",
      questions: hw1.questions.map((q) => ({
        ...q,
        parts: q.parts.map((part) => ({ ...part, visibility: "hidden" as const })),
      })),
    });
    const student = gradeAnswerText(wrong, { assignment: hidden, audience: "student" });
    const question = student.questions.find((q) => q.id === "q3.3.2")!;
    expect(question.feedback).toBe("w: hidden check (not passed)");
    expect(student.questions.find((q) => q.id === "q2.3")!.score).toBe(1);
  });
});

describe("assignments", () => {
  it("throws a GradingError naming known ids for an unknown assignment", () => {
    expect(() => getAssignment("hw2")).toThrow(GradingError);
    expect(() => getAssignment("hw2")).toThrow(
      expect.objectContaining({
        code: "unknown-assignment",
        message: expect.stringContaining("unknown assignment 'hw2'; known: hw1"),
      }),
    );
  });

  it("refuses an assignment with a repeated question id", () => {
    expect(() =>
      defineAssignment({ ...hw1, questions: [hw1.questions[0]!, hw1.questions[0]!] }),
    ).toThrow(
      expect.objectContaining({
        code: "definition",
        message: expect.stringContaining("question id q1.1 is used twice"),
      }),
    );
  });

  it("grades a second assignment built from the same checkers", () => {
    const n = Polynomial.variable("n");
    const quiz = defineAssignment({
      id: "quiz1",
      title: "Quiz",
      variables: [],
      perStudentVariants: false,
      questions: [
        {
          id: "q1",
          title: "Cost of an outer product",
          points: 2,
          template: 'cost: ""',
          parts: [
            {
              label: "cost",
              field: "cost",
              weight: 1,
              visibility: "visible",
              check: costCheck({ symbols: ["n"], accepted: () => [n.pow(2)], allowBigO: false }),
            },
          ],
        },
        numberQuestion("q2", () => 0.5),
      ],
    });
    const result = gradeAnswerText(
      "assignment: quiz1\nstudent: {id: s}\nanswers: {q1: {cost: n^2}, q2: {x: 1/2}}",
      {
        assignment: quiz,
      },
    );
    expect(result.score).toBe(3);
    expect(result.questions.map((q) => q.status)).toEqual(["passed", "passed"]);
  });
});

describe("per-student variants", () => {
  const varied = withStudentVariants(hw1);

  it("uses the handout's numbers unless variants are on", () => {
    expect(studentVariant(hw1, "anyone")["q2.2.1 v"]).toEqual([4, 2, 3]);
  });

  it("draws reproducible numbers from the student id and assignment", () => {
    expect(studentVariant(varied, "s-1")).toEqual(studentVariant(varied, "s-1"));
    const ids = ["s-1", "s-2", "s-3", "s-4"].map((id) =>
      JSON.stringify(studentVariant(varied, id)),
    );
    expect(new Set(ids).size).toBeGreaterThan(1);
  });

  it("grades 2.2.1 and 2.3 against the student's own numbers", () => {
    const variant = studentVariant(varied, "s-2");
    const v = variant["q2.2.1 v"] as number[];
    const H = v.map((a) => v.map((b) => 2 * a * b));
    const w = variant["q2.3 v"] as number[];
    const y = variant["q2.3 y"] as number[];
    const vy = w.reduce((sum, wi, i) => sum + wi * y[i]!, 0);
    const z = w.map((wi) => wi * vy);
    const text = `student: {id: s-2}\nanswers:\n  q2.2.1: {H: ${JSON.stringify(H)}}\n  q2.3: {z: ${JSON.stringify(z)}}\n`;
    const result = gradeAnswerText(text, { assignment: varied });
    expect(result.questions.find((q) => q.id === "q2.2.1")!.status).toBe("passed");
    expect(result.questions.find((q) => q.id === "q2.3")!.feedback).toMatch(/^z: correct/);
  });
});

describe("answerTemplate", () => {
  it("is a readable answer file with every question and the student's numbers", () => {
    const template = answerTemplate(withStudentVariants(hw1), { studentId: "s-2" });
    const parsed = parseAnswerFile(template);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect([...parsed.file.answers.keys()]).toEqual(HW1_IDS);
    expect(parsed.file.student.id).toBe("s-2");
    const v = studentVariant(withStudentVariants(hw1), "s-2")["q2.2.1 v"] as number[];
    expect(template).toContain(`#   q2.2.1 v = [${v.join(", ")}]`);
  });

  it("earns nothing when graded unfilled", () => {
    const result = gradeAnswerText(answerTemplate(hw1, { studentId: "x" }));
    expect(result.questions.some((q) => q.status === "passed")).toBe(false);
    expect(result.score).toBe(0);
  });
});

describe("gradeAnswerText's onStudent", () => {
  /** A one-question assignment whose reference is computed when the question is graded. */
  const probe = (events: string[]) =>
    defineAssignment({
      id: "probe",
      title: "Probe",
      variables: [],
      perStudentVariants: false,
      questions: [
        numberQuestion("q1", () => {
          events.push("graded");
          return 0.5;
        }),
      ],
    });

  it("names the file's student before any question is graded", () => {
    const events: string[] = [];
    const result = gradeAnswerText("student: {id: s-7, name: Ada}\nanswers: {q1: {x: 1/2}}", {
      assignment: probe(events),
      onStudent: (student) => events.push(`student ${student.id} ${student.name}`),
    });
    expect(result.score).toBe(1);
    expect(events).toEqual(["student s-7 Ada", "graded"]);
  });

  it("is not called for a file that cannot be read", () => {
    const events: string[] = [];
    const result = gradeAnswerText("answers: [", {
      assignment: probe(events),
      onStudent: (student) => events.push(`student ${student.id}`),
    });
    expect(result.questions[0]!.status).toBe("invalid");
    expect(events).toEqual([]);
  });
});
