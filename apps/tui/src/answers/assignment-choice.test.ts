import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cannotLoadMessage, chooseAssignment } from "./assignment-choice.js";

const dir = mkdtempSync(join(tmpdir(), "nnkit-choice-"));
mkdirSync(join(dir, "course"));
writeFileSync(join(dir, "course", "answers.yaml"), "assignment: ./dots.mjs\nanswers: {}\n");
writeFileSync(join(dir, "plain.yaml"), "student: {id: s1}\nanswers: {}\n");
writeFileSync(join(dir, "odd.yaml"), "assignment: [1, 2]\n");

describe("chooseAssignment", () => {
  it("takes --assignment first, relative to the working folder", () => {
    expect(chooseAssignment("hw2.mjs", "course/answers.yaml", dir)).toEqual({
      source: "hw2.mjs",
      cwd: dir,
      origin: { kind: "flag" },
    });
  });

  it("else the answer file's assignment:, a path read from the answer file's folder", () => {
    expect(chooseAssignment(undefined, "course/answers.yaml", dir)).toEqual({
      source: "./dots.mjs",
      cwd: join(dir, "course"),
      origin: { kind: "answer file", path: "course/answers.yaml" },
    });
  });

  it("else homework 1: no answer file, none named, one that is not text, or no file yet", () => {
    for (const answers of [undefined, "plain.yaml", "odd.yaml", "absent.yaml"]) {
      expect(chooseAssignment(undefined, answers, dir)).toEqual({
        source: "hw1",
        cwd: dir,
        origin: { kind: "default" },
      });
    }
  });

  it("says in one line why it cannot be loaded, and where the name came from", () => {
    const named = chooseAssignment(undefined, "course/answers.yaml", dir);
    const message = cannotLoadMessage(named, "cannot read /x/dots.mjs (ENOENT)");
    expect(message).toBe(
      "nnkit: cannot read /x/dots.mjs (ENOENT) (named by `assignment: ./dots.mjs` in course/answers.yaml; give the assignment's file with --assignment PATH)",
    );
    expect(message).not.toContain("\n");
    expect(cannotLoadMessage(chooseAssignment("bad.mjs", undefined, dir), "bad.mjs:3:1: x")).toBe(
      "nnkit: bad.mjs:3:1: x",
    );
  });
});
