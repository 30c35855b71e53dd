// A batch's results as they are graded: each finished file is appended at once, as one JSON line,
// to a log in the output folder, and the outputs are written from the log, one result at a time.
// So a batch's memory stays flat in the number of files (the log's index keeps a few numbers and
// the student id per file), and a batch that is interrupted leaves every finished grade on disk
// (the log is removed only once the outputs it gave are written).
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { GradeResult } from "@nnkit/grading";
import type { AnswerFileRef } from "../batch/discover.js";
import type { GradedFile } from "../batch/pool.js";

export const LOG_PREFIX = ".graded-";

/** What a log keeps in memory per file: where its line is, and what keys and columns need. */
interface LogEntry {
  offset: number;
  length: number;
  studentId: string;
  questionIds: readonly string[];
}

/** The batch's files in order, with what keys and columns need; results are read one at a time. */
export interface ResultSource {
  readonly files: readonly AnswerFileRef[];
  studentId(index: number): string;
  questionIds(index: number): readonly string[];
  /** The result of file `index` as graded, read when asked for (not held). */
  result(index: number): GradeResult;
}

export class ResultLog implements ResultSource {
  readonly path: string;
  private readonly fd: number;
  private size = 0;
  private readonly entries: (LogEntry | undefined)[];
  // The question lists of a class are nearly all the same: one array per distinct list.
  private readonly idLists = new Map<string, readonly string[]>();

  constructor(
    outDir: string,
    readonly files: readonly AnswerFileRef[],
  ) {
    mkdirSync(outDir, { recursive: true });
    this.path = join(outDir, `${LOG_PREFIX}${process.pid}-${Date.now()}.jsonl`);
    this.fd = openSync(this.path, "wx+");
    this.entries = new Array(files.length).fill(undefined);
  }

  /** Appends a finished file's result (written through at once: nothing waits in memory). */
  append(index: number, graded: GradedFile): void {
    const line = Buffer.from(
      `${JSON.stringify({ index, file: graded.file.relativePath, result: graded.result })}\n`,
    );
    writeSync(this.fd, line, 0, line.length, this.size);
    const ids = graded.result.questions.map((q) => q.id);
    const key = ids.join("\n");
    const shared = this.idLists.get(key) ?? ids;
    this.idLists.set(key, shared);
    this.entries[index] = {
      offset: this.size,
      length: line.length,
      studentId: graded.result.student.id,
      questionIds: shared,
    };
    this.size += line.length;
  }

  private entry(index: number): LogEntry {
    const entry = this.entries[index];
    if (entry === undefined) throw new Error(`no result logged for ${this.files[index]?.path}`);
    return entry;
  }

  studentId(index: number): string {
    return this.entry(index).studentId;
  }

  questionIds(index: number): readonly string[] {
    return this.entry(index).questionIds;
  }

  result(index: number): GradeResult {
    const { offset, length } = this.entry(index);
    const buffer = Buffer.alloc(length);
    readSync(this.fd, buffer, 0, length, offset);
    return (JSON.parse(buffer.toString("utf8")) as { result: GradeResult }).result;
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Closes and deletes the log: only once the outputs written from it are in place. */
  remove(): void {
    this.close();
    rmSync(this.path, { force: true });
  }
}

/** Results held in memory as a source (merge-manual's, read back from a batch's outputs). */
export function sourceOf(graded: readonly GradedFile[]): ResultSource {
  return {
    files: graded.map((g) => g.file),
    studentId: (i) => graded[i]!.result.student.id,
    questionIds: (i) => graded[i]!.result.questions.map((q) => q.id),
    result: (i) => graded[i]!.result,
  };
}
