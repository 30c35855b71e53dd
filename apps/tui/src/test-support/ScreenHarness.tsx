// Renders one screen the way the app shell does (its keys arrive through useScreenInput), so a
// screen can be tested on its own with ink-testing-library.
import { type ReactNode, useMemo, useRef } from "react";
import { type Navigation, NavigationContext, type ScreenKeyHandler } from "../app/navigation.js";
import type { ScreenId } from "../app/routes.js";
import { useKeyListener } from "../app/use-key-listener.js";

interface ScreenHarnessProps {
  children: ReactNode;
  /** Records the screens the screen asked to open. */
  onOpen?: (screen: ScreenId) => void;
}

export function ScreenHarness({ children, onOpen = () => {} }: ScreenHarnessProps) {
  const handler = useRef<ScreenKeyHandler | undefined>(undefined);
  const navigation = useMemo<Navigation>(
    () => ({
      open: onOpen,
      back: () => {},
      setKeyHandler: (next) => {
        handler.current = next;
      },
      setLeaveGuard: () => {},
    }),
    [onOpen],
  );
  useKeyListener((input, key) => {
    handler.current?.(input, key);
  });
  return <NavigationContext.Provider value={navigation}>{children}</NavigationContext.Provider>;
}
