import { nnkitProject } from "../../vitest.shared.ts";

// Screen tests drive whole screens (and one test the built binary in a pseudo-terminal); on a
// busy machine a self-check alone can take seconds, so the default 5 s per test is too tight.
// `*.test-d.ts` files are type tests: vitest runs them through tsc (expectTypeOf, @ts-expect-error).
export default nnkitProject({
  testTimeout: 30_000,
  hookTimeout: 30_000,
  typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
});
