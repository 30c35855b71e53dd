// Builds the package, which is its program only: the `nnkit-grade` binary and the threads it
// starts, as minified ESM bundles in dist/ with every dependency bundled in except z3-solver
// (33 MB of WebAssembly that locates its own files; it stays a dependency, imported only when a
// proof is needed). Loading a few bundled files instead of hundreds of modules is most of what makes
// `check FILE` start fast. Every entry and every shared chunk sits at the root of dist, so a module's
// import.meta.url is dist/ wherever esbuild puts it (the pool finds ./grading-worker.js from there).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";

// The bundled @nnkit/grading's version, for what `gradescope build` installs beside an ES-module
// assignment (src/commands/gradescope.ts): no @nnkit/grading is installed beside the bundle.
const gradingManifest = createRequire(import.meta.url).resolve("@nnkit/grading/package.json");
const gradingVersion = JSON.parse(readFileSync(gradingManifest, "utf8")).version;

await build({
  entryPoints: [
    { in: "src/cli.ts", out: "cli" },
    { in: "src/batch/worker.ts", out: "grading-worker" },
    // What grading's solver thread imports: the threshold and cost packages, bundled (see worker.ts).
    { in: "src/batch/solver-threshold.ts", out: "solver-threshold" },
    { in: "src/batch/solver-cost.ts", out: "solver-cost" },
  ],
  // Another directory may be given (`node scripts/bundle.mjs /tmp/out`), e.g. to try a build
  // while tests run the one in dist/; it must sit in this package (version.ts reads ../package.json).
  outdir: process.argv[2] ?? "dist",
  chunkNames: "[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  minify: true,
  external: ["z3-solver"],
  define: { "process.env.NNKIT_BUNDLED_GRADING_VERSION": JSON.stringify(gradingVersion) },
  // Bundled CommonJS packages (commander, cli-progress) call require() for Node built-ins.
  banner: {
    js: 'import { createRequire as __nnkitCreateRequire } from "node:module"; const require = __nnkitCreateRequire(import.meta.url);',
  },
  logLevel: "warning",
});
