// NumPy-style text for tensors (what `str(array)` prints): floats keep up to 8 fractional digits,
// columns align on the decimal point, and tensors over 1000 elements show 3 edge items per axis.
// float32 values print with the shortest digits that read back as the same float32 (NumPy's
// "unique" mode), so float32 0.1 prints as 0.1, not as the float64 0.10000000149011612.
import type { DType } from "./dtype.js";

/** What printing reads of a tensor (a `Tensor` is one), so this file needs no import of it. */
interface Formattable {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly size: number;
  readonly rank: number;
  get(...index: number[]): number;
}

const PRECISION = 8;
const SUMMARY_THRESHOLD = 1000;
const EDGE_ITEMS = 3;
const LINE_WIDTH = 75;

type Formatter = (x: number) => string;
type FloatDType = Extract<DType, "float64" | "float32">;

/** |x| = d₀.d₁d₂… × 10^exponent with no trailing zeros in `digits` ("0" for zero). */
interface Decimal {
  digits: string;
  exponent: number;
}

function parseExponential(text: string): Decimal {
  const [mantissa, exponent] = text.split("e") as [string, string];
  const digits = mantissa.replace(".", "").replace(/0+$/, "") || "0";
  return { digits, exponent: Number(exponent) };
}

/**
 * The shortest decimal that reads back as `x` in its dtype. JavaScript's toExponential() gives it
 * for float64; for float32 try 1 to 9 significant digits, and at each length the correctly rounded
 * candidate and its two neighbours (near powers of two the round-trip interval is lopsided), keeping
 * the one closest to x among those that round-trip.
 */
function shortest(x: number, dtype: FloatDType): Decimal {
  const magnitude = Math.abs(x);
  if (dtype === "float64" || magnitude === 0) return parseExponential(magnitude.toExponential());
  for (let precision = 1; precision <= 9; precision++) {
    const nearest = parseExponential(magnitude.toExponential(precision - 1));
    const scale = nearest.exponent - (precision - 1);
    const units = Number(nearest.digits.padEnd(precision, "0"));
    let best: number | undefined;
    for (const candidate of [units, units - 1, units + 1]) {
      const value = Number(`${candidate}e${scale}`);
      if (Math.fround(value) !== magnitude) continue;
      if (best === undefined || Math.abs(value - magnitude) < Math.abs(best - magnitude))
        best = value;
    }
    if (best !== undefined) return parseExponential(best.toExponential());
  }
  return parseExponential(magnitude.toExponential(8));
}

/** "12.5" style text of a Decimal (a point always, maybe nothing after it). */
function positionalText({ digits, exponent }: Decimal, negative: boolean): string {
  const sign = negative ? "-" : "";
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  return `${sign}${whole}.${digits.slice(exponent + 1)}`;
}

function fractionDigits({ digits, exponent }: Decimal): number {
  return Math.max(0, digits.length - 1 - exponent);
}

function isNegative(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

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

/**
 * NumPy switches to scientific notation for very large, very small or widely spread magnitudes;
 * "very large" is 10^min(8, decimal precision of the dtype): 1e8 for float64, 1e6 for float32.
 */
function useScientific(finite: readonly number[], dtype: FloatDType): boolean {
  const magnitudes = finite.filter((x) => x !== 0).map(Math.abs);
  if (magnitudes.length === 0) return false;
  const max = Math.max(...magnitudes);
  const min = Math.min(...magnitudes);
  return max >= (dtype === "float32" ? 1e6 : 1e8) || min < 1e-4 || max / min > 1e3;
}

/**
 * Positional: each value keeps its own digits (its shortest ones, at most 8 after the point, else
 * rounded to 8) and pads with spaces after the point.
 */
function positionalParts(dtype: FloatDType): (x: number) => [string, string] {
  return (x) => {
    if (dtype === "float32") {
      const decimal = shortest(x, dtype);
      if (fractionDigits(decimal) <= PRECISION) {
        return splitPoint(positionalText(decimal, isNegative(x)));
      }
    }
    // toFixed drops the sign of −0; NumPy prints "-0.".
    return splitPoint((Object.is(x, -0) ? "-" : "") + trimFraction(x.toFixed(PRECISION)));
  };
}

/**
 * Scientific: every mantissa gets as many digits as the longest one needs (zero-padded, unlike
 * positional), and exponents share one width of at least two digits.
 */
function scientificParts(
  finite: readonly number[],
  dtype: FloatDType,
): (x: number) => [string, string] {
  // The mantissa length is the longest shortest mantissa (float32's own shortest digits); every
  // value then shows its exact value rounded to that many digits, as NumPy's min_digits does.
  const exponential = (x: number, digits: number): string => x.toExponential(digits);
  const shortestMantissas = finite.map((x) => {
    if (dtype === "float64") return trimFraction(x.toExponential(PRECISION).split("e")[0]!);
    const { digits } = shortest(x, dtype);
    return digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  });
  const digits = Math.max(0, ...shortestMantissas.map((m) => splitPoint(m)[1].length - 1));
  const exponentOf = (x: number) => exponential(x, digits).split("e")[1]!;
  const exponentWidth = Math.max(2, ...finite.map((x) => exponentOf(x).length - 1));
  return (x) => {
    const [mantissa, exponent] = exponential(x, digits).split("e") as [string, string];
    const [whole, fraction] = splitPoint(mantissa.includes(".") ? mantissa : `${mantissa}.`);
    const sign = exponent.startsWith("-") ? "-" : "+";
    return [whole, `${fraction}e${sign}${exponent.slice(1).padStart(exponentWidth, "0")}`];
  };
}

/** Pads floats so decimal points line up; nan and inf are right-aligned in the full width. */
function alignedFloats(values: readonly number[], dtype: FloatDType): Formatter {
  const finite = values.filter(Number.isFinite);
  const parts = useScientific(finite, dtype)
    ? scientificParts(finite, dtype)
    : positionalParts(dtype);
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

function elementFormatter(tensor: Formattable, shown: readonly number[]): Formatter {
  switch (tensor.dtype) {
    case "bool":
      return alignedText(shown, (x) => (x ? "True" : "False"));
    case "int32":
      return alignedText(shown, String);
    default:
      return alignedFloats(shown, tensor.dtype);
  }
}

/** Indices shown along an axis of length `dim`: all, or the edges around a gap (marked -1). */
function shownIndices(dim: number, summarize: boolean): number[] {
  if (!summarize || dim <= 2 * EDGE_ITEMS) return Array.from({ length: dim }, (_, i) => i);
  const head = Array.from({ length: EDGE_ITEMS }, (_, i) => i);
  const tail = Array.from({ length: EDGE_ITEMS }, (_, i) => dim - EDGE_ITEMS + i);
  return [...head, -1, ...tail];
}

/**
 * A rank-0 float as NumPy's scalar `str` writes it: shortest digits, positional for magnitudes in
 * [1e-4, 1e16) (float32: [1e-4, 1e6)) with at least one digit after the point, else scientific
 * with a two-digit exponent: 0.1, 2.0, 1e-05, 1.5e+16.
 */
function floatScalarText(x: number, dtype: FloatDType): string {
  const special = specialFloat(x);
  if (special) return special;
  const magnitude = Math.abs(x);
  const decimal = shortest(x, dtype);
  if (magnitude === 0 || (magnitude >= 1e-4 && magnitude < (dtype === "float32" ? 1e6 : 1e16))) {
    const text = positionalText(decimal, isNegative(x));
    return text.endsWith(".") ? `${text}0` : text;
  }
  const { digits, exponent } = decimal;
  const mantissa = `${isNegative(x) ? "-" : ""}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ""}`;
  return `${mantissa}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
}

function scalarText(tensor: Formattable, x: number): string {
  if (tensor.dtype === "bool") return x ? "True" : "False";
  if (tensor.dtype === "int32") return String(x);
  return floatScalarText(x, tensor.dtype);
}

export function formatTensor(tensor: Formattable): string {
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

  // NumPy's _formatArray: rows wrap at LINE_WIDTH, continuation lines start at the hanging indent,
  // and each nesting level gives up one column for its closing bracket.
  const render = (axis: number, prefix: number[], indent: string, width: number): string => {
    const nested = (i: number) => render(axis + 1, [...prefix, i], `${indent} `, width - 1);
    let s = "";
    if (axis === tensor.rank - 1) {
      let line = indent;
      const words = indices[axis]!.map((i) => (i < 0 ? "..." : format(tensor.get(...prefix, i))));
      words.forEach((word, k) => {
        if (line.length + word.length > width - 1 && line.length > indent.length) {
          s += `${line.trimEnd()}\n`;
          line = indent;
        }
        line += k < words.length - 1 ? `${word} ` : word;
      });
      s += line;
    } else {
      const separator = "\n".repeat(tensor.rank - axis - 1);
      s = indices[axis]!.map((i) => indent + (i < 0 ? "..." : nested(i))).join(separator);
    }
    return `[${s.slice(indent.length)}]`;
  };
  return render(0, [], " ", LINE_WIDTH);
}
