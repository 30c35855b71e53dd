import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clearRecovery, readRecovery, recoveryPath, rescue, writeRecovery } from "./recovery.js";

describe("recovery copy", () => {
  it("is written beside the answer file, read back and removed", () => {
    const answers = join(mkdtempSync(join(tmpdir(), "nnkit-recovery-")), "answers.yaml");
    expect(readRecovery(answers)).toBeUndefined();
    writeRecovery(answers, "student: { id: s1 }\n");
    expect(readRecovery(answers)?.text).toBe("student: { id: s1 }\n");
    expect(recoveryPath(answers)).toBe(`${answers}.nnkit-recovery`);
    clearRecovery(answers);
    expect(readRecovery(answers)).toBeUndefined();
    clearRecovery(answers); // already gone: no error
  });

  it("rescues unsaved edits and never throws", () => {
    const answers = join(mkdtempSync(join(tmpdir(), "nnkit-recovery-")), "answers.yaml");
    rescue({ current: { path: answers, text: "edited\n" } });
    expect(readFileSync(recoveryPath(answers), "utf8")).toBe("edited\n");
    expect(() => rescue({ current: { path: "/nonexistent/dir/a.yaml", text: "x" } })).not.toThrow();
    expect(() => rescue({ current: undefined })).not.toThrow();
  });
});
