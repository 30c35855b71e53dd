import type { GradingMath } from "../math/expr.js";

/** A formula as a person writes it, for an assumption's text: `XᵀX`, `(XXᵀ)⁻¹`, `y'`. */
export function describeMath(node: GradingMath): string {
  switch (node.kind) {
    case "number":
      return node.text;
    case "symbol":
      return node.name;
    case "array":
      return `[${node.items.map(describeMath).join(", ")}]`;
    case "negate":
      return `−${grouped(node.operand)}`;
    case "transpose":
      return `${grouped(node.operand)}ᵀ`;
    case "call":
      return node.fn === "inverse"
        ? `${grouped(node.argument)}⁻¹`
        : `${node.fn}(${describeMath(node.argument)})`;
    case "compare":
      return `${describeMath(node.left)} ${node.op} ${describeMath(node.right)}`;
    case "binary": {
      const { left, right } = node;
      switch (node.op) {
        case "product":
          return `${factor(left)}${factor(right)}`;
        case "add":
          return `${describeMath(left)} + ${describeMath(right)}`;
        case "subtract":
          return `${describeMath(left)} − ${factor(right)}`;
        case "hadamard":
          return `${factor(left)} ⊙ ${factor(right)}`;
        case "divide":
        case "hadamardDivide":
          return `${factor(left)}/${grouped(right)}`;
        case "power":
          return right.kind === "number" && right.value === -1
            ? `${grouped(left)}⁻¹`
            : `${grouped(left)}^${grouped(right)}`;
      }
    }
  }
}

/** A factor of a product: sums in parentheses. */
function factor(node: GradingMath): string {
  const text = describeMath(node);
  return node.kind === "binary" && (node.op === "add" || node.op === "subtract")
    ? `(${text})`
    : text;
}

/** An operand of ᵀ, ⁻¹ or a power: anything but a name or number in parentheses. */
function grouped(node: GradingMath): string {
  const text = describeMath(node);
  return node.kind === "symbol" || node.kind === "number" ? text : `(${text})`;
}
