import type { DType, Tensor } from "@nnkit/tensor";
import { type CostExpr, monomial } from "./cost.js";
import { type Dim, formatShape, isConcreteShape, shapesEqual } from "./dims.js";
import { AutodiffError } from "./errors.js";
import { evaluateNodes } from "./interpret/evaluate.js";
import { getPrimitive } from "./primitives/registry.js";
import { toDot } from "./render/dot.js";
import { toMermaid } from "./render/mermaid.js";
import { toText } from "./render/text.js";

/** One value of a traced computation: an input, a constant, or a primitive applied to earlier nodes. */
export interface GraphNode {
  readonly id: number;
  /** A primitive's name, or "input" / "const". */
  readonly op: string;
  readonly inputs: readonly number[];
  readonly shape: readonly Dim[];
  readonly dtype: DType;
  /** A human name given with `name(value, "z1")`. */
  readonly name?: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A traced computation: nodes in evaluation order (every node's inputs come before it). */
export class Graph {
  readonly nodes: readonly GraphNode[];
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];

  constructor(nodes: readonly GraphNode[], inputs: readonly number[], outputs: readonly number[]) {
    this.nodes = nodes;
    this.inputs = inputs;
    this.outputs = outputs;
  }

  /** Data-flow edges `[from, to]`, one per distinct (input, consumer) pair. */
  edges(): [from: number, to: number][] {
    const out: [number, number][] = [];
    for (const node of this.nodes) {
      for (const from of new Set(node.inputs)) out.push([from, node.id]);
    }
    return out;
  }

  /**
   * Edges between named nodes, looking through unnamed intermediates: `[a, b]` when b depends on a
   * by a path whose inner nodes are all unnamed. This is the graph a student draws.
   */
  namedEdges(): [from: string, to: string][] {
    const out: [string, string][] = [];
    for (const node of this.nodes) {
      if (node.name === undefined) continue;
      for (const source of this.namedSources(node)) out.push([source, node.name]);
    }
    return out;
  }

  /** The node with this id or name. */
  node(nameOrId: string | number): GraphNode {
    const found =
      typeof nameOrId === "number"
        ? this.nodes[nameOrId]
        : this.nodes.find((n) => n.name === nameOrId);
    if (!found)
      throw new AutodiffError("Graph.node", "argument", `no node ${JSON.stringify(nameOrId)}`);
    return found;
  }

  /** Runs the graph on concrete tensors, one per input. */
  evaluate(...tensors: Tensor[]): Tensor[] {
    for (const node of this.nodes) {
      if (!isConcreteShape(node.shape)) {
        throw new AutodiffError(
          "Graph.evaluate",
          "symbolic",
          `node %${node.id}${node.name ? ` (${node.name})` : ""} has symbolic shape ${formatShape(node.shape)}; evaluation needs concrete sizes, so trace with tensors or numeric shapes`,
        );
      }
    }
    if (tensors.length !== this.inputs.length) {
      throw new AutodiffError(
        "Graph.evaluate",
        "argument",
        `expected ${this.inputs.length} tensors, got ${tensors.length}`,
      );
    }
    tensors.forEach((t, k) => {
      const input = this.nodes[this.inputs[k]!]!;
      if (!shapesEqual(t.shape, input.shape) || t.dtype !== input.dtype) {
        throw new AutodiffError(
          "Graph.evaluate",
          "shape",
          `input ${k} must be ${input.dtype} ${formatShape(input.shape)}, got ${t.dtype} ${formatShape(t.shape)}`,
        );
      }
    });
    const values = evaluateNodes(this, tensors);
    return this.outputs.map((id) => values[id] as Tensor);
  }

  /** Total scalar multiplications of one evaluation, from every node's cost rule (like terms merged). */
  cost(): CostExpr {
    const terms = new Map<string, { coef: number; dims: readonly Dim[] }>();
    for (const node of this.nodes) {
      if (node.op === "input" || node.op === "const") continue;
      const inputs = node.inputs.map((i) => this.nodes[i]!);
      for (const m of getPrimitive(node.op).cost(inputs, node, node.params)) {
        const key = m.dims
          .map((d) => (typeof d === "number" ? d : d.name))
          .sort()
          .join("·");
        const known = terms.get(key);
        terms.set(key, { coef: (known?.coef ?? 0) + m.coef, dims: m.dims });
      }
    }
    return [...terms.values()].filter((m) => m.coef !== 0).map((m) => monomial(m.coef, m.dims));
  }

  toDot(): string {
    return toDot(this);
  }

  toMermaid(): string {
    return toMermaid(this);
  }

  /** A plain-text drawing, one node per line, no line longer than `width`. */
  toText(width = 80): string {
    return toText(this, width);
  }

  private namedSources(node: GraphNode): Set<string> {
    const found = new Set<string>();
    const stack = [...node.inputs];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const source = this.nodes[id]!;
      if (source.name !== undefined) found.add(source.name);
      else stack.push(...source.inputs);
    }
    return found;
  }
}
