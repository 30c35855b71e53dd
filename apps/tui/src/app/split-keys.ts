// A terminal may deliver several keys in one read (fast typing, a busy moment, or a paste): ink
// then reports them as one `input`. Such a chunk is split into one key per character, so "qg"
// goes back and opens the graph, and "3nm⏎" types 3nm and then presses Enter.
import type { Key } from "ink";

export interface KeyEvent {
  input: string;
  key: Key;
}

export function splitKeys(input: string, key: Key): KeyEvent[] {
  const characters = [...input];
  if (characters.length <= 1 || key.ctrl || key.meta || input.includes("\u001B")) {
    return [{ input, key }];
  }
  const plain: Key = { ...key, return: false, tab: false, backspace: false, delete: false };
  return characters.map((character) => {
    if (character === "\r" || character === "\n") {
      return { input: "\r", key: { ...plain, return: true } };
    }
    if (character === "\t") return { input: "\t", key: { ...plain, tab: true } };
    if (character === "\u007F") return { input: "", key: { ...plain, delete: true } };
    return { input: character, key: plain };
  });
}
