// One solver thread for a batch's grading threads: z3 takes about a second and a half of CPU to
// start (its thread and its own helper threads), which a thread of its own per grading thread
// would pay once each. The pool's thread keeps it, started as a batch that needs it begins (so z3
// loads while the workers load, not while they wait) or else on the first request, and relays: a
// grading thread's request goes on under an id of the relay's, and its reply comes back on that
// thread's link (grading's `useSolverLink`), raising the counter its wait (Atomics.wait) watches.
// A grading thread whose request missed its deadline asks for a restart: the solver is stopped
// and the requests it held fail (the next request starts a fresh one), as with a thread's own.
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { LOAD_SOLVER, RESTART_SOLVER, type SolverLink, startSolverThread } from "@nnkit/grading";
import { useBundledSolver } from "./bundled-solver.js";

interface Seat {
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

type Reply = { id: number; ok: true; answer: unknown } | { id: number; ok: false; reason: string };

export class SolverRelay {
  private solver: ReturnType<typeof startSolverThread> | undefined;
  private lastId = 0;
  /** The relay's request ids: whose request, under the id that thread gave it. */
  private readonly asked = new Map<number, { seat: Seat; id: number }>();

  /** A link for one grading thread, and `leave` for when it stops. */
  connect(): { link: SolverLink; leave: () => void } {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const seat: Seat = { port: port1, signal: new Int32Array(signal) };
    port1.on("message", (message: { id: number; request: unknown } | typeof RESTART_SOLVER) => {
      if (message === RESTART_SOLVER) this.restart();
      else this.ask(seat, message.id, message.request);
    });
    port1.unref();
    const leave = () => {
      for (const [id, asked] of this.asked) if (asked.seat === seat) this.asked.delete(id);
      port1.close();
    };
    return { link: { port: port2, signal }, leave };
  }

  /** Starts the solver thread and has it load z3 now, unless it runs already. */
  preload(): void {
    if (this.solver !== undefined) return;
    try {
      // The reply has no asker: the listener drops it.
      this.start().port.postMessage({ id: ++this.lastId, request: LOAD_SOLVER });
    } catch {
      // Reported to the first request, which tries to start it again.
    }
  }

  private ask(seat: Seat, id: number, request: unknown): void {
    let solver = this.solver;
    if (solver === undefined) {
      try {
        solver = this.start();
      } catch (error) {
        const firstLine = String((error as Error).message).split("\n", 1)[0];
        answer(seat, { id, ok: false, reason: `the solver did not start: ${firstLine}` });
        return;
      }
    }
    const relayed = ++this.lastId;
    this.asked.set(relayed, { seat, id });
    solver.port.postMessage({ id: relayed, request });
  }

  private start(): ReturnType<typeof startSolverThread> {
    // The bundle's own threshold and cost entries (this runs in dist/, as the workers do).
    useBundledSolver();
    const solver = startSolverThread();
    solver.port.on("message", (reply: Reply) => {
      const asked = this.asked.get(reply.id);
      if (asked === undefined) return; // its thread left, or the solver was restarted meanwhile
      this.asked.delete(reply.id);
      answer(asked.seat, { ...reply, id: asked.id });
    });
    // A listener refs the port again: the solver does not keep the process alive.
    solver.port.unref();
    solver.worker.on("error", () => {
      if (this.solver === solver) this.restart();
    });
    this.solver = solver;
    return solver;
  }

  /** Stops the solver; the requests it held fail at once, and the next request starts another. */
  private restart(): void {
    const solver = this.solver;
    if (solver === undefined) return;
    this.solver = undefined;
    void solver.worker.terminate();
    solver.port.close();
    for (const [, { seat, id }] of this.asked) {
      answer(seat, { id, ok: false, reason: "the solver was restarted after a missed deadline" });
    }
    this.asked.clear();
  }
}

function answer(seat: Seat, reply: Reply): void {
  seat.port.postMessage(reply);
  Atomics.add(seat.signal, 0, 1);
  Atomics.notify(seat.signal, 0);
}
