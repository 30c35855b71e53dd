// The app shell: a stack of screens, the global keys, the `?` overlay and the dialogs that keep
// the student's work (quitting or leaving with unsaved edits, a recovery copy from last time).
// Screens stay mounted under the overlay and the dialogs so that their state survives them.
import { Box, type Key, useApp } from "ink";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { defaultGradingService, GradingContext, type GradingService } from "../answers/grading.js";
import { type HomeworkOverview, homeworkRequest } from "../answers/grading-requests.js";
import { defaultSelfChecker, type SelfChecker } from "../answers/self-check.js";
import { AnswerSessionContext, useAnswerSessionState } from "../answers/session.js";
import { defaultVerifier, type Verifier, VerifierContext } from "../screens/threshold/verifier.js";
import { type Dialog, DialogView, dialogFooter } from "./Dialog.js";
import { Frame } from "./Frame.js";
import { HelpOverlay } from "./HelpOverlay.js";
import {
  type LeaveGuard,
  type Navigation,
  NavigationContext,
  type ScreenKeyHandler,
} from "./navigation.js";
import { clearRecovery, readRecovery, rescue, type UnsavedEdits } from "./recovery.js";
import { type Route, routeOf, type ScreenId } from "./routes.js";
import { screenView } from "./screen-views.js";
import { ThemeProvider } from "./theme.js";
import { useKeyListener } from "./use-key-listener.js";

export interface AppProps {
  /** Answer file given with --answers, if any. */
  answersPath?: string;
  /** Colours on or off (off when NO_COLOR is set). */
  colors?: boolean;
  /** Where verification runs (a worker thread unless a test supplies another). */
  verifier?: Verifier;
  /** Where the self-check runs (a worker thread unless a test supplies another). */
  selfChecker?: SelfChecker;
  /** Where the screens' other questions to @nnkit/grading are answered (a worker thread unless a
   * test supplies another). */
  grading?: GradingService;
  /** Kept up to date with the unsaved edits, for a signal handler to rescue. */
  unsaved?: UnsavedEdits;
}

/**
 * The assignment's title up to its first colon ("Homework 1"), once the grader has loaded it (the
 * worker starts right away, while the student looks at the first screen: see grading.ts).
 */
function useAssignmentLabel(grading: GradingService): string | undefined {
  const [loaded, setLoaded] = useState(() => label(grading.recall(homeworkRequest)));
  useEffect(() => {
    let current = true;
    void grading.ask(homeworkRequest).then((answer) => {
      if (current) setLoaded(label(answer));
    });
    return () => {
      current = false;
    };
  }, [grading]);
  return loaded;
}

function label(answer: HomeworkOverview | Error | undefined): string | undefined {
  return answer === undefined || answer instanceof Error
    ? undefined
    : answer.title.split(":")[0]!.trim();
}

/**
 * Home and the Answers screen follow the assignment; the explorers are homework 1's
 * (its networks and chains).
 */
function scopeOf(route: Route | undefined, assignment: string | undefined): string {
  if (route === undefined) return assignment ?? "";
  if (route.id === "answers") return assignment === undefined ? "" : `${assignment} · all`;
  return `homework 1 · ${route.questions}`;
}

/** How long edits wait before their recovery copy is written. */
const recoveryDelayMs = 500;

export function App({
  answersPath,
  colors = true,
  verifier = defaultVerifier,
  selfChecker = defaultSelfChecker,
  grading = defaultGradingService,
  unsaved: unsavedProp,
}: AppProps) {
  const session = useAnswerSessionState(answersPath, selfChecker, grading);
  const assignmentLabel = useAssignmentLabel(grading);
  const { exit } = useApp();
  const [stack, setStack] = useState<ScreenId[]>(["home"]);
  const [helpOpen, setHelpOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog | undefined>(undefined);
  const screenKeys = useRef<ScreenKeyHandler | undefined>(undefined);
  const leaveGuard = useRef<LeaveGuard | undefined>(undefined);
  const commitRef = useRef<() => void>(() => {});
  const fallbackUnsaved = useRef<UnsavedEdits>({ current: undefined });
  const unsaved = unsavedProp ?? fallbackUnsaved.current;
  const current = stack[stack.length - 1]!;
  const { file } = session;
  const dirty = file.kind === "loaded" && file.text !== file.savedText;

  const open = useCallback((screen: ScreenId) => setStack((s) => [...s, screen]), []);
  const back = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  // Screens set their handler on every commit: that also lets queued keys move on.
  const setKeyHandler = useCallback((handler: ScreenKeyHandler | undefined) => {
    screenKeys.current = handler;
    commitRef.current();
  }, []);
  const setLeaveGuard = useCallback((guard: LeaveGuard | undefined) => {
    leaveGuard.current = guard;
  }, []);
  const navigation = useMemo<Navigation>(
    () => ({ open, back, setKeyHandler, setLeaveGuard }),
    [open, back, setKeyHandler, setLeaveGuard],
  );

  // The recovery copy: offered once per file when it holds edits the file does not, then kept
  // in step with the edits (written shortly after each, removed once they are saved).
  const offered = useRef(new Set<string>());
  // A layout effect runs in the same task as the frame that shows "unsaved changes", so a hang-up
  // can never arrive between that frame and the edits it must rescue.
  useLayoutEffect(() => {
    if (file.kind !== "loaded") {
      unsaved.current = undefined;
      return;
    }
    if (!offered.current.has(file.path)) {
      offered.current.add(file.path);
      const copy = readRecovery(file.path);
      if (copy && copy.text !== file.text) {
        setDialog({ kind: "recover", copy });
        return;
      }
    }
    if (dialog?.kind === "recover") return;
    unsaved.current = dirty ? { path: file.path, text: file.text } : undefined;
    if (!dirty) {
      clearRecovery(file.path);
      return;
    }
    const timer = setTimeout(() => rescue(unsaved), recoveryDelayMs);
    return () => clearTimeout(timer);
  }, [file, dirty, dialog?.kind, unsaved]);

  const quitNow = useCallback(
    (keepRecovery: boolean) => {
      if (keepRecovery) rescue(unsaved);
      else if (file.kind === "loaded") clearRecovery(file.path);
      exit();
    },
    [exit, file, unsaved],
  );
  // A quit asked for once nothing is unsaved any more (after a save, or with nothing to save).
  useEffect(() => {
    if (dialog?.kind === "quit" && !dirty) quitNow(false);
  }, [dialog, dirty, quitNow]);

  const requestQuit = () => {
    if (leaveGuard.current) setDialog({ kind: "leave", guard: leaveGuard.current, after: "quit" });
    else if (dirty) setDialog({ kind: "quit", failed: false });
    else exit();
  };
  const requestBack = () => {
    if (leaveGuard.current) setDialog({ kind: "leave", guard: leaveGuard.current, after: "back" });
    else back();
  };

  const dialogKey = (input: string, key: Key, active: Dialog) => {
    if (active.kind === "recover") {
      if (input === "r") {
        session.edit(active.copy.text);
        setDialog(undefined);
      } else if (input === "d" && file.kind === "loaded") {
        clearRecovery(file.path);
        setDialog(undefined);
      }
      return;
    }
    const cancel = key.escape || input === "c";
    if (cancel) setDialog(undefined);
    else if (active.kind === "leave") {
      if (input === "w" && active.guard.keep) active.guard.keep.run();
      if (input === "d" || (input === "w" && active.guard.keep)) {
        leaveGuard.current = undefined;
        if (active.after === "back") {
          setDialog(undefined);
          back();
        } else setDialog({ kind: "quit", failed: false }); // quits at once when nothing is unsaved
      }
    } else if (active.kind === "quit") {
      if (input === "s") {
        void session.save().then(() => setDialog({ kind: "quit", failed: true }));
      } else if (input === "d") quitNow(false);
    }
  };

  const committed = useKeyListener((input, key) => {
    if (key.ctrl && input === "c") {
      // A second Ctrl+C quits at once; the recovery copy keeps the unsaved edits.
      if (dialog?.kind === "quit" || dialog?.kind === "leave") quitNow(true);
      else requestQuit();
      return;
    }
    if (dialog) {
      dialogKey(input, key, dialog);
      return;
    }
    if (helpOpen) {
      if (input === "?" || input === "q" || key.escape) setHelpOpen(false);
      return;
    }
    if (screenKeys.current?.(input, key)) return;
    if (input === "?") setHelpOpen(true);
    else if (input === "q" || key.escape) {
      if (stack.length > 1) requestBack();
      else requestQuit();
    }
  });
  commitRef.current = committed;

  const view = screenView(current);
  const route = routeOf(current);
  const title = route?.title ?? "Home";
  const overlaid = helpOpen || dialog !== undefined;
  const footer = dialog ? dialogFooter(dialog) : helpOpen ? "? or Esc close" : view.footer;
  return (
    <ThemeProvider colors={colors}>
      <GradingContext.Provider value={grading}>
        <AnswerSessionContext.Provider value={session}>
          <VerifierContext.Provider value={verifier}>
            <NavigationContext.Provider value={navigation}>
              <Frame title={title} scope={scopeOf(route, assignmentLabel)} footer={footer}>
                {dialog && (
                  <DialogView
                    dialog={dialog}
                    path={file.kind === "loaded" ? file.path : ""}
                    notice={session.notice}
                  />
                )}
                {!dialog && helpOpen && <HelpOverlay title={title} keys={view.keys} />}
                <Box flexDirection="column" display={overlaid ? "none" : "flex"}>
                  {view.render()}
                </Box>
              </Frame>
            </NavigationContext.Provider>
          </VerifierContext.Provider>
        </AnswerSessionContext.Provider>
      </GradingContext.Provider>
    </ThemeProvider>
  );
}
