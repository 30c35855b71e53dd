import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAnswerFile } from "../answers/parse-answer-file.js";
import { defineAssignment } from "../assignment/assignment.js";
import { type Check, review } from "../checkers/check.js";
import { hw1 } from "../hw1/hw1.js";
import { checkField } from "./check-field.js";
import { gradeAnswerText } from "./grade-answer.js";
import { mergeManualScores } from "./manual-scores.js";

const examples = fileURLToPath(new URL("../../../../examples/hw1/", import.meta.url));
const correct = readFileSync(`${examples}correct.yaml`, "utf8");
const file = (answers: string) => `assignment: hw1\nstudent: {id: s1}\nanswers:\n${answers}\n`;
const question = (text: string, id: string) =>
  gradeAnswerText(text).questions.find((q) => q.id === id)!;

describe("a question's items", () => {
  it("give 2.1.2 one item per equation, J̄ included, and the chain apart", () => {
    const q = question(correct, "q2.1.2");
    expect(q.items.map((i) => i.key)).toEqual([
      "J_bar",
      "S_bar",
      "y'_bar",
      "y_bar",
      "g2_bar",
      "g1_bar",
      "h_bar",
      "z2_bar",
      "z1_bar",
      "x_bar",
      "x_bar",
    ]);
    expect(q.items[0]).toMatchObject({ key: "J_bar", verdict: "correct", part: "equations" });
    expect(q.items.at(-1)).toMatchObject({ aspect: "chain", verdict: "correct" });
    // Eleven equal shares of the question's one part.
    expect(q.items.reduce((sum, i) => sum + i.share, 0)).toBeCloseTo(1, 12);
  });

  it("key a wrong J̄ by its adjoint, with the structured difference", () => {
    const text = correct.replace('J_bar: "1"', 'J_bar: "-1"');
    const j = question(text, "q2.1.2").items.find((i) => i.key === "J_bar")!;
    expect(j.verdict).toBe("wrong");
    expect(j.finding).toEqual({ kind: "differs", difference: { kind: "sign" } });
  });

  it("key a field's item by its path and locate an unreadable formula", () => {
    const q = question(file('  q2.4: {reverse: {multiplications: "3n*k", memory: "n"}}'), "q2.4");
    const item = q.items.find((i) => i.key === "reverse.multiplications")!;
    expect(item.verdict).toBe("invalid");
    expect(item.position).toEqual({ start: 3, end: 4 });
    expect(q.feedback).toContain("reverse mode, multiplications: unknown name 'k'");
  });

  it("carry a threshold counterexample with its trace and what was enumerated", () => {
    const text = readFileSync(`${examples}mistakes/q1.1-bias-sign.yaml`, "utf8");
    const [item] = question(text, "q1.1").items;
    expect(item).toMatchObject({
      key: "network",
      verdict: "wrong",
      counterexample: { kind: "input", input: ["0", "-1", "1", "0"], expected: ["1"] },
      scope: { kind: "enumerated", box: { lo: -4, hi: 4 } },
    });
  });
});

describe("labels are said once", () => {
  it("a network that does not fit together", () => {
    const q = question(
      file("  q1.1: {W1: [[-2,0,0,2],[0,-2,0,2],[0,0,-2,2]], b1: 0, W2: [1, 1], b2: 2}"),
      "q1.1",
    );
    expect(q.feedback).toBe(
      'network: layer 2 "output": weights have 2 columns but layer 1 "hidden" has 3 units',
    );
  });

  it("an unnamed 1.2 layer in a counterexample's trace", () => {
    const text = readFileSync(`${examples}mistakes/q1.2-and-pitfall.yaml`, "utf8");
    const { feedback } = question(text, "q1.2");
    expect(feedback).toContain("\nlayer 1: z = [");
    expect(feedback).not.toContain('"layer 1"');
  });
});

describe("unreadable equations", () => {
  it("are all reported, each under its adjoint", () => {
    const text = correct
      .replace("g2_bar: W3^T y_bar", "g2_bar: W3^T q")
      .replace("h_bar: g2_bar .* g1", "h_bar: g2_bar .* r");
    const q = question(text, "q2.1.2");
    expect(q.status).toBe("invalid");
    expect(q.items.map((i) => [i.key, i.verdict])).toEqual([
      ["g2_bar", "invalid"],
      ["h_bar", "invalid"],
    ]);
    expect(q.feedback).toMatch(
      /^equations: g2_bar: unknown name 'q'.*\n[\s\S]*\nh_bar: unknown name 'r'/,
    );
  });
});

describe("review", () => {
  const undecided: Check = {
    kind: "undecided",
    grade: () =>
      review("no proof within 2 s", {
        scope: { kind: "enumerated", box: { lo: -3, hi: 3 }, count: 729, assumptions: [] },
      }),
  };
  const assignment = defineAssignment({
    ...hw1,
    questions: [
      {
        id: "q",
        title: "undecided",
        points: 2,
        template: "q: 1",
        parts: [{ label: "network", weight: 1, visibility: "visible", check: undecided }],
      },
    ],
  });
  const text = "assignment: hw1\nstudent: {id: s1}\nanswers:\n  q: 1\n";

  it("goes to a person: never passed, 0 points, and says what was checked", () => {
    const [q] = gradeAnswerText(text, { assignment }).questions;
    expect(q).toMatchObject({ status: "review", score: 0 });
    expect(q!.feedback).toBe(
      "network: no proof within 2 s; left for a person to grade (enumerated -3..3: 729 inputs)",
    );
  });

  it("takes a person's score like a manual question", () => {
    const result = gradeAnswerText(text, { assignment });
    const merged = mergeManualScores(result, [
      { studentId: "s1", question: "q", score: 2, feedback: "proved by hand" },
    ]);
    expect(merged.questions[0]).toMatchObject({ status: "passed", score: 2 });
    expect(merged.questions[0]!.feedback).toMatch(/\ngraded by a person: proved by hand$/);
  });
});

describe("checkField", () => {
  const verdictOf = (text: string, id: string, field: string) => {
    const parsed = parseAnswerFile(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    return checkField(hw1, id, field, parsed.file.answers.get(id), {
      audience: "student",
      studentId: parsed.file.student.id,
    })!;
  };

  it("agrees with the grader on the fields of an example file with mistakes", () => {
    // The seed student's file: right, wrong and partly right fields. Threshold questions are left
    // out only to keep the test fast (their one item is keyed like any other).
    for (const name of ["seed-student.yaml"]) {
      const text = readFileSync(`${examples}${name}`, "utf8");
      const graded = gradeAnswerText(text, { audience: "student" });
      for (const q of graded.questions.filter((q) => !q.id.startsWith("q1."))) {
        const keys = [...new Set(q.items.map((i) => i.key))];
        // The first and the last key of each question: each part's keying is exercised.
        for (const key of new Set([keys[0]!, keys.at(-1)!].filter((k) => k !== undefined))) {
          const field = verdictOf(text, q.id, key);
          expect(field.items, `${name} ${q.id} ${key}`).toEqual(
            q.items.filter((i) => i.key === key).map((i) => expect.objectContaining(i)),
          );
        }
      }
    }
  });

  it("locates an unreadable formula without repeating the position in the message", () => {
    const field = verdictOf(
      file('  q2.4: {reverse: {multiplications: "3n*k"}}'),
      "q2.4",
      "reverse.multiplications",
    );
    expect(field.items).toHaveLength(1);
    expect(field.items[0]).toMatchObject({ verdict: "invalid", position: { start: 3 } });
    expect(field.items[0]!.message).toMatch(/^unknown name 'k'/);
    expect(field.items[0]!.message).not.toContain("position");
  });
});

describe("feedback a TA would write", () => {
  const feedbackOf = (answers: string, id: string) => question(file(answers), id).feedback;

  it("names the evaluation order whose exact count a cost is", () => {
    // 2.4: Z = v vᵀ y1 y2ᵀ; left to right costs n² + n² + nm (2n² + nm), right to left 3nm.
    const text = feedbackOf(
      "  q2.4:\n    reverse: { multiplications: 2n^2 + nm }\n    forward: { multiplications: 3nm }",
      "q2.4",
    );
    expect(text).toContain(
      "reverse mode, multiplications: 2n² + nm is the count of ((vvᵀ)y1)y2ᵀ, not of reverse mode (right to left)",
    );
    expect(text).toContain(
      "forward mode, multiplications: 3nm is the count of v(vᵀ(y1y2ᵀ)), not of forward mode (left to right)",
    );
  });

  it("names an order that is neither mode", () => {
    // v((vᵀy1)y2ᵀ): n (vᵀy1) + m (scalar times y2ᵀ) + nm (v times the 1×m row) = nm + n + m.
    const text = feedbackOf('  q2.4:\n    reverse: { multiplications: "nm + n + m" }', "q2.4");
    expect(text).toContain("nm + n + m is the count of v((vᵀy1)y2ᵀ), not of reverse mode");
  });

  it("says what a memory count leaves out", () => {
    // 2.3 reverse, v(vᵀy): inputs v, y (2n), vᵀy (1), z (n): 3n + 1 in all; without the inputs n + 1.
    const text = feedbackOf('  q2.3:\n    reverse: { memory: "n + 1" }', "q2.3");
    expect(text).toContain(
      "reverse mode, memory: n + 1: your memory count leaves out the inputs v, y",
    );
    // Without the output z as well: just the scalar vᵀy.
    expect(feedbackOf('  q2.3:\n    reverse: { memory: "1" }', "q2.3")).toContain(
      "reverse mode, memory: 1: your memory count leaves out the inputs v, y and the output",
    );
  });

  it("keeps the credit the count earns anyway", () => {
    const q = question(file('  q2.3:\n    reverse: { memory: "n + 1" }'), "q2.3");
    const item = q.items.find((i) => i.key === "reverse.memory")!;
    // n + 1 grows like the reference 3n + 1: the same-growth half credit, as without the hint.
    expect(item).toMatchObject({
      verdict: "partial",
      earned: 0.5,
      hint: { kind: "memory-convention", leavesOut: "the inputs v, y" },
    });
  });

  it("says 'off by a constant factor' only when the ratio is the same on every instance", () => {
    expect(feedbackOf("  q3.1: {gradient: (4/n) X^T (X w - t)}", "q3.1")).toBe(
      "gradient: off by a constant factor (2 times the reference) (random instance 1 of 3)",
    );
    // tᵀt times the gradient: a different ratio on each random instance.
    expect(feedbackOf("  q3.1: {gradient: (t^T t) (2/n) X^T (X w - t)}", "q3.1")).toBe(
      "gradient: the values differ from the reference (random instance 1 of 3)",
    );
  });
});

describe("one convention per answer", () => {
  // n = 3, v = [1, 2, 3], y = [1, 1, 1]: vvᵀy = [6, 12, 18]. Reverse mode costs 2n for v(vᵀy),
  // 3n for the errata's 2(v(vᵀy)); memory 3n + 1 and 4n + 1.
  const q23 = (z: string, multiplications: string, memory: string) =>
    question(
      file(
        `  q2.3:\n    z: ${z}\n    reverse: { multiplications: "${multiplications}", memory: "${memory}" }`,
      ),
      "q2.3",
    );

  it("grades z and the costs under the handout's convention", () => {
    const q = q23("[6, 12, 18]", "2n", "3n + 1");
    expect(q.feedback).toMatch(
      /^z: correct\nreverse mode, multiplications: correct\nreverse mode, memory: correct/,
    );
  });

  it("grades z and the costs under the errata's convention", () => {
    const q = q23("[12, 24, 36]", "3n", "4n + 1");
    expect(q.feedback).toMatch(
      /^z: correct \(errata convention, z = 2vvᵀy\)\nreverse mode, multiplications: correct\nreverse mode, memory: correct/,
    );
  });

  it("does not mix them: the errata's z with the handout's costs loses the costs", () => {
    const mixed = q23("[12, 24, 36]", "2n", "3n + 1");
    // The errata's convention earns more (z weighs 2): z right, both costs wrong under it.
    expect(mixed.feedback).toMatch(/^z: correct \(errata convention, z = 2vvᵀy\)\n/);
    expect(mixed.items.find((i) => i.key === "reverse.multiplications")?.verdict).not.toBe(
      "correct",
    );
    expect(mixed.items.find((i) => i.key === "reverse.memory")?.verdict).not.toBe("correct");
    const pure = q23("[12, 24, 36]", "3n", "4n + 1");
    expect(mixed.score).toBeLessThan(pure.score);
  });
});

describe("shape clashes in the student's terms", () => {
  it("names the likely weight slip when a product does not fit", () => {
    const text = correct.replace("g2_bar: W3^T y_bar", "g2_bar: W2^T y_bar");
    const g2 = question(text, "q2.1.2").items.find((i) => i.key === "g2_bar")!;
    expect(g2.hint).toEqual({
      kind: "shape-slip",
      likely: "y = W3 g2 + b3, so y_bar goes back through W3ᵀ, not W2ᵀ",
    });
    expect(g2.message).toMatch(
      /^cannot be evaluated: .*does not fit.*: y = W3 g2 \+ b3, so y_bar goes back through W3ᵀ, not W2ᵀ$/,
    );
  });

  it("gives no slip where the weight is the right one", () => {
    const text = correct.replace("W1^T z1_bar + W2^T z2_bar", "W1^T z1_bar + W2 z2_bar");
    const x = question(text, "q2.1.2").items.find((i) => i.key === "x_bar" && !i.aspect)!;
    expect(x.verdict).toBe("wrong");
    expect(x.hint).toBeUndefined();
  });

  it("says a non-square matrix has no inverse, not the library's axes", () => {
    // 3.2: X is n×d = 6×3.
    const text = correct.replace("w: (X^T X)^{-1} X^T t", "w: X^{-1} t");
    const { feedback } = question(text, "q3.2");
    expect(feedback).toContain(
      "w: cannot be evaluated: X is 6×3 and not square, so it has no inverse",
    );
    expect(feedback).not.toContain("last two axes");
  });
});
