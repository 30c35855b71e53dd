// Writes a batch's outputs. The per-student folders are written into a staging folder and swapped
// in whole, then summary, manifest and gradebook are each replaced atomically, the gradebook last.
// A run killed at any point leaves every file either as it was or complete.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { resultToJSON } from "@nnkit/grading";
import type { SkippedEntry } from "../batch/discover.js";
import { writeFileAtomic } from "./atomic.js";
import { feedbackMarkdown } from "./feedback.js";
import { gradebookCsv } from "./gradebook.js";
import type { KeyedResult } from "./student-key.js";
import { summaryMarkdown } from "./summary.js";

export const MANIFEST_FILE = "batch.json";
const STAGING_PREFIX = ".staging-";
const REPLACED_PREFIX = ".replaced-";

/** What merge-manual needs to rebuild the outputs: which results file came from which answer file. */
export interface BatchManifest {
  assignment: string;
  entries: { key: string; file: string; duplicateOf?: string[] }[];
  /** Entries of the batch folder that were not graded, and why. */
  skipped?: SkippedEntry[];
}

/** Leftovers of a run killed while swapping folders. */
function removeLeftovers(outDir: string): void {
  for (const name of readdirSync(outDir)) {
    if (name.startsWith(STAGING_PREFIX) || name.startsWith(REPLACED_PREFIX)) {
      rmSync(join(outDir, name), { recursive: true, force: true });
    }
  }
}

/** Puts `fresh` where `target` was: two renames, the old folder deleted afterwards. */
function swapFolder(outDir: string, fresh: string, name: string): void {
  const target = join(outDir, name);
  const replaced = join(outDir, `${REPLACED_PREFIX}${name}-${process.pid}`);
  if (existsSync(target)) renameSync(target, replaced);
  renameSync(fresh, target);
  rmSync(replaced, { recursive: true, force: true });
}

export function writeOutputs(
  outDir: string,
  assignment: string,
  results: readonly KeyedResult[],
  skipped: readonly SkippedEntry[] = [],
) {
  mkdirSync(outDir, { recursive: true });
  removeLeftovers(outDir);
  const staging = mkdtempSync(join(outDir, STAGING_PREFIX));
  mkdirSync(join(staging, "results"));
  mkdirSync(join(staging, "feedback"));
  for (const r of results) {
    writeFileSync(join(staging, "results", `${r.key}.json`), resultToJSON(r.result));
    writeFileSync(join(staging, "feedback", `${r.key}.md`), feedbackMarkdown(r.result));
  }
  swapFolder(outDir, join(staging, "results"), "results");
  swapFolder(outDir, join(staging, "feedback"), "feedback");
  rmSync(staging, { recursive: true, force: true });
  writeFileAtomic(join(outDir, "summary.md"), summaryMarkdown(results, skipped));
  const manifest: BatchManifest = {
    assignment,
    entries: results.map((r) => ({
      key: r.key,
      file: r.file.relativePath,
      ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}),
    })),
    skipped: [...skipped],
  };
  writeFileAtomic(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileAtomic(join(outDir, "gradebook.csv"), gradebookCsv(results));
}
