import { hw1 } from "@nnkit/grading";
import { describe, expect, it } from "vitest";
import { budgetMessage, gradeFiles } from "./pool.js";

const standIn = new URL("../fixtures/stand-in-worker.mjs", import.meta.url);
const files = (...names: string[]) => names.map((n) => ({ path: `/class/${n}`, relativePath: n }));

describe("gradeFiles", () => {
  it("stops a file that overruns its budget, replaces its worker and grades the rest", async () => {
    const names = ["a.yaml", "stuck.yaml", "b.yaml", "waits.yaml", "c.yaml", "stuck-2.yaml"];
    const progress: string[] = [];
    const graded = await gradeFiles(files(...names), {
      assignment: "hw1",
      jobs: 2,
      timeLimitSeconds: 0.2,
      workerScript: standIn,
      onGraded: (g, done, total) => progress.push(`${done}/${total} ${g.file.relativePath}`),
    });
    expect(graded.map((g) => g.file.relativePath)).toEqual(names);
    expect(progress).toHaveLength(names.length);
    for (const g of graded) {
      if (/^(stuck|waits)/.test(g.file.relativePath)) {
        // Reported under the student the file named, every question of the assignment invalid.
        expect(g.result.student.id).toBe(g.file.relativePath);
        expect(g.result.questions.map((q) => q.id)).toEqual(hw1.questions.map((q) => q.id));
        expect(g.result.questions.every((q) => q.status === "invalid")).toBe(true);
        expect(g.result.questions[0]!.feedback).toBe(budgetMessage(200));
        expect(g.result.questions[0]!.feedback).toContain("time budget of 0.2 s");
        expect(g.result.score).toBe(0);
        expect(g.result.max_score).toBe(hw1.questions.reduce((s, q) => s + q.points, 0));
      } else {
        expect(g.result.questions[0]).toMatchObject({
          status: "passed",
          feedback: g.file.relativePath,
        });
      }
    }
  });

  it("a worker that crashes costs its file only", async () => {
    const graded = await gradeFiles(files("a.yaml", "crash.yaml", "b.yaml"), {
      assignment: "hw1",
      jobs: 1,
      workerScript: standIn,
    });
    expect(graded.map((g) => g.result.questions[0]!.status)).toEqual([
      "passed",
      "invalid",
      "passed",
    ]);
    expect(graded[1]!.result.questions[0]!.feedback).toBe(
      "grading crashed: cannot grade crash.yaml",
    );
  });

  it("reports every file when the worker cannot load, instead of respawning forever", async () => {
    const graded = await gradeFiles(files("a.yaml", "b.yaml"), {
      assignment: "hw1",
      jobs: 1,
      workerScript: new URL("../fixtures/no-such-worker.mjs", import.meta.url),
    });
    expect(graded).toHaveLength(2);
    for (const g of graded) expect(g.result.questions[0]!.feedback).toMatch(/^grading crashed: /);
  });
});
