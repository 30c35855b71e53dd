// Grading is synchronous, the solver (z3 via @nnkit/threshold's decide and @nnkit/cost's
// decideCondition) is asynchronous. This bridge runs the decisions in one long-lived worker
// thread per grading thread, started on the first decision (z3 starts once there and is reused),
// and waits for each answer with Atomics.wait, reading it with receiveMessageOnPort (the synckit
// pattern). A hard deadline bounds every wait; an answer not given in time is `unavailable`.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from "node:worker_threads";
import type { Assignment } from "../assignment/assignment.js";

/**
 * How much the solver may do on one request: a counted work limit (z3's resource units; the
 * solver's default when absent), which makes the answer independent of the machine's load, and a
 * wall-clock guard for the rare formula whose work is not counted.
 */
export interface SolverLimits {
  readonly workLimit?: number;
  readonly timeoutMs: number;
}

/**
 * The limits a checker's options ask for. The guard, when they name none, is 20 s: far above what
 * the default work limit takes (under a second here), so only a formula whose work z3 does not
 * count meets it, and a loaded machine (a batch's threads, CI, Gradescope) does not.
 */
export function solverLimits(options: {
  readonly solverWorkLimit?: number;
  readonly solverTimeoutMs?: number;
}): SolverLimits {
  return {
    timeoutMs: options.solverTimeoutMs ?? 20_000,
    ...(options.solverWorkLimit === undefined ? {} : { workLimit: options.solverWorkLimit }),
  };
}

/** A request the solver thread answers (plain data: it crosses a thread boundary). */
export type SolverRequest =
  | ({
      readonly kind: "threshold";
      /** @nnkit/threshold's NetworkJSON. */
      readonly network: unknown;
      /** The question's logical forms (threshold Conditions) and allowed activations. */
      readonly target: unknown;
      readonly assumption?: unknown;
      readonly arity: number;
      readonly allowedActivations?: readonly string[];
    } & SolverLimits)
  | ({
      readonly kind: "condition";
      /** Constraints as text: left, relation, right (polynomials @nnkit/cost parses). */
      readonly candidate: readonly [string, string, string];
      readonly reference: readonly [string, string, string];
      readonly costs: Readonly<Record<string, string>>;
    } & SolverLimits);

/**
 * Asks a solver thread to load z3 now (its reply, `{ verdict: "loaded" }`, can be ignored), so that
 * the first real request does not wait for it: a batch sends it as it starts (`needsSolver`).
 */
export const LOAD_SOLVER = { kind: "load" } as const;

/** Whether grading `assignment` may ask the solver thread (one of its checks `usesSolver`). */
export function needsSolver(assignment: Assignment): boolean {
  return assignment.questions.some((q) => q.parts.some((part) => part.check.usesSolver === true));
}

/** The solver thread's answers, as plain text data. */
export type ThresholdAnswer =
  | { readonly verdict: "proved"; readonly assumptions: readonly string[] }
  | {
      readonly verdict: "refuted";
      readonly input: readonly string[];
      readonly expected: readonly string[];
      readonly actual: readonly string[];
      readonly trace: readonly {
        readonly preActivation: readonly string[];
        readonly activation: readonly string[];
      }[];
    }
  | { readonly verdict: "unknown"; readonly reason: string; readonly detail: string }
  | { readonly verdict: "disallowed activation"; readonly detail: string };

export type ConditionAnswer =
  | { readonly verdict: "equivalent" }
  | {
      readonly verdict: "different";
      readonly point: Readonly<Record<string, string>>;
      readonly candidateHolds: boolean;
      readonly referenceHolds: boolean;
      readonly costs: Readonly<Record<string, string>>;
    }
  | { readonly verdict: "unknown"; readonly reason: string; readonly detail: string };

/** The answer, or why the solver thread gave none (did not start, crashed, missed the deadline). */
export type Solved<A> =
  | { readonly ok: true; readonly answer: A }
  | { readonly ok: false; readonly reason: string };

// The worker's code, run with `eval`: it imports the built packages by absolute URL so that it
// runs the same under tests (TypeScript sources) and from dist.
const WORKER = `
const { workerData } = require("node:worker_threads");
const { port, signal, threshold: thresholdUrl, cost: costUrl } = workerData;
const modules = Promise.all([import(thresholdUrl), import(costUrl)]);
const text = (values) => values.map(String);
function constraint(cost, [left, relation, right]) {
  return { left: cost.parsePolynomial(left), relation, right: cost.parsePolynomial(right) };
}
async function answer(request) {
  const [threshold, cost] = await modules;
  if (request.kind === "load") {
    await threshold.loadSolver();
    return { verdict: "loaded" };
  }
  if (request.kind === "threshold") {
    const net = threshold.fromJSON(request.network);
    const question = threshold.question({
      target: threshold.conditionTarget(request.target),
      arity: request.arity,
      ...(request.assumption === undefined ? {} : { assumption: threshold.conditionAssumption(request.assumption) }),
      ...(request.allowedActivations === undefined ? {} : { allowedActivations: request.allowedActivations }),
    });
    // The grader enumerated its box already: the solver's own enumeration is one point.
    const d = await threshold.decide(net, question, { box: [0, 0], timeoutMs: request.timeoutMs, workLimit: request.workLimit });
    if (d.verdict === "proved") return { verdict: "proved", assumptions: d.scope.assumptions };
    if (d.verdict === "refuted") {
      const c = d.counterexample;
      return {
        verdict: "refuted",
        input: text(c.input),
        expected: text(c.expected),
        actual: text(c.actual),
        trace: c.trace.layers.map((l) => ({ preActivation: text(l.preActivation), activation: text(l.activation) })),
      };
    }
    if (d.verdict === "unknown") return { verdict: "unknown", reason: d.reason, detail: d.detail };
    return { verdict: "disallowed activation", detail: "layer " + d.layer + " unit " + d.unit + ": " + d.activation };
  }
  const costs = Object.fromEntries(Object.entries(request.costs).map(([k, v]) => [k, cost.parsePolynomial(v)]));
  const d = await cost.decideCondition(constraint(cost, request.candidate), constraint(cost, request.reference), { costs, timeoutMs: request.timeoutMs, workLimit: request.workLimit });
  if (d.verdict === "equivalent") return { verdict: "equivalent" };
  if (d.verdict === "unknown") return { verdict: "unknown", reason: d.reason, detail: d.detail };
  return {
    verdict: "different",
    point: Object.fromEntries(Object.entries(d.point).map(([k, v]) => [k, String(v)])),
    candidateHolds: d.candidateHolds,
    referenceHolds: d.referenceHolds,
    costs: Object.fromEntries(Object.entries(d.costs).map(([k, v]) => [k, String(v)])),
  };
}
// One request at a time: z3's context is not safe for two checks at once (interleaved at their
// awaits, they corrupt its memory), and a batch's grading threads share this one thread.
let queue = Promise.resolve();
async function respond({ id, request }) {
  let reply;
  try {
    reply = { id, ok: true, answer: await answer(request) };
  } catch (error) {
    reply = { id, ok: false, reason: String(error && error.message ? error.message : error) };
  }
  port.postMessage(reply);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}
port.on("message", (message) => {
  queue = queue.then(() => respond(message));
});
`;

interface Thread {
  /** Undefined for a solver thread another thread keeps (see `useSolverLink`). */
  readonly worker?: Worker;
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

/**
 * A solver thread another thread keeps, so that several grading threads share one (z3 starts once
 * per process): a port to send it `{ id, request }` on, whose replies `{ id, ok, … }` come back on
 * it, and a counter raised (Atomics.add, notify) with each reply.
 */
export interface SolverLink {
  readonly port: MessagePort;
  readonly signal: SharedArrayBuffer;
}

/** Sent on a link's port when a request missed its deadline: its keeper restarts the solver. */
export const RESTART_SOLVER = "restart";

let link: SolverLink | undefined;

/** Asks the solver on `shared` from now on (undefined: a solver thread of this thread's own). */
export function useSolverLink(shared: SolverLink | undefined): void {
  stop();
  link = shared;
}

let thread: Thread | undefined;
let nextId = 0;

/** The entry of a workspace package's build (dist/index.js), found from its package.json. */
function builtEntry(name: string): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve(`${name}/package.json`);
  const main = (JSON.parse(readFileSync(manifest, "utf8")) as { main?: string }).main;
  return pathToFileURL(join(dirname(manifest), main ?? "dist/index.js")).href;
}

/** Where the solver thread imports @nnkit/threshold and @nnkit/cost from (module URLs). */
export interface SolverModules {
  readonly threshold: string;
  readonly cost: string;
}

let solverModules: SolverModules | undefined;

/**
 * Points the solver thread at other builds of @nnkit/threshold and @nnkit/cost than the installed
 * packages': a bundled program, which has no node_modules to find them in, passes its own entries.
 * Takes effect for threads started afterwards.
 */
export function setSolverModules(modules: SolverModules | undefined): void {
  solverModules = modules;
}

function start(): Thread {
  if (link !== undefined) return { port: link.port, signal: new Int32Array(link.signal) };
  return startSolverThread();
}

/**
 * A new solver thread: the thread itself, the port its requests go to and its replies come back
 * on, and the counter each reply raises. It does not keep the process alive.
 */
export function startSolverThread(): Required<Thread> {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, {
    eval: true,
    // Tests run with the "@nnkit/source" condition (TypeScript sources): the thread runs the build.
    execArgv: process.execArgv.filter((arg) => !arg.includes("conditions") && arg !== "-C"),
    workerData: {
      port: port2,
      signal,
      threshold: solverModules?.threshold ?? builtEntry("@nnkit/threshold"),
      cost: solverModules?.cost ?? builtEntry("@nnkit/cost"),
    },
    transferList: [port2],
  });
  worker.unref(); // a grading process exits when its work is done, solver thread or not
  port1.unref();
  worker.on("error", () => {
    if (thread?.worker === worker) stop();
  });
  return { worker, port: port1, signal };
}

function stop(): void {
  if (thread === undefined) return;
  if (thread.worker === undefined) {
    thread.port.postMessage(RESTART_SOLVER);
  } else {
    void thread.worker.terminate();
    thread.port.close();
  }
  thread = undefined;
}

/**
 * The solver's own time-out bounds each decision; these allowances only catch a hung thread. The
 * first request also pays loading the packages and z3 (≈ 1 s, tens of seconds on a loaded machine).
 */
const START_ALLOWANCE_MS = 60_000;
const REPLY_ALLOWANCE_MS = 10_000;

/**
 * Asks the solver thread and blocks until it answers or `timeoutMs` (plus an allowance for the
 * solver's start and for minimising) has passed; a thread that missed its deadline is stopped, so
 * the next request starts a fresh one.
 */
export function solveSync<A>(request: SolverRequest): Solved<A> {
  let current: Thread;
  const starting = thread === undefined;
  try {
    thread ??= start();
    current = thread;
  } catch (error) {
    // The first line only: Node's "Require stack" lines name files on the grading machine.
    const firstLine = String((error as Error).message).split("\n", 1)[0];
    return { ok: false, reason: `the solver did not start: ${firstLine}` };
  }
  const id = nextId++;
  current.port.postMessage({ id, request });
  const deadline =
    Date.now() + request.timeoutMs + REPLY_ALLOWANCE_MS + (starting ? START_ALLOWANCE_MS : 0);
  const receive = (): Solved<A> | undefined => {
    for (;;) {
      const message = receiveMessageOnPort(current.port);
      if (message === undefined) return undefined;
      const reply = message.message as
        | { id: number; ok: true; answer: A }
        | { id: number; ok: false; reason: string };
      if (reply.id !== id) continue; // a late answer to a request that already timed out
      return reply.ok ? { ok: true, answer: reply.answer } : { ok: false, reason: reply.reason };
    }
  };
  for (;;) {
    const seen = Atomics.load(current.signal, 0);
    const answered = receive();
    if (answered !== undefined) return answered;
    const left = deadline - Date.now();
    if (left <= 0) {
      stop();
      return { ok: false, reason: `the solver gave no answer within ${request.timeoutMs} ms` };
    }
    Atomics.wait(current.signal, 0, seen, left);
  }
}
