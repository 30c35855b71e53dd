// What screens may ask of the app shell: open another screen, go back, and receive keys. The
// shell owns the only input listener and hands each key to the current screen first, so no key
// is lost while a newly opened screen mounts, and a screen that is editing text keeps `q`, `?`
// and Esc for itself by reporting the key as consumed.
import type { Key } from "ink";
import { createContext, useContext, useLayoutEffect } from "react";
import type { ScreenId } from "./routes.js";

/** Returns true when the screen used the key; other keys go to the global key map. */
export type ScreenKeyHandler = (input: string, key: Key) => boolean;

/** What leaving a screen would throw away, and how to keep it (when the screen can). */
export interface LeaveGuard {
  /** e.g. "your edits to the 1.2 network" */
  lost: string;
  /** How to keep the edits instead: `label` is what `w` does, `note` what happens to them next. */
  keep?: { label: string; note?: string; run(): void };
}

export interface Navigation {
  open(screen: ScreenId): void;
  back(): void;
  setKeyHandler(handler: ScreenKeyHandler | undefined): void;
  /** The current screen's guard: the shell asks before going back or quitting while one is set. */
  setLeaveGuard(guard: LeaveGuard | undefined): void;
}

export const NavigationContext = createContext<Navigation>({
  open: () => {},
  back: () => {},
  setKeyHandler: () => {},
  setLeaveGuard: () => {},
});

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

/** Makes `handler` (the latest render's) the receiver of this screen's keys. */
export function useScreenInput(handler: ScreenKeyHandler): void {
  const { setKeyHandler } = useNavigation();
  useLayoutEffect(() => setKeyHandler(handler));
  useLayoutEffect(() => () => setKeyHandler(undefined), [setKeyHandler]);
}

/** Asks before this screen is left while `guard` is set (the latest render's guard counts). */
export function useLeaveGuard(guard: LeaveGuard | undefined): void {
  const { setLeaveGuard } = useNavigation();
  useLayoutEffect(() => setLeaveGuard(guard));
  useLayoutEffect(() => () => setLeaveGuard(undefined), [setLeaveGuard]);
}
