// @nnkit/tui: time from launching the built `nnkit` binary to its first frame in a pseudo-terminal
// (util-linux `script`, 80×24), which is what a student waits for. Build apps/tui first.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { BenchSuite } from "../harness.js";

const cli = fileURLToPath(new URL("../../../apps/tui/dist/cli.js", import.meta.url));

// The harness times synchronous calls, so a worker launches the app and watches its output while
// the timed call blocks on shared memory until the worker has seen the first frame.
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
  child.stdout.on("data", (chunk) => {
    output += chunk;
    if (output.includes("nnkit · Home") && Atomics.load(signal, 0) === 0) {
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
      process.kill(-child.pid, "SIGKILL");
    }
  });
  child.on("exit", () => {
    Atomics.store(signal, 1, 1);
    Atomics.notify(signal, 1);
  });
});
`;

function firstFrameTimer(): () => void {
  const shared = new SharedArrayBuffer(8);
  const signal = new Int32Array(shared);
  const worker = new Worker(launcher, { eval: true, workerData: { shared, cli } });
  worker.unref(); // the bench process ends when the suites are done
  return () => {
    Atomics.store(signal, 0, 0);
    Atomics.store(signal, 1, 0);
    worker.postMessage("launch");
    if (Atomics.wait(signal, 0, 0, 10_000) === "timed-out") {
      throw new Error("no first frame in 10 s");
    }
    Atomics.wait(signal, 1, 0, 10_000); // the previous app is gone before the next launch
  };
}

const suite: BenchSuite = {
  name: "@nnkit/tui",
  cases: () => [
    {
      name: "launch to first frame (nnkit, 80×24 pty)",
      nnkit: firstFrameTimer(),
    },
    {
      name: "launch to exit (nnkit --version)",
      nnkit: () => execFileSync(process.execPath, [cli, "--version"]),
    },
  ],
};
export default suite;
