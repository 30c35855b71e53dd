import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Assignment } from "./assignment.js";
import { defineAssignment } from "./assignment.js";
import { moduleSpecError } from "./module-error.js";
import { findAssignment } from "./registry.js";
import { AssignmentSpecError } from "./spec-error.js";
import { readAssignmentYaml } from "./yaml/read-assignment-yaml.js";

/** What `--assignment` accepts: a built-in id (`hw1`) or a path to a `.yaml`, `.mjs` or `.js` file. */
export type AssignmentSource = string;

const MODULE_EXTENSIONS = new Set([".mjs", ".js"]);
const YAML_EXTENSIONS = new Set([".yaml", ".yml"]);

/** Whether a source names a file rather than a built-in assignment id. */
export function isAssignmentPath(source: AssignmentSource): boolean {
  return source.includes("/") || source.includes("\\") || extname(source) !== "";
}

/**
 * The assignment a source names. A built-in id resolves at once; a YAML file is read and validated
 * (readAssignmentYaml); an ES module is imported and its default export (the value of
 * `defineAssignment(...)`) validated again. Throws an AssignmentSpecError naming the file, and
 * the line where one is known.
 */
export async function loadAssignment(
  source: AssignmentSource,
  options: { readonly cwd?: string } = {},
): Promise<Assignment> {
  if (!isAssignmentPath(source)) {
    const builtIn = findAssignment(source);
    if (builtIn === undefined) {
      throw new AssignmentSpecError(
        [],
        "file",
        `unknown assignment '${source}' (not a file path either)`,
      );
    }
    return builtIn;
  }
  const path = resolve(options.cwd ?? process.cwd(), source);
  const extension = extname(path).toLowerCase();
  if (MODULE_EXTENSIONS.has(extension)) return loadModule(path);
  if (YAML_EXTENSIONS.has(extension)) return readAssignmentYaml(await readText(path), source);
  throw new AssignmentSpecError(
    [],
    "file",
    `${source}: an assignment file ends in .yaml, .yml, .mjs or .js (got '${extension || "no extension"}')`,
  );
}

function readText(path: string): Promise<string> {
  return readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new AssignmentSpecError(
      [],
      "file",
      `cannot read ${path} (${error.code ?? error.message})`,
    );
  });
}

async function loadModule(path: string): Promise<Assignment> {
  // Reading first gives a plain error for a missing file instead of a module-resolution trace.
  await readText(path);
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
    throw moduleSpecError(path, error);
  }
  if (module.default === undefined || module.default === null) {
    throw new AssignmentSpecError(
      [],
      "module",
      `${path} has no default export: end it with \`export default defineAssignment({...})\``,
    );
  }
  try {
    return defineAssignment(module.default as Assignment);
  } catch (error) {
    throw moduleSpecError(path, error);
  }
}
