// Editing one line of text from key presses: a pure function so that the editor's behaviour is
// testable without a terminal.
import type { Key } from "ink";

export interface LineState {
  text: string;
  /** Caret position, 0..text.length. */
  cursor: number;
}

export function lineAt(text: string): LineState {
  return { text, cursor: text.length };
}

/** The state after one key; keys that do not edit (Enter, Esc, ↑↓, Tab) leave it unchanged. */
export function editLine(state: LineState, input: string, key: Key): LineState {
  const { text, cursor } = state;
  if (key.leftArrow) return { text, cursor: Math.max(0, cursor - 1) };
  if (key.rightArrow) return { text, cursor: Math.min(text.length, cursor + 1) };
  if (key.home || (key.ctrl && input === "a")) return { text, cursor: 0 };
  if (key.end || (key.ctrl && input === "e")) return { text, cursor: text.length };
  // Terminals send DEL (0x7f) for the Backspace key, which ink reports as `delete`.
  if (key.backspace || key.delete) {
    if (cursor === 0) return state;
    return { text: text.slice(0, cursor - 1) + text.slice(cursor), cursor: cursor - 1 };
  }
  if (key.ctrl && input === "u") return { text: text.slice(cursor), cursor: 0 };
  if (key.ctrl || key.meta || key.return || key.escape || key.tab) return state;
  if (key.upArrow || key.downArrow || key.pageUp || key.pageDown) return state;
  const typed = input.replace(/[\r\n\t]/g, " ");
  if (typed === "") return state;
  return {
    text: text.slice(0, cursor) + typed + text.slice(cursor),
    cursor: cursor + typed.length,
  };
}
