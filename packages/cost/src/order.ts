import type { Chain } from "./chain.js";
import { CostError } from "./errors.js";

/** A parenthesisation: a factor index, or the product of two sub-orders. */
export type Order = number | readonly [Order, Order];

/** How to evaluate a chain: a named order, an explicit one, or one written out like `v((vᵀy1)y2ᵀ)`. */
export type OrderSpec = "left-to-right" | "right-to-left" | Order | { readonly text: string };

/** ((AB)C)D: the course's "forward mode". */
export function leftToRight(length: number): Order {
  let order: Order = 0;
  for (let i = 1; i < length; i++) order = [order, i];
  return order;
}

/** A(B(CD)): the course's "reverse mode". */
export function rightToLeft(length: number): Order {
  let order: Order = length - 1;
  for (let i = length - 2; i >= 0; i--) order = [i, order];
  return order;
}

export function resolveOrder(chain: Chain, spec: OrderSpec): Order {
  if (spec === "left-to-right") return leftToRight(chain.length);
  if (spec === "right-to-left") return rightToLeft(chain.length);
  if (typeof spec === "object" && spec !== null && "text" in spec)
    return parseOrder(chain, spec.text);
  checkOrder(chain, spec);
  return spec;
}

/** Leaves must be 0, 1, …, length − 1 from left to right, each node binary. */
function checkOrder(chain: Chain, order: Order): void {
  let expected = 0;
  const visit = (node: Order): void => {
    if (typeof node === "number") {
      if (node !== expected) {
        throw new CostError(
          "order",
          "order",
          `factor ${node} appears where factor ${expected} (${chain.factors[expected]?.name ?? "none"}) belongs`,
        );
      }
      expected++;
      return;
    }
    if (!Array.isArray(node) || node.length !== 2) {
      throw new CostError("order", "order", "every product in an order has exactly two parts");
    }
    visit(node[0]);
    visit(node[1]);
  };
  visit(order);
  if (expected !== chain.length) {
    throw new CostError("order", "order", `order covers ${expected} of ${chain.length} factors`);
  }
}

/**
 * Reads `v((vᵀy1)y2ᵀ)`: factor names in chain order, every product of more than two parts
 * parenthesised. `^T` may stand for ᵀ; spaces, `·` and `*` are ignored.
 */
export function parseOrder(chain: Chain, text: string): Order {
  const source = text.replace(/\^\{?T\}?|\^\{?\\top\}?/g, "ᵀ").replace(/[\s·*]/g, "");
  let position = 0;
  let next = 0;
  const fail = (detail: string): never => {
    throw new CostError("parseOrder", "order", `${detail} at position ${position} of "${text}"`);
  };
  const atom = (): Order => {
    if (source[position] === "(") {
      position++;
      const inner = product();
      if (source[position] !== ")") fail("missing )");
      position++;
      return inner;
    }
    const factor = chain.factors[next];
    if (factor === undefined) return fail("more factors than the chain has");
    if (!source.startsWith(factor.name, position)) fail(`expected ${factor.name}`);
    position += factor.name.length;
    return next++;
  };
  const product = (): Order => {
    const parts: Order[] = [atom()];
    while (position < source.length && source[position] !== ")") parts.push(atom());
    if (parts.length > 2) fail("a product of more than two parts needs parentheses");
    return parts.length === 1 ? parts[0]! : [parts[0]!, parts[1]!];
  };
  const order = product();
  if (position < source.length) fail("unbalanced )");
  if (next !== chain.length) fail(`only ${next} of ${chain.length} factors given`);
  return order;
}

/** `v((vᵀy1)y2ᵀ)`: the outermost product unparenthesised. */
export function formatOrder(chain: Chain, order: Order): string {
  const write = (node: Order, nested: boolean): string => {
    if (typeof node === "number") return chain.factors[node]!.name;
    const inner = `${write(node[0], true)}${write(node[1], true)}`;
    return nested ? `(${inner})` : inner;
  };
  return write(order, false);
}

/** First and last factor index of a sub-order. */
export function spanOf(order: Order): readonly [number, number] {
  if (typeof order === "number") return [order, order];
  return [spanOf(order[0])[0], spanOf(order[1])[1]];
}
