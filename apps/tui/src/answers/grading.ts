// @nnkit/grading is loaded after the first frame: it pulls in a math parser that takes about a
// second to load, and the app's first screen does not need it. Screens that do render a short
// "loading" line until it is there (the app starts loading it as soon as it is up).
import { useEffect, useState } from "react";

export type Grading = typeof import("@nnkit/grading");

/** The module, undefined while it loads, or why it could not be loaded. */
export type GradingState = Grading | Error | undefined;

let loading: Promise<GradingState> | undefined;
let settled: GradingState;

/** Never rejects: a failure is returned, and shown by the screens that need grading. */
export function loadGrading(): Promise<GradingState> {
  loading ??= import("@nnkit/grading").then(
    (module) => module,
    (error: unknown) => new Error(`cannot load @nnkit/grading: ${(error as Error).message}`),
  );
  return loading.then((state) => {
    settled = state;
    return state;
  });
}

/** The grading module, or undefined while it loads (the component re-renders when it arrives). */
export function useGrading(): GradingState {
  const [state, setState] = useState(settled);
  useEffect(() => {
    if (state === undefined) void loadGrading().then(setState);
  }, [state]);
  return state;
}

/** A line for screens that need grading and do not have it (yet). */
export function gradingUnavailable(state: Exclude<GradingState, Grading>): string {
  return state === undefined ? "loading the grader…" : state.message;
}

export function isLoaded(state: GradingState): state is Grading {
  return state !== undefined && !(state instanceof Error);
}
