// One editable line: the text with its caret, and, when the text is invalid, a marker under the
// offending position with the reason.
import { Box, Text } from "ink";
import { useBodySize } from "../app/layout.js";
import { ToneText } from "../app/theme.js";
import type { LineState } from "./line-edit.js";
import { cellWidth } from "./truncate.js";

export interface FieldError {
  /** Character offset in the text where the problem is. */
  position: number;
  message: string;
}

interface TextFieldProps {
  label: string;
  line: LineState;
  focused: boolean;
  error?: FieldError | undefined;
}

/** Drawn at the caret; a character, not only a style, so that it shows on terminals without styles. */
const caret = "▏";

/** Column of the error marker: the caret, drawn before `cursor`, shifts later characters right. */
function markerOffset(position: number, length: number, cursor: number | undefined): number {
  const at = Math.min(position, length);
  return cursor !== undefined && at >= cursor ? at + 1 : at;
}

/** The part of `text` shown in `room` cells: all of it, or a stretch around the caret. */
function visibleStretch(text: string, cursor: number, room: number): { from: number; to: number } {
  if (cellWidth(text) < room) return { from: 0, to: text.length };
  const half = Math.floor(room / 2);
  const from = Math.max(0, Math.min(cursor - half, text.length - room + 1));
  return { from, to: Math.min(text.length, from + room - 1) };
}

export function TextField({ label, line, focused, error }: TextFieldProps) {
  const { columns } = useBodySize();
  const { text, cursor } = line;
  const prefix = `${label} `;
  // One row, whatever the text's length: a long value scrolls sideways to keep the caret in view.
  const { from, to } = visibleStretch(text, cursor, Math.max(8, columns - cellWidth(prefix) - 2));
  const shown = text.slice(from, to);
  const lead = from > 0 ? "…" : "";
  const tail = to < text.length ? "…" : "";
  const at = cursor - from;
  const errorColumn =
    error &&
    cellWidth(prefix) +
      lead.length +
      Math.max(0, markerOffset(error.position, text.length, focused ? cursor : undefined) - from);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold={focused}>{prefix}</Text>
        {lead}
        {focused ? (
          <>
            {shown.slice(0, at)}
            <Text inverse>{caret}</Text>
            {shown.slice(at)}
          </>
        ) : (
          shown
        )}
        {tail}
      </Text>
      {error && (
        <Text wrap="truncate-end">
          {" ".repeat(Math.min(errorColumn ?? 0, columns - 4))}
          <ToneText tone="bad">^ {error.message}</ToneText>
        </Text>
      )}
    </Box>
  );
}
