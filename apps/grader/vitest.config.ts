import { nnkitProject } from "../../vitest.shared.ts";

// The end-to-end tests start the built CLI many times: allow for a loaded machine.
export default nnkitProject({ testTimeout: 60_000, hookTimeout: 60_000 });
