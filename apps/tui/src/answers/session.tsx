// The loaded answer file, shared by the screens: Home shows its statuses, the Backprop stepper
// its equations, the Answers screen edits, saves and self-checks it.
import type { GradeResult } from "@nnkit/grading";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { openAnswerFile, saveAtomically } from "./answer-file.js";
import type { GradingService } from "./grading.js";
import type { RunningCheck, SelfChecker } from "./self-check.js";

export type CheckState =
  | { kind: "none" }
  | { kind: "running" }
  | { kind: "done"; result: GradeResult; checkedText: string }
  | { kind: "failed"; message: string };

export type FileState =
  | { kind: "none" }
  | { kind: "opening"; path: string }
  /** The path was given but the file does not exist yet: it is created with a student id. */
  | { kind: "missing"; path: string }
  | { kind: "loaded"; path: string; text: string; savedText: string };

export interface AnswerSession {
  file: FileState;
  check: CheckState;
  /** The last thing that happened to the file, for a status line. */
  notice: string | undefined;
  open(path: string): Promise<void>;
  create(path: string, studentId: string): Promise<void>;
  edit(text: string): void;
  save(): Promise<void>;
  selfCheck(): void;
}

const noSession: AnswerSession = {
  file: { kind: "none" },
  check: { kind: "none" },
  notice: undefined,
  open: async () => {},
  create: async () => {},
  edit: () => {},
  save: async () => {},
  selfCheck: () => {},
};

export const AnswerSessionContext = createContext<AnswerSession>(noSession);

export function useAnswerSession(): AnswerSession {
  return useContext(AnswerSessionContext);
}

export function useAnswerSessionState(
  initialPath: string | undefined,
  selfChecker: SelfChecker,
  grading: GradingService,
): AnswerSession {
  const [file, setFile] = useState<FileState>(
    initialPath === undefined ? { kind: "none" } : { kind: "opening", path: initialPath },
  );
  const [check, setCheck] = useState<CheckState>({ kind: "none" });
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const running = useRef<RunningCheck | undefined>(undefined);

  const runCheck = useCallback(
    (text: string) => {
      running.current?.cancel();
      const run = selfChecker(text);
      running.current = run;
      setCheck({ kind: "running" });
      void run.done.then((outcome) => {
        if (running.current !== run) return;
        running.current = undefined;
        setCheck(
          outcome instanceof Error
            ? { kind: "failed", message: outcome.message }
            : { kind: "done", result: outcome, checkedText: text },
        );
      });
    },
    [selfChecker],
  );
  useEffect(() => () => running.current?.cancel(), []);

  const load = useCallback(
    (path: string, text: string, saved: boolean) => {
      setFile({ kind: "loaded", path, text, savedText: saved ? text : "" });
      runCheck(text);
    },
    [runCheck],
  );

  const open = useCallback(
    async (path: string) => {
      setFile({ kind: "opening", path });
      const opened = await openAnswerFile(path);
      if (opened.kind === "opened") {
        load(path, opened.text, true);
        setNotice(`opened ${path}`);
      } else if (opened.kind === "missing") {
        setFile({ kind: "missing", path });
        setNotice(`${path} does not exist yet: give your student id to create it`);
      } else {
        setFile({ kind: "none" });
        setNotice(opened.message);
      }
    },
    [load],
  );

  useEffect(() => {
    if (initialPath !== undefined) void open(initialPath);
  }, [initialPath, open]);

  const create = useCallback(
    async (path: string, studentId: string) => {
      const template = await grading.ask({ kind: "template", studentId });
      if (template instanceof Error) {
        setNotice(template.message);
        return;
      }
      load(path, template, false);
      setNotice(`new answer file for ${studentId}; press s to save it as ${path}`);
    },
    [load, grading],
  );

  const edit = useCallback((text: string) => {
    setFile((f) => (f.kind === "loaded" ? { ...f, text } : f));
  }, []);

  const save = useCallback(async () => {
    if (file.kind !== "loaded") return;
    try {
      await saveAtomically(file.path, file.text);
      setFile({ ...file, savedText: file.text });
      setNotice(`saved ${file.path}`);
    } catch (error) {
      setNotice(`not saved: ${(error as Error).message}`);
    }
  }, [file]);

  const selfCheck = useCallback(() => {
    if (file.kind === "loaded") runCheck(file.text);
  }, [file, runCheck]);

  return useMemo(
    () => ({ file, check, notice, open, create, edit, save, selfCheck }),
    [file, check, notice, open, create, edit, save, selfCheck],
  );
}
