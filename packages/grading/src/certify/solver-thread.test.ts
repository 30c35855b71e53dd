import { describe, expect, it } from "vitest";
import { numberQuestion } from "../fixtures/answers.js";
import { hw1 } from "../hw1/hw1.js";
import {
  LOAD_SOLVER,
  needsSolver,
  type SolverRequest,
  startSolverThread,
} from "./solver-thread.js";

type Reply = { id: number; ok: boolean; answer?: { verdict: string; reason?: string } };

/** Posts every request at once and collects the replies in the order they come back. */
async function askAll(requests: readonly (SolverRequest | typeof LOAD_SOLVER)[]): Promise<Reply[]> {
  const solver = startSolverThread();
  solver.port.ref();
  try {
    const replies: Reply[] = [];
    const done = new Promise<void>((resolve) => {
      solver.port.on("message", (reply: Reply) => {
        replies.push(reply);
        if (replies.length === requests.length) resolve();
      });
    });
    for (const [id, request] of requests.entries()) solver.port.postMessage({ id, request });
    await done;
    return replies;
  } finally {
    solver.port.close();
    await solver.worker.terminate();
  }
}

describe("the solver thread", { timeout: 120_000 }, () => {
  const fast: SolverRequest = {
    kind: "condition",
    candidate: ["n", ">=", "1"],
    reference: ["n", ">=", "1"],
    costs: {},
    timeoutMs: 60_000,
  };

  it("answers requests that arrive together in the order asked, each as if alone", async () => {
    // Slow: n³ + m³ = k³ has no positive solution (Euler), which z3 cannot show: it works until
    // its work limit, the same answer every time. Fast: n ≥ 1 against itself. (The thread takes
    // them one at a time because z3's context is not safe for overlapping calls; that crash is
    // rare, so this test checks the protocol, not the crash: under load, 1 batch of bob and judy
    // in 4 crashed before, none in 8 after.)
    const slow: SolverRequest = {
      kind: "condition",
      candidate: ["n^3 + m^3", "=", "k^3"],
      reference: ["0", "=", "1"],
      costs: {},
      workLimit: 300_000,
      timeoutMs: 60_000,
    };
    // Each built while another is being solved, if the thread let them overlap.
    const wide = (k: number): SolverRequest => ({
      kind: "condition",
      candidate: [Array.from({ length: 30 }, (_, i) => `${i + k}*n^2*m`).join(" + "), ">", "m^3"],
      reference: [Array.from({ length: 30 }, (_, i) => `${i + k}*n^2*m`).join(" + "), ">", "m^3"],
      costs: {},
      timeoutMs: 60_000,
    });
    const requests = Array.from({ length: 12 }, (_, i) => [slow, fast, wide(i)]).flat();
    const replies = await askAll(requests);
    expect(replies.map((r) => r.id)).toEqual(requests.map((_, i) => i));
    expect(replies.map((r) => r.answer?.verdict)).toEqual(
      requests.map((r) => (r === slow ? "unknown" : "equivalent")),
    );
    expect(replies[0]!.answer).toMatchObject({ reason: "work limit" });
    for (const [i, r] of requests.entries())
      if (r === slow) expect(replies[i]!.answer).toEqual(replies[0]!.answer);
  });

  it("loads z3 when asked, before any formula, and then answers as before", async () => {
    const replies = await askAll([LOAD_SOLVER, fast]);
    expect(replies.map((r) => [r.id, r.answer?.verdict])).toEqual([
      [0, "loaded"],
      [1, "equivalent"],
    ]);
  });
});

describe("needsSolver", () => {
  it("is true for an assignment with a threshold or condition question, false without", () => {
    // hw1's 1.x questions are threshold networks, 2.4 a condition: both ask the solver.
    expect(needsSolver(hw1)).toBe(true);
    const numbersOnly = { ...hw1, questions: [numberQuestion("q1", () => 1)] };
    expect(needsSolver(numbersOnly)).toBe(false);
    const conditionOnly = {
      ...hw1,
      questions: hw1.questions.filter((q) => q.parts.some((p) => p.check.kind === "condition")),
    };
    expect(conditionOnly.questions.length).toBeGreaterThan(0);
    expect(needsSolver(conditionOnly)).toBe(true);
  });
});
