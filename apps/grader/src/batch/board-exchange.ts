// A grading thread's side of the pool's verdict board (verdict-board.ts): grading is synchronous,
// so a claim waits for the board's reply with Atomics.wait and reads it with receiveMessageOnPort
// (the solver bridge's pattern, grading's solver-thread.ts). The port has no listener, so no reply
// is delivered anywhere else. A reply that does not come in WAIT_MS (the board is in the pool's
// thread, which grades nothing, so only a thread deciding the same key delays it) is not waited
// for: this thread decides the key itself, the same verdict, only not saved.
import { receiveMessageOnPort } from "node:worker_threads";
import type { VerdictExchange } from "@nnkit/grading";
import type { BoardLink, BoardReply, BoardRequest } from "./verdict-board.js";

/** Longest wait for another thread's decision; a file's own budget is 5 s of CPU by default. */
export const WAIT_MS = 8000;

export function boardExchange({ port, signal }: BoardLink, waitMs = WAIT_MS): VerdictExchange {
  const flag = new Int32Array(signal);
  const send = (request: BoardRequest) => port.postMessage(request);
  let last = 0;
  return {
    claim(key) {
      const id = ++last;
      Atomics.store(flag, 0, 0);
      send({ type: "claim", id, key });
      const until = Date.now() + waitMs;
      for (;;) {
        const received = receiveMessageOnPort(port);
        if (received !== undefined) {
          const answer = received.message as BoardReply;
          if (answer.id === id) return answer.verdict;
          // A claim given up on earlier: a key handed to this thread goes back at once.
          if (answer.verdict === undefined) send({ type: "settle", key: answer.key });
          continue;
        }
        const left = until - Date.now();
        if (left <= 0) return undefined;
        Atomics.wait(flag, 0, 0, left);
        Atomics.store(flag, 0, 0);
      }
    },
    settle(key, verdict) {
      send(verdict === undefined ? { type: "settle", key } : { type: "settle", key, verdict });
    },
  };
}
