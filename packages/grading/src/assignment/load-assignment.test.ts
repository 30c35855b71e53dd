import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { gradeAnswerText } from "../grade/grade-answer.js";
import { hw1 } from "../hw1/hw1.js";
import { isAssignmentPath, loadAssignment } from "./load-assignment.js";
import { AssignmentSpecError } from "./spec-error.js";

const folder = mkdtempSync(join(tmpdir(), "nnkit-load-assignment-"));
function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

// A module needs no import of @nnkit/grading to be an assignment: the check is plain data here.
const ONE_QUESTION = `
const always = { kind: "always", grade: () => ({ status: "passed", items: [] }) };
export default {
  id: "mini", title: "Mini", perStudentVariants: false, variables: [],
  questions: [{ id: "q1", title: "One", points: 2, template: "a: 1",
    parts: [{ label: "a", field: "a", weight: 1, visibility: "visible", check: always }] }],
};`;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("loadAssignment", () => {
  it("tells ids from paths", () => {
    expect(isAssignmentPath("hw1")).toBe(false);
    expect(isAssignmentPath("hw2.yaml")).toBe(true);
    expect(isAssignmentPath("./course/hw2")).toBe(true);
  });

  it("resolves a built-in id", async () => {
    expect(await loadAssignment("hw1")).toBe(hw1);
  });

  it("names the unknown id", async () => {
    await expect(loadAssignment("hw9")).rejects.toThrow(
      expect.objectContaining({
        code: "file",
        message: expect.stringContaining("unknown assignment 'hw9'"),
      }),
    );
  });

  it("imports an ES module's default export, relative to cwd", async () => {
    file("mini.mjs", ONE_QUESTION);
    const assignment = await loadAssignment("mini.mjs", { cwd: folder });
    expect(assignment.id).toBe("mini");
    expect(assignment.questions.map((q) => q.points)).toEqual([2]);
  });

  it("reads a YAML file, naming it and the line in errors", async () => {
    const yaml = [
      "format: nnkit-assignment/1",
      "id: tiny",
      "title: Tiny",
      "questions:",
      "  - { id: q1, title: Free text, points: 1, kind: manual, field: text }",
    ].join("\n");
    file("tiny.yaml", yaml);
    const assignment = await loadAssignment("tiny.yaml", { cwd: folder });
    expect(assignment.questions.map((q) => [q.id, q.points, q.template])).toEqual([
      ["q1", 1, '# Free text, graded by a person\ntext: ""'],
    ]);
    file("typo.yml", yaml.replace("points: 1", "points: -1"));
    await expect(loadAssignment("typo.yml", { cwd: folder })).rejects.toThrow(
      expect.objectContaining({
        code: "schema",
        message: expect.stringContaining(
          "typo.yml:5:33: questions[0].points (q1): expected a number ≥ 0, got -1",
        ),
      }),
    );
  });

  it("imports a module that builds its questions with the YAML's kinds", async () => {
    const path = fileURLToPath(new URL("./fixtures/kinds-module.mjs", import.meta.url));
    const assignment = await loadAssignment(path);
    const text =
      'assignment: kinds\nstudent: {id: s, name: S}\nanswers:\n  q1: {reverse: {multiplications: "2n"}}\n';
    expect(gradeAnswerText(text, { assignment }).score).toBe(1);
  });

  it("validates the module's definition again", async () => {
    const path = file(
      "twice.mjs",
      ONE_QUESTION.replace(
        "questions: [{",
        "questions: [{ id: 'q1', title: 'dup', points: 1, template: '', parts: [{ label: 'a', weight: 1, visibility: 'visible', check: always }] }, {",
      ),
    );
    await expect(loadAssignment(path)).rejects.toThrow(
      expect.objectContaining({
        code: "module",
        message: expect.stringContaining("question id q1 is used twice"),
      }),
    );
  });

  it("says what is missing: the file, the default export, a known extension", async () => {
    await expect(loadAssignment(join(folder, "absent.mjs"))).rejects.toThrow(
      expect.objectContaining({
        code: "file",
        message: expect.stringMatching(/cannot read .*absent\.mjs \(ENOENT\)/),
      }),
    );
    const none = file("none.mjs", "export const x = 1;");
    await expect(loadAssignment(none)).rejects.toThrow(
      expect.objectContaining({
        code: "module",
        message: expect.stringContaining("has no default export"),
      }),
    );
    const text = file("hw.txt", "");
    await expect(loadAssignment(text)).rejects.toBeInstanceOf(AssignmentSpecError);
    await expect(loadAssignment(text)).rejects.toThrow(
      expect.objectContaining({
        code: "file",
        message: expect.stringContaining("ends in .yaml, .yml, .mjs or .js"),
      }),
    );
  });

  it("names the file and line of a module that does not load", async () => {
    const syntax = file("syntax.mjs", 'export default {\n  id: "mini" oops,\n};\n');
    // The location comes from \`node --check\`; the message from whichever loader imported it.
    const syntaxError = await loadAssignment(syntax).catch((e: unknown) => e);
    expect((syntaxError as Error).message).toMatch(new RegExp(`^${escaped(syntax)}:2:\\d+: `));
    expect((syntaxError as Error).message).not.toContain("\n");
    const thrown = file("thrown.mjs", "const a = 1;\nexport default {\n  id: nope.x,\n};\n");
    await expect(loadAssignment(thrown)).rejects.toThrow(
      expect.objectContaining({
        code: "module",
        message: expect.stringContaining(`${thrown}:3:7: nope is not defined`),
      }),
    );
    const twice = file("dup.mjs", ONE_QUESTION.replace("points: 2", "points: -1"));
    const error = await loadAssignment(twice).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssignmentSpecError);
    expect((error as Error).message).toBe(
      `${twice}: defineAssignment(mini): q1 has negative points`,
    );
  });
});
