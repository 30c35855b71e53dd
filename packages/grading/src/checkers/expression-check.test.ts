import { tensor } from "@nnkit/tensor";
import { afterEach, describe, expect, it } from "vitest";
import { shareVerdicts } from "../certify/shared-verdicts.js";
import { run, text } from "../fixtures/answers.js";
import { parseMath } from "../math/parse-math.js";
import { proofTotals } from "../symbolic/proof-cache.js";
import { expressionCheck } from "./expression-check.js";

const symbols = ["A", "v", "n"];
const formula = (written: string) => {
  const parsed = parseMath(written, { symbols, kind: "tensor" });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.expr;
};
// One instance, A = I (2×2), v = [1, 2], n = 2: A⁻¹v = [1, 2] by hand, and so are Aᵀv and Av
// there, which only the exact comparison tells apart from A⁻¹v.
const instance = {
  environment: {
    values: new Map([
      [
        "A",
        tensor([
          [1, 0],
          [0, 1],
        ]),
      ],
      ["v", tensor([[1], [2]])],
      ["n", tensor(2)],
    ]),
  },
  reference: tensor([[1], [2]]),
};
const domain = {
  matrices: [
    ["A", [2, 2]],
    ["v", [2, 1]],
  ] as const,
  constants: [["n", 2]] as const,
};
const check = (proofBudget?: {
  maxTerms?: number;
  maxProducts?: number;
  maxWork?: number;
  timeMs?: number;
}) =>
  expressionCheck({
    symbols,
    instances: () => [instance],
    proof: { reference: formula("A^{-1} v"), domain },
    ...(proofBudget ? { proofBudget } : {}),
  });

describe("expressionCheck proves agreements exactly", () => {
  it("proves a rewritten form, naming the domain and the inverses it takes", () => {
    // (AᵀA)⁻¹Aᵀ = A⁻¹A⁻ᵀAᵀ = A⁻¹ wherever A is invertible; (n/2)·A⁻¹v is A⁻¹v as n = 2.
    const outcome = run(check(), text("(A^T A)^{-1} A^T (n/2) v"));
    expect(outcome.status).toBe("graded");
    expect(outcome.feedback).toBe(
      "correct: proved for every A (2×2) and v (2×1) with A invertible and AᵀA invertible",
    );
    expect(outcome.items[0]?.scope).toEqual({
      kind: "proof",
      domain: "every A (2×2) and v (2×1)",
      assumptions: ["A invertible", "AᵀA invertible"],
    });
  });

  it("proves inv(…) and the adjugate written out: A⁻¹ = [[d, −b], [−c, a]]/(ad − bc)", () => {
    expect(run(check(), text("inv(A) v")).status).toBe("graded");
  });

  it("sends an answer that agrees on the instances but not as a formula to a person", () => {
    // Aᵀv = A⁻¹v only for orthogonal A, such as the instance's identity.
    const outcome = run(check(), text("A^T v"));
    expect(outcome.status).toBe("review");
    expect(outcome.feedback).toBe(
      "matches the reference on 1 random instance; not proved (as formulas the two differ, though not on these instances), so left for a person",
    );
  });

  it("stops at its term budget with a note, and the answer goes to a person", () => {
    const outcome = run(check({ maxTerms: 3 }), text("A^{-1} v"));
    expect(outcome.status).toBe("review");
    expect(outcome.feedback).toMatch(/not proved \(the exact comparison stopped at its budget: /);
  });

  it("keeps a function it cannot express as an atom, and a wrong value stays wrong", () => {
    // √v is one atom per entry, so √v − √v cancels exactly; 2A⁻¹v is [2, 4] on the instance.
    expect(run(check(), text("A^{-1} v + sqrt(v) - sqrt(v)")).status).toBe("graded");
    const wrong = run(check(), text("2 A^{-1} v"));
    expect(wrong.items[0]).toMatchObject({
      verdict: "wrong",
      counterexample: { kind: "instance" },
    });
  });
});

/** The comparisons `grade` made and the cache answered, from the thread's totals. */
function counted(grade: () => void): { compared: number; cached: number } {
  const before = proofTotals();
  grade();
  const after = proofTotals();
  return { compared: after.compared - before.compared, cached: after.cached - before.cached };
}

describe("expressionCheck remembers the identities it compared", () => {
  it("answers the same formula again from the cache, however it is written, alike", () => {
    const once = check();
    const first = run(once, text("(A^T A)^{-1} A^T (n/2) v"));
    const again = counted(() => {
      const second = run(once, text("(A^TA)^{-1}A^T(n/2)v"));
      expect(second).toEqual(first);
    });
    expect(again).toEqual({ compared: 0, cached: 1 });
    // A formula the cache has not seen is compared (and refuted), then remembered too.
    expect(counted(() => run(once, text("A^T v")))).toEqual({ compared: 1, cached: 0 });
    expect(counted(() => expect(run(once, text("A^T v")).status).toBe("review"))).toEqual({
      compared: 0,
      cached: 1,
    });
  });

  it("gives from the cache, byte for byte, the outcome a fresh comparison gives", () => {
    const once = check();
    for (const answer of ["(A^T A)^{-1} A^T (n/2) v", "A^T v"]) {
      run(once, text(answer));
      const recalled = counted(() => run(once, text(answer)));
      expect(recalled.cached).toBe(1);
      // A new check has an empty cache: its outcome is a fresh comparison's.
      const fresh = JSON.stringify(run(check(), text(answer)));
      expect(JSON.stringify(run(once, text(answer)))).toBe(fresh);
    }
  });

  it("compares anew for another question: another reference or domain", () => {
    run(check(), text("A^{-1} v"));
    // A new check is another question (its own reference and parameters): no verdict carried.
    expect(counted(() => run(check(), text("A^{-1} v")))).toEqual({ compared: 1, cached: 0 });
    const transposed = expressionCheck({
      symbols,
      instances: () => [instance],
      proof: { reference: formula("A^T v"), domain },
    });
    // The same answer against another reference: compared, and here refuted.
    expect(run(transposed, text("A^{-1} v")).status).toBe("review");
  });
});

describe("expressionCheck shares its verdicts with other threads", () => {
  afterEach(() => shareVerdicts(undefined));

  it("recalls a verdict for the same reference built anew, not for another reference", () => {
    const known = new Map<string, unknown>();
    shareVerdicts({
      claim: (key) => known.get(key),
      settle: (key, verdict) => verdict !== undefined && known.set(key, structuredClone(verdict)),
    });
    const answer = text("(A^T A)^{-1} A^T (n/2) v");
    const fresh = JSON.stringify(run(check(), answer));
    // Another check of the same question, as another thread builds it: the verdict is recalled.
    let recalled = "";
    expect(counted(() => (recalled = JSON.stringify(run(check(), answer))))).toEqual({
      compared: 0,
      cached: 1,
    });
    expect(recalled).toBe(fresh);
    const transposed = expressionCheck({
      symbols,
      instances: () => [instance],
      proof: { reference: formula("A^T v"), domain },
    });
    expect(counted(() => run(transposed, answer))).toEqual({ compared: 1, cached: 0 });
  });
});

describe("expressionCheck's work budget", () => {
  it("stops a comparison at a count of operations, the same on every run and at any time limit", () => {
    const stopped = (timeMs: number) => run(check({ maxWork: 40, timeMs }), text("A^{-1} v"));
    const quick = stopped(60_000);
    expect(quick.status).toBe("review");
    expect(quick.feedback).toMatch(/stopped at its budget: more than 40 term operations/);
    // The clock has nothing to do with it: another limit, another run, the same verdict.
    expect(stopped(600_000)).toEqual(quick);
    // The default budget leaves the answer proved.
    expect(run(check({ timeMs: 60_000 }), text("A^{-1} v")).status).toBe("graded");
  });

  it("bounds hostile formulas by work, with terms and products unlimited", () => {
    // (Σ entries)⁶⁴ in six variables has millions of terms: 0 times it is 0, as the instance
    // shows, but the power's products run far past the work budget first.
    const growing = "A^{-1} v + 0 ((sum(A) + sum(v))^8)^8";
    const outcome = run(
      check({ maxTerms: 1e12, maxProducts: 1e12, timeMs: 600_000 }),
      text(growing),
    );
    expect(outcome.status).toBe("review");
    expect(outcome.feedback).toMatch(/more than 4000000 term operations/);
  });
});
