import { nnkitProject } from "../../vitest.shared.ts";

// The hashes test copies the repository once and runs turbo's dry run a dozen times: on a loaded
// machine that takes longer than vitest's default hook timeout.
export default nnkitProject({ hookTimeout: 30_000 });
