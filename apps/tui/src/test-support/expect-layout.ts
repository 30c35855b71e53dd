// The layout rules every screen keeps, for the layout tests: the frame is exactly as tall as the
// terminal less one row, no line is wider than the terminal, the title and the rule are the first
// two lines, and each region's first line is present and whole (a line of its own).
import { expect } from "vitest";
import { cellWidth } from "../components/truncate.js";

export type Size = { columns: number; rows: number };

export const sizes: Size[] = [
  { columns: 80, rows: 24 },
  { columns: 160, rows: 50 },
];

/** A whole line: equal to the text (trailing spaces aside), or matching the pattern entirely. */
export type Whole = string | RegExp;

export function expectLayout(frame: string, size: Size, title: string, regions: Whole[]): void {
  const lines = frame.split("\n");
  const context = `\n${frame}`;
  expect(lines.length, `frame height${context}`).toBe(size.rows - 1);
  for (const line of lines) {
    expect(cellWidth(line), `line wider than the terminal: ${line}${context}`).toBeLessThanOrEqual(
      size.columns,
    );
  }
  expect(lines[0], context).toMatch(new RegExp(`^nnkit · ${title}\\s`));
  expect(lines[1], context).toBe("─".repeat(size.columns));
  expect(lines.at(-1)?.trim(), `the footer${context}`).not.toBe("");
  for (const region of regions) {
    const found = lines.some((line) => {
      const text = line.trimEnd();
      return typeof region === "string"
        ? text === region
        : new RegExp(`^(?:${region.source})$`).test(text);
    });
    expect(found, `no whole line ${String(region)}${context}`).toBe(true);
  }
}
