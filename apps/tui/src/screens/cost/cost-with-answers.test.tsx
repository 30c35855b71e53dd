// The Modes and cost screen with the seed student's answer file: their own costs beside the
// computed ones, and 2.2.1's H and 2.3's z for the handout's numbers (homework 1 has no variants).
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../app/App.js";
import { mainThreadGrading } from "../../test-support/main-thread-grading.js";
import { mainThreadSelfChecker } from "../../test-support/main-thread-self-checker.js";
import { cleanupSized, renderSized } from "../../test-support/sized-render.js";
import { keys, press, waitForFrame } from "../../test-support/terminal.js";

afterEach(cleanupSized);

function app() {
  const path = join(mkdtempSync(join(tmpdir(), "nnkit-cost-")), "answers.yaml");
  copyFileSync(
    fileURLToPath(new URL("../../../../../examples/hw1/seed-student.yaml", import.meta.url)),
    path,
  );
  return renderSized(
    <App answersPath={path} grading={mainThreadGrading} selfChecker={mainThreadSelfChecker} />,
    { columns: 80, rows: 24 },
  );
}

describe("Modes and cost with an answer file", () => {
  it("shows the student's own costs under each mode's total", async () => {
    const ui = app();
    await waitForFrame(ui, (f) => f.includes("student d9e1921b3aec123d"));
    const table = await press(ui, "c"); // 2.4: the file's q2.4 forward and reverse
    expect(table).toMatch(/^ {2}yours +n\(2n \+ m\) +stored 3n \+ m \+ n\^2 \+ mn$/m);
    expect(table).toMatch(/^ {2}yours +3mn +stored 2\(m \+ n \+ mn\)$/m);
    const q23 = await press(ui, keys.left); // 2.3
    expect(q23).toMatch(/^ {2}yours +2n\^2 +stored n\^2 \+ 3n$/m);
    expect(q23).toMatch(/^ {2}yours +2n +stored 3n \+ 1$/m);
  });

  it("computes 2.2.1's H and 2.3's z for the handout's numbers, counting the multiplications", async () => {
    const ui = app();
    await waitForFrame(ui, (f) => f.includes("student d9e1921b3aec123d"));
    await press(ui, "c");
    await press(ui, "z");
    const shown = await waitForFrame(ui, (f) => f.includes("multiplications counted"));
    expect(shown).toContain("With the handout's numbers");
    // H = 2vvᵀ for v = (4, 2, 3): 2·4·4 = 32, 2·4·2 = 16, 2·4·3 = 24; 2·2·2 = 8, 2·2·3 = 12; 18.
    expect(shown).toContain("2.2.1: v = [4, 2, 3]");
    expect(shown).toMatch(
      /H = 2vvᵀ = \[\[32\. 16\. 24\.\]\n\s+\[16\. {2}8\. 12\.\]\n\s+\[24\. 12\. 18\.\]\]/,
    );
    // z = v (vᵀy) for v = (1, 2, 3), y = (1, 1, 1): vᵀy = 6, z = (6, 12, 18); (vvᵀ)y takes
    // n² + n² = 18 multiplications at n = 3, v(vᵀy) takes n + n = 6.
    expect(shown).toMatch(/z = vvᵀy = \[\[ 6\.\]\n\s+\[12\.\]\n\s+\[18\.\]\]/);
    expect(shown).toContain("multiplications counted: 18 left to right, 6 right to left (n = 3)");
    expect(shown).toContain("multiplications counted: 12 left to right, 18 right to left (n = 3)");
  });
});
