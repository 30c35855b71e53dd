// ink's useInput re-subscribes its handler in a passive effect, which can run tens of
// milliseconds after a render: keys arriving in between would meet the previous render's
// handler (and its stale state). This listener subscribes once and always calls the latest
// handler, updated as soon as a render commits.
//
// Keys are handled one at a time, each after the render the one before caused: several keys can
// arrive in one read ("qg", a paste) or in one tick, and a handler working from a render that
// has not seen the previous key would lose it. The caller reports commits through the returned
// function (the app shell does so whenever it or a screen commits); a key that changes nothing
// lets the next one through after a short timeout.
import { type Key, useInput } from "ink";
import { useCallback, useLayoutEffect, useRef } from "react";
import { type KeyEvent, splitKeys } from "./split-keys.js";

const noRenderTimeoutMs = 30;

interface Queue {
  pending: KeyEvent[];
  /** A key was handled and its render has not been seen yet. */
  busy: boolean;
  /** The render came while the handler was still running (a synchronous render). */
  renderedDuringHandler: boolean;
  timer: NodeJS.Timeout | undefined;
}

export function useKeyListener(handler: (input: string, key: Key) => void): () => void {
  const latest = useRef(handler);
  const queue = useRef<Queue>({
    pending: [],
    busy: false,
    renderedDuringHandler: false,
    timer: undefined,
  });
  useLayoutEffect(() => {
    latest.current = handler;
  });

  const step = useCallback(() => {
    const q = queue.current;
    q.timer = undefined;
    const next = q.pending.shift();
    if (next === undefined) {
      q.busy = false;
      return;
    }
    q.busy = true;
    q.renderedDuringHandler = false;
    latest.current(next.input, next.key);
    if (q.renderedDuringHandler) queueMicrotask(step);
    else q.timer = setTimeout(step, noRenderTimeoutMs);
  }, []);

  const committed = useCallback(() => {
    const q = queue.current;
    if (!q.busy) return;
    if (q.timer === undefined) {
      q.renderedDuringHandler = true;
      return;
    }
    clearTimeout(q.timer);
    q.timer = undefined;
    queueMicrotask(step);
  }, [step]);

  useInput(
    useCallback(
      (input: string, key: Key) => {
        const q = queue.current;
        q.pending.push(...splitKeys(input, key));
        if (!q.busy) step();
      },
      [step],
    ),
  );
  useLayoutEffect(committed);
  useLayoutEffect(() => () => clearTimeout(queue.current.timer), []);
  return committed;
}
