// Runs one of the grader's programs (a CommonJS script in dist/: the CLI, the grading worker) with
// V8's code cache: the bytecode of the functions a run compiled is kept in the user's cache folder,
// and later runs skip parsing and compiling them (a third of `check FILE`'s start-up). Node's own
// compile cache (module.enableCompileCache) exists only on Node ≥ 22.1 and only for modules Node
// loads itself; vm.Script's cachedData works on every supported Node.
// The cache file is named by the program's content hash (written in by scripts/bundle.mjs), Node's
// version and the CPU architecture, so no build ever runs another's bytecode; V8 rejects data made
// under other flags or corrupted, and the cache is then written anew. Any failure to read or write
// the cache only costs the speed-up. NNKIT_CODE_CACHE=off turns it off.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

/** The user's cache folder for nnkit (NNKIT_CACHE_DIR, else the platform's usual place). */
function cacheFolder(): string {
  const { NNKIT_CACHE_DIR, XDG_CACHE_HOME, LOCALAPPDATA } = process.env;
  if (NNKIT_CACHE_DIR) return NNKIT_CACHE_DIR;
  if (process.platform === "win32" && LOCALAPPDATA) return join(LOCALAPPDATA, "nnkit", "cache");
  if (process.platform === "darwin") return join(homedir(), "Library", "Caches", "nnkit");
  return join(XDG_CACHE_HOME || join(homedir(), ".cache"), "nnkit");
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache atomically (a rename), and removes other builds' caches of the program. */
function writeCache(script: Script, folder: string, prefix: string, file: string): void {
  try {
    mkdirSync(folder, { recursive: true });
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, file);
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (name.startsWith(prefix) && path !== file && !name.endsWith(".partial"))
        rmSync(path, { force: true });
    }
  } catch {
    // A read-only or full disk: the next run compiles again, nothing else changes.
  }
}

// The CommonJS wrapper, on the program's first line so that its line numbers stay as built.
// __nnkitImport: V8's code cache drops a vm.Script's dynamic-import callback (Node 20), so the
// program's one import() of a module it does not bundle (an ES-module assignment) is the caller's.
// __nnkitCodeCacheReady: the program says when its cache is worth writing (a thread that is
// terminated never reaches its exit handlers); a process's is written at exit in any case.
const PARAMETERS =
  "exports, require, module, __filename, __dirname, __nnkitBundleUrl, __nnkitImport, __nnkitCodeCacheReady";

/**
 * Runs the CommonJS program at `programUrl` (named `name` in the cache folder, of content `hash`),
 * its import() being `importModule` (the caller's, an ES module's).
 */
export function runCached(
  programUrl: URL,
  name: string,
  hash: string,
  importModule: (specifier: string) => Promise<unknown>,
): void {
  const programPath = fileURLToPath(programUrl);
  const source = readFileSync(programPath, "utf8");
  const useCache = process.env.NNKIT_CODE_CACHE !== "off";
  const folder = cacheFolder();
  const prefix = `${name}-`;
  const cacheFile = join(folder, `${prefix}${hash}-${process.version}-${process.arch}.v8cache`);
  const cachedData = useCache ? readCache(cacheFile) : undefined;
  const script = new Script(`(function (${PARAMETERS}) {${source}\n})`, {
    filename: programPath,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  let write =
    useCache && (cachedData === undefined || script.cachedDataRejected === true)
      ? () => writeCache(script, folder, prefix, cacheFile)
      : undefined;
  const ready = () => {
    write?.();
    write = undefined;
  };
  // At exit, so that the cache holds every function this run compiled, not only the top level.
  process.once("exit", ready);
  const module = { exports: {} };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(
    module.exports,
    createRequire(programPath),
    module,
    programPath,
    dirname(programPath),
    programUrl.href,
    importModule,
    ready,
  );
}
