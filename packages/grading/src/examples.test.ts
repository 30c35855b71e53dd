import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { gradeAnswerText } from "./grade/grade-answer.js";
import type { GradeResult, QuestionResult } from "./grade/result.js";

// The answer files in examples/hw1 were written by hand from the handout (HOMEWORK.md), so they
// check the package's references (computed by @nnkit/tensor, cost, autodiff, threshold) independently.
const examples = fileURLToPath(new URL("../../../examples/hw1/", import.meta.url));
const grade = (file: string): GradeResult =>
  gradeAnswerText(readFileSync(`${examples}${file}`, "utf8"));
const question = (result: GradeResult, id: string): QuestionResult =>
  result.questions.find((q) => q.id === id)!;

const correct = grade("correct.yaml");

describe("a correct answer file", () => {
  it("passes every automatically graded question; the free-text 3.3.3 waits for a person", () => {
    for (const q of correct.questions) {
      expect(q.status, `${q.id}: ${q.feedback}`).toBe(q.id === "q3.3.3" ? "manual" : "passed");
      expect(q.score).toBe(q.id === "q3.3.3" ? 0 : q.max_score);
    }
    expect(correct.max_score).toBe(9);
    expect(correct.score).toBe(8);
  });
});

describe("equivalent forms score the same", () => {
  it.each([
    ["correct.json", "the same answers as JSON"],
    ["equivalent-forms.yaml", "LaTeX, factored costs, the other 1.1 and 1.2 designs"],
    ["errata-convention.yaml", "the errata's ½ conventions for 2.2 and 2.3"],
  ])("%s (%s)", (file) => {
    const result = grade(file);
    expect(result.questions.map((q) => [q.id, q.status, q.score])).toEqual(
      correct.questions.map((q) => [q.id, q.status, q.score]),
    );
  });

  it("says which accepted alternative the errata answers matched", () => {
    const errata = grade("errata-convention.yaml");
    expect(question(errata, "q2.2.1").feedback).toBe("H: correct (errata ½ convention, H = vvᵀ)");
    expect(question(errata, "q2.3").feedback).toContain(
      "z: correct (errata convention, z = 2vvᵀy)",
    );
  });
});

describe("one mistake costs exactly the right question", () => {
  it.each([
    [
      "q1.1-bias-sign",
      "q1.1",
      "failed",
      0,
      "wrong at x = [0, -1, 1, 0]: expected 1, the network gives 0",
    ],
    ["q1.2-and-pitfall", "q1.2", "failed", 0, "expected 0, the network gives 1"],
    ["q2.1.1-missing-edge", "q2.1.1", "partial", 0, "missing edges: t -> S"],
    [
      "q2.1.2-sigmoid-derivative",
      "q2.1.2",
      "partial",
      9 / 11,
      "z2_bar: wrong: the values differ from the reference",
    ],
    [
      "q2.2.1-entry",
      "q2.2.1",
      "failed",
      0,
      "1 of 9 entries differ from the reference: row 2, column 3",
    ],
    [
      "q2.2.2-cubic",
      "q2.2.2",
      "partial",
      0.5,
      "multiplications: n³ grows like O(n³), which is not the right growth",
    ],
    ["q2.3-z", "q2.3", "partial", 2 / 3, "z: 1 of 3 entries differ from the reference: entry 3"],
    [
      "q2.4-condition",
      "q2.4",
      "partial",
      2 / 3,
      "your condition holds, but forward mode being cheaper is false there",
    ],
    ["q3.1-sign", "q3.1", "failed", 0, "gradient: the sign is wrong"],
    ["q3.2-unique", "q3.2", "partial", 0.5, "unique: 'no' is wrong"],
    [
      "q3.3.1-line",
      "q3.3.1",
      "failed",
      0,
      "line: the equation describes a different set of solutions",
    ],
    [
      "q3.3.2-normal-equations",
      "q3.3.2",
      "failed",
      0,
      "((X)^T * X) is singular, so it has no inverse",
    ],
  ])("mistakes/%s.yaml loses %s", (file, id, status, score, feedback) => {
    const result = grade(`mistakes/${file}.yaml`);
    const changed = result.questions.filter((q, i) => {
      const reference = correct.questions[i]!;
      return (
        q.status !== reference.status ||
        q.score !== reference.score ||
        q.feedback !== reference.feedback
      );
    });
    expect(changed.map((q) => q.id)).toEqual([id]);
    const lost = changed[0]!;
    expect(lost.status).toBe(status);
    expect(lost.score).toBeCloseTo(score, 6);
    expect(lost.feedback).toContain(feedback);
  });
});

describe("the seed student's write-up (examples/hw1/seed-student.yaml)", () => {
  const seed = grade("seed-student.yaml");

  it("identifies the student", () => {
    expect(seed.student).toEqual({ id: "d9e1921b3aec123d", name: "Guolun Li" });
  });

  it("1.1 fails: b(2) = −2 as written makes z2 = −2Σh − 2 ≤ −2, so the output never fires", () => {
    const q = question(seed, "q1.1");
    expect(q.status).toBe("failed");
    // x4 = x1 = 0: h = [1, 0, 0], z2 = −2·1 − 2 = −4, φ(−4) = 0 although x4 is in the list.
    expect(q.feedback).toContain("wrong at x = [0, -1, 1, 0]: expected 1, the network gives 0");
    expect(q.feedback).toContain('layer 2 "output": z = [-4] → [0]');
  });

  it("1.2 passes: 9 equality units, 6 units with I(z = 3), an output with I(z = 1)", () => {
    // With distinct elements at most one permutation unit fires, so I(Σ = 1) is a correct OR.
    expect(question(seed, "q1.2").status).toBe("passed");
  });

  it("2.1.1 and the unanswered questions are missing", () => {
    for (const id of ["q2.1.1", "q2.2.1", "q3.1", "q3.2", "q3.3.1", "q3.3.2", "q3.3.3"]) {
      expect(question(seed, id)).toMatchObject({
        status: "missing",
        score: 0,
        feedback: "no answer",
      });
    }
  });

  it("2.1.2 is partial: ḡ2 uses W(2) instead of W(3), which costs that equation and the chain only", () => {
    const q = question(seed, "q2.1.2");
    expect(q.status).toBe("partial");
    // 9 of 10 equations are right with the reference values substituted; x̄ chained from the
    // student's own equations cannot be computed through the ill-shaped ḡ2: 9 of 11 checks.
    expect(q.score).toBeCloseTo(9 / 11, 6);
    expect(q.feedback).toContain(
      "g2_bar: cannot be evaluated: a product of 3×4 and 3×1 does not fit",
    );
    expect(q.feedback).toContain("x_bar: correct: proved for every");
    expect(q.feedback).toContain("x_bar from your own equations: cannot be computed");
  });

  it("2.2.2 passes: 2n² multiplications is H = 2(vvᵀ); n² + n memory is Θ(n²) as asked", () => {
    expect(question(seed, "q2.2.2")).toMatchObject({ status: "passed", score: 1 });
  });

  it("2.3 passes: z = [6, 12, 18], 2n and 3n + 1 in reverse mode, 2n² and n² + 3n forward", () => {
    expect(question(seed, "q2.3")).toMatchObject({ status: "passed", score: 1 });
  });

  it("2.4 passes: 3mn, 2(m + n + mn); n(2n + m), 3n + m + n² + mn; forward better when m > n", () => {
    expect(question(seed, "q2.4")).toMatchObject({ status: "passed", score: 1 });
  });

  it("totals 1 + 9/11 + 3 of 9 points", () => {
    expect(seed.score).toBeCloseTo(4 + 9 / 11, 5);
    expect(seed.max_score).toBe(9);
  });
});
