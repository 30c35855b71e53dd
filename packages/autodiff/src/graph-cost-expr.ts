import { type CostExpr, monomial } from "./cost.js";
import type { Dim } from "./dims.js";
import { type Graph, isSource } from "./graph.js";
import { getPrimitive } from "./primitives/registry.js";

/** Total scalar multiplications of one evaluation, from every node's cost rule (like terms merged). */
export function graphCostExpr(graph: Graph): CostExpr {
  const terms = new Map<string, { coef: number; dims: readonly Dim[] }>();
  for (const node of graph.nodes) {
    if (isSource(node)) continue;
    const inputs = node.inputs.map((i) => graph.nodes[i]!);
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
