// The app shell: a stack of screens, the global keys and the `?` overlay. Screens stay mounted
// under the overlay so that their state survives it.
import { Box, useApp } from "ink";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { defaultGradingService, GradingContext, type GradingService } from "../answers/grading.js";
import { homeworkRequest } from "../answers/grading-requests.js";
import { defaultSelfChecker, type SelfChecker } from "../answers/self-check.js";
import { AnswerSessionContext, useAnswerSessionState } from "../answers/session.js";
import { defaultVerifier, type Verifier, VerifierContext } from "../screens/threshold/verifier.js";
import { Frame } from "./Frame.js";
import { HelpOverlay } from "./HelpOverlay.js";
import { type Navigation, NavigationContext, type ScreenKeyHandler } from "./navigation.js";
import { routeOf, type ScreenId } from "./routes.js";
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
}

export function App({
  answersPath,
  colors = true,
  verifier = defaultVerifier,
  selfChecker = defaultSelfChecker,
  grading = defaultGradingService,
}: AppProps) {
  const session = useAnswerSessionState(answersPath, selfChecker, grading);
  // Start the grader's worker while the student looks at the first screen (see grading.ts).
  useEffect(() => {
    void grading.ask(homeworkRequest);
  }, [grading]);
  const { exit } = useApp();
  const [stack, setStack] = useState<ScreenId[]>(["home"]);
  const [helpOpen, setHelpOpen] = useState(false);
  const screenKeys = useRef<ScreenKeyHandler | undefined>(undefined);
  const commitRef = useRef<() => void>(() => {});
  const current = stack[stack.length - 1]!;

  const open = useCallback((screen: ScreenId) => setStack((s) => [...s, screen]), []);
  const back = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  // Screens set their handler on every commit: that also lets queued keys move on.
  const setKeyHandler = useCallback((handler: ScreenKeyHandler | undefined) => {
    screenKeys.current = handler;
    commitRef.current();
  }, []);
  const navigation = useMemo<Navigation>(
    () => ({ open, back, setKeyHandler }),
    [open, back, setKeyHandler],
  );

  const committed = useKeyListener((input, key) => {
    if (helpOpen) {
      if (input === "?" || input === "q" || key.escape) setHelpOpen(false);
      return;
    }
    if (screenKeys.current?.(input, key)) return;
    if (input === "?") setHelpOpen(true);
    else if (input === "q" || key.escape) {
      if (stack.length > 1) back();
      else exit();
    }
  });
  commitRef.current = committed;

  const view = screenView(current);
  const route = routeOf(current);
  const title = route?.title ?? "Home";
  return (
    <ThemeProvider colors={colors}>
      <GradingContext.Provider value={grading}>
        <AnswerSessionContext.Provider value={session}>
          <VerifierContext.Provider value={verifier}>
            <NavigationContext.Provider value={navigation}>
              <Frame
                title={title}
                questions={route?.questions ?? ""}
                footer={helpOpen ? "? or Esc close" : view.footer}
              >
                {helpOpen && <HelpOverlay title={title} keys={view.keys} />}
                <Box flexDirection="column" display={helpOpen ? "none" : "flex"}>
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
