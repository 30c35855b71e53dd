// The layout every screen shares: a title line, the screen's body filling the terminal, and a
// one-line footer with the most useful keys. Sized to the terminal (at least 80×24).
import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { useTerminalSize } from "./terminal-size.js";
import { ToneText } from "./theme.js";

interface FrameProps {
  title: string;
  questions: string;
  footer: string;
  children: ReactNode;
}

export function Frame({ title, questions, footer, children }: FrameProps) {
  const { columns, rows } = useTerminalSize();
  // One row short of the terminal: a frame as tall as the terminal makes ink clear the screen on
  // every update, which flickers.
  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Box justifyContent="space-between">
        <Text bold>nnkit · {title}</Text>
        <ToneText tone="muted">
          {questions === "" ? "homework 1" : `homework 1 · ${questions}`}
        </ToneText>
      </Box>
      <ToneText tone="muted">{"─".repeat(columns)}</ToneText>
      <Box flexDirection="column" flexGrow={1} overflow="hidden">
        {children}
      </Box>
      <ToneText tone="muted" wrap="truncate-end">
        {footer}
      </ToneText>
    </Box>
  );
}
