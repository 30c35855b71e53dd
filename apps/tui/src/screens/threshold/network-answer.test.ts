import { readFileSync } from "node:fs";
import * as grading from "@nnkit/grading";
import { toJSON } from "@nnkit/threshold";
import { describe, expect, it } from "vitest";
import { draftOf, setActivation, setCell } from "./draft.js";
import { writeNetwork } from "./network-answer.js";

const example = (name: string) =>
  readFileSync(new URL(`../../../../../examples/hw1/${name}`, import.meta.url), "utf8");
const homework = grading.getAssignment("hw1");

/** The network the grader reads for the question, as a draft. */
function graderDraft(text: string, question: "1.1" | "1.2") {
  const read = grading.answerNetwork(homework, `q${question}`, text);
  if (!read.ok) throw new Error(read.reason);
  return draftOf(toJSON(read.network));
}

/** The text outside the changed span is unchanged: same prefix and suffix around it. */
function expectOnlySpanChanged(before: string, after: string, from: number, to: number) {
  expect(after.slice(0, from)).toBe(before.slice(0, from));
  expect(after.slice(after.length - (before.length - to))).toBe(before.slice(to));
}

describe("writing the lab's network into the answer file", () => {
  it("1.1: replaces W1, b1, W2, b2 only, and the grader reads the new network", () => {
    const before = example("seed-student.yaml");
    // The seed student's b(2) = −2 fixed to +2, as the handout's design has it.
    const draft = setCell(graderDraft(before, "1.1"), 1, 0, 3, "2");
    const written = writeNetwork(before, "1.1", draft);
    if (!written.ok) throw new Error(written.reason);
    expect(graderDraft(written.text, "1.1")).toEqual(draft);
    const from = before.indexOf("    W1: ") + "    W1: ".length;
    const to = before.indexOf("\n", before.indexOf("    b2: "));
    expectOnlySpanChanged(before, written.text, from, to);
    // Comments and every other answer survive byte for byte.
    expect(written.text).toContain('# "W^{(1)} = 2(...), b^{(1)} = (0 0 0)^T');
    expect(written.text.slice(to - before.length + written.text.length)).toBe(before.slice(to));
    expect(written.text).toMatch(/^ {4}b2: 2$/m);
    expect(written.text).toMatch(
      /^ {4}W1: \[\[-2, 0, 0, 2\], \[0, -2, 0, 2\], \[0, 0, -2, 2\]\]$/m,
    );
  });

  it("1.2: replaces the layers list only, as a block list the grader reads back", () => {
    const before = example("correct.yaml");
    const draft = setActivation(setCell(graderDraft(before, "1.2"), 2, 0, 6, "1/2"), 2, "step>=1");
    const written = writeNetwork(before, "1.2", draft);
    if (!written.ok) throw new Error(written.reason);
    expect(graderDraft(written.text, "1.2")).toEqual(draft);
    const from = before.indexOf("      - W:\n");
    const to = before.indexOf("  q2.1.1:");
    expect(written.text.slice(0, from)).toBe(before.slice(0, from));
    expect(written.text.slice(written.text.indexOf("  q2.1.1:"))).toBe(before.slice(to));
    expect(written.text).toContain('        b: ["1/2"]');
  });

  it("writing the file's own network back changes nothing the grader sees", () => {
    const before = example("correct.yaml");
    for (const question of ["1.1", "1.2"] as const) {
      const written = writeNetwork(before, question, graderDraft(before, question));
      if (!written.ok) throw new Error(written.reason);
      expect(graderDraft(written.text, question)).toEqual(graderDraft(before, question));
    }
  });

  it("1.1: adds an activation line when the file has none and the lab's is not φ", () => {
    const before = example("correct.yaml");
    const draft = [0, 1].reduce(
      (d, layer) => setActivation(d, layer, "step>=0"),
      graderDraft(before, "1.1"),
    );
    const written = writeNetwork(before, "1.1", draft);
    if (!written.ok) throw new Error(written.reason);
    // The new line sits after b2 at the keys' indentation; every other byte stays.
    const at = before.indexOf("    b2: 2\n") + "    b2: 2".length;
    expect(written.text).toBe(`${before.slice(0, at)}\n    activation: step>=0${before.slice(at)}`);
    expect(graderDraft(written.text, "1.1").layers.map((l) => l.activation)).toEqual([
      "step>=0",
      "step>=0",
    ]);
    // A flow map gets the entry after a comma.
    const flow =
      "assignment: hw1\nstudent: {id: s1}\nanswers:\n  q1.1: {W1: [[1, 1, 1, 1]], b1: [0], W2: [[1]], b2: 0}  # mine\n";
    const small = [0, 1].reduce(
      (d, layer) => setActivation(d, layer, "step>=0"),
      graderDraft(flow, "1.1"),
    );
    const flowWritten = writeNetwork(flow, "1.1", small);
    expect(flowWritten).toEqual({
      ok: true,
      text: flow.replace("b2: 0}", "b2: 0, activation: step>=0}"),
    });
  });

  it("refuses what the 1.1 form cannot hold, saying why", () => {
    const before = example("correct.yaml");
    const draft = graderDraft(before, "1.1");
    const threeLayers = { ...draft, layers: [...draft.layers, draft.layers[1]!] };
    expect(writeNetwork(before, "1.1", threeLayers)).toEqual({
      ok: false,
      reason: "1.1's answer holds one hidden layer and an output layer (W1, b1, W2, b2)",
    });
    expect(writeNetwork("assignment: hw1\nanswers: {}\n", "1.1", draft)).toEqual({
      ok: false,
      reason: "the answer file has no q1.1 answer to write into",
    });
  });
});
