import { nnkitProject } from "../../vitest.shared.ts";

export default nnkitProject();
