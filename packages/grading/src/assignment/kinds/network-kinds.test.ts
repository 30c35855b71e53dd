import { describe, expect, it } from "vitest";
import { specErrorOf } from "../../fixtures/answers.js";
import { gradeAnswerText } from "../../grade/grade-answer.js";
import type { AssignmentSpecError } from "../spec-error.js";
import { readAssignmentYaml } from "../yaml/read-assignment-yaml.js";

// z = W x, J = Σ z ⊙ z: by hand J̄ = 1, z̄ = 2z·J̄, x̄ = Wᵀz̄; the graph's edges are x → z → J.
const COURSE = `format: nnkit-assignment/1
id: nets
title: Networks
networks:
  square:
    equations: |-
      z = W x
      J = sum(z ⊙ z)
    sizes: { D: 2, K: 3 }
    parameters: { W: [K, D] }
    inputs: { x: [D] }
questions:
  - id: graph
    title: The graph
    points: 1
    kind: graph
    field: edges
    network: square
  - id: backward
    title: The backward pass
    points: 3
    kind: backprop
    network: square
    adjoints: [J, z, x]
`;

const course = readAssignmentYaml(COURSE, "nets.yaml");
const grade = (answers: string) =>
  gradeAnswerText(`assignment: nets\nstudent: {id: s, name: S}\nanswers:\n${answers}`, {
    assignment: course,
  }).questions.map((q) => [q.id, q.status, q.score]);

describe("the backprop and graph kinds, on a network named under networks:", () => {
  it("grade the hand-derived adjoints and edges", () => {
    expect(
      grade(`  graph: { edges: ["x -> z", "z -> J"] }
  backward: { J_bar: "1", z_bar: "2 z J_bar", x_bar: "W^T z_bar" }
`),
    ).toEqual([
      ["graph", "passed", 1],
      ["backward", "passed", 3],
    ]);
  });

  it("take off for a missing edge and a wrong adjoint", () => {
    // z̄ = z is half of 2z; x̄ = Wᵀz̄ is then right given the student's z̄ but not as a value.
    const [graph, backward] = grade(`  graph: { edges: ["x -> z"] }
  backward: { J_bar: "1", z_bar: "z", x_bar: "W^T z_bar" }
`);
    expect(graph![1]).not.toBe("passed");
    expect(backward![1]).toBe("partial");
  });

  it("write a template from the network", () => {
    expect(course.questions[1]!.template).toContain('J_bar: ""\nz_bar: ""\nx_bar: ""');
    expect(course.questions[0]!.template).toMatch(/^edges:\n {2}# Edges over x, z, J/);
  });
});

const errorOf = (text: string): AssignmentSpecError =>
  specErrorOf(() => readAssignmentYaml(text, "bad.yaml"));

describe("bad networks", () => {
  it("a network that does not trace: named with the question, at the network's lines", () => {
    const error = errorOf(COURSE.replace("parameters: { W: [K, D] }", "parameters: { W: [K, K] }"));
    expect(error.question).toBe("graph");
    expect(error.path.slice(0, 2)).toEqual(["networks", "square"]);
    // The mistake is in "z = W x", the first equation: line 7, column 7 (at W x).
    expect(error.location).toMatchObject({ line: 7 });
    expect(error.detail).toContain('line 1, "z = W x"');
  });

  it("an equation's mistake points at the equation, in a block or on one line", () => {
    const block = errorOf(COURSE.replace("J = sum(z ⊙ z)", "J = sum(q ⊙ z)"));
    expect(block.location).toEqual({ file: "bad.yaml", line: 8, column: 15 });
    const oneLine = errorOf(
      COURSE.replace(
        "equations: |-\n      z = W x\n      J = sum(z ⊙ z)",
        'equations: "z = W x\\nJ = sum(q ⊙ z)"',
      ),
    );
    expect(oneLine.location?.line).toBe(6);
  });

  it("a network no part uses is checked too", () => {
    const unused = COURSE.replace(
      "questions:",
      "  spare:\n    equations: y = V x\n    parameters: { V: [2, 3] }\n    inputs: { x: [2] }\nquestions:",
    );
    const error = errorOf(unused);
    expect(error.question).toBeUndefined();
    expect(error.path.slice(0, 2)).toEqual(["networks", "spare"]);
  });

  it("a network name that is not under networks:", () => {
    const error = errorOf(
      COURSE.replace("    network: square\n    adjoints", "    network: cube\n    adjoints"),
    );
    expect(error.question).toBe("backward");
    expect(error.detail).toBe("no network 'cube' under 'networks:' (known: square)");
    expect(error.location!.line).toBe(COURSE.split("\n").indexOf("    network: square", 20) + 1);
  });
});
