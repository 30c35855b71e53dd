import { describe, expect, it } from "vitest";
import { gradeAnswerText } from "../grade/grade-answer.js";
import { hw1 } from "./hw1.js";

/** Grades one question's answer (YAML flow mapping) and returns its result. */
function gradeOne(id: string, answer: string) {
  const text = `assignment: hw1\nstudent: {id: t}\nanswers:\n  ${id}: ${answer}\n`;
  return gradeAnswerText(text).questions.find((q) => q.id === id)!;
}

describe("homework 1", () => {
  it("has the handout's questions and points (9 points, 0-point questions still checked)", () => {
    expect(hw1.questions.map((q) => [q.id, q.points])).toEqual([
      ["q1.1", 1],
      ["q1.2", 1],
      ["q2.1.1", 0],
      ["q2.1.2", 1],
      ["q2.2.1", 0],
      ["q2.2.2", 1],
      ["q2.3", 1],
      ["q2.4", 1],
      ["q3.1", 0],
      ["q3.2", 1],
      ["q3.3.1", 0],
      ["q3.3.2", 1],
      ["q3.3.3", 1],
    ]);
  });

  it.each([
    ["n^2", "vvᵀ alone (errata ½ convention)"],
    ["n^2 + n", "scaling v by 2 first"],
    ["2n^2", "scaling the product vvᵀ"],
    ["n(n+1)/2", "the upper triangle of vvᵀ (errata ½ convention)"],
    ["n(n+1)/2 + n", "the upper triangle after scaling v"],
    ["n(n+1)", "the upper triangle, then scaled: n² + n factored"],
    ["O(n^2)", "big-O is allowed here"],
  ])("2.2.2 accepts %s multiplications (%s)", (count) => {
    expect(gradeOne("q2.2.2", `{multiplications: "${count}", memory: "n^2"}`).status).toBe(
      "passed",
    );
  });

  it("2.2.2 gives half credit for the right growth with a wrong constant", () => {
    expect(gradeOne("q2.2.2", '{multiplications: "3n^2", memory: "n^2"}').score).toBe(0.75);
  });

  it("2.4 accepts the peak of live values as reverse mode's memory", () => {
    const answer =
      '{reverse: {multiplications: 3mn, memory: "nm + 2n + 2m"}, forward: {multiplications: "2n^2 + nm", memory: "n^2 + nm + 3n + m"}, forward_better_when: "m > n"}';
    expect(gradeOne("q2.4", answer).status).toBe("passed");
  });

  it("2.3 asks for exact counts: a right big-O earns half of that part", () => {
    const answer =
      '{z: [6, 12, 18], reverse: {multiplications: "O(n)", memory: 3n + 1}, forward: {multiplications: 2n^2, memory: n^2 + 3n}}';
    const q = gradeOne("q2.3", answer);
    expect(q.score).toBeCloseTo(1 - 0.5 / 6, 6);
    expect(q.feedback).toContain(
      "reverse mode, multiplications: O(n) is the right growth, but the question asks for an exact count",
    );
  });
});
