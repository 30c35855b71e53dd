import { describe, expect, it } from "vitest";
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
    ["duplicate keys", `${HEADER}answers: {a: 1, a: 2}`, "not valid YAML"],
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

  it("refuses 10⁴-deep flow nesting without overflowing the stack", () => {
    const deep = `${HEADER}answers: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`;
    expect(reasonOf(deep)).toMatch(/nested deeper|cannot be read|not valid YAML/);
  });
});
