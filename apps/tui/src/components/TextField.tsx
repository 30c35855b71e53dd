// One editable line: the text with its caret, and, when the text is invalid, a marker under the
// offending position with the reason.
import { Box, Text } from "ink";
import { ToneText } from "../app/theme.js";
import type { LineState } from "./line-edit.js";

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

export function TextField({ label, line, focused, error }: TextFieldProps) {
  const { text, cursor } = line;
  const prefix = `${label} `;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold={focused}>{prefix}</Text>
        {focused ? (
          <>
            {text.slice(0, cursor)}
            <Text inverse>{caret}</Text>
            {text.slice(cursor)}
          </>
        ) : (
          text
        )}
      </Text>
      {error && (
        <Text wrap="truncate-end">
          {" ".repeat(
            prefix.length + markerOffset(error.position, text.length, focused ? cursor : undefined),
          )}
          <ToneText tone="bad">^ {error.message}</ToneText>
        </Text>
      )}
    </Box>
  );
}
