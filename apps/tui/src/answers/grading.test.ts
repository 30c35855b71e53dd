import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hw1 } from "../test-support/hw1-grading.js";
import { answerFields, replaceField } from "./answer-document.js";
import { newAnswerText } from "./answer-file.js";
import { defaultChoice } from "./assignment-choice.js";
import { workerGradingService } from "./grading.js";
import { answerRequest } from "./grading-requests.js";

// The built worker (turbo builds before it tests; `npx -y pnpm@12.4.2 run build` by hand).
const builtWorker = new URL("../../dist/answers/grading-worker.js", import.meta.url);

describe("the grading worker", () => {
  it("answers as @nnkit/grading does on the main thread", async () => {
    expect(existsSync(builtWorker)).toBe(true);
    const service = workerGradingService(builtWorker, defaultChoice);
    const homework = await service.ask({ kind: "homework" });
    expect(homework).toEqual(answerRequest(hw1, { kind: "homework" }));
    expect(homework).toMatchObject({
      questions: expect.arrayContaining([{ id: "q2.4", title: expect.any(String) }]),
    });

    const template = await service.ask({ kind: "template", studentId: "s9" });
    expect(template).toBe(newAnswerText(hw1, "s9"));

    // "3nm +" ends after the operator: the grader says so at the end of the input (position 5).
    const field = answerFields(newAnswerText(hw1, "s9")).find(
      (f) => f.question === "q2.4" && f.field === "reverse.multiplications",
    )!;
    const replaced = replaceField(newAnswerText(hw1, "s9"), field, "3nm +");
    if (!replaced.ok) throw new Error(replaced.error.message);
    const typed = replaced.text;
    const verdict = await service.ask({ kind: "validate", fileText: typed, field });
    expect(verdict).toEqual(answerRequest(hw1, { kind: "validate", fileText: typed, field }));
    expect(verdict).toMatchObject({ position: 5 });
    // An answer already given is recalled at once for an equal request.
    expect(service.recall({ kind: "validate", fileText: typed, field })).toEqual(verdict);
  });

  it("answers every request with an error, without throwing, when the worker cannot start", async () => {
    const service = workerGradingService(
      new URL("./no-such-worker.js", builtWorker),
      defaultChoice,
    );
    const first = await service.ask({ kind: "homework" });
    expect(first).toBeInstanceOf(Error);
    expect((first as Error).message).toMatch(/^the grader stopped/);
    expect(await service.ask({ kind: "template", studentId: "s1" })).toBeInstanceOf(Error);
  });
});
