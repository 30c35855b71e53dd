// Home, the Answers screen (its list paged through to the end, with each page's feedback) and
// the backprop stepper at 80×24 and 160×50 with every example answer file of homework 1: the
// seed student's, the reference ones, one per common mistake and the class's submissions.
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, it } from "vitest";
import type { SelfChecker } from "../answers/self-check.js";
import { expectLayout, sizes } from "../test-support/expect-layout.js";
import { mainThreadGrading } from "../test-support/main-thread-grading.js";
import { mainThreadSelfChecker } from "../test-support/main-thread-self-checker.js";
import { cleanupSized, renderSized } from "../test-support/sized-render.js";
import { keys, press, waitForFrame } from "../test-support/terminal.js";
import { App } from "./App.js";

afterEach(cleanupSized);

const examples = fileURLToPath(new URL("../../../../examples/hw1/", import.meta.url));
const answerFiles = ["", "mistakes", "submissions"].flatMap((folder) =>
  readdirSync(join(examples, folder))
    .filter((name) => /\.(ya?ml|json)$/.test(name) && name !== "assignment.yaml")
    .map((name) => join(examples, folder, name)),
);

// File by file, both sizes in a row: the second draws the first one's self-check, graded once.
const cases = answerFiles.flatMap((file) =>
  sizes.map((size) => ({ size, file, name: `${basename(file)} at ${size.columns}×${size.rows}` })),
);
const checked = new Map<string, ReturnType<SelfChecker>["done"]>();
const selfCheckOnce: SelfChecker = (text) => {
  const done = checked.get(text) ?? mainThreadSelfChecker(text).done;
  checked.set(text, done);
  return { done, cancel: () => {} };
};

describe("every screen with every example answer file", () => {
  it.each(cases)("$name", async ({ size, file }) => {
    const path = join(mkdtempSync(join(tmpdir(), "nnkit-every-")), basename(file));
    copyFileSync(file, path);
    const ui = renderSized(
      <App answersPath={path} grading={mainThreadGrading} selfChecker={selfCheckOnce} />,
      size,
    );
    const home = await waitForFrame(ui, (f) =>
      /(passed|failed|partial|review|invalid) +1\.1 /.test(f),
    );
    expectLayout(home, size, "Home", [/› t {2}Threshold lab .*/, /.* · student .*/]);
    await press(ui, "a");
    let page = await waitForFrame(ui, (f) => f.includes("self-check: "));
    for (let pages = 0; pages < 12; pages++) {
      expectLayout(page, size, "Answers", [
        /.* · student .*/,
        /›\S* +(?:\S +)?q\S+ .*|no answers to edit: .*/,
        /self-check: .*/,
        /q\S+: \S+ [\d.]+\/[\d.]+ points/,
      ]);
      const next = await press(ui, keys.pageDown);
      if (next === page) break;
      page = next;
    }
    await press(ui, "q", "b", keys.right, keys.right, keys.right);
    const stepper = await waitForFrame(
      ui,
      (f) =>
        f.includes("yours (q2.1.2") ||
        f.includes("no answer in the file") ||
        f.includes("Load your"),
    );
    expectLayout(stepper, size, "Backprop stepper", [/› ȳ = .*/, /ȳ = \[.*\]/]);
  });
});
