// A scatter plot in characters: each series marks its points with its own symbol on a grid with a
// labelled y axis (0 at the bottom) and x axis. Where two series share a cell, the later wins.
export interface PlotSeries {
  label: string;
  symbol: string;
  points: readonly (readonly [x: number, y: number])[];
}

export interface PlotOptions {
  width: number;
  height: number;
  xLabel: string;
}

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
  for (const s of series) {
    for (const [x, y] of s.points) {
      const column = xMax === xMin ? 0 : Math.round(((x - xMin) / (xMax - xMin)) * (plotWidth - 1));
      const row = options.height - 1 - Math.round((Math.max(0, y) / yMax) * (options.height - 1));
      grid[row]![column] = s.symbol;
    }
  }
  const lines = grid.map((cells, row) => {
    const label = row === 0 ? compact(yMax) : row === options.height - 1 ? "0" : "";
    return `${label.padStart(axisWidth)} │${cells.join("")}`;
  });
  lines.push(`${" ".repeat(axisWidth)} └${"─".repeat(plotWidth)}`);
  const left = compact(xMin);
  const right = `${compact(xMax)} ${options.xLabel}`;
  lines.push(
    `${" ".repeat(axisWidth + 2)}${left}${right.padStart(Math.max(plotWidth - left.length, right.length))}`,
  );
  lines.push(series.map((s) => `${s.symbol} ${s.label}`).join("   "));
  return lines;
}
