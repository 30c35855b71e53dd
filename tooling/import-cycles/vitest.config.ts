import { nnkitProject } from "../../vitest.shared.ts";

// The fixtures are inputs to the checker, not tests (one of them is named like a test on purpose).
export default nnkitProject({ exclude: ["**/node_modules/**", "src/fixtures/**"] });
