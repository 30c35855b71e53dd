// Builds the package, which is its programs only: the `nnkit` binary and its three worker threads,
// as tree-shaken, minified ESM bundles in dist/ with every dependency (ink, React, the nnkit
// packages, yaml) bundled in, so that installing the package installs nothing else.
// Bundling is what gets the first frame under 500 ms: Node loads a few files instead of hundreds,
// and ink's import of the es-toolkit/compat barrel (for one function) and mathjs's factories
// are cut down to what is used. Shared code goes to chunks at the root of dist, so that every
// bundled module's import.meta.url is dist/ (see src/workers.ts).
import { build } from "esbuild";

await build({
  entryPoints: [
    "src/cli.tsx",
    "src/answers/grading-worker.ts",
    "src/answers/grade-worker.ts",
    "src/screens/threshold/verify-worker.ts",
    // What grading's solver thread imports (see src/answers/solver-threshold.ts).
    "src/answers/solver-threshold.ts",
    "src/answers/solver-cost.ts",
  ],
  outbase: "src",
  // Another directory may be given (`node scripts/bundle.mjs /tmp/out`), e.g. to try a build
  // while tests run the one in dist/.
  outdir: process.argv[2] ?? "dist",
  chunkNames: "[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  jsx: "automatic",
  minify: true,
  // ink imports react-devtools-core only when DEV=true, and it is not a dependency.
  // z3-solver is not shipped (see src/answers/solver-present.ts): imported where it is installed.
  external: ["react-devtools-core", "z3-solver"],
  // React's production build: the development one checks and warns at every render.
  define: { "process.env.NODE_ENV": '"production"' },
  // Bundled CommonJS packages (react, signal-exit) call require() for Node built-ins.
  banner: {
    js: 'import { createRequire as __nnkitCreateRequire } from "node:module"; const require = __nnkitCreateRequire(import.meta.url);',
  },
  logLevel: "warning",
});
