import { describe, expect, it, vi } from "vitest";
import type { AnswerValue } from "./answer-value.js";
import { FILE_LIMITS } from "./limits.js";
import { parseAnswerFile } from "./parse-answer-file.js";

const HEADER = "assignment: hw1\nstudent: {id: s1, name: Ada}\n";

function reasonOf(text: string): string {
  const result = parseAnswerFile(text);
  if (result.ok) throw new Error("expected the file to be refused");
  return result.reason;
}

describe("parseAnswerFile", () => {
  it("reads YAML into assignment, student and answers", () => {
    const result = parseAnswerFile(`${HEADER}answers:\n  q2.3:\n    z: [6, 12, 18]\n`);
    if (!result.ok) throw new Error(result.reason);
    expect(result.file.assignment).toBe("hw1");
    expect(result.file.student).toEqual({ id: "s1", name: "Ada" });
    const z = result.file.answers.get("q2.3");
    expect(z?.type === "map" && z.entries.get("z")).toEqual({
      type: "list",
      items: [6, 12, 18].map((value) => ({ type: "number", value })),
    });
  });

  it("accepts JSON", () => {
    const json = JSON.stringify({
      assignment: "hw1",
      student: { id: 7, name: "B" },
      answers: { "q3.2": { unique: true } },
    });
    const result = parseAnswerFile(json);
    if (!result.ok) throw new Error(result.reason);
    expect(result.file.student.id).toBe("7");
    expect(result.file.answers.get("q3.2")).toEqual({
      type: "map",
      entries: new Map<string, AnswerValue>([["unique", { type: "boolean", value: true }]]),
    });
  });

  it("keeps __proto__ as an ordinary key without touching any prototype", () => {
    const result = parseAnswerFile(
      `${HEADER}answers:\n  __proto__: {polluted: true}\n  q1.1: {}\n`,
    );
    if (!result.ok) throw new Error(result.reason);
    expect([...result.file.answers.keys()]).toEqual(["__proto__", "q1.1"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ["malformed YAML", `${HEADER}answers: [unclosed`, "not valid YAML"],
    ["duplicate keys", `${HEADER}answers: {a: 1, a: 2}`, "the key 'a' appears twice"],
    ["keys that are one as text", `${HEADER}answers: {1: x, "1": y}`, "the key '1' appears twice"],
    ["a list at the top", "- 1\n- 2\n", "must be a mapping"],
    ["no student", "assignment: hw1\nanswers: {}\n", "student: {id, name}"],
    [
      "a student id that is a list",
      "student: {id: [1]}\nanswers: {}\n",
      "'student.id' must be non-empty text",
    ],
    ["answers that are text", `${HEADER}answers: all of them\n`, "'answers' must be a mapping"],
    ["no answers", HEADER, "no 'answers' mapping"],
    [
      "an assignment that is a number",
      "assignment: 1\nstudent: {id: a}\nanswers: {}\n",
      "'assignment' must be text",
    ],
    ["a mapping as a key", `${HEADER}answers: {? [a, b] : 1}\n`, "mapping or list as a key"],
  ])("refuses %s with a reason", (_, text, reason) => {
    expect(reasonOf(text)).toContain(reason);
  });

  it("says where malformed YAML goes wrong, and refuses a second document", () => {
    // Line 3 (after HEADER's two lines): the flow list is never closed, so yaml points past its end.
    expect(reasonOf(`${HEADER}answers: [unclosed`)).toMatch(
      /^the answer file is not valid YAML: .* at line 3, column 19:$/,
    );
    expect(reasonOf(`${HEADER}answers: {}\n---\nanswers: {}\n`)).toContain(
      "Source contains multiple documents",
    );
  });

  it("refuses a YAML alias bomb", () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(",")}]`);
    }
    expect(reasonOf(`${lines.join("\n")}\n`)).toMatch(/cannot be read|more than/);
  });

  it("refuses files above the size limit before parsing them", () => {
    const million = `${HEADER}answers:\n  q2.2.1:\n    H: [${"0,".repeat(1_000_000)}0]\n`;
    expect(reasonOf(million)).toContain(`at most ${FILE_LIMITS.maxCharacters}`);
  });

  it("refuses nesting deeper than the limit", () => {
    const deep = `${HEADER}answers: ${"[".repeat(100)}${"]".repeat(100)}\n`;
    expect(reasonOf(deep)).toMatch(/nested deeper than 32|cannot be read/);
  });

  it.each([
    ["flow", `${HEADER}answers: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`],
    ["block", `${HEADER}answers:\n  q1.1:\n    ${"- ".repeat(10_000)}1\n`],
    ["mapping", `${HEADER}answers: ${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}\n`],
  ])("refuses 10⁴-deep %s nesting with one message, whatever stack is left", (_, deep) => {
    const expected = `the answer file is nested deeper than ${FILE_LIMITS.maxDepth} levels`;
    expect(reasonOf(deep)).toBe(expected);
    // The same file read with most of the stack already used (as on a thread with a smaller
    // stack) gives the same message, not a stack-overflow one.
    const withLittleStack = (frames: number): string =>
      frames === 0 ? reasonOf(deep) : withLittleStack(frames - 1);
    expect(withLittleStack(6_000)).toBe(expected);
  });

  it("accepts nesting up to the limit", () => {
    const depth = FILE_LIMITS.maxDepth - 2;
    const result = parseAnswerFile(
      `${HEADER}answers: {q: ${"[".repeat(depth)}1${"]".repeat(depth)}}\n`,
    );
    expect(result.ok).toBe(true);
  });

  // The 22 000-key attack itself is graded in the grader's acceptance test; the count shows the law.
  it("checks keys for duplicates with one set lookup per key (yaml's check is quadratic)", () => {
    const n = 8_000;
    const keys = Array.from({ length: n }, (_, i) => `  k${i}: 1`);
    const unique = `${HEADER}answers:\n${keys.join("\n")}\n`;
    expect(unique.length).toBeLessThan(FILE_LIMITS.maxCharacters);
    const has = vi.spyOn(Set.prototype, "has");
    const add = vi.spyOn(Set.prototype, "add");
    try {
      const result = parseAnswerFile(unique);
      expect(result.ok && result.file.answers.size).toBe(n);
      // A few lookups besides the keys' own (the header's mappings): linear, not n²/2.
      expect(has.mock.calls.length).toBeLessThan(n + 100);
      expect(add.mock.calls.length).toBeLessThan(n + 100);
    } finally {
      has.mockRestore();
      add.mockRestore();
    }
    // The last key repeating the first is found, with its line (the header takes lines 1-3).
    const repeated = `${HEADER}answers:\n${keys.slice(0, 2000).join("\n")}\n  k0: 2\n`;
    expect(reasonOf(repeated)).toBe(
      "the answer file is not valid YAML: the key 'k0' appears twice in one mapping (line 2004)",
    );
  });
});
