import { describe, expect, it } from "vitest";
import { applyLatePolicy } from "./late-policy.js";
import type { GradeResult } from "./result.js";

const result: GradeResult = {
  assignment: "hw1",
  student: { id: "s1", name: "A" },
  score: 8,
  max_score: 9,
  questions: [{ id: "q1.1", score: 1, max_score: 1, status: "passed", feedback: "", items: [] }],
};
const policy = { penaltyPerDay: 0.1, maxPenalty: 0.5 };
const dueDate = new Date("2026-10-01T23:59:00Z");

describe("applyLatePolicy", () => {
  it("keeps the score on time, without a policy or without a due date", () => {
    const onTime = { submittedAt: new Date("2026-10-01T20:00:00Z"), dueDate };
    expect(applyLatePolicy(result, policy, onTime)).toEqual({ result, factor: 1, note: "" });
    const late = { submittedAt: new Date("2026-10-09T00:00:00Z"), dueDate };
    expect(applyLatePolicy(result, undefined, late).factor).toBe(1);
    expect(applyLatePolicy(result, policy, { ...late, dueDate: undefined }).factor).toBe(1);
  });

  it("removes a share per started day: one minute late is one day", () => {
    const out = applyLatePolicy(result, policy, {
      submittedAt: new Date("2026-10-02T00:00:00Z"),
      dueDate,
    });
    expect(out.result.score).toBeCloseTo(7.2, 10);
    expect(out.note).toBe("Submitted 1 day late: 10% deducted.");
    expect(out.result.questions).toBe(result.questions);
  });

  it("caps the penalty", () => {
    const out = applyLatePolicy(result, policy, {
      submittedAt: new Date("2026-10-20T00:00:00Z"),
      dueDate,
    });
    expect(out.factor).toBeCloseTo(0.5, 10);
    expect(out.note).toBe("Submitted 19 days late: 50% deducted.");
  });
});
