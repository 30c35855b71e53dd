// An assignment file's YAML as plain data, with a way back from a data path to its line and column.
import { isCollection, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { AssignmentSpecError, type SpecPath } from "../spec-error.js";

/** Largest assignment file read (an instructor's file; hw1's is about 15 kB). */
export const MAX_ASSIGNMENT_CHARACTERS = 1_000_000;

export interface YamlDocument {
  readonly data: unknown;
  /** Line and column (1-based) of what `path` leads to: a mapping entry's key, a list's item. */
  locate(path: SpecPath): { readonly line: number; readonly column: number } | undefined;
  /**
   * Line and column of a place inside the text value at `path` (its `line`, 1-based, and `column`,
   * 0-based, within the text), for a block (`|`) or a one-line value; undefined otherwise.
   */
  locateInText(
    path: SpecPath,
    line: number,
    column: number,
  ): { readonly line: number; readonly column: number } | undefined;
}

/**
 * Parses YAML text (YAML 1.2 core schema: dates stay text, keys must be unique) into plain data.
 * Throws an AssignmentSpecError at the first syntax error, with its line and column.
 */
export function readYamlDocument(text: string, file: string): YamlDocument {
  if (text.length > MAX_ASSIGNMENT_CHARACTERS) {
    throw new AssignmentSpecError(
      [],
      "file",
      `the file has ${text.length} characters, more than an assignment's ${MAX_ASSIGNMENT_CHARACTERS}`,
      { location: { file, line: 1, column: 1 } },
    );
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problem = document.errors[0];
  if (problem !== undefined) {
    throw new AssignmentSpecError([], "yaml", firstLine(problem.message), {
      location: {
        file,
        ...position(problem.pos[0]),
      },
    });
  }
  const data = toPlainData(document, file);
  return {
    data,
    locate(path) {
      const found = nodeAt(document.contents, path);
      if (found === undefined) return undefined;
      return position(found);
    },
    locateInText(path, line, column) {
      const node = document.getIn(path, true);
      if (!isScalar(node) || node.range === undefined || node.range === null) return undefined;
      const start = position(node.range[0]);
      if (node.type === "BLOCK_LITERAL") {
        // The text starts on the line after the `|` indicator, at the block's indentation.
        const source = text.split("\n")[start.line - 1 + line] ?? "";
        const indent = source.length - source.trimStart().length;
        return { line: start.line + line, column: indent + column + 1 };
      }
      if (line !== 1 || node.type === "BLOCK_FOLDED") return undefined;
      const quote = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE" ? 1 : 0;
      return { line: start.line, column: start.column + quote + column };
    },
  };
}

/** The document's data; aliases are expanded a bounded number of times, nesting is bounded. */
function toPlainData(document: ReturnType<typeof parseDocument>, file: string): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (error) {
    const detail =
      error instanceof RangeError
        ? "the file is nested too deeply"
        : firstLine(String((error as Error).message));
    throw new AssignmentSpecError([], "yaml", detail, { location: { file, line: 1, column: 1 } });
  }
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}

/** The offset of the deepest node along `path` (a mapping entry's key, or a list item). */
function nodeAt(root: unknown, path: SpecPath): number | undefined {
  let node: unknown = root;
  let offset = rangeStart(root);
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
      if (pair === undefined) return offset;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof step === "number") {
      const item = node.items[step];
      if (item === undefined) return offset;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  if (isScalar(node) || isCollection(node)) return (node as Node).range?.[0];
  return undefined;
}
