// A scatter plot in characters: each series marks its points with its own symbol on a grid with a
// labelled y axis (0 at the bottom) and an x axis with ticks. Where series share a cell the cell
// shows `*` (listed as "both"), so no point hides another; marked x values (the current n, a
// crossover) get a caret under the axis and their label below.
export interface PlotSeries {
  label: string;
  symbol: string;
  points: readonly (readonly [x: number, y: number])[];
}

export interface PlotOptions {
  width: number;
  height: number;
  xLabel: string;
  /** x values to mark under the axis, e.g. the current n. */
  marks?: readonly { x: number; label: string }[];
}

/** Drawn where two or more series share a cell. */
export const sharedSymbol = "*";

function compact(value: number): string {
  if (Math.abs(value) >= 1e6) return `${+(value / 1e6).toPrecision(3)}M`;
  if (Math.abs(value) >= 1e4) return `${+(value / 1e3).toPrecision(3)}k`;
  return `${+value.toPrecision(4)}`;
}

export function asciiPlot(series: readonly PlotSeries[], options: PlotOptions): string[] {
  const points = series.flatMap((s) => s.points);
  if (points.length === 0) return [];
  const xs = points.map(([x]) => x);
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const yMax = Math.max(...points.map(([, y]) => y), 1);
  const axisWidth = Math.max(compact(yMax).length, 1);
  const plotWidth = options.width - axisWidth - 2;
  const grid = Array.from({ length: options.height }, () => Array(plotWidth).fill(" "));
  const columnOf = (x: number) =>
    xMax === xMin ? 0 : Math.round(((x - xMin) / (xMax - xMin)) * (plotWidth - 1));
  let shared = false;
  for (const s of series) {
    for (const [x, y] of s.points) {
      const column = columnOf(x);
      const row = options.height - 1 - Math.round((Math.max(0, y) / yMax) * (options.height - 1));
      const cell = grid[row]![column];
      if (cell !== " " && cell !== s.symbol) shared = true;
      grid[row]![column] = cell === " " || cell === s.symbol ? s.symbol : sharedSymbol;
    }
  }
  const lines = grid.map((cells, row) => {
    const label = row === 0 ? compact(yMax) : row === options.height - 1 ? "0" : "";
    return `${label.padStart(axisWidth)} │${cells.join("")}`;
  });
  // Ticks: the ends and three evenly spaced whole x values between them.
  const ticks = [
    ...new Set([0, 1, 2, 3, 4].map((i) => Math.round(xMin + ((xMax - xMin) * i) / 4))),
  ];
  const axis = Array(plotWidth).fill("─");
  const tickLabels = Array(plotWidth + 8).fill(" ");
  for (const x of ticks) {
    const column = columnOf(x);
    axis[column] = "┬";
    const text = compact(x);
    const start = Math.min(
      Math.max(0, column - Math.floor((text.length - 1) / 2)),
      plotWidth - text.length,
    );
    for (const [i, ch] of [...text].entries()) tickLabels[start + i] = ch;
  }
  lines.push(`${" ".repeat(axisWidth)} └${axis.join("")}`);
  // The x axis's name sits under the y axis's labels, so the tick labels keep the full width.
  lines.push(`${options.xLabel.padStart(axisWidth)}  ${tickLabels.join("").trimEnd()}`);
  const marks = options.marks ?? [];
  if (marks.length > 0) {
    const carets = Array(plotWidth).fill(" ");
    for (const mark of marks) carets[columnOf(mark.x)] = "^";
    lines.push(
      `${" ".repeat(axisWidth + 2)}${carets.join("").trimEnd()}  ${marks.map((m) => m.label).join(", ")}`,
    );
  }
  const legend = series.map((s) => `${s.symbol} ${s.label}`);
  if (shared) legend.push(`${sharedSymbol} both`);
  lines.push(legend.join("   "));
  return lines;
}
