// @nnkit/grading is never loaded on the main thread: its math parser takes about a second to
// load, which would hold every key pressed meanwhile. The screens ask a worker thread that loads
// it once (grading-worker.js) and render a short "loading" line until the answer is there.
import { Worker } from "node:worker_threads";
import { createContext, useContext, useEffect, useState } from "react";
import { gradingWorkerUrl } from "../workers.js";
import { type AssignmentChoice, defaultChoice } from "./assignment-choice.js";
import type { GradingAnswer, GradingReply, GradingRequest } from "./grading-requests.js";

type Ask = <R extends GradingRequest>(request: R) => Promise<GradingAnswer<R> | Error>;

export interface GradingService {
  /** Answers a request, or says why it could not (the grader did not load, a check threw). */
  ask: Ask;
  /**
   * The answer already given to an equal request when it was the last of its kind, so that a
   * screen shown again draws it at once instead of a "loading" line.
   */
  recall<R extends GradingRequest>(request: R): GradingAnswer<R> | Error | undefined;
}

/** A service that remembers the last answer of each kind of request. */
export function rememberingService(ask: Ask): GradingService {
  const last = new Map<GradingRequest["kind"], { key: string; answer: unknown }>();
  return {
    ask: (request) =>
      ask(request).then((answer) => {
        last.set(request.kind, { key: JSON.stringify(request), answer });
        return answer;
      }),
    recall<R extends GradingRequest>(request: R) {
      const remembered = last.get(request.kind);
      return remembered?.key === JSON.stringify(request)
        ? (remembered.answer as GradingAnswer<R> | Error)
        : undefined;
    },
  };
}

/**
 * One worker thread for the chosen assignment, started at the first request, that never keeps
 * the app from exiting.
 */
export function workerGradingService(workerUrl: URL, choice: AssignmentChoice): GradingService {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, (answer: unknown) => void>();
  const failAll = (error: Error) => {
    for (const resolve of pending.values()) resolve(error);
    pending.clear();
  };
  const start = () => {
    const started = new Worker(workerUrl, { workerData: choice });
    started.on("message", (reply: GradingReply) => {
      const resolve = pending.get(reply.id);
      pending.delete(reply.id);
      resolve?.(reply.ok ? reply.answer : new Error(reply.message));
    });
    started.on("error", (error) => failAll(new Error(`the grader stopped: ${error.message}`)));
    started.on("exit", () => {
      worker = undefined; // the next request starts a new one
      failAll(new Error("the grader stopped"));
    });
    started.unref(); // after the listeners: adding a message listener refs the worker again
    return started;
  };
  return rememberingService((request) => {
    worker ??= start();
    const id = nextId++;
    const answer = new Promise<GradingAnswer<typeof request> | Error>((resolve) =>
      pending.set(id, resolve as (answer: unknown) => void),
    );
    worker.postMessage({ id, request });
    return answer;
  });
}

/** The worker shipped with the app, for the chosen assignment. */
export function appGradingService(choice: AssignmentChoice): GradingService {
  return workerGradingService(gradingWorkerUrl, choice);
}

export const defaultGradingService: GradingService = appGradingService(defaultChoice);

export const GradingContext = createContext<GradingService>(defaultGradingService);

/**
 * The answer to `request` (memoise it: a new request object asks again), undefined while it is
 * computed unless the service recalls it; an answer to an earlier request is never returned for a
 * later one.
 */
export function useGradingAnswer<R extends GradingRequest>(
  request: R | undefined,
): GradingAnswer<R> | Error | undefined {
  const service = useContext(GradingContext);
  const [answered, setAnswered] = useState<{ request: R; answer: GradingAnswer<R> | Error }>();
  useEffect(() => {
    if (request === undefined) return;
    let current = true;
    void service.ask(request).then((answer) => {
      if (current) setAnswered({ request, answer });
    });
    return () => {
      current = false;
    };
  }, [service, request]);
  if (request === undefined) return undefined;
  return answered?.request === request ? answered.answer : service.recall(request);
}

/** A line for screens whose answer is not there (yet). */
export function gradingUnavailable(answer: Error | undefined): string {
  return answer === undefined ? "loading the grader…" : answer.message;
}
