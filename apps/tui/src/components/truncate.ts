// Text measured in terminal cells, not characters: a CJK character or an emoji takes two cells,
// a combining mark none, so cutting and padding by `.length` would misalign or overflow a row.
import stringWidth from "string-width";

const segmenter = new Intl.Segmenter();

/** Cells `text` takes in a terminal. */
export function cellWidth(text: string): number {
  return stringWidth(text);
}

/** The line cut to `width` cells, ending in "…" when cut. */
export function truncate(line: string, width: number): string {
  if (cellWidth(line) <= width) return line;
  let kept = "";
  let used = 0;
  for (const { segment } of segmenter.segment(line)) {
    const cells = cellWidth(segment);
    if (used + cells > width - 1) break;
    kept += segment;
    used += cells;
  }
  return `${kept}…`;
}

/** `text` padded with spaces to `width` cells (unchanged when already as wide). */
export function padCells(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - cellWidth(text)));
}

/** `text` padded on the left to `width` cells. */
export function padCellsStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - cellWidth(text))) + text;
}

/** `text` cut or padded to exactly `width` cells. */
export function fitCells(text: string, width: number): string {
  return padCells(truncate(text, width), width);
}

/** `text` broken into lines of at most `width` cells, at spaces where possible. */
export function wrapCells(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      const candidate = line === "" ? word : `${line} ${word}`;
      if (cellWidth(candidate) <= width) line = candidate;
      else {
        if (line !== "") lines.push(line);
        line = word;
        while (cellWidth(line) > width) {
          const cut = truncate(line, width + 1).slice(0, -1);
          const head = cut === "" ? [...line][0]! : cut; // a wide character in a 1-cell width
          lines.push(head);
          line = line.slice(head.length);
        }
      }
    }
    lines.push(line);
  }
  return lines;
}
