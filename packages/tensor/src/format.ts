// NumPy-style text for tensors (what `str(array)` prints): floats keep up to 8 fractional digits,
// columns align on the decimal point, and tensors over 1000 elements show 3 edge items per axis.
import type { Tensor } from "./tensor.js";

const PRECISION = 8;
const SUMMARY_THRESHOLD = 1000;
const EDGE_ITEMS = 3;

type Formatter = (x: number) => string;

function trimFraction(text: string): string {
  // "2.50000000" -> "2.5", "1.00000000" -> "1." (NumPy keeps the point to mark a float).
  return text.replace(/0+$/, "");
}

function specialFloat(x: number): string | undefined {
  if (Number.isNaN(x)) return "nan";
  if (x === Number.POSITIVE_INFINITY) return "inf";
  if (x === Number.NEGATIVE_INFINITY) return "-inf";
  return undefined;
}

/** Splits "12.5" into ["12", ".5"] (the fraction keeps its point). */
function splitPoint(text: string): [string, string] {
  const point = text.indexOf(".");
  return point < 0 ? [text, ""] : [text.slice(0, point), text.slice(point)];
}

/** NumPy switches to scientific notation for very large, very small or widely spread magnitudes. */
function useScientific(finite: readonly number[]): boolean {
  const magnitudes = finite.filter((x) => x !== 0).map(Math.abs);
  if (magnitudes.length === 0) return false;
  const max = Math.max(...magnitudes);
  const min = Math.min(...magnitudes);
  return max >= 1e8 || min < 1e-4 || max / min > 1e3;
}

/** Positional: each value keeps its own digits (up to 8) and pads with spaces after the point. */
function positionalParts(x: number): [string, string] {
  return splitPoint(trimFraction(x.toFixed(PRECISION)));
}

/**
 * Scientific: every mantissa gets as many digits as the longest one needs (zero-padded, unlike
 * positional), and exponents share one width of at least two digits.
 */
function scientificParts(finite: readonly number[]): (x: number) => [string, string] {
  const shortest = finite.map((x) => trimFraction(x.toExponential(PRECISION).split("e")[0]!));
  const digits = Math.max(0, ...shortest.map((m) => splitPoint(m)[1].length - 1));
  const exponentOf = (x: number) => x.toExponential(digits).split("e")[1]!;
  const exponentWidth = Math.max(2, ...finite.map((x) => exponentOf(x).length - 1));
  return (x) => {
    const [mantissa, exponent] = x.toExponential(digits).split("e") as [string, string];
    const [whole, fraction] = splitPoint(mantissa.includes(".") ? mantissa : `${mantissa}.`);
    const sign = exponent.startsWith("-") ? "-" : "+";
    return [whole, `${fraction}e${sign}${exponent.slice(1).padStart(exponentWidth, "0")}`];
  };
}

/** Pads floats so decimal points line up; nan and inf are right-aligned in the full width. */
function alignedFloats(values: readonly number[]): Formatter {
  const finite = values.filter(Number.isFinite);
  const parts = useScientific(finite) ? scientificParts(finite) : positionalParts;
  let left = 0;
  let right = 0;
  for (const x of finite) {
    const [whole, fraction] = parts(x);
    left = Math.max(left, whole.length);
    right = Math.max(right, fraction.length);
  }
  for (const x of values) {
    const special = specialFloat(x);
    if (special) left = Math.max(left, special.length - right);
  }
  return (x) => {
    const special = specialFloat(x);
    if (special) return special.padStart(left + right);
    const [whole, fraction] = parts(x);
    return whole.padStart(left) + fraction.padEnd(right);
  };
}

function alignedText(values: readonly number[], text: Formatter): Formatter {
  const width = Math.max(0, ...values.map((x) => text(x).length));
  return (x) => text(x).padStart(width);
}

function elementFormatter(tensor: Tensor, shown: readonly number[]): Formatter {
  switch (tensor.dtype) {
    case "bool":
      return alignedText(shown, (x) => (x ? "True" : "False"));
    case "int32":
      return alignedText(shown, String);
    default:
      return alignedFloats(shown);
  }
}

/** Indices shown along an axis of length `dim`: all, or the edges around a gap (marked -1). */
function shownIndices(dim: number, summarize: boolean): number[] {
  if (!summarize || dim <= 2 * EDGE_ITEMS) return Array.from({ length: dim }, (_, i) => i);
  const head = Array.from({ length: EDGE_ITEMS }, (_, i) => i);
  const tail = Array.from({ length: EDGE_ITEMS }, (_, i) => dim - EDGE_ITEMS + i);
  return [...head, -1, ...tail];
}

function scalarText(tensor: Tensor, x: number): string {
  if (tensor.dtype === "bool") return x ? "True" : "False";
  if (tensor.dtype === "int32") return String(x);
  return specialFloat(x) ?? (Number.isInteger(x) && Math.abs(x) < 1e16 ? `${x}.0` : String(x));
}

export function formatTensor(tensor: Tensor): string {
  if (tensor.rank === 0) return scalarText(tensor, tensor.get());
  if (tensor.size === 0) return "[]";
  const summarize = tensor.size > SUMMARY_THRESHOLD;
  const indices = tensor.shape.map((dim) => shownIndices(dim, summarize));

  const shown: number[] = [];
  const collect = (axis: number, prefix: number[]): void => {
    if (axis === tensor.rank) {
      shown.push(tensor.get(...prefix));
      return;
    }
    for (const i of indices[axis]!) if (i >= 0) collect(axis + 1, [...prefix, i]);
  };
  collect(0, []);
  const format = elementFormatter(tensor, shown);

  const render = (axis: number, prefix: number[]): string => {
    const last = axis === tensor.rank - 1;
    const parts = indices[axis]!.map((i) => {
      if (i < 0) return "...";
      return last ? format(tensor.get(...prefix, i)) : render(axis + 1, [...prefix, i]);
    });
    const indent = " ".repeat(axis + 1);
    const separator = last ? " " : `${"\n".repeat(tensor.rank - axis - 1)}${indent}`;
    return `[${parts.join(separator)}]`;
  };
  return render(0, []);
}
