// Builds the package, which is its program only, as minified bundles in dist/ with every
// dependency bundled in except z3-solver (33 MB of WebAssembly that locates its own files; it stays
// a dependency, imported only when a proof is needed):
// - dist/nnkit-grade.cjs: the whole CLI as ONE CommonJS script, so that dist/cli.js (src/launch.ts)
//   can compile it with V8's code cache (src/run-cached.ts; Node 20 has no cache for ES modules).
//   Commands stay lazy: a bundled module's code runs when the command imports it.
// - dist/grading-worker.cjs, the grading thread's program, and its launcher dist/grading-worker.js.
// - each launcher with its program's content hash written in (it names the cache).
// - the solver thread's entries (threshold, cost), ES modules with shared chunks.
// Every file sits at the root of dist, so import.meta.url is dist/ wherever esbuild puts a module
// (the pool finds ./grading-worker.js from there; in the CommonJS script the launcher passes it).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";

// The bundled @nnkit/grading's version, for what `gradescope build` installs beside an ES-module
// assignment (src/commands/gradescope.ts): no @nnkit/grading is installed beside the bundle.
const gradingManifest = createRequire(import.meta.url).resolve("@nnkit/grading/package.json");
const gradingVersion = JSON.parse(readFileSync(gradingManifest, "utf8")).version;

// Another directory may be given (`node scripts/bundle.mjs /tmp/out`), e.g. to try a build
// while tests run the one in dist/; it must sit in this package (version.ts reads ../package.json).
const outdir = process.argv[2] ?? "dist";
const common = {
  bundle: true,
  platform: "node",
  target: "node20.19",
  minify: true,
  external: ["z3-solver"],
  define: { "process.env.NNKIT_BUNDLED_GRADING_VERSION": JSON.stringify(gradingVersion) },
  logLevel: "warning",
};

// V8's code cache drops a vm.Script's dynamic-import callback (Node 20): inside the program, import()
// of a module that is not bundled fails once the cache is used. The program has one such import,
// grading's of an ES-module assignment; it calls the launcher's import() instead (__nnkitImport).
const RUNTIME_IMPORT = "import(pathToFileURL(path).href)";
const launcherImport = {
  name: "launcher-import",
  setup(builder) {
    builder.onLoad(
      { filter: /[\\/]grading[\\/]dist[\\/]assignment[\\/]load-assignment\.js$/ },
      (args) => {
        const source = readFileSync(args.path, "utf8");
        if (source.split(RUNTIME_IMPORT).length !== 2)
          throw new Error(`${args.path}: expected one ${RUNTIME_IMPORT} (see scripts/bundle.mjs)`);
        return {
          contents: source.replace(RUNTIME_IMPORT, `__nnkitImport(pathToFileURL(path).href)`),
        };
      },
    );
  },
};

/** Builds `entry` as one CommonJS program, and its launcher (an ES module) with the program's hash. */
async function program(entry, name, launcher, launcherName) {
  await build({
    ...common,
    entryPoints: [{ in: entry, out: name }],
    outdir,
    outExtension: { ".js": ".cjs" },
    format: "cjs",
    define: { ...common.define, "import.meta.url": "__nnkitBundleUrl" },
    plugins: [launcherImport],
  });
  const source = readFileSync(join(outdir, `${name}.cjs`), "utf8");
  if (/\bimport\((?!thresholdUrl\)|costUrl\))/.test(source))
    throw new Error(`${name}.cjs calls import() itself: it fails under the code cache`);
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  await build({
    ...common,
    entryPoints: [{ in: launcher, out: launcherName }],
    outdir,
    format: "esm",
    define: { ...common.define, NNKIT_PROGRAM_HASH: JSON.stringify(hash) },
    ...(launcherName === "cli" ? { banner: { js: "#!/usr/bin/env node" } } : {}),
  });
}

await program("src/cli.ts", "nnkit-grade", "src/launch.ts", "cli");
await program(
  "src/batch/worker.ts",
  "grading-worker",
  "src/batch/worker-launch.ts",
  "grading-worker",
);

await build({
  ...common,
  entryPoints: [
    // What grading's solver thread imports: the threshold and cost packages, bundled.
    { in: "src/batch/solver-threshold.ts", out: "solver-threshold" },
    { in: "src/batch/solver-cost.ts", out: "solver-cost" },
  ],
  outdir,
  chunkNames: "[name]-[hash]",
  splitting: true,
  format: "esm",
  // Bundled CommonJS packages call require() for Node built-ins.
  banner: {
    js: 'import { createRequire as __nnkitCreateRequire } from "node:module"; const require = __nnkitCreateRequire(import.meta.url);',
  },
});
