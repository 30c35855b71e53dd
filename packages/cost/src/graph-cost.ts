import { type CostRule, type Graph, type GraphNode, getPrimitive } from "@nnkit/autodiff";
import { graphLiveness, isView } from "./graph-liveness.js";
import { MaxOf } from "./max-of.js";
import { Polynomial } from "./polynomial.js";
import { toSize } from "./size.js";

export interface GraphNodeCost {
  readonly node: GraphNode;
  /** The node's name, or `%id`. */
  readonly label: string;
  readonly multiplications: Polynomial;
  /** Entries the node stores (0 for views). */
  readonly entries: Polynomial;
}

/** Multiplications and memory of one evaluation of a traced graph, symbolic where shapes are. */
export interface GraphCost {
  readonly nodes: readonly GraphNodeCost[];
  readonly multiplications: Polynomial;
  readonly memory: {
    /** Inputs and constants (scalar constants are literals: not stored). */
    readonly inputs: Polynomial;
    /** `all-stored`: inputs, intermediates and outputs once each; views free. */
    readonly allStored: Polynomial;
    /** `intermediates`: computed values that are not outputs. */
    readonly intermediates: Polynomial;
    /** `peak-live`: inputs throughout, each value until its last use (through its views). */
    readonly peakLive: MaxOf;
    /**
     * Reverse mode's residuals: computed values that the VJPs of the graph's primitives read (as
     * each declares in `saves`), kept from the forward pass until the backward pass; inputs are
     * not counted again.
     */
    readonly residuals: Polynomial;
  };
}

/** A primitive cost rule's Σ coef × Π dims as a polynomial. */
export function costRuleToPolynomial(rule: CostRule): Polynomial {
  return rule.reduce(
    (sum, m) =>
      sum.add(
        m.dims.reduce<Polynomial>(
          (p, d) => p.mul(toSize(d, "graphCost", "a dim")),
          Polynomial.constant(m.coef),
        ),
      ),
    Polynomial.ZERO,
  );
}

/** Entries of a (possibly symbolic) shape; a scalar has one. */
function entriesOfShape(shape: GraphNode["shape"]): Polynomial {
  return shape.reduce<Polynomial>(
    (p, d) => p.mul(toSize(d, "graphCost", "a dim")),
    Polynomial.constant(1),
  );
}

/**
 * Sums every node's primitive cost rule (the cost of a forward pass, a VJP, a JVP, an HVP or a
 * Jacobian, depending on what was traced) and measures memory under the three conventions.
 */
export function graphCost(graph: Graph): GraphCost {
  const nodes = graph.nodes.map((node): GraphNodeCost => {
    const isSource = node.op === "input" || node.op === "const";
    const inputs = node.inputs.map((i) => graph.nodes[i]!);
    return {
      node,
      label: node.name ?? `%${node.id}`,
      multiplications: isSource
        ? Polynomial.ZERO
        : costRuleToPolynomial(getPrimitive(node.op).cost(inputs, node, node.params)),
      entries: storesNothing(node) ? Polynomial.ZERO : entriesOfShape(node.shape),
    };
  });
  const multiplications = nodes.reduce((sum, n) => sum.add(n.multiplications), Polynomial.ZERO);
  return { nodes, multiplications, memory: memoryOf(graph, nodes) };
}

function storesNothing(node: GraphNode): boolean {
  return isView(node) || (node.op === "const" && node.shape.length === 0);
}

function memoryOf(graph: Graph, costs: readonly GraphNodeCost[]): GraphCost["memory"] {
  const { sources, computed, outputs, liveDuring, residuals } = graphLiveness(graph);
  const sum = (ids: readonly number[]) =>
    ids.reduce((total, id) => total.add(costs[id]!.entries), Polynomial.ZERO);
  const inputs = sum(sources);
  const livePerStep = computed.map((k) => sum(liveDuring.get(k)!).add(inputs));
  return {
    inputs,
    allStored: inputs.add(sum(computed)),
    intermediates: sum(computed.filter((id) => !outputs.has(id))),
    peakLive: new MaxOf(livePerStep.length > 0 ? livePerStep : [inputs]),
    residuals: sum(residuals),
  };
}
