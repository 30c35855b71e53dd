import { PARSE_LIMITS } from "./limits.js";
import { type MappedText, MappedTextBuilder } from "./mapped-text.js";
import { type MathError, mathError } from "./math-error.js";

/**
 * Rewrites LaTeX and Unicode math into the plain syntax (`\frac{a}{b}` → `((a)/(b))`, `W^{(3)\top}` →
 * `W3^T`, `\bar{z}_1` → `z_1_bar`, `n²` → `n^2`, pmatrix → `[[…], […]]`), keeping for every produced
 * character the offset it came from. Plain input passes through unchanged.
 */
export function toPlain(
  input: string,
): { ok: true; value: MappedText } | { ok: false; error: MathError } {
  try {
    const out = new MappedTextBuilder();
    new LatexReader(input).convertUntil(input.length, out, 0);
    return { ok: true, value: out.build(input.length) };
  } catch (error) {
    if (error instanceof LatexProblem) {
      return mathError(error.code, input, error.position, error.message);
    }
    throw error;
  }
}

class LatexProblem extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly code: "latex" | "too-deep" = "latex",
  ) {
    super(message);
  }
}

/** Single characters with a plain equivalent. */
const UNICODE: Readonly<Record<string, string>> = {
  "²": "^2",
  "³": "^3",
  "⁴": "^4",
  ᵀ: "^T",
  "⊙": ".*",
  "∘": ".*",
  "⊘": "./",
  "·": "*",
  "⋅": "*",
  "×": "*",
  "−": "-",
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  σ: "sigma",
  Θ: "O",
  "\u00a0": " ",
  ŵ: "w",
  $: "",
  "~": " ",
};

/** Commands replaced by a fixed plain text. */
const COMMANDS: Readonly<Record<string, string>> = {
  cdot: "*",
  times: "*",
  ast: "*",
  odot: ".*",
  circ: ".*",
  oslash: "./",
  geq: ">=",
  ge: ">=",
  leq: "<=",
  le: "<=",
  neq: "!=",
  ne: "!=",
  gt: ">",
  lt: "<",
  top: "T",
  intercal: "T",
  sigma: "sigma",
  Theta: "O",
  log: "log",
  exp: "exp",
  quad: " ",
  qquad: " ",
  left: "",
  right: "",
  big: "",
  Big: "",
  bigl: "",
  bigr: "",
  Bigl: "",
  Bigr: "",
  displaystyle: "",
};

/** Commands whose braced argument is kept as it is (fonts, text, operator names). */
const TRANSPARENT = new Set([
  "mathcal",
  "mathbf",
  "mathrm",
  "mathit",
  "mathbb",
  "boldsymbol",
  "bm",
  "vec",
  "text",
  "textrm",
  "textbf",
  "operatorname",
  "mathsf",
  "hat",
]);

/** Matrix environments; `array` takes a column spec (`{ccc}`, `{c|c}`) that is skipped. */
const MATRIX_ENVIRONMENTS = new Set([
  "pmatrix",
  "bmatrix",
  "matrix",
  "Bmatrix",
  "smallmatrix",
  "array",
]);

/** What may follow `\left` or `\right`: the delimiter, one character or one command. */
const DELIMITER =
  /^\s*(?:\\[{}]|\\(?:langle|rangle|lbrack|rbrack|vert|Vert)(?![A-Za-z])|[()[\].|])/;

class LatexReader {
  constructor(private readonly input: string) {}

  /** Converts input[from, to) into `out`; `depth` bounds recursion for hostile nesting. */
  convertUntil(to: number, out: MappedTextBuilder, depth: number, from = 0): void {
    if (depth > PARSE_LIMITS.maxDepth) {
      throw new LatexProblem(
        `nesting deeper than ${PARSE_LIMITS.maxDepth} levels`,
        from,
        "too-deep",
      );
    }
    let i = from;
    while (i < to) {
      const ch = this.input[i]!;
      if (ch === "\\") {
        i = this.command(i, to, out, depth);
      } else if (ch === "{") {
        const close = this.matchingBrace(i, to);
        out.push("(", i);
        this.convertUntil(close, out, depth + 1, i + 1);
        out.push(")", close);
        i = close + 1;
      } else if (ch === "}") {
        throw new LatexProblem("unmatched '}'", i);
      } else if (ch === "^") {
        i = this.superscript(i, to, out, depth);
      } else if (ch === "_") {
        i = this.subscript(i, to, out, depth);
      } else if (ch in UNICODE) {
        out.push(UNICODE[ch]!, i);
        i++;
      } else if (ch === "⁻" && this.input[i + 1] === "¹") {
        out.push("^(-1)", i);
        i += 2;
      } else {
        out.push(ch, i);
        i++;
      }
    }
  }

  private command(start: number, to: number, out: MappedTextBuilder, depth: number): number {
    const name = this.commandName(start);
    const i = start + 1 + name.length;
    if (name === "," || name === ";" || name === "!" || name === ":" || name === " ") {
      out.push(" ", start);
      return i;
    }
    if (name === "\\") throw new LatexProblem("'\\\\' (a new row) outside a matrix", start);
    if (name === "{" || name === "}") {
      out.push(name === "{" ? "(" : ")", start);
      return i;
    }
    if (name === "left") {
      const matrix = this.wrappedMatrix(i, to);
      // `\left[ \begin{matrix}…\end{matrix} \right]`: the brackets are the matrix's own, not a list.
      if (matrix !== undefined) {
        this.matrix(matrix.begin, matrix.begin + "\\begin".length, to, out, depth);
        return matrix.after;
      }
    }
    if (name in COMMANDS) {
      const replacement = COMMANDS[name]!;
      // A leading space keeps a word such as `log` from gluing onto the name before it.
      out.push(/^[A-Za-z]{2,}/.test(replacement) ? ` ${replacement}` : replacement, start);
      return i;
    }
    if (TRANSPARENT.has(name)) {
      const [from, close] = this.argument(i, to, name, start);
      this.convertUntil(close, out, depth + 1, from);
      return close + 1;
    }
    if (name === "bar" || name === "overline") {
      return this.adjoint(start, i, to, out, depth, name);
    }
    if (name === "frac" || name === "dfrac" || name === "tfrac") {
      const [numeratorStart, numeratorEnd] = this.argument(i, to, name, start);
      const [denominatorStart, denominatorEnd] = this.argument(numeratorEnd + 1, to, name, start);
      out.push("((", start);
      this.convertUntil(numeratorEnd, out, depth + 1, numeratorStart);
      out.push(")/(", numeratorEnd);
      this.convertUntil(denominatorEnd, out, depth + 1, denominatorStart);
      out.push("))", denominatorEnd);
      return denominatorEnd + 1;
    }
    if (name === "sqrt") {
      const [from, close] = this.argument(i, to, name, start);
      out.push("sqrt(", start);
      this.convertUntil(close, out, depth + 1, from);
      out.push(")", close);
      return close + 1;
    }
    if (name === "begin") return this.matrix(start, i, to, out, depth);
    if (name === "") throw new LatexProblem("a lone backslash", start);
    throw new LatexProblem(`unsupported LaTeX command \\${name}`, start);
  }

  /** `\bar{z}_1'` → `z_1'_bar`: the bar covers the subscript and prime that follow the group. */
  private adjoint(
    start: number,
    i: number,
    to: number,
    out: MappedTextBuilder,
    depth: number,
    name: string,
  ): number {
    const [from, close] = this.argument(i, to, name, start);
    const inner = new MappedTextBuilder();
    this.convertUntil(close, inner, depth + 1, from);
    const trimmed = inner.build(close).text.trim();
    if (!/^[A-Za-z][A-Za-z0-9_']*$/.test(trimmed)) {
      throw new LatexProblem(`\\${name}{…} must contain a single name`, start);
    }
    out.push(trimmed, from);
    let next = close + 1;
    for (;;) {
      if (this.input[next] === "_") {
        next = this.subscript(next, to, out, depth);
      } else if (this.input[next] === "'") {
        out.push("'", next);
        next++;
      } else {
        break;
      }
    }
    out.push("_bar", start);
    return next;
  }

  /** `^{(3)}` → `3` (a layer index glued to the name), `^{(3)\top}` → `3^T`, `^{T}` → `^T`, else `^(…)`. */
  private superscript(start: number, to: number, out: MappedTextBuilder, depth: number): number {
    const argStart = this.skipSpaces(start + 1, to);
    if (this.input[argStart] !== "{") {
      out.push("^", start);
      return argStart;
    }
    const close = this.matchingBrace(argStart, to);
    const raw = this.input.slice(argStart + 1, close).replace(/\s+/g, "");
    const layer = /^\((\d+)\)(\\top|T|\\intercal)?$/.exec(raw);
    if (layer) {
      out.push(layer[1]!, argStart + 2, true);
      if (layer[2]) out.push("^T", close);
      return close + 1;
    }
    if (raw === "T" || raw === "\\top" || raw === "\\intercal") {
      out.push("^T", start);
      return close + 1;
    }
    out.push("^(", start);
    this.convertUntil(close, out, depth + 1, argStart + 1);
    out.push(")", close);
    return close + 1;
  }

  /** `_{1}` and `_1` stay subscripts (`z_1`), glued to the name for the tokenizer to resolve. */
  private subscript(start: number, to: number, out: MappedTextBuilder, depth: number): number {
    const argStart = start + 1;
    if (this.input[argStart] !== "{") {
      // As in LaTeX, an unbraced subscript is one character.
      out.push("_", start);
      if (argStart < to && /[A-Za-z0-9]/.test(this.input[argStart]!))
        out.push(this.input[argStart]!, argStart);
      return Math.min(argStart + 1, to);
    }
    const close = this.matchingBrace(argStart, to);
    const inner = new MappedTextBuilder();
    this.convertUntil(close, inner, depth + 1, argStart + 1);
    const text = inner.build(close).text.replace(/\s+/g, "");
    if (!/^[A-Za-z0-9]+$/.test(text)) {
      throw new LatexProblem("a subscript must be letters or digits", argStart);
    }
    out.push("_", start);
    out.push(text, argStart + 1, true);
    return close + 1;
  }

  /**
   * Where `\left<delimiter>` at `i` (just after `\left`) encloses nothing but one matrix
   * environment, possibly inside further `\left … \right` pairs: the `\begin` and the offset after
   * the last closing delimiter.
   */
  private wrappedMatrix(i: number, to: number): { begin: number; after: number } | undefined {
    const open = DELIMITER.exec(this.input.slice(i, Math.min(to, i + 20)));
    if (!open) return undefined;
    const inside = this.skipSpaces(i + open[0].length, to);
    let begin: number;
    let end: number;
    if (this.input.startsWith("\\left", inside)) {
      const nested = this.wrappedMatrix(inside + "\\left".length, to);
      if (nested === undefined) return undefined;
      begin = nested.begin;
      end = nested.after;
    } else {
      const environment = /^\\begin\s*\{([A-Za-z]+)\}/.exec(this.input.slice(inside, inside + 40));
      if (!environment || !MATRIX_ENVIRONMENTS.has(environment[1]!)) return undefined;
      const endTag = `\\end{${environment[1]}}`;
      const endAt = this.input.indexOf(endTag, inside);
      if (endAt < 0 || endAt >= to) return undefined;
      begin = inside;
      end = endAt + endTag.length;
    }
    const right = this.skipSpaces(end, to);
    if (!this.input.startsWith("\\right", right)) return undefined;
    const close = DELIMITER.exec(
      this.input.slice(right + "\\right".length, Math.min(to, right + 30)),
    );
    if (!close) return undefined;
    return { begin, after: right + "\\right".length + close[0].length };
  }

  /** `\begin{pmatrix} a & b \\ c & d \end{pmatrix}` → `[[a, b], [c, d]]`. */
  private matrix(
    start: number,
    i: number,
    to: number,
    out: MappedTextBuilder,
    depth: number,
  ): number {
    const [nameStart, nameEnd] = this.argument(i, to, "begin", start);
    const environment = this.input.slice(nameStart, nameEnd);
    if (!MATRIX_ENVIRONMENTS.has(environment)) {
      throw new LatexProblem(
        `unsupported environment ${environment}; use pmatrix or bmatrix`,
        start,
      );
    }
    const endTag = `\\end{${environment}}`;
    const bodyStart =
      environment === "array"
        ? this.argument(nameEnd + 1, to, "begin{array}", start)[1] + 1
        : nameEnd + 1;
    const bodyEnd = this.input.indexOf(endTag, bodyStart);
    if (bodyEnd < 0 || bodyEnd >= to) throw new LatexProblem(`missing ${endTag}`, start);
    const rows = this.splitAtTopLevel(bodyStart, bodyEnd, "\\\\").filter(
      ([from, until]) => this.input.slice(from, until).trim() !== "",
    );
    if (rows.length === 0) throw new LatexProblem("an empty matrix", start);
    out.push("[", start);
    rows.forEach(([rowStart, rowEnd], r) => {
      if (r > 0) out.push(", ", rowStart);
      out.push("[", rowStart);
      this.splitAtTopLevel(rowStart, rowEnd, "&").forEach(([cellStart, cellEnd], c) => {
        if (c > 0) out.push(", ", cellStart);
        this.convertUntil(cellEnd, out, depth + 1, cellStart);
      });
      out.push("]", rowEnd);
    });
    out.push("]", bodyEnd);
    return bodyEnd + endTag.length;
  }

  /** Ranges of input[from, to) between separators that are not inside braces. */
  private splitAtTopLevel(from: number, to: number, separator: string): [number, number][] {
    const ranges: [number, number][] = [];
    let depth = 0;
    let pieceStart = from;
    for (let i = from; i < to; i++) {
      const ch = this.input[i];
      if (ch === "\\" && this.input.startsWith(separator, i) && depth === 0) {
        ranges.push([pieceStart, i]);
        i += separator.length - 1;
        pieceStart = i + 1;
      } else if (ch === "\\") {
        i++;
      } else if (ch === "{") {
        depth++;
      } else if (ch === "}") {
        depth--;
      } else if (ch === separator && depth === 0) {
        ranges.push([pieceStart, i]);
        pieceStart = i + 1;
      }
    }
    ranges.push([pieceStart, to]);
    return ranges;
  }

  private commandName(backslash: number): string {
    const rest = this.input.slice(backslash + 1, backslash + 40);
    const letters = /^[A-Za-z]+/.exec(rest);
    if (letters) return letters[0];
    return rest.slice(0, 1);
  }

  private skipSpaces(i: number, to: number): number {
    while (i < to && this.input[i] === " ") i++;
    return i;
  }

  /** [start of content, index of the closing `}`] of the braced argument starting at `i`. */
  private argument(i: number, to: number, command: string, commandStart: number): [number, number] {
    const open = this.skipSpaces(i, to);
    if (this.input[open] !== "{") {
      throw new LatexProblem(`\\${command} needs a braced argument`, commandStart);
    }
    return [open + 1, this.matchingBrace(open, to)];
  }

  private matchingBrace(open: number, to: number): number {
    let depth = 0;
    for (let i = open; i < to; i++) {
      const ch = this.input[i];
      if (ch === "\\") {
        i++;
      } else if (ch === "{") {
        depth++;
        if (depth > PARSE_LIMITS.maxDepth) {
          throw new LatexProblem(
            `nesting deeper than ${PARSE_LIMITS.maxDepth} levels`,
            i,
            "too-deep",
          );
        }
      } else if (ch === "}") {
        depth--;
        if (depth === 0) return i;
      }
    }
    throw new LatexProblem("unmatched '{'", open);
  }
}
