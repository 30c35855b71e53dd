import { nnkitProject } from "../../vitest.shared.ts";

// `*.test-d.ts` files are type tests: vitest runs them through tsc (expectTypeOf, @ts-expect-error).
export default nnkitProject({
  typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
});
