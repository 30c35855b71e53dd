// One layer of the draft as a grid: a row per unit, a column per input plus the bias; the cursor
// cell is shown inverted (and, while being edited, holds the text being typed). The rows scroll
// within their budget to keep the cursor in view.
import { Box, Text } from "ink";
import { Window } from "../../app/layout.js";
import { ToneText } from "../../app/theme.js";
import { truncate } from "../../components/truncate.js";
import type { DraftLayer } from "./draft.js";

interface NetworkGridProps {
  layer: DraftLayer;
  layerIndex: number;
  layerCount: number;
  cursor: { unit: number; column: number };
  /** The text in the cursor cell while it is being edited. */
  editingText: string | undefined;
  /** Rows for the units (the header row is extra). */
  rows: number;
  columns: number;
}

function inputNames(layerIndex: number, count: number): string[] {
  return Array.from({ length: count }, (_, j) =>
    layerIndex === 0 ? `x${j + 1}` : `h${layerIndex}.${j + 1}`,
  );
}

function unitName(layerIndex: number, layerCount: number, unit: number): string {
  return layerIndex === layerCount - 1 ? `y${unit + 1}` : `h${layerIndex + 1}.${unit + 1}`;
}

export function NetworkGrid({
  layer,
  layerIndex,
  layerCount,
  cursor,
  editingText,
  rows,
  columns,
}: NetworkGridProps) {
  const fanIn = layer.weights[0]!.length;
  const headers = [...inputNames(layerIndex, fanIn), "bias"];
  const cellText = (unit: number, column: number) => {
    const stored = column === fanIn ? layer.bias[unit]! : layer.weights[unit]![column]!;
    const editing = unit === cursor.unit && column === cursor.column && editingText !== undefined;
    return editing ? `${editingText}▏` : stored;
  };
  // Brackets mark the cursor cell even where the terminal shows no styles.
  const shown = (unit: number, column: number) => {
    const selected = unit === cursor.unit && column === cursor.column;
    return selected ? `[${cellText(unit, column)}]` : ` ${cellText(unit, column)} `;
  };
  const widths = headers.map((header, column) =>
    Math.max(header.length + 1, ...layer.weights.map((_, unit) => shown(unit, column).length)),
  );
  const rowLabelWidth = 7;
  // Columns that do not fit scroll sideways, keeping the cursor's column in view.
  const [first, last] = visibleColumns(widths, columns - rowLabelWidth - 2, cursor.column);
  const shownColumns = headers.map((_, c) => c).slice(first, last + 1);
  const scrolledMark = first > 0 ? "◀" : " ";
  const more = last < headers.length - 1 ? ` ▶ ${headers.length - 1 - last} more` : "";
  const lines = layer.weights.map((_, unit) => ({
    key: unitName(layerIndex, layerCount, unit),
    node: (
      <Text wrap="truncate-end">
        {unitName(layerIndex, layerCount, unit).padEnd(rowLabelWidth - 1)}
        {scrolledMark}
        {shownColumns
          .map((column) => headers[column]!)
          .map((header, i) => {
            const column = shownColumns[i]!;
            const selected = unit === cursor.unit && column === cursor.column;
            return (
              <Text key={header}>
                {column === fanIn ? "│" : ""}
                <Text inverse={selected}>{shown(unit, column).padStart(widths[column]!)}</Text>
              </Text>
            );
          })}
      </Text>
    ),
  }));
  return (
    <Box flexDirection="column">
      <ToneText tone="muted">
        {truncate(
          " ".repeat(rowLabelWidth) +
            shownColumns
              .map(
                (column) =>
                  `${column === fanIn ? "│" : ""}${`${headers[column]!} `.padStart(widths[column]!)}`,
              )
              .join("") +
            more,
          columns,
        )}
      </ToneText>
      <Window lines={lines} rows={rows} focus={cursor.unit} />
    </Box>
  );
}

/**
 * The first and last column shown when the columns (with a separator cell each) must fit `room`
 * cells: from the first column when the cursor's fits, else ending at the cursor's.
 */
export function visibleColumns(
  widths: readonly number[],
  room: number,
  cursor: number,
): [first: number, last: number] {
  const fits = (from: number, to: number) =>
    widths.slice(from, to + 1).reduce((sum, w) => sum + w + 1, 0) <= room;
  let first = 0;
  while (first < cursor && !fits(first, cursor)) first += 1;
  let last = first;
  while (last + 1 < widths.length && fits(first, last + 1)) last += 1;
  return [first, Math.max(last, Math.min(cursor, widths.length - 1))];
}
