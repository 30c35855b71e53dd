import { nnkitProject } from "../../vitest.shared.ts";

// The test files share no state, so one module graph per worker saves re-importing the @nnkit
// sources for every file (most of the suite's time otherwise). `*.test-d.ts` files are type
// tests: vitest runs them through tsc (expectTypeOf, @ts-expect-error).
export default nnkitProject({
  isolate: false,
  typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
});
