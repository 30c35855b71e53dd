// A tiny expression type for writing equations in two notations at once (plain Unicode and LaTeX),
// with just enough precedence to place parentheses where a careful hand derivation would.

export interface Expr {
  readonly text: string;
  readonly latex: string;
  /** Binding strength: sums 10, products 20, prefix minus 25, postfix/atoms 100. */
  readonly prec: number;
}

export const Prec = { sum: 10, product: 20, prefix: 25, atom: 100 } as const;

export function atom(text: string, latex: string = text): Expr {
  return { text, latex, prec: Prec.atom };
}

function wrap(e: Expr, min: number): Expr {
  return e.prec >= min
    ? e
    : { text: `(${e.text})`, latex: `\\left(${e.latex}\\right)`, prec: Prec.atom };
}

/** `a op b`; the right side is wrapped on ties, so `a − (b − c)` keeps its parentheses. */
export function infix(a: Expr, text: string, latex: string, b: Expr, prec: number): Expr {
  const l = wrap(a, prec);
  const r = wrap(b, prec + 1);
  return { text: `${l.text} ${text} ${r.text}`, latex: `${l.latex} ${latex} ${r.latex}`, prec };
}

export const plus = (a: Expr, b: Expr) => infix(a, "+", "+", b, Prec.sum);
export const minus = (a: Expr, b: Expr) => infix(a, "−", "-", b, Prec.sum);
export const hadamard = (a: Expr, b: Expr) => infix(a, "⊙", "\\odot", b, Prec.product);
export const divide = (a: Expr, b: Expr) => infix(a, "⊘", "\\oslash", b, Prec.product);
export const times = (a: Expr, b: Expr) => infix(a, "·", "\\cdot", b, Prec.product);

/** Matrix product written as juxtaposition: `W(1)ᵀ z̄1`. */
export function juxtapose(a: Expr, b: Expr): Expr {
  const l = wrap(a, Prec.product);
  const r = wrap(b, Prec.product + 1);
  return { text: `${l.text} ${r.text}`, latex: `${l.latex} ${r.latex}`, prec: Prec.product };
}

export function negate(a: Expr): Expr {
  const inner = wrap(a, Prec.prefix + 1);
  return { text: `−${inner.text}`, latex: `-${inner.latex}`, prec: Prec.prefix };
}

export function transposed(a: Expr): Expr {
  const inner = wrap(a, Prec.atom);
  // W^{(1)} already has a superscript: brace it so ᵀ does not make a double superscript.
  const base = inner.latex.includes("^") ? `{${inner.latex}}` : inner.latex;
  return { text: `${inner.text}ᵀ`, latex: `${base}^{\\top}`, prec: Prec.atom };
}

/** `name(args)`, e.g. `exp(z)` or `σ(z2)`. */
export function call(text: string, latex: string, ...args: Expr[]): Expr {
  return {
    text: `${text}(${args.map((a) => a.text).join(", ")})`,
    latex: `${latex}\\left(${args.map((a) => a.latex).join(", ")}\\right)`,
    prec: Prec.atom,
  };
}

export function power(a: Expr, exponent: number): Expr {
  const base = wrap(a, Prec.atom);
  return {
    text: `${base.text}^${exponent}`,
    latex: `${base.latex}^{${exponent}}`,
    prec: Prec.atom,
  };
}

export function num(value: number): Expr {
  return value < 0 ? negate(atom(String(-value))) : atom(String(value));
}

/**
 * A sum over some axes, as broadcasting's adjoint reads: `Σ_{axis 0}(Z̄)`; a sum down to a scalar
 * is the plain `Σ(…)`.
 */
export function sumOver(a: Expr, axes: readonly number[], toScalar: boolean): Expr {
  if (toScalar) return call("Σ", "\\sum", a);
  const word = axes.length > 1 ? "axes" : "axis";
  return {
    text: `Σ_{${word} ${axes.join(", ")}}(${a.text})`,
    latex: `\\sum_{\\text{${word} } ${axes.join(", ")}}\\left(${a.latex}\\right)`,
    prec: Prec.atom,
  };
}
