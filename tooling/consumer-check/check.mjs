// Consumer check: pack every published nnkit package the way `pnpm publish` would, install the
// tarballs into a scratch project outside the workspace with plain npm, and import each one there.
// It catches what unit tests cannot: missing files, broken exports maps, workspace-only paths.
import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
const packages = Object.keys(manifest.devDependencies).filter((name) => name.startsWith("@nnkit/"));

const scratch = mkdtempSync(join(tmpdir(), "nnkit-consumer-"));
const tarballs = join(scratch, "tarballs");
const project = join(scratch, "project");
mkdirSync(tarballs);
mkdirSync(project);

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
}

try {
  for (const name of packages) {
    const dir = realpathSync(join(here, "node_modules", name));
    run("pnpm", ["pack", "--pack-destination", tarballs], dir);
  }
  const files = readdirSync(tarballs).filter((f) => f.endsWith(".tgz"));
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "nnkit-consumer", private: true, type: "module" }, null, 2),
  );
  run(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      ...files.map((f) => join(tarballs, f)),
    ],
    project,
  );
  let failures = 0;
  for (const name of packages) {
    // A program-only package (a bin and no "." export, such as @nnkit/tui) has nothing to import.
    const { exports } = JSON.parse(
      readFileSync(join(project, "node_modules", name, "package.json"), "utf8"),
    );
    if (exports !== undefined && typeof exports === "object" && !("." in exports)) continue;
    const probe = `const m = await import(${JSON.stringify(name)}); const keys = Object.keys(m); if (keys.length === 0) throw new Error("no exports"); console.log(keys.length);`;
    try {
      const count = run("node", ["--input-type=module", "-e", probe], project).trim();
      console.log(`ok   ${name} (${count} exports)`);
    } catch (error) {
      failures += 1;
      console.error(`FAIL ${name}: ${error.stderr || error.message}`);
    }
  }
  for (const name of packages) {
    const installed = JSON.parse(
      readFileSync(join(project, "node_modules", name, "package.json"), "utf8"),
    );
    for (const bin of Object.keys(installed.bin ?? {})) {
      try {
        run(join(project, "node_modules", ".bin", bin), ["--help"], project);
        console.log(`ok   ${bin} --help`);
      } catch (error) {
        failures += 1;
        console.error(`FAIL ${bin} --help: ${error.stderr || error.message}`);
      }
    }
  }
  console.log(`consumer check: ${packages.length - failures} passed, ${failures} failed`);
  if (failures > 0) process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
