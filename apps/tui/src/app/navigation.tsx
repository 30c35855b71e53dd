// What screens may ask of the app shell: open another screen, go back, and receive keys. The
// shell owns the only input listener and hands each key to the current screen first, so no key
// is lost while a newly opened screen mounts, and a screen that is editing text keeps `q`, `?`
// and Esc for itself by reporting the key as consumed.
import type { Key } from "ink";
import { createContext, useContext, useLayoutEffect } from "react";
import type { ScreenId } from "./routes.js";

/** Returns true when the screen used the key; other keys go to the global key map. */
export type ScreenKeyHandler = (input: string, key: Key) => boolean;

export interface Navigation {
  open(screen: ScreenId): void;
  back(): void;
  setKeyHandler(handler: ScreenKeyHandler | undefined): void;
}

export const NavigationContext = createContext<Navigation>({
  open: () => {},
  back: () => {},
  setKeyHandler: () => {},
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
