import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as grading from "@nnkit/grading";
import { describe, expect, it } from "vitest";
import { studentEquations, verdicts } from "./student-equations.js";

const correct = readFileSync(
  fileURLToPath(new URL("../../../../../examples/hw1/correct.yaml", import.meta.url)),
  "utf8",
);

describe("verdicts", () => {
  it("reads every equation's verdict from the grader's items, J̄ included", () => {
    const wrongJ = correct.replace('J_bar: "1"', 'J_bar: "2"');
    const judged = verdicts(grading.gradeAnswerText(wrongJ, { audience: "student" }));
    expect([...judged.keys()]).toEqual([
      "J_bar",
      "S_bar",
      "y'_bar",
      "y_bar",
      "g2_bar",
      "g1_bar",
      "h_bar",
      "z2_bar",
      "z1_bar",
      "x_bar",
    ]);
    expect(judged.get("J_bar")).toMatchObject({ verdict: "wrong" });
    expect(judged.get("J_bar")!.message).toMatch(/^wrong: off by a constant factor/);
    expect(judged.get("S_bar")).toMatchObject({
      verdict: "correct",
      message: expect.stringMatching(/^correct: proved for every x \(3×1\), class t in 1\.\.3/),
    });
  });
});

describe("studentEquations", () => {
  it("files an equation keyed yp_bar (a YAML key without quotes) under the template's y'_bar", () => {
    const bob = readFileSync(
      fileURLToPath(new URL("../../../../../examples/hw1/submissions/bob.yaml", import.meta.url)),
      "utf8",
    );
    const equations = studentEquations(grading, bob, { seed: 1, classNumber: 1 });
    expect(equations.has("yp_bar")).toBe(false);
    // y' has one entry per class, and the stepper's network has 3 (t in 1..3).
    expect(equations.get("y'_bar")).toMatchObject({ value: { kind: "value", shape: [3, 1] } });
  });
});
