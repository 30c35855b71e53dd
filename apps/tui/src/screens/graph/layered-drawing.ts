// A computation graph drawn in text as micrograd draws it with graphviz: boxes in layers from left
// to right (each node one layer right of its furthest input; an input just left of its first
// use), an edge from each input to the node computed from it, the selected box in double lines.
// Edges spanning several layers pass through the layers between as lines; within a layer, nodes
// are ordered by the mean position of their neighbours, which keeps crossings few.
import { cellWidth } from "../../components/truncate.js";
import type { NamedGraph } from "./named-graph.js";

export interface Drawing {
  /** Each row of the drawing as terminal cells (a name of two cells is one entry and an empty one). */
  rows: string[][];
  /** Where each node's box is: its middle row and its first and last column. */
  boxes: Map<string, { row: number; left: number; right: number }>;
  /** The columns of each layer (between them, the gaps where edges bend). */
  layers: { left: number; right: number }[];
}

/** A node of the layout: a graph node, or a point an edge passes through in a layer it crosses. */
interface Item {
  name: string | undefined;
  layer: number;
  /** Items this one is drawn from, in the layer to the left. */
  from: Item[];
  order: number;
}

const boxRows = 3;
const slotRows = boxRows + 1;

export function drawLayered(graph: NamedGraph, selected?: string): Drawing {
  const items = layout(graph);
  const layers = groupByLayer(items);
  const widths = layers.map((layer) =>
    Math.max(1, ...layer.map((item) => (item.name === undefined ? 1 : cellWidth(item.name) + 2))),
  );
  const tallest = Math.max(...layers.map((layer) => layer.length));
  const rowOf = new Map<Item, number>();
  for (const layer of layers) {
    const offset = Math.floor(((tallest - layer.length) * slotRows) / 2);
    layer.forEach((item, i) => {
      rowOf.set(item, offset + i * slotRows + 1);
    });
  }
  // Each gap holds one vertical channel per bending edge, between a lead-in and the arrow.
  const bends = layers.map(
    (layer) =>
      layer.flatMap((item) => item.from.filter((f) => rowOf.get(f) !== rowOf.get(item))).length,
  );
  const lefts: number[] = [];
  let x = 0;
  layers.forEach((_, i) => {
    if (i > 0) x += 3 + bends[i]!;
    lefts.push(x);
    x += widths[i]!;
  });
  const layerIndex = (item: Item) => item.layer - items.reduce((m, n) => Math.min(m, n.layer), 0);
  // A box is centred in its layer's column; a point an edge passes through sits at its start.
  const boxLeft = (item: Item) => {
    const i = layerIndex(item);
    if (item.name === undefined) return lefts[i]!;
    return lefts[i]! + Math.floor((widths[i]! - cellWidth(item.name) - 2) / 2);
  };
  const boxRight = (item: Item) =>
    item.name === undefined ? boxLeft(item) : boxLeft(item) + cellWidth(item.name) + 1;
  const grid = new Grid(x, tallest * slotRows);
  const boxes: Drawing["boxes"] = new Map();
  layers.forEach((layer, i) => {
    let channel = lefts[i]! - 2 - bends[i]!;
    const incoming = channelOrder(
      layer.flatMap((item) =>
        item.from.map((from) => ({ from, to: item, a: rowOf.get(from)!, b: rowOf.get(item)! })),
      ),
    );
    for (const { from, to } of incoming) {
      const start = boxRight(from) + 1;
      const end = boxLeft(to) - 1;
      const [a, b] = [rowOf.get(from)!, rowOf.get(to)!];
      if (a === b) grid.horizontal(a, start, end);
      else {
        channel += 1;
        grid.horizontal(a, start, channel);
        grid.vertical(channel, a, b);
        grid.horizontal(b, channel, end);
      }
      if (to.name !== undefined) grid.arrow(b, end);
    }
    for (const item of layer) {
      const row = rowOf.get(item)!;
      if (item.name === undefined) {
        grid.horizontal(row, lefts[i]! - 1, lefts[i]! + 1);
        continue;
      }
      const [left, right] = [boxLeft(item), boxRight(item)];
      grid.box(row, left, right, item.name, item.name === selected);
      boxes.set(item.name, { row, left, right });
    }
  });
  const rows = grid.cells();
  while (rows.length > 0 && rows.at(-1)!.every((cell) => cell === " ")) rows.pop();
  return { rows, boxes, layers: lefts.map((l, i) => ({ left: l, right: l + widths[i]! - 1 })) };
}

interface Segment {
  from: Item;
  to: Item;
  /** Rows of the source and the target. */
  a: number;
  b: number;
}

/**
 * The order of a gap's edges, which is the order of their vertical channels: an edge leaving a
 * row comes before one arriving at that row, or their horizontal strokes on it would overlap and
 * join two unrelated edges. Otherwise by target row, then source row.
 */
function channelOrder(segments: Segment[]): Segment[] {
  const byRows = (x: Segment, y: Segment) => x.b - y.b || x.a - y.a;
  const left = [...segments].sort(byRows);
  const ordered: Segment[] = [];
  while (left.length > 0) {
    // Ready: no remaining bending edge leaves the row this one arrives at. A cycle takes the first.
    const ready = left.findIndex(
      (s) =>
        s.a === s.b ||
        !left.some((o) => o !== s && o.a !== o.b && o.a === s.b && o.from !== s.from),
    );
    ordered.push(...left.splice(Math.max(0, ready), 1));
  }
  return ordered;
}

/** Layers, the points long edges pass through, and the order within each layer. */
function layout(graph: NamedGraph): Item[] {
  const from = new Map(graph.nodes.map((n) => [n, [] as string[]]));
  const to = new Map(graph.nodes.map((n) => [n, [] as string[]]));
  for (const [a, b] of graph.edges) {
    from.get(b)?.push(a);
    to.get(a)?.push(b);
  }
  const layer = new Map<string, number>();
  const layerOf = (name: string, seen: Set<string>): number => {
    const known = layer.get(name);
    if (known !== undefined) return known;
    if (seen.has(name)) return 0; // a cycle (never in a traced graph): drawn, not looped on
    seen.add(name);
    const value = Math.max(-1, ...from.get(name)!.map((f) => layerOf(f, seen))) + 1;
    layer.set(name, value);
    return value;
  };
  for (const name of graph.nodes) layerOf(name, new Set());
  // An input sits just left of its first use (t beside S, not beside x).
  for (const name of graph.nodes) {
    const uses = to.get(name)!;
    if (from.get(name)!.length === 0 && uses.length > 0) {
      layer.set(name, Math.min(...uses.map((u) => layer.get(u)!)) - 1);
    }
  }
  const items = new Map<string, Item>();
  for (const name of graph.nodes) {
    items.set(name, { name, layer: layer.get(name)!, from: [], order: items.size });
  }
  const all = [...items.values()];
  for (const [a, b] of graph.edges) {
    const target = items.get(b);
    let source = items.get(a);
    if (target === undefined || source === undefined) continue;
    while (source.layer + 1 < target.layer) {
      const through: Item = {
        name: undefined,
        layer: source.layer + 1,
        from: [source],
        order: all.length,
      };
      all.push(through);
      source = through;
    }
    target.from.push(source);
  }
  orderLayers(all);
  return all;
}

/** A few sweeps of the barycentre heuristic, left to right then right to left. */
function orderLayers(items: Item[]): void {
  const to = new Map<Item, Item[]>(items.map((item) => [item, []]));
  for (const item of items) for (const f of item.from) to.get(f)!.push(item);
  const layers = groupByLayer(items);
  const mean = (neighbours: Item[], own: number) =>
    neighbours.length === 0
      ? own
      : neighbours.reduce((sum, n) => sum + n.order, 0) / neighbours.length;
  for (let sweep = 0; sweep < 4; sweep++) {
    const pass = sweep % 2 === 0 ? layers : [...layers].reverse();
    for (const layer of pass) {
      const keys = new Map(
        layer.map((item) => [item, mean(sweep % 2 === 0 ? item.from : to.get(item)!, item.order)]),
      );
      layer.sort((a, b) => keys.get(a)! - keys.get(b)! || a.order - b.order);
      layer.forEach((item, i) => {
        item.order = i;
      });
    }
  }
}

function groupByLayer(items: Item[]): Item[][] {
  const first = Math.min(...items.map((item) => item.layer));
  const layers: Item[][] = [];
  for (const item of items) {
    const index = item.layer - first;
    layers[index] = [...(layers[index] ?? []), item];
  }
  return Array.from(layers, (layer) => (layer ?? []).sort((a, b) => a.order - b.order));
}

const up = 1;
const down = 2;
const left = 4;
const right = 8;
const lineChar: Record<number, string> = {
  [left | right]: "─",
  [left]: "─",
  [right]: "─",
  [up | down]: "│",
  [up]: "│",
  [down]: "│",
  [down | right]: "┌",
  [down | left]: "┐",
  [up | right]: "└",
  [up | left]: "┘",
  [up | down | right]: "├",
  [up | down | left]: "┤",
  [left | right | down]: "┬",
  [left | right | up]: "┴",
  [up | down | left | right]: "┼",
};

/** Cells where lines join by the directions they leave in, then boxes drawn over them. */
class Grid {
  private readonly lines: number[][];
  private readonly text: (string | undefined)[][];
  constructor(
    readonly width: number,
    height: number,
  ) {
    this.lines = Array.from({ length: height }, () => Array<number>(width).fill(0));
    this.text = Array.from({ length: height }, () => Array<string | undefined>(width));
  }
  horizontal(row: number, from: number, to: number): void {
    const [a, b] = from <= to ? [from, to] : [to, from];
    for (let x = a; x <= b; x++) {
      this.lines[row]![x]! |= (x > a ? left : 0) | (x < b ? right : 0) | (a === b ? left : 0);
    }
  }
  vertical(column: number, from: number, to: number): void {
    const [a, b] = from <= to ? [from, to] : [to, from];
    for (let y = a; y <= b; y++) this.lines[y]![column]! |= (y > a ? up : 0) | (y < b ? down : 0);
  }
  arrow(row: number, column: number): void {
    this.text[row]![column] = "▶";
  }
  box(row: number, from: number, to: number, name: string, selected: boolean): void {
    const [h, v, tl, tr, bl, br] = selected ? "═║╔╗╚╝" : "─│┌┐└┘";
    for (let x = from; x <= to; x++) {
      this.text[row - 1]![x] = x === from ? tl : x === to ? tr : h;
      this.text[row + 1]![x] = x === from ? bl : x === to ? br : h;
      this.text[row]![x] = x === from || x === to ? v : "";
    }
    this.text[row]![from + 1] = name;
  }
  cells(): string[][] {
    return this.lines.map((line, y) =>
      line.map((bits, x) => this.text[y]![x] ?? (bits === 0 ? " " : lineChar[bits]!)),
    );
  }
}
