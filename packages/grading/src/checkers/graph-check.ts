import type { AnswerValue } from "../answers/answer-value.js";
import { describeValue } from "../answers/answer-value.js";
import { type Read, readFailure } from "../answers/read-values.js";
import { describeMathError } from "../math/math-error.js";
import { parseMath } from "../math/parse-math.js";
import { type Check, DIRECT, graded, invalid } from "./check.js";

export interface GraphCheckOptions {
  /** The graph's nodes, as the answer may name them (`y'` also accepts `yp`, `\mathbf{z}_1` → z1). */
  readonly nodes: readonly string[];
  /** The reference edges (computed once, on first use). */
  readonly edges: () => readonly (readonly [string, string])[];
}

const ARROW = /\s*(?:->|→|\\to|\\rightarrow)\s*/;

/**
 * Compares a list of edges (`"a -> b"` strings or `[a, b]` pairs) with the reference edge set. The
 * fraction is (right − extra) / reference edges; feedback lists missing and extra edges.
 */
export function graphCheck(options: GraphCheckOptions): Check {
  const key = (from: string, to: string) => `${from} -> ${to}`;
  let cached: Set<string> | undefined;
  return {
    kind: "graph",
    grade(answer) {
      cached ??= new Set(options.edges().map(([from, to]) => key(from, to)));
      const reference = cached;
      if (answer.type !== "list")
        return invalid(`expected a list of edges; found ${describeValue(answer)}`);
      const given = new Set<string>();
      for (const [index, item] of answer.items.entries()) {
        const edge = readEdge(item, options.nodes, index + 1);
        if (!edge.ok) return invalid(edge.message);
        given.add(key(...edge.value));
      }
      const missing = [...reference].filter((edge) => !given.has(edge));
      const extra = [...given].filter((edge) => !reference.has(edge));
      const right = reference.size - missing.length;
      const fraction = Math.max(0, (right - extra.length) / reference.size);
      if (missing.length === 0 && extra.length === 0)
        return graded(1, { kind: "correct" }, { scope: DIRECT });
      return graded(fraction, { kind: "edges", missing, extra });
    },
  };
}

function readEdge(
  item: AnswerValue,
  nodes: readonly string[],
  position: number,
): Read<[string, string]> {
  let ends: AnswerValue[];
  if (item.type === "string") {
    const pieces = item.value.split(ARROW);
    if (pieces.length !== 2) return readFailure(`edge ${position} must look like "a -> b"`);
    ends = pieces.map((value) => ({ type: "string", value }) as const);
  } else if (item.type === "list" && item.items.length === 2) {
    ends = [...item.items];
  } else {
    return readFailure(`edge ${position} must be "a -> b" or a pair [a, b]`);
  }
  const names: string[] = [];
  for (const end of ends) {
    if (end.type !== "string") return readFailure(`edge ${position}: a node must be a name`);
    const parsed = parseMath(end.value, { symbols: nodes, kind: "tensor" });
    if (!parsed.ok) return readFailure(`edge ${position}: ${describeMathError(parsed.error)}`);
    if (parsed.expr.kind !== "symbol")
      return readFailure(`edge ${position}: a node must be a single name`);
    names.push(parsed.expr.name);
  }
  return { ok: true, value: [names[0]!, names[1]!] };
}
