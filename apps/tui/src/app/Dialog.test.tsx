import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { type Dialog, DialogView, dialogFooter } from "./Dialog.js";

const shown = (dialog: Dialog, notice?: string) =>
  render(<DialogView dialog={dialog} path="answers.yaml" notice={notice} />).lastFrame() ?? "";

describe("the dialogs that keep the student's work", () => {
  it("quit: says what is unsaved; the keys are the footer's, said once", () => {
    const frame = shown({ kind: "quit", failed: false });
    expect(frame).toBe("Quit?\nanswers.yaml has unsaved changes.");
    expect(dialogFooter({ kind: "quit", failed: false })).toBe(
      "s save and quit · d quit without saving · Esc cancel",
    );
  });

  it("quit after a failed save says why it failed", () => {
    expect(shown({ kind: "quit", failed: true }, "not saved: EACCES")).toContain(
      "not saved: EACCES",
    );
  });

  it("leave: names what would be lost, and offers to keep it when the screen can", () => {
    const guard = {
      lost: "your edits to the 1.1 network",
      keep: { label: "keep them in your answers", note: "(saved with s)", run: () => {} },
    };
    const dialog: Dialog = { kind: "leave", guard, after: "back" };
    expect(shown(dialog)).toBe(
      "Leave this screen?\nLeaving would throw away your edits to the 1.1 network.\nw: keep them in your answers first\n(saved with s)",
    );
    // The footer stays short whatever the path, so its keys are never cut.
    expect(dialogFooter(dialog)).toBe("w keep · d discard · Esc cancel");
    expect(dialogFooter({ kind: "leave", guard: { lost: "x" }, after: "quit" })).toBe(
      "d discard · Esc cancel",
    );
  });
});
