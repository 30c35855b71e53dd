// The shell's questions before work could be lost: quitting with unsaved edits, leaving a screen
// whose edits would be thrown away, and a recovery copy found when a file is opened. The body
// says what is at stake; the keys that answer are the footer's (dialogFooter), said once.
import { Box, Text } from "ink";
import { Line } from "./layout.js";
import type { LeaveGuard } from "./navigation.js";
import type { RecoveryCopy } from "./recovery.js";

export type Dialog =
  /** `failed`: a save was tried and the edits are still unsaved. */
  | { kind: "quit"; failed: boolean }
  | { kind: "leave"; guard: LeaveGuard; after: "back" | "quit" }
  | { kind: "recover"; copy: RecoveryCopy };

export function dialogFooter(dialog: Dialog): string {
  switch (dialog.kind) {
    case "quit":
      return "s save and quit · d quit without saving · Esc cancel";
    case "leave":
      // Short, so that the keys are never cut: the body says what w keeps and where.
      return `${dialog.guard.keep ? "w keep · " : ""}d discard · Esc cancel`;
    case "recover":
      return "r restore the recovery copy · d discard it";
  }
}

export function DialogView({
  dialog,
  path,
  notice,
}: {
  dialog: Dialog;
  path: string;
  notice: string | undefined;
}) {
  switch (dialog.kind) {
    case "quit":
      return (
        <Box flexDirection="column">
          <Text bold>Quit?</Text>
          <Line>{`${path} has unsaved changes.`}</Line>
          {dialog.failed && <Line tone="bad">{notice ?? "not saved"}</Line>}
        </Box>
      );
    case "leave":
      return (
        <Box flexDirection="column">
          <Text bold>{dialog.after === "quit" ? "Quit?" : "Leave this screen?"}</Text>
          <Line>{`Leaving would throw away ${dialog.guard.lost}.`}</Line>
          {dialog.guard.keep && <Line tone="muted">{`w: ${dialog.guard.keep.label} first`}</Line>}
          {dialog.guard.keep?.note && <Line tone="muted">{dialog.guard.keep.note}</Line>}
        </Box>
      );
    case "recover":
      return (
        <Box flexDirection="column">
          <Text bold>Unsaved edits from last time</Text>
          <Line>{`${dialog.copy.path} (written ${dialog.copy.savedAt.toLocaleString()})`}</Line>
          <Line>{`holds edits that ${path} does not have.`}</Line>
          <Line tone="muted">Restored edits are saved with s on the Answers screen.</Line>
        </Box>
      );
  }
}
