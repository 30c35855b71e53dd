// The student's work is never lost without a question: quitting or leaving with unsaved edits
// asks first, and a recovery copy left by a session that ended without saving is offered.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { mainThreadGrading } from "../test-support/main-thread-grading.js";
import { mainThreadSelfChecker } from "../test-support/main-thread-self-checker.js";
import { mainThreadVerifier } from "../test-support/main-thread-verifier.js";
import { cleanupSized, renderSized } from "../test-support/sized-render.js";
import { keys, press, type, waitForFrame } from "../test-support/terminal.js";
import { App } from "./App.js";
import { recoveryPath } from "./recovery.js";

afterEach(cleanupSized);

const seedStudent = fileURLToPath(
  new URL("../../../../examples/hw1/seed-student.yaml", import.meta.url),
);

function start() {
  const path = join(mkdtempSync(join(tmpdir(), "nnkit-work-")), "answers.yaml");
  copyFileSync(seedStudent, path);
  const ui = renderSized(
    <App
      answersPath={path}
      verifier={mainThreadVerifier}
      selfChecker={mainThreadSelfChecker}
      grading={mainThreadGrading}
    />,
    { columns: 100, rows: 30 },
  );
  let exited = false;
  void ui.waitUntilExit().then(() => {
    exited = true;
  });
  return { ui, path, exited: () => exited };
}

const ctrlC = "\u0003";

/** Opens the Answers screen and changes q1.1's b2 from -2 to -3, without saving. */
async function editB2(ui: ReturnType<typeof start>["ui"]) {
  await waitForFrame(ui, (f) => f.includes("student d9e1921b3aec123d"));
  await press(ui, "a");
  await waitForFrame(ui, (f) => f.includes("q1.1 b2"));
  await press(ui, keys.down, keys.down, keys.down, keys.enter, keys.backspace);
  await type(ui, "3");
  await press(ui, keys.enter);
  return waitForFrame(ui, (f) => f.includes("unsaved changes"), 5000);
}

describe("unsaved edits", () => {
  it("quitting asks: Esc stays, s saves and quits", async () => {
    const { ui, path, exited } = start();
    expect(await editB2(ui)).toContain("unsaved changes");
    await press(ui, "q"); // back to Home: the edits live in the session, nothing is lost
    const asked = await press(ui, "q");
    expect(asked).toContain("has unsaved changes.");
    expect(asked).toContain("s save and quit · d quit without saving · Esc cancel");
    const stayed = await press(ui, keys.escape);
    expect(stayed).toContain("nnkit · Home");
    expect(exited()).toBe(false);
    await press(ui, "q");
    await press(ui, "s");
    await ui.waitUntilExit();
    expect(readFileSync(path, "utf8")).toMatch(/^\s+b2: "?-3"?$/m);
    expect(existsSync(recoveryPath(path))).toBe(false);
  });

  it("Ctrl+C asks too; d quits without saving and leaves the file as it was", async () => {
    const { ui, path } = start();
    await editB2(ui);
    expect(await press(ui, ctrlC)).toContain("has unsaved changes.");
    await press(ui, "d");
    await ui.waitUntilExit();
    expect(readFileSync(path, "utf8")).toBe(readFileSync(seedStudent, "utf8"));
    expect(existsSync(recoveryPath(path))).toBe(false);
  });

  it("a second Ctrl+C quits at once and keeps a recovery copy, offered on the next start", async () => {
    const first = start();
    await editB2(first.ui);
    await press(first.ui, ctrlC);
    await press(first.ui, ctrlC);
    await first.ui.waitUntilExit();
    expect(readFileSync(first.path, "utf8")).toBe(readFileSync(seedStudent, "utf8"));
    const copy = readFileSync(recoveryPath(first.path), "utf8");
    expect(copy).toMatch(/^\s+b2: "?-3"?$/m);

    cleanupSized();
    const ui = renderSized(
      <App
        answersPath={first.path}
        verifier={mainThreadVerifier}
        selfChecker={mainThreadSelfChecker}
        grading={mainThreadGrading}
      />,
      { columns: 100, rows: 30 },
    );
    const offered = await waitForFrame(ui, (f) => f.includes("Unsaved edits from last time"));
    expect(offered).toContain(recoveryPath(first.path));
    await press(ui, "r");
    const answers = await press(ui, "a");
    expect(answers).toContain("unsaved changes");
    expect(answers).toMatch(/q1\.1 b2\s+-3/);
  });

  it("a file without edits quits at once", async () => {
    const { ui } = start();
    await waitForFrame(ui, (f) => f.includes("student d9e1921b3aec123d"));
    ui.stdin.write("q");
    await ui.waitUntilExit();
  });
});

describe("recovery copy", () => {
  it("follows the edits and is removed once they are saved", async () => {
    const { ui, path } = start();
    await editB2(ui);
    await waitForFrame(ui, () => existsSync(recoveryPath(path)), 5000);
    expect(readFileSync(recoveryPath(path), "utf8")).toMatch(/^\s+b2: "?-3"?$/m);
    await press(ui, "s");
    await waitForFrame(ui, () => !existsSync(recoveryPath(path)), 5000);
  });

  it("can be thrown away when offered", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "nnkit-work-")), "answers.yaml");
    copyFileSync(seedStudent, path);
    writeFileSync(recoveryPath(path), "student: { id: other }\n");
    const ui = renderSized(
      <App answersPath={path} grading={mainThreadGrading} selfChecker={mainThreadSelfChecker} />,
      {
        columns: 80,
        rows: 24,
      },
    );
    await waitForFrame(ui, (f) => f.includes("Unsaved edits from last time"));
    const home = await press(ui, "d");
    expect(home).toContain("nnkit · Home");
    expect(existsSync(recoveryPath(path))).toBe(false);
  });
});
