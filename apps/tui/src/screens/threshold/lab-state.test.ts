// The lab's reducer on its own: keys in, state and effects out.
import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { draftOf } from "./draft.js";
import { initialLabState, isEdited, type LabState, labEvent, labKey } from "./lab-state.js";

const noKey: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** Presses keys ("⏎" Enter, "→" right, "⇟" PgDn, anything else typed), failing on an unused key. */
function pressAll(state: LabState, keys: readonly string[]): LabState {
  return keys.reduce((s, k) => {
    const key: Key = {
      ...noKey,
      return: k === "⏎",
      rightArrow: k === "→",
      pageDown: k === "⇟",
      escape: k === "⎋",
    };
    const outcome = labKey(s, ["⏎", "→", "⇟", "⎋"].includes(k) ? "" : k, key);
    if (!outcome.consumed) throw new Error(`key ${k} not used`);
    return outcome.state;
  }, state);
}

// The handout's 1.1 network as the answer file would give it.
const file11 = draftOf({
  inputs: 4,
  layers: [
    {
      weights: [
        [-2, 0, 0, 2],
        [0, -2, 0, 2],
        [0, 0, -2, 2],
      ],
      bias: [0, 0, 0],
      activation: "indicator[-1,1]",
    },
    { weights: [[-2, -2, -2]], bias: [2], activation: "indicator[-1,1]" },
  ],
} as never);

const bias2 = (s: LabState) => s.drafts["1.1"].layers[1]!.bias[0];

describe("Threshold lab state", () => {
  it("starts from the file's network and edits a cell: the draft is then edited", () => {
    const start = initialLabState({ "1.1": file11 });
    expect(isEdited(start, "1.1")).toBe(false);
    const edited = pressAll(start, ["⇟", "→", "→", "→", "5", "⏎"]);
    expect(bias2(edited)).toBe("5");
    expect(isEdited(edited, "1.1")).toBe(true);
  });

  it("undoes and redoes draft changes, and resets to the file undoably", () => {
    const start = initialLabState({ "1.1": file11 });
    const twice = pressAll(start, ["⇟", "→", "→", "→", "5", "⏎", "7", "⏎"]);
    expect(bias2(twice)).toBe("7");
    expect(bias2(pressAll(twice, ["u"]))).toBe("5");
    expect(bias2(pressAll(twice, ["u", "u"]))).toBe("2");
    expect(bias2(pressAll(twice, ["u", "u", "U"]))).toBe("5");
    expect(pressAll(twice, ["u", "u", "u"]).notice).toBe("nothing to undo");
    const reset = pressAll(twice, ["R"]);
    expect(bias2(reset)).toBe("2");
    expect(isEdited(reset, "1.1")).toBe(false);
    expect(bias2(pressAll(reset, ["u"]))).toBe("7");
    // A new change after an undo drops what could have been redone.
    expect(pressAll(twice, ["u", "9", "⏎"]).history["1.1"].future).toEqual([]);
  });

  it("asks the view to write the current draft, and to verify it", () => {
    const state = pressAll(initialLabState({ "1.1": file11 }), ["⇟", "→", "→", "→", "5", "⏎"]);
    const write = labKey(state, "w", noKey);
    expect(write.consumed && write.effects).toEqual([
      { kind: "write", question: "1.1", draft: state.drafts["1.1"] },
    ]);
    const verify = labKey(state, "v", noKey);
    expect(verify.consumed && verify.state.verification).toEqual({
      kind: "running",
      visited: 0,
      total: 9 ** 4, // every input in −4..4, four inputs
    });
    expect(verify.consumed && verify.effects.map((e) => e.kind)).toEqual(["verify"]);
  });

  it("stops a running verification when the draft changes", () => {
    const running = labKey(initialLabState({ "1.1": file11 }), "v", noKey);
    if (!running.consumed) throw new Error("v not used");
    const changed = labKey(running.state, "o", noKey);
    expect(changed.consumed && changed.effects).toEqual([{ kind: "stop-verifying" }]);
    expect(changed.consumed && changed.state.verification).toEqual({ kind: "idle" });
  });

  it("follows the file for unedited questions only when the file changes", () => {
    const edited = pressAll(initialLabState({ "1.1": file11 }), ["⇟", "→", "→", "→", "5", "⏎"]);
    const newFile = {
      ...file11,
      layers: [file11.layers[0]!, { ...file11.layers[1]!, bias: ["3"] }],
    };
    const after = labEvent(edited, { kind: "file", fileDrafts: { "1.1": newFile } });
    expect(bias2(after)).toBe("5"); // the student's edit stays
    const untouched = labEvent(initialLabState({ "1.1": file11 }), {
      kind: "file",
      fileDrafts: { "1.1": newFile },
    });
    expect(bias2(untouched)).toBe("3");
    expect(isEdited(untouched, "1.1")).toBe(false);
  });

  it("keeps q and Esc for the field being edited, and refuses an invalid cell", () => {
    const editing = pressAll(initialLabState(), ["a"]);
    const typed = labKey(editing, "q", noKey);
    expect(typed.consumed && typed.state.editing?.line.text).toBe("indicator[-1,1]q");
    const cell = pressAll(initialLabState(), ["1", "/", "0", "⏎"]);
    expect(cell.editing?.line.text).toBe("1/0"); // still editing: Enter refused
    expect(pressAll(cell, ["⎋"]).editing).toBeUndefined();
  });
});
