// A second assignment for tests, written as an instructor would: an ES module that builds its
// questions with @nnkit/grading's check factories. "Dot products" has two questions: q1, v·w for
// v = (1, 2), w = (3, 4), which is 1·3 + 2·4 = 11; q2, the multiplications of an n×m matrix
// times an m-vector, nm.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const repository = new URL("../../../../", import.meta.url);

/** Where the module imports the packages from: their TypeScript sources (under vitest) or builds. */
export type PackageEntry = "source" | "dist";

function entry(name: string, from: PackageEntry): string {
  const file = from === "source" ? "src/index.ts" : "dist/index.js";
  return new URL(`packages/${name}/${file}`, repository).href;
}

export function dotsAssignmentText(from: PackageEntry): string {
  return `import { costCheck, defineAssignment, numericCheck } from ${JSON.stringify(entry("grading", from))};
import { parsePolynomial } from ${JSON.stringify(entry("cost", from))};

export default defineAssignment({
  id: "dots",
  title: "Dot products: two warm-up questions",
  perStudentVariants: false,
  variables: [],
  questions: [
    {
      id: "q1",
      title: "Dot product of v and w",
      points: 2,
      template: "null  # v · w for v = (1, 2), w = (3, 4)",
      parts: [
        {
          label: "v · w",
          weight: 1,
          visibility: "visible",
          check: numericCheck({ references: [{ value: () => ({ shape: [], data: [11] }) }] }),
        },
      ],
    },
    {
      id: "q2",
      title: "Cost of a matrix-vector product",
      points: 1,
      template: 'multiplications: ""  # a formula in n, m',
      parts: [
        {
          label: "multiplications",
          field: "multiplications",
          weight: 1,
          visibility: "visible",
          check: costCheck({
            symbols: ["n", "m"],
            accepted: () => [parsePolynomial("n*m")],
            allowBigO: false,
          }),
        },
      ],
    },
  ],
});
`;
}

/** The same assignment in the declarative YAML format. */
export const dotsAssignmentYaml = `format: nnkit-assignment/1
id: dots
title: "Dot products: two warm-up questions"
questions:
  - id: q1
    title: Dot product of v and w
    points: 2
    kind: numeric
    reference: "11"
    template: "null  # v · w for v = (1, 2), w = (3, 4)"
  - id: q2
    title: Cost of a matrix-vector product
    points: 1
    kind: cost
    chain: A x
    sizes: { A: [n, m], x: [m, 1] }
    order: forward
    measures: [multiplications]
    template: 'multiplications: ""  # a formula in n, m'
`;

/** Writes the YAML as `dots.yaml` in `dir` and returns its path. */
export function writeDotsYaml(dir: string): string {
  const path = join(dir, "dots.yaml");
  writeFileSync(path, dotsAssignmentYaml);
  return path;
}

/** Writes the module as `dots.mjs` in `dir` and returns its path. */
export function writeDotsAssignment(dir: string, from: PackageEntry): string {
  const path = join(dir, "dots.mjs");
  writeFileSync(path, dotsAssignmentText(from));
  return path;
}

/** An answer file for it: q1 right (11), q2 wrong (n²m multiplications: not even the growth of nm). */
export const dotsAnswers = `assignment: dots
student: { id: "s7", name: "Ada" }
answers:
  q1: 11
  q2:
    multiplications: "n^2 m"
`;
