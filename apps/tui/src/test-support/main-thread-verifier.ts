// A verifier for component tests: the TypeScript sources cannot start the worker (only the built
// verify-worker.js exists as JavaScript), so the job runs on the main thread after the render.

import { runVerification, type VerificationOutcome } from "../screens/threshold/verification.js";
import type { Verifier } from "../screens/threshold/verifier.js";

export const mainThreadVerifier: Verifier = (job, onProgress) => {
  let cancelled = false;
  const done = new Promise<VerificationOutcome>((resolve) => {
    setImmediate(() => {
      if (cancelled) resolve({ status: "error", summary: "verification stopped" });
      else resolve(runVerification(job, onProgress));
    });
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
    },
  };
};
