import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { COURSE_FILES } from "./course-files.js";

const example = fileURLToPath(new URL("../../../../examples/hw2-majority/", import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name))
      : [relative(example, join(dir, entry.name))],
  );
}

describe("the course folder init writes", () => {
  it("is examples/hw2-majority, byte for byte (rerun scripts/embed-course.mjs if not)", () => {
    expect(Object.keys(COURSE_FILES).sort()).toEqual(filesUnder(example).sort());
    for (const [name, text] of Object.entries(COURSE_FILES)) {
      expect(text, name).toBe(readFileSync(join(example, name), "utf8"));
    }
  });
});
