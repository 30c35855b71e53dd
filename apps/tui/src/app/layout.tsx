// Row budgets: the Frame tells each screen how many rows and columns its body has, and a screen
// gives each of its regions a number of rows. A region with more lines than rows scrolls (a
// `Window`), so no region is squeezed into another's rows.
import { Box, Text } from "ink";
import { createContext, type ReactNode, useContext } from "react";
import { truncate } from "../components/truncate.js";
import { type Tone, ToneText } from "./theme.js";

export interface BodySize {
  columns: number;
  rows: number;
}

export const BodySizeContext = createContext<BodySize>({ columns: 80, rows: 20 });

/** The rows and columns the current screen's body may use. */
export function useBodySize(): BodySize {
  return useContext(BodySizeContext);
}

/** First line of a window of `rows` lines over `count`, keeping `focus` in view (centred). */
export function windowTop(count: number, rows: number, focus: number): number {
  if (count <= rows) return 0;
  return Math.min(Math.max(0, focus - Math.floor(rows / 2)), count - rows);
}

export interface WindowLine {
  key: string;
  node: ReactNode;
}

interface WindowProps {
  lines: readonly WindowLine[];
  /** Rows this region may use, the scroll marker included. */
  rows: number;
  /** Index of the line to keep in view (the cursor), or the first line shown when `scrolled`. */
  focus: number;
  /** `focus` is a scroll position (first line shown) rather than a line to centre. */
  scrolled?: boolean;
}

/**
 * At most `rows` rows of `lines`, one row each; when they do not all fit, the last row says how
 * many lines are above and below.
 */
export function Window({ lines, rows, focus, scrolled = false }: WindowProps) {
  const budget = Math.max(1, rows);
  if (lines.length <= budget) return <Rows lines={lines} />;
  const visible = Math.max(1, budget - 1);
  const top = scrolled
    ? Math.max(0, Math.min(focus, lines.length - visible))
    : windowTop(lines.length, visible, focus);
  const above = top;
  const below = lines.length - top - visible;
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Rows lines={lines.slice(top, top + visible)} />
      <ToneText tone="muted" wrap="truncate-end">
        {[above > 0 ? `↑ ${above} more` : "", below > 0 ? `↓ ${below} more` : ""]
          .filter((part) => part !== "")
          .join(" · ")}
      </ToneText>
    </Box>
  );
}

function Rows({ lines }: { lines: readonly WindowLine[] }) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      {lines.map((line) => (
        <Box key={line.key} flexShrink={0} height={1} overflow="hidden">
          {typeof line.node === "string" ? <Text wrap="truncate-end">{line.node}</Text> : line.node}
        </Box>
      ))}
    </Box>
  );
}

/** Lines of text as window lines (keys by position: text may repeat). */
export function textLines(texts: readonly string[]): WindowLine[] {
  return texts.map((text, i) => ({ key: String(i), node: text }));
}

/** One row of text in a tone (none: plain), cut to the body's width. */
export function Line({ tone, children }: { tone?: Tone | undefined; children: string }) {
  const { columns } = useBodySize();
  const text = truncate(children, columns);
  return tone === undefined ? <Text>{text}</Text> : <ToneText tone={tone}>{text}</ToneText>;
}
