import { describe, expect, it } from "vitest";
import { fractionOf, list, run, text } from "../../fixtures/answers.js";
import { HW1_NETWORK } from "../../hw1/network-spec.js";
import type { NetworkSpec } from "../backprop-spec.js";
import { AssignmentSpecError } from "../spec-error.js";
import { graphParts, graphTemplateLines } from "./graph.js";

// The 2.1 graph read off the handout's equations by hand (t reaches S through onehot).
const HANDOUT_EDGES = [
  "x -> z1",
  "z1 -> h",
  "x -> z2",
  "z2 -> g1",
  "h -> g2",
  "g1 -> g2",
  "g2 -> y",
  "y -> y'",
  "y' -> S",
  "t -> S",
  "S -> J",
];
const edges = (...written: string[]) => list(...written.map(text));

describe("graphParts", () => {
  const [part] = graphParts({ network: HW1_NETWORK }, ["q2.1.1"]);

  it("is the edges field, one visible part", () => {
    expect(part).toMatchObject({
      label: "edges",
      field: "edges",
      weight: 1,
      visibility: "visible",
    });
  });

  it("takes the handout's edges as the whole graph, in any order", () => {
    expect(fractionOf(run(part!.check, edges(...[...HANDOUT_EDGES].reverse())))).toBe(1);
  });

  it("names a missing edge and an extra one", () => {
    const outcome = run(
      part!.check,
      edges(...HANDOUT_EDGES.filter((e) => e !== "t -> S"), "x -> h"),
    );
    expect(outcome.feedback).toContain("missing edges: t -> S");
    expect(outcome.feedback).toContain("x -> h");
  });

  it("may name parameters as nodes when the question asks for them", () => {
    const [withWeights] = graphParts({ network: HW1_NETWORK, nodes: ["x", "W1", "b1", "z1"] }, [
      "q",
    ]);
    expect(fractionOf(run(withWeights!.check, edges("x -> z1", "W1 -> z1", "b1 -> z1")))).toBe(1);
  });

  it("gives the template's lines: the names it may use and a first edge", () => {
    expect(graphTemplateLines({ network: HW1_NETWORK })).toEqual([
      '# Edges over x, t, z1, h, z2, g1, g2, y, y\', S, J as "a -> b" or [a, b]',
      "edges:",
      '  - "x -> z1"',
    ]);
  });

  it("follows a different network", () => {
    const network: NetworkSpec = {
      equations: "a = A u\ns = tanh(a)\nL = sum(s ⊙ s) + sum(u)",
      sizes: { n: 2 },
      parameters: { A: ["n", "n"] },
      inputs: { u: ["n"] },
    };
    const [other] = graphParts({ network }, ["q"]);
    expect(fractionOf(run(other!.check, edges("u -> a", "a -> s", "s -> L", "u -> L")))).toBe(1);
  });

  it("refuses a node the network does not have", () => {
    try {
      graphParts({ network: HW1_NETWORK, nodes: ["x", "q"] }, ["questions", 1]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AssignmentSpecError);
      expect((error as AssignmentSpecError).path).toEqual(["questions", 1, "nodes", 1]);
    }
  });
});
