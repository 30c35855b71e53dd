// @nnkit/tui: time from launching the built `nnkit` binary to its first frame in a pseudo-terminal
// (util-linux `script`, 80×24), which is what a student waits for; and to the answer to the last
// of 20 keys pressed one after another from that frame on (work the app does on its main thread
// right after the first frame holds those keys). Build apps/tui first.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { BenchSuite } from "../harness.js";

const cli = fileURLToPath(new URL("../../../apps/tui/dist/cli.js", import.meta.url));

// The harness times synchronous calls, so a worker launches the app and watches its output while
// the timed call blocks on shared memory until the worker has seen the first frame (Home) and,
// when keys are asked for, the answer to each `?` (the help overlay opens, then closes again),
// each key sent once the one before has been answered.
const launcher = `
const { parentPort, workerData } = require("node:worker_threads");
const { spawn } = require("node:child_process");
const signal = new Int32Array(workerData.shared);
const env = { ...process.env, TERM: "xterm-256color" };
delete env.CI;
delete env.CONTINUOUS_INTEGRATION;
parentPort.on("message", () => {
  const command = "stty cols 80 rows 24; exec " + JSON.stringify(process.execPath) + " " + JSON.stringify(workerData.cli);
  const child = spawn("script", ["-qfec", command, "/dev/null"], { env, detached: true });
  let output = "";
  let answered = -1; // keys answered; -1 until the first frame
  let sentAt = 0;
  const send = () => {
    sentAt = output.length;
    child.stdin.write("?");
  };
  child.stdout.on("data", (chunk) => {
    output += chunk;
    if (Atomics.load(signal, 0) !== 0) return;
    const expected = answered === -1 ? "nnkit · Home" : answered % 2 === 0 ? "Keys: Home" : "↑↓ choose";
    if (!output.slice(sentAt).includes(expected)) return;
    answered += 1;
    if (answered < workerData.keys) return send();
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
    process.kill(-child.pid, "SIGKILL");
  });
  child.on("exit", () => {
    Atomics.store(signal, 1, 1);
    Atomics.notify(signal, 1);
  });
});
`;

/** Launches the app and waits for its first frame, then for the answers to `keys` presses of `?`. */
function launchTimer(keys: number): () => void {
  const shared = new SharedArrayBuffer(8);
  const signal = new Int32Array(shared);
  const worker = new Worker(launcher, { eval: true, workerData: { shared, cli, keys } });
  worker.unref(); // the bench process ends when the suites are done
  return () => {
    Atomics.store(signal, 0, 0);
    Atomics.store(signal, 1, 0);
    worker.postMessage("launch");
    if (Atomics.wait(signal, 0, 0, 20_000) === "timed-out") {
      throw new Error(`no first frame and ${keys} answered keys in 20 s`);
    }
    Atomics.wait(signal, 1, 0, 10_000); // the previous app is gone before the next launch
  };
}

const suite: BenchSuite = {
  name: "@nnkit/tui",
  cases: () => [
    {
      name: "launch to first frame (nnkit, 80×24 pty)",
      nnkit: launchTimer(0),
    },
    {
      name: "launch to the 20th key answered (? from the first frame on, 80×24 pty)",
      nnkit: launchTimer(20),
    },
    {
      name: "launch to exit (nnkit --version)",
      nnkit: () => execFileSync(process.execPath, [cli, "--version"]),
    },
  ],
};
export default suite;
