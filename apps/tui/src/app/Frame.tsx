// The layout every screen shares: a title line, the screen's body filling the terminal, and a
// one-line footer with the most useful keys. The body's size goes to the screen (useBodySize), so
// that it can give each region its rows; a terminal below 80×24 gets one line saying so.
import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { cellWidth, truncate } from "../components/truncate.js";
import { BodySizeContext } from "./layout.js";
import { minimumSize, useTerminalSize } from "./terminal-size.js";
import { ToneText } from "./theme.js";

interface FrameProps {
  title: string;
  /** What the screen covers, on the right of the title line: "homework 1 · 2.1.1". */
  scope: string;
  footer: string;
  children: ReactNode;
}

/** Rows the frame itself takes: title, rule, footer, and the row left free below it. */
export const frameRows = 4;

export function Frame({ title, scope, footer, children }: FrameProps) {
  const { columns, rows } = useTerminalSize();
  if (columns < minimumSize.columns || rows < minimumSize.rows) {
    return (
      <Text wrap="truncate-end">
        {`terminal too small (${columns}×${rows}): nnkit needs at least ${minimumSize.columns}×${minimumSize.rows} · q quits`}
      </Text>
    );
  }
  const body = { columns, rows: rows - frameRows };
  // One row short of the terminal: a frame as tall as the terminal makes ink clear the screen on
  // every update, which flickers.
  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Box justifyContent="space-between" flexShrink={0} height={1}>
        <Text bold wrap="truncate-end">
          nnkit · {title}
        </Text>
        <ToneText tone="muted">
          {truncate(scope, Math.max(0, columns - cellWidth(title) - 10))}
        </ToneText>
      </Box>
      <ToneText tone="muted">{"─".repeat(columns)}</ToneText>
      <Box flexDirection="column" height={body.rows} flexShrink={0} overflow="hidden">
        {/* Not shrinkable: a body taller than its rows is cut at the bottom, never squeezed. */}
        <Box flexDirection="column" flexShrink={0}>
          <BodySizeContext.Provider value={body}>{children}</BodySizeContext.Provider>
        </Box>
      </Box>
      <ToneText tone="muted" wrap="truncate-end">
        {footer}
      </ToneText>
    </Box>
  );
}
