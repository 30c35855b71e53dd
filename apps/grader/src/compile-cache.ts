// Node's on-disk cache of compiled code (`module.enableCompileCache`, Node ≥ 22.1): later runs skip
// compiling the bundle. Older Node versions have no such function, and run as before.
import * as nodeModule from "node:module";

export function enableCompileCache(): void {
  const { enableCompileCache: enable } = nodeModule as { enableCompileCache?: () => unknown };
  try {
    enable?.();
  } catch {
    // A cache directory that cannot be written only costs the speed-up.
  }
}
