import { describe, expect, it } from "vitest";
import { answerFields, newlineMark, replaceField, studentOf } from "./answer-document.js";

const file = `# my answers
assignment: hw1
student:
  id: "s1"
  name: Ada
answers:
  q1.1:
    W2: [1, 1, 1]  # 1×3
    b2: 0
  q2.4:
    reverse: {multiplications: "", memory: "2nm"}
  q3.3.3:
    text: |
      No.
      Double descent.
`;

describe("answer document", () => {
  it("lists every leaf answer in file order, as text or as data", () => {
    expect(answerFields(file).map((f) => [f.question, f.field, f.kind, f.text])).toEqual([
      ["q1.1", "W2", "data", "[ 1, 1, 1 ]"],
      ["q1.1", "b2", "data", "0"],
      ["q2.4", "reverse.multiplications", "text", ""],
      ["q2.4", "reverse.memory", "text", "2nm"],
      ["q3.3.3", "text", "text", `No.${newlineMark}Double descent.${newlineMark}`],
    ]);
    expect(studentOf(file)).toEqual({ id: "s1", name: "Ada" });
  });

  it("replaces one value and keeps the comments and the other values", () => {
    const [, , multiplications] = answerFields(file);
    const replaced = replaceField(file, multiplications!, "3nm");
    if (!replaced.ok) throw new Error(replaced.error.message);
    expect(replaced.text).toContain("# my answers");
    expect(replaced.text).toContain("W2: [ 1, 1, 1 ] # 1×3");
    expect(answerFields(replaced.text)[2]!.text).toBe("3nm");
    expect(answerFields(replaced.text)[3]!.text).toBe("2nm");
  });

  it("reads data as YAML, keeping its comment, and reports where it is broken", () => {
    const [w2] = answerFields(file);
    const replaced = replaceField(file, w2!, "[-2, -2, -2]");
    expect(replaced.ok && answerFields(replaced.text)[0]!.text).toBe("[ -2, -2, -2 ]");
    expect(replaced.ok && replaced.text).toContain("# 1×3");
    const broken = replaceField(file, w2!, "[1, 2");
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error.position).toBe(5);
  });

  it("turns the newline mark back into newlines", () => {
    const text = answerFields(file)[4]!;
    const replaced = replaceField(file, text, `Yes${newlineMark}No`);
    expect(replaced.ok && replaced.text).toContain("text: |-\n      Yes\n      No");
  });
});
