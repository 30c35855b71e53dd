// The pool's side of the verdicts a batch's grading threads share (grading's shared-verdicts.ts):
// one board in the pool's thread, which grades nothing and so always answers at once. A thread
// that misses in its own caches claims the key here: it gets the verdict another thread settled,
// or the key is its own to decide, or (another thread deciding it) its answer waits until that
// one settles it. So a network or formula that several files give is decided once per batch, not
// once per thread, whichever thread meets it first. A thread that stops (overrun, crash) gives up
// the keys it held. The board keeps at most BOARD_SIZE verdicts, the oldest forgotten first.
import { MessageChannel, type MessagePort } from "node:worker_threads";

/** Verdicts the board remembers: far more than a class's distinct answers to every question. */
export const BOARD_SIZE = 8192;

/** A grading thread → board. */
export type BoardRequest =
  | { readonly type: "claim"; readonly id: number; readonly key: string }
  /** `verdict` undefined: not to be kept, the key goes to the next thread waiting for it. */
  | { readonly type: "settle"; readonly key: string; readonly verdict?: unknown };

/** Board → a grading thread: the answer to claim `id`; no verdict means "decide it yourself". */
export interface BoardReply {
  readonly id: number;
  readonly key: string;
  readonly verdict?: unknown;
}

/** What a grading thread is given (as workerData, the port transferred) to reach the board. */
export interface BoardLink {
  readonly port: MessagePort;
  /** One Int32: set to 1 with each reply, so a thread that waits (Atomics.wait) wakes. */
  readonly signal: SharedArrayBuffer;
}

interface Seat {
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

interface Pending {
  owner: Seat;
  /** Claims waiting for the owner's verdict, first come first served. */
  readonly waiting: { seat: Seat; id: number }[];
}

export class VerdictBoard {
  private readonly known = new Map<string, unknown>();
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly size = BOARD_SIZE) {}

  /** A place for one grading thread: its end of the channel, and `leave` for when it stops. */
  connect(): { link: BoardLink; leave: () => void } {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const seat: Seat = { port: port1, signal: new Int32Array(signal) };
    port1.on("message", (request: BoardRequest) => this.receive(seat, request));
    // The board does not keep the process alive; the threads and their files do.
    port1.unref();
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      this.leave(seat);
      port1.close();
    };
    return { link: { port: port2, signal }, leave };
  }

  /** Verdicts remembered, for tests. */
  get remembered(): number {
    return this.known.size;
  }

  private receive(seat: Seat, request: BoardRequest): void {
    if (request.type === "claim") this.claim(seat, request.id, request.key);
    else this.settle(seat, request.key, request.verdict);
  }

  private claim(seat: Seat, id: number, key: string): void {
    const pending = this.pending.get(key);
    if (this.known.has(key)) {
      reply(seat, { id, key, verdict: this.known.get(key) });
    } else if (pending === undefined) {
      this.pending.set(key, { owner: seat, waiting: [] });
      reply(seat, { id, key });
    } else {
      pending.waiting.push({ seat, id });
    }
  }

  private settle(seat: Seat, key: string, verdict: unknown): void {
    const pending = this.pending.get(key);
    if (verdict !== undefined) {
      // A verdict from a thread that stopped waiting and decided it too is as good as the owner's.
      if (!this.known.has(key)) {
        if (this.known.size >= this.size) this.known.delete(this.known.keys().next().value!);
        this.known.set(key, verdict);
      }
      if (pending === undefined) return;
      this.pending.delete(key);
      for (const { seat: waiter, id } of pending.waiting) reply(waiter, { id, key, verdict });
    } else if (pending?.owner === seat) {
      this.handOn(key, pending);
    }
  }

  /** The key's owner gave it up: the next thread waiting decides it. */
  private handOn(key: string, pending: Pending): void {
    const next = pending.waiting.shift();
    if (next === undefined) {
      this.pending.delete(key);
      return;
    }
    pending.owner = next.seat;
    reply(next.seat, { id: next.id, key });
  }

  private leave(seat: Seat): void {
    for (const [key, pending] of this.pending) {
      const others = pending.waiting.filter((w) => w.seat !== seat);
      pending.waiting.splice(0, pending.waiting.length, ...others);
      if (pending.owner === seat) this.handOn(key, pending);
    }
  }
}

function reply(seat: Seat, message: BoardReply): void {
  seat.port.postMessage(message);
  Atomics.store(seat.signal, 0, 1);
  Atomics.notify(seat.signal, 0);
}
