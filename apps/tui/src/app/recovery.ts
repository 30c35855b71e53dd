// The recovery copy of an answer file: its unsaved text, kept beside it while it differs from
// the saved file, so that edits survive a crash, a closed terminal or a quit that did not save.
// Written synchronously: it is also written from a signal handler, just before the process ends.
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";

export function recoveryPath(answersPath: string): string {
  return `${answersPath}.nnkit-recovery`;
}

export interface RecoveryCopy {
  path: string;
  text: string;
  savedAt: Date;
}

export function writeRecovery(answersPath: string, text: string): void {
  writeFileSync(recoveryPath(answersPath), text, "utf8");
}

/** The recovery copy left for this answer file, if there is one that can be read. */
export function readRecovery(answersPath: string): RecoveryCopy | undefined {
  const path = recoveryPath(answersPath);
  try {
    return { path, text: readFileSync(path, "utf8"), savedAt: statSync(path).mtime };
  } catch {
    return undefined;
  }
}

export function clearRecovery(answersPath: string): void {
  rmSync(recoveryPath(answersPath), { force: true });
}

/** Unsaved edits, as the app last saw them (for the signal handler). */
export interface UnsavedEdits {
  current: { path: string; text: string } | undefined;
}

/** Saves a recovery copy of the unsaved edits, if any; never throws (the terminal may be gone). */
export function rescue(unsaved: UnsavedEdits): void {
  const edits = unsaved.current;
  if (edits === undefined) return;
  try {
    writeRecovery(edits.path, edits.text);
  } catch {
    // Nothing more can be done without a terminal; the saved file is untouched.
  }
}
