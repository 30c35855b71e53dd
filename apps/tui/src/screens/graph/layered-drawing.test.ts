import { namedEdges } from "@nnkit/autodiff";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Drawing, drawLayered } from "./layered-drawing.js";
import { type NamedGraph, namedGraph } from "./named-graph.js";
import { networkInstance } from "./network-instance.js";

const [UP, DOWN, LEFT, RIGHT] = [0, 1, 2, 3] as const;
const step = [
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
] as const;
const opposite = [DOWN, UP, RIGHT, LEFT];
/** The directions each line character leaves its cell in. */
const exits: Record<string, number[]> = {
  "─": [LEFT, RIGHT],
  "│": [UP, DOWN],
  "┌": [DOWN, RIGHT],
  "┐": [DOWN, LEFT],
  "└": [UP, RIGHT],
  "┘": [UP, LEFT],
  "├": [UP, DOWN, RIGHT],
  "┤": [UP, DOWN, LEFT],
  "┬": [LEFT, RIGHT, DOWN],
  "┴": [LEFT, RIGHT, UP],
  "┼": [UP, DOWN, LEFT, RIGHT],
};

/**
 * The boxes a node's outgoing lines lead to, read as the drawing is meant to be read: from the
 * cell right of its box an edge runs right, may turn up or down once in a gap, then runs right to
 * the arrow ▶ it ends in (straight on through a crossing ┼); passing through a layer (an edge
 * spanning several) it may turn again in the next gap.
 */
function reached(drawing: Drawing, name: string): Set<string> {
  const box = drawing.boxes.get(name)!;
  const arrows = new Map(
    [...drawing.boxes].map(([n, b]) => [`${b.row},${b.left - 1}`, n] as const),
  );
  const inLayer = (column: number) =>
    drawing.layers.some((l) => column >= l.left && column <= l.right);
  const found = new Set<string>();
  const seen = new Set<string>();
  // Phase 0: leaving the source (may turn vertical); 1: vertical; 2: towards the target.
  const queue: [number, number, number, number][] = [[box.row, box.right + 1, RIGHT, 0]];
  while (queue.length > 0) {
    const [row, column, moving, before] = queue.pop()!;
    const phase = before === 2 && inLayer(column) ? 0 : before;
    const key = `${row},${column},${moving},${phase}`;
    const cell = drawing.rows[row]?.[column];
    if (seen.has(key) || cell === undefined) continue;
    seen.add(key);
    if (cell === "▶") {
      found.add(arrows.get(`${row},${column}`) ?? "?");
      continue;
    }
    const ways = exits[cell];
    if (ways === undefined || !ways.includes(opposite[moving]!)) continue; // no line enters here
    const turns =
      cell === "┼" || phase === 2
        ? [moving]
        : phase === 0
          ? ways.filter((w) => w === RIGHT || w === UP || w === DOWN)
          : ways.filter((w) => w === moving || w === RIGHT);
    for (const way of turns.filter((w) => ways.includes(w) && w !== opposite[moving])) {
      const next = way === RIGHT ? (moving === RIGHT ? phase : 2) : 1;
      queue.push([row + step[way]![0], column + step[way]![1], way, next]);
    }
  }
  return found;
}

function checkDrawing(graph: NamedGraph): Drawing {
  const drawing = drawLayered(graph);
  const text = drawing.rows.map((r) => r.join(""));
  for (const name of graph.nodes) {
    const box = drawing.boxes.get(name)!;
    expect(text[box.row]!.slice(box.left, box.right + 1)).toBe(`│${name}│`);
  }
  for (const name of graph.nodes) {
    const targets = new Set(graph.edges.filter(([a]) => a === name).map(([, b]) => b));
    expect([...reached(drawing, name)].sort(), `edges from ${name}`).toEqual([...targets].sort());
    for (const target of targets) {
      expect(drawing.boxes.get(target)!.left).toBeGreaterThan(drawing.boxes.get(name)!.right);
    }
  }
  return drawing;
}

describe("drawLayered", () => {
  const instance = networkInstance(1);
  const names = instance.graph.nodes.flatMap((n) => (n.name === undefined ? [] : [n.name]));
  const edges = namedEdges(instance.graph);

  it("draws the homework's 11 nodes in 8 layers, every edge an arrow into its target", () => {
    const homework = namedGraph(
      names.filter((n) => !instance.parameters.has(n)),
      edges,
    );
    const drawing = checkDrawing(homework);
    // x → z → h, g → g2 → y → y' → S → J: 8 columns of boxes; t beside S, not beside x.
    const columns = new Set([...drawing.boxes.values()].map((b) => b.left));
    expect(columns.size).toBe(8);
    const [t, S, x] = ["t", "S", "x"].map((n) => drawing.boxes.get(n)!);
    expect(t!.right).toBeLessThan(S!.left);
    expect(t!.left).toBeGreaterThan(x!.right + 30);
    expect(drawing.rows[0]!.length).toBeLessThanOrEqual(78); // fits 80 columns
  });

  it("draws the full graph with the parameters", () => {
    checkDrawing(namedGraph(names, edges));
  });

  it("passes long edges through the layers between and marks the selected box", () => {
    const drawing = drawLayered(
      namedGraph(
        ["a", "b", "c"],
        [
          ["a", "b"],
          ["b", "c"],
          ["a", "c"],
        ],
      ),
      "b",
    );
    expect(reached(drawing, "a")).toEqual(new Set(["b", "c"]));
    const b = drawing.boxes.get("b")!;
    expect(drawing.rows[b.row - 1]![b.left]).toBe("╔");
  });

  // Every edge of any small DAG is drawn. Not asserted: that no line leads anywhere else. Where a
  // long edge's through-line shares its target's row with a bending edge into the same target,
  // the junction can also be read as a turn (e.g. n0 → n3 read as n0 → n5 through n2's fan-out).
  it("draws every edge of any small DAG as a line into its target (property)", () => {
    const dag = fc.integer({ min: 2, max: 8 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.uniqueArray(
          fc
            .tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }))
            .filter(([a, b]) => a < b),
          { maxLength: 12, selector: ([a, b]) => `${a}-${b}` },
        ),
      ),
    );
    fc.assert(
      fc.property(dag, ([n, pairs]) => {
        const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
        const graph = namedGraph(
          nodes,
          pairs.map(([a, b]) => [nodes[a]!, nodes[b]!] as const),
        );
        const drawing = drawLayered(graph);
        for (const name of nodes) {
          const targets = new Set(graph.edges.filter(([a]) => a === name).map(([, b]) => b));
          for (const target of targets) expect(reached(drawing, name).has(target)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
