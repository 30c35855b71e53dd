import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type NetworkJSON, toJSON } from "@nnkit/threshold";
import { describe, expect, it } from "vitest";
import { GradingError } from "../errors.js";
import { hw1 } from "../hw1/hw1.js";
import { answerNetwork } from "./answer-network.js";
import { gradeAnswerText } from "./grade-answer.js";

const examples = fileURLToPath(new URL("../../../../examples/hw1/", import.meta.url));
const example = (name: string) => readFileSync(`${examples}${name}`, "utf8");

/** The answer's network as plain weights, biases and activations (values read off the files). */
function networkOf(text: string, questionId: string): NetworkJSON {
  const result = answerNetwork(hw1, questionId, text);
  if (!result.ok) throw new Error(`expected a network, got: ${result.reason}`);
  return toJSON(result.network);
}

const layerValues = (json: NetworkJSON) =>
  json.layers.map(({ weights, bias, activation }) => ({ weights, bias, activation }));

const header = 'assignment: hw1\nstudent: { id: "s1", name: Ada }\nanswers:\n';

describe("answerNetwork", () => {
  it("reads correct.yaml's 1.1 network as written", () => {
    expect(layerValues(networkOf(example("correct.yaml"), "q1.1"))).toEqual([
      {
        weights: [
          [-2, 0, 0, 2],
          [0, -2, 0, 2],
          [0, 0, -2, 2],
        ],
        bias: [0, 0, 0],
        activation: "indicator[-1,1]",
      },
      { weights: [[-2, -2, -2]], bias: [2], activation: "indicator[-1,1]" },
    ]);
  });

  it("reads correct.yaml's 1.2 layers: 9 equality units, 6 permutation units, an OR", () => {
    const json = networkOf(example("correct.yaml"), "q1.2");
    expect(json.inputs).toBe(6);
    expect(json.layers.map((l) => l.weights.length)).toEqual([9, 6, 1]);
    expect(json.layers[1]!.weights[0]).toEqual([2, 0, 0, 0, 2, 0, 0, 0, 2]);
    expect(json.layers[1]!.bias).toEqual(Array(6).fill(-6));
    expect(json.layers[2]!.activation).toBe("step>=1");
  });

  it("reads equivalent-forms.yaml: a LaTeX matrix, a scalar b1 spread over the units, a list W2", () => {
    expect(layerValues(networkOf(example("equivalent-forms.yaml"), "q1.1"))).toEqual([
      {
        weights: [
          [2, 0, 0, -2],
          [0, 2, 0, -2],
          [0, 0, 2, -2],
        ],
        bias: [0, 0, 0],
        activation: "indicator[-1,1]",
      },
      { weights: [[1, 1, 1]], bias: [-2], activation: "indicator[-1,1]" },
    ]);
    // The 1.2 answer's `phi` is the handout's φ, and the last layer falls back to it.
    const q12 = networkOf(example("equivalent-forms.yaml"), "q1.2");
    expect(q12.layers.map((l) => l.activation)).toEqual(Array(3).fill("indicator[-1,1]"));
  });

  it("reads the seed student's 1.1 network with b2 = -2 as written (2·[…], −2·[1 1 1])", () => {
    expect(layerValues(networkOf(example("seed-student.yaml"), "q1.1"))).toEqual([
      {
        weights: [
          [-2, 0, 0, 2],
          [0, -2, 0, 2],
          [0, 0, -2, 2],
        ],
        bias: [0, 0, 0],
        activation: "indicator[-1,1]",
      },
      { weights: [[-2, -2, -2]], bias: [-2], activation: "indicator[-1,1]" },
    ]);
  });

  it("says 'no answer' for a question the file leaves out", () => {
    expect(answerNetwork(hw1, "q1.2", `${header}  q1.1: null\n`)).toEqual({
      ok: false,
      verdict: "missing",
      reason: "no answer",
    });
  });

  it("gives the grader's reason for a network of the wrong shape, and for an unreadable file", () => {
    const text = `${header}  q1.1: { W1: [[1, 1, 1]], b1: [0], W2: [[1]], b2: 0 }\n`;
    const reason = "the network maps 3 inputs to 1 outputs; expected 4 inputs and 1 output";
    expect(answerNetwork(hw1, "q1.1", text)).toEqual({ ok: false, verdict: "wrong", reason });
    const graded = gradeAnswerText(text).questions.find((q) => q.id === "q1.1")!;
    expect(graded.status).toBe("failed");
    expect(graded.feedback).toContain(reason);

    const unreadable = answerNetwork(hw1, "q1.1", "answers: [");
    expect(unreadable.ok === false && unreadable.verdict).toBe("invalid");
    expect(unreadable.ok === false && unreadable.reason).toMatch(
      /^the answer file is not valid YAML/,
    );
  });

  it("refuses a question without a threshold network", () => {
    expect(() => answerNetwork(hw1, "q2.4", header)).toThrow(GradingError);
    expect(() => answerNetwork(hw1, "q2.4", header)).toThrow(
      expect.objectContaining({ code: "wrong-kind" }),
    );
    expect(() => answerNetwork(hw1, "q9", header)).toThrow(
      expect.objectContaining({
        code: "unknown-question",
        message: expect.stringContaining("answerNetwork(hw1, q9)"),
      }),
    );
  });
});
