import { nnkitProject } from "../../vitest.shared.ts";

// The end-to-end tests start the built CLI many times: allow for a loaded machine.
// `*.test-d.ts` files are type tests: vitest runs them through tsc (expectTypeOf, @ts-expect-error).
export default nnkitProject({
  testTimeout: 60_000,
  hookTimeout: 60_000,
  typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
});
