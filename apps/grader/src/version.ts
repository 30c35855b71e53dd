import { createRequire } from "node:module";

// Read at run time so the version printed is the installed package's, not a copy.
const manifest = createRequire(import.meta.url)("../package.json") as { version: string };
export const VERSION = manifest.version;
