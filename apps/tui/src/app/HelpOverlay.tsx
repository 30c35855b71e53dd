// The `?` overlay: the current screen's keys, then the keys that work everywhere.
import { Box, Text } from "ink";
import { globalKeys, type KeyHelp } from "./keys.js";
import { ToneText } from "./theme.js";

function KeyRows({ rows }: { rows: readonly KeyHelp[] }) {
  const width = Math.max(...rows.map((row) => row.keys.length)) + 2;
  return (
    <Box flexDirection="column">
      {rows.map((row) => (
        <Text key={row.keys}>
          <ToneText tone="accent">{row.keys.padEnd(width)}</ToneText>
          {row.action}
        </Text>
      ))}
    </Box>
  );
}

export function HelpOverlay({ title, keys }: { title: string; keys: readonly KeyHelp[] }) {
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold>Keys: {title}</Text>
      {keys.length > 0 && <KeyRows rows={keys} />}
      <Box flexDirection="column">
        <Text bold>Everywhere</Text>
        <KeyRows rows={globalKeys} />
      </Box>
      <ToneText tone="muted">Press ? or Esc to close.</ToneText>
    </Box>
  );
}
