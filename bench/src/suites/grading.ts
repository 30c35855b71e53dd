// @nnkit/grading: parsing student math, grading whole answer files, and refusing hostile input.
// No peer: no other library grades this homework; the cases show where grading time goes.
import { readFileSync } from "node:fs";
import { gradeAnswerText, parseMath } from "@nnkit/grading";
import type { BenchCase, BenchSuite } from "../harness.js";

const examples = new URL("../../../examples/hw1/", import.meta.url);
const read = (file: string) => readFileSync(new URL(file, examples), "utf8");

function parseCase(name: string, input: string, symbols: readonly string[]): BenchCase {
  return {
    name,
    setup: () => {
      if (!parseMath(input, { symbols, kind: "tensor" }).ok)
        throw new Error(`bench ${name}: does not parse`);
    },
    nnkit: () => parseMath(input, { symbols, kind: "tensor" }),
  };
}

function gradeCase(name: string, text: string, expectedScore: number): BenchCase {
  return {
    name,
    setup: () => {
      const score = gradeAnswerText(text).score;
      if (Math.abs(score - expectedScore) > 1e-6) throw new Error(`bench ${name}: scored ${score}`);
    },
    nnkit: () => gradeAnswerText(text),
  };
}

function hostileCase(name: string, text: string): BenchCase {
  return {
    name,
    setup: () => {
      if (!gradeAnswerText(text).questions.every((q) => q.status === "invalid")) {
        throw new Error(`bench ${name}: not refused`);
      }
    },
    nnkit: () => gradeAnswerText(text),
  };
}

const BACKPROP_SYMBOLS = ["W1", "W2", "z1_bar", "z2_bar"];
const aliasBomb = Array.from({ length: 9 }, (_, level) => {
  const name = String.fromCharCode(97 + level);
  const items =
    level === 0 ? Array(9).fill('"lol"') : Array(9).fill(`*${String.fromCharCode(96 + level)}`);
  return `${name}: &${name} [${items.join(",")}]`;
}).join("\n");

const suite: BenchSuite = {
  name: "@nnkit/grading",
  cases: () => [
    parseCase(
      "parseMath plain `W1^T z1_bar + W2^T z2_bar`",
      "W1^T z1_bar + W2^T z2_bar",
      BACKPROP_SYMBOLS,
    ),
    parseCase(
      "parseMath LaTeX `W^{(1)\\top}\\bar{z}_1 + W^{(2)\\top}\\bar{z}_2`",
      "W^{(1)\\top}\\bar{z}_1 + W^{(2)\\top}\\bar{z}_2",
      BACKPROP_SYMBOLS,
    ),
    gradeCase("grade examples/hw1/correct.yaml (13 questions)", read("correct.yaml"), 8),
    gradeCase("grade examples/hw1/seed-student.yaml", read("seed-student.yaml"), 4 + 9 / 11),
    hostileCase("refuse a YAML alias bomb (9⁹ expansions)", aliasBomb),
    hostileCase(
      "refuse a 10⁶-entry matrix (2 MB file)",
      `answers: {q2.2.1: {H: [${"0,".repeat(1_000_000)}0]}}`,
    ),
  ],
};

export default suite;
