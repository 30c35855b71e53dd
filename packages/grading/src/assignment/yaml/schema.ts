// Strict readers for an assignment's plain data (read from YAML, or written in an ES module): each
// takes a value and the path that leads to it, and throws an AssignmentSpecError naming that path.
import { AssignmentSpecError, type SpecPath } from "../spec-error.js";

/** Reads one value found at `path`, or throws an AssignmentSpecError there. */
export type Reader<T> = (value: unknown, path: SpecPath) => T;

export function fail(path: SpecPath, detail: string): never {
  throw new AssignmentSpecError(path, "schema", detail);
}

/** A short description of a value, for "expected …, got …". */
export function describeData(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `the text ${JSON.stringify(shown)}`;
  }
  return `${typeof value} ${String(value)}`;
}

export const readString: Reader<string> = (value, path) => {
  if (typeof value !== "string") fail(path, `expected text, got ${describeData(value)}`);
  return value;
};

export const readNonEmptyString: Reader<string> = (value, path) => {
  const text = readString(value, path);
  if (text.trim() === "") fail(path, "expected text, got an empty string");
  return text;
};

export const readNumber: Reader<number> = (value, path) => {
  if (typeof value !== "number" || !Number.isFinite(value))
    fail(path, `expected a number, got ${describeData(value)}`);
  return value;
};

export const readNonNegative: Reader<number> = (value, path) => {
  const n = readNumber(value, path);
  if (n < 0) fail(path, `expected a number ≥ 0, got ${n}`);
  return n;
};

export const readPositive: Reader<number> = (value, path) => {
  const n = readNumber(value, path);
  if (!(n > 0)) fail(path, `expected a number > 0, got ${n}`);
  return n;
};

/** A fraction of credit, 0..1. */
export const readFraction: Reader<number> = (value, path) => {
  const n = readNumber(value, path);
  if (n < 0 || n > 1) fail(path, `expected a fraction from 0 to 1, got ${n}`);
  return n;
};

export const readInteger: Reader<number> = (value, path) => {
  if (typeof value !== "number" || !Number.isSafeInteger(value))
    fail(path, `expected a whole number, got ${describeData(value)}`);
  return value;
};

/** A whole number in lo..hi (inclusive). */
export function integerIn(lo: number, hi: number): Reader<number> {
  return (value, path) => {
    const n = readInteger(value, path);
    if (n < lo || n > hi) fail(path, `expected a whole number from ${lo} to ${hi}, got ${n}`);
    return n;
  };
}

export const readBoolean: Reader<boolean> = (value, path) => {
  if (typeof value !== "boolean") fail(path, `expected true or false, got ${describeData(value)}`);
  return value;
};

/** One of the given words. */
export function oneOf<const T extends string>(choices: readonly T[]): Reader<T> {
  return (value, path) => {
    if (typeof value !== "string" || !choices.includes(value as T))
      fail(path, `expected one of ${choices.join(", ")}, got ${describeData(value)}`);
    return value as T;
  };
}

export function listOf<T>(
  item: Reader<T>,
  options: { readonly nonEmpty?: boolean } = {},
): Reader<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) fail(path, `expected a list, got ${describeData(value)}`);
    if (options.nonEmpty && value.length === 0) fail(path, "expected a list with an entry");
    return value.map((entry, i) => item(entry, [...path, i]));
  };
}

/** A single value or a list of them, as a list. */
export function oneOrMore<T>(item: Reader<T>): Reader<T[]> {
  return (value, path) => (Array.isArray(value) ? listOf(item)(value, path) : [item(value, path)]);
}

/** A mapping from names to values, in the file's order. */
export function mappingOf<T>(entry: Reader<T>): Reader<[string, T][]> {
  return (value, path) => {
    const map = readMapping(value, path);
    return Object.entries(map).map(([key, v]) => [key, entry(v, [...path, key])]);
  };
}

export const readStringList: Reader<string[]> = listOf(readNonEmptyString);

export function readMapping(value: unknown, path: SpecPath): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    fail(path, `expected a mapping, got ${describeData(value)}`);
  return value as Record<string, unknown>;
}

/**
 * A mapping with known keys only: `SpecObject.read(value, path, ["a", "b"])` refuses any other key,
 * naming it and the keys allowed.
 */
export class SpecObject {
  private constructor(
    readonly data: Readonly<Record<string, unknown>>,
    readonly path: SpecPath,
  ) {}

  static read(value: unknown, path: SpecPath, allowed: readonly string[]): SpecObject {
    const data = readMapping(value, path);
    for (const key of Object.keys(data)) {
      if (!allowed.includes(key)) {
        fail([...path, key], `unknown key '${key}' (expected one of ${allowed.join(", ")})`);
      }
    }
    return new SpecObject(data, path);
  }

  has(key: string): boolean {
    return Object.hasOwn(this.data, key) && this.data[key] !== undefined;
  }

  pathOf(key: string): SpecPath {
    return [...this.path, key];
  }

  required<T>(key: string, read: Reader<T>): T {
    if (!this.has(key)) fail(this.path, `'${key}' is missing`);
    return read(this.data[key], this.pathOf(key));
  }

  optional<T>(key: string, read: Reader<T>): T | undefined {
    return this.has(key) ? read(this.data[key], this.pathOf(key)) : undefined;
  }

  /** The value under `key`, or `fallback` when absent. */
  or<T>(key: string, read: Reader<T>, fallback: T): T {
    return this.optional(key, read) ?? fallback;
  }

  /** Exactly one of the keys must be given; returns which. */
  exactlyOne<K extends string>(keys: readonly K[]): K {
    const given = keys.filter((key) => this.has(key));
    if (given.length !== 1) {
      fail(
        this.path,
        given.length === 0
          ? `give one of ${keys.map((k) => `'${k}'`).join(", ")}`
          : `give only one of ${given.map((k) => `'${k}'`).join(", ")}`,
      );
    }
    return given[0]!;
  }
}
