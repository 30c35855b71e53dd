import { nnkitProject } from "../../vitest.shared.ts";

// The test files share no state, so one module graph per worker saves re-importing the @nnkit
// sources for every file (most of the suite's time otherwise).
export default nnkitProject({ isolate: false });
