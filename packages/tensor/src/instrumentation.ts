// Counters behind `countOps`, used by @nnkit/cost to measure the work a computation does.
// A stack of frames so nested countOps calls each see everything done inside them.

interface Frame {
  multiplications: number;
  allocatedElements: number;
}

const frames: Frame[] = [];

/** Records `count` scalar multiplications (or divisions) in every active countOps frame. */
export function recordMultiplications(count: number): void {
  for (const frame of frames) frame.multiplications += count;
}

/** Records `count` elements of newly allocated tensor storage in every active countOps frame. */
export function recordAllocation(count: number): void {
  for (const frame of frames) frame.allocatedElements += count;
}

export interface OpCounts<T> {
  result: T;
  /** Scalar multiplications and divisions done by mul/div/matmul/dot/outer. */
  multiplications: number;
  /** Elements of storage allocated by new tensors; views allocate nothing. */
  allocatedElements: number;
}

/**
 * Runs `fn` and reports how many scalar multiplications and allocated elements it caused:
 * elementwise mul/div count one per output entry; matmul of [a×b]·[b×c] counts a·b·c per batch.
 */
export function countOps<T>(fn: () => T): OpCounts<T> {
  const frame: Frame = { multiplications: 0, allocatedElements: 0 };
  frames.push(frame);
  try {
    const result = fn();
    return { result, ...frame };
  } finally {
    frames.splice(frames.lastIndexOf(frame), 1);
  }
}
