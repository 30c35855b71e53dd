import { receiveMessageOnPort } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import {
  type BoardLink,
  type BoardReply,
  type BoardRequest,
  VerdictBoard,
} from "./verdict-board.js";

/** A grading thread's end of the board, read without waiting (the board runs on this thread). */
function seat(board: VerdictBoard) {
  const { link, leave } = board.connect();
  let id = 0;
  const send = (request: BoardRequest) => link.port.postMessage(request);
  return {
    link,
    leave,
    claim: (key: string) => {
      send({ type: "claim", id: ++id, key });
      return id;
    },
    settle: (key: string, verdict?: unknown) => send({ type: "settle", key, verdict }),
    /** The replies the board has sent so far, after its thread has read every request. */
    replies: async (): Promise<BoardReply[]> => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const replies: BoardReply[] = [];
      for (let r = receiveMessageOnPort(link.port); r; r = receiveMessageOnPort(link.port)) {
        replies.push(r.message);
      }
      return replies;
    },
  };
}

const signalled = (link: BoardLink) => Atomics.load(new Int32Array(link.signal), 0);

describe("VerdictBoard", () => {
  it("gives a key to the first thread, makes the next wait, then hands it the verdict", async () => {
    const board = new VerdictBoard();
    const a = seat(board);
    const b = seat(board);
    a.claim("net");
    expect(await a.replies()).toEqual([{ id: 1, key: "net" }]);
    expect(signalled(a.link)).toBe(1);
    b.claim("net");
    expect(await b.replies()).toEqual([]);
    a.settle("net", { ok: true, answer: { verdict: "proved", assumptions: [] } });
    expect(await b.replies()).toEqual([
      { id: 1, key: "net", verdict: { ok: true, answer: { verdict: "proved", assumptions: [] } } },
    ]);
    // Known now: answered at once, to anyone.
    a.claim("net");
    expect(await a.replies()).toEqual([
      { id: 2, key: "net", verdict: { ok: true, answer: { verdict: "proved", assumptions: [] } } },
    ]);
    a.leave();
    b.leave();
  });

  it("hands a key given up (no verdict to keep, or its thread stopped) to the next waiting", async () => {
    const board = new VerdictBoard();
    const [a, b, c] = [seat(board), seat(board), seat(board)];
    a.claim("k");
    b.claim("k");
    c.claim("k");
    await a.replies();
    a.settle("k"); // undecided: not kept
    expect(await b.replies()).toEqual([{ id: 1, key: "k" }]);
    expect(await c.replies()).toEqual([]);
    b.leave(); // overran its budget while deciding
    expect(await c.replies()).toEqual([{ id: 1, key: "k" }]);
    // A thread that is not the owner gives nothing up.
    a.settle("k");
    c.settle("k", "verdict");
    await c.replies();
    expect(board.remembered).toBe(1);
    a.leave();
    c.leave();
  });

  it("keeps at most its size, the oldest forgotten first", async () => {
    const board = new VerdictBoard(2);
    const a = seat(board);
    for (const key of ["x", "y", "z"]) {
      a.claim(key);
      a.settle(key, key.toUpperCase());
    }
    await a.replies();
    expect(board.remembered).toBe(2);
    a.claim("x");
    a.claim("z");
    expect(await a.replies()).toEqual([
      { id: 4, key: "x" },
      { id: 5, key: "z", verdict: "Z" },
    ]);
    a.leave();
  });
});
