// The launchers (dist/cli.js, dist/grading-worker.js) run their programs from V8's code cache: the
// cache must change nothing but the time, whatever state it is in.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "dist", "cli.js");
const correct = join(here, "..", "..", "..", "examples", "hw1", "correct.yaml");

function run(args: string[], env: Record<string, string>) {
  const out = spawnSync(process.execPath, [cli, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const caches = (folder: string, program = "nnkit-grade") =>
  readdirSync(folder).filter((n) => n.startsWith(`${program}-`) && n.endsWith(".v8cache"));

describe("the code cache", () => {
  it("is written on the first run and changes no output", () => {
    const folder = mkdtempSync(join(tmpdir(), "nnkit-cache-"));
    const env = { NNKIT_CACHE_DIR: folder };
    const uncached = run(["check", correct, "--json"], { NNKIT_CODE_CACHE: "off" });
    expect(uncached.code).toBe(0);
    expect(readdirSync(folder)).toEqual([]);
    const first = run(["check", correct, "--json"], env);
    const [cache] = caches(folder);
    expect(cache).toMatch(
      new RegExp(`^nnkit-grade-[0-9a-f]{16}-${process.version}-${process.arch}\\.v8cache$`),
    );
    const second = run(["check", correct, "--json"], env);
    expect(first).toEqual(uncached);
    expect(second).toEqual(uncached);
  });

  it("is written anew when corrupt, and other builds' caches are removed", () => {
    const folder = mkdtempSync(join(tmpdir(), "nnkit-cache-"));
    const env = { NNKIT_CACHE_DIR: folder };
    run(["--version"], env);
    const [name] = caches(folder);
    const garbage = Buffer.from("not V8's code cache at all");
    writeFileSync(join(folder, name!), garbage);
    const stale = `nnkit-grade-0000000000000000-${process.version}-${process.arch}.v8cache`;
    writeFileSync(join(folder, stale), garbage);
    const version = run(["--version"], env);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(join(here, "..", "package.json"), "utf8")).version,
    );
    expect(caches(folder)).toEqual([name]);
    expect(readFileSync(join(folder, name!)).equals(garbage)).toBe(false);
  });

  it("keeps the grading worker's program too, and a corrupt one changes no batch", () => {
    const folder = mkdtempSync(join(tmpdir(), "nnkit-cache-"));
    const env = { NNKIT_CACHE_DIR: folder };
    const klass = mkdtempSync(join(tmpdir(), "nnkit-class-"));
    writeFileSync(join(klass, "a.yaml"), readFileSync(correct));
    const batch = (out: string, extra: Record<string, string>) => {
      const done = run(["batch", klass, "--out", out, "--jobs", "1", "--quiet"], extra);
      expect(done.code).toBe(0);
      return readFileSync(join(out, "gradebook.csv"), "utf8");
    };
    const scratch = () => mkdtempSync(join(tmpdir(), "nnkit-out-"));
    const uncached = batch(scratch(), { NNKIT_CODE_CACHE: "off" });
    expect(batch(scratch(), env)).toBe(uncached);
    const [worker] = caches(folder, "grading-worker");
    expect(worker).toBeDefined();
    writeFileSync(join(folder, worker!), "garbage");
    expect(batch(scratch(), env)).toBe(uncached);
    expect(readFileSync(join(folder, worker!), "utf8")).not.toBe("garbage");
  });

  it("costs nothing but the speed-up when its folder cannot be written", () => {
    const file = join(mkdtempSync(join(tmpdir(), "nnkit-cache-")), "a-file");
    writeFileSync(file, "");
    // A cache "folder" that is a file: neither read nor written, and the run is the same.
    const out = run(["check", correct, "--quiet"], { NNKIT_CACHE_DIR: file });
    expect(out).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});
