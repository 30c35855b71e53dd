#!/usr/bin/env node
// The `nnkit` binary: parse the arguments, then either print (help, version, usage error) or run
// the app full-screen until the student quits. The app is imported only when it runs, so that
// --help and --version answer at once.
import { readFileSync } from "node:fs";
import type { AppProps } from "./app/App.js";
import type { UnsavedEdits } from "./app/recovery.js";
import { parseCliArgs, usage } from "./args.js";

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return String(manifest.version);
}

/**
 * The terminal went away (closed window, dropped ssh: SIGHUP, or a write failing with EIO): keep
 * the unsaved edits in the recovery copy and end without a word, since nothing can be shown.
 * The signal is raised again with its default action, so that Node's exit-time terminal reset
 * (which fails on a closed terminal) does not run.
 */
function onTerminalGone(unsaved: UnsavedEdits, rescue: (edits: UnsavedEdits) => void): () => void {
  let handled = false;
  return () => {
    if (handled) return;
    handled = true;
    rescue(unsaved);
    process.removeAllListeners("SIGHUP");
    process.kill(process.pid, "SIGHUP");
  };
}

function isTerminalGone(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "EIO" || code === "EPIPE" || code === "ENXIO";
}

/** The app's services for the chosen assignment, or the one line saying why it cannot be loaded. */
async function prepare(command: {
  answersPath: string | undefined;
  assignment: string | undefined;
}) {
  const [choices, { appGradingService }, { appSelfChecker }, { homeworkRequest }] =
    await Promise.all([
      import("./answers/assignment-choice.js"),
      import("./answers/grading.js"),
      import("./answers/self-check.js"),
      import("./answers/grading-requests.js"),
    ]);
  const choice = choices.chooseAssignment(command.assignment, command.answersPath, process.cwd());
  const grading = appGradingService(choice);
  // A named assignment is loaded before the first frame, so that a broken one is one line and
  // exit code 2, not a screen of errors; homework 1 needs no such wait.
  if (choice.origin.kind !== "default") {
    // The worker does not keep the process alive (see grading.ts): this wait has to.
    const keepAlive = setInterval(() => {}, 60_000);
    const overview = await grading.ask(homeworkRequest);
    clearInterval(keepAlive);
    if (overview instanceof Error) {
      return { ok: false as const, message: choices.cannotLoadMessage(choice, overview.message) };
    }
  }
  return { ok: true as const, grading, selfChecker: appSelfChecker(choice) };
}

async function run(
  answersPath: string | undefined,
  services: Pick<AppProps, "grading" | "selfChecker">,
): Promise<void> {
  const [{ render }, { App }, { colorsEnabled }, { rescue }] = await Promise.all([
    import("ink"),
    import("./app/App.js"),
    import("./app/theme.js"),
    import("./app/recovery.js"),
  ]);
  const unsaved: UnsavedEdits = { current: undefined };
  const gone = onTerminalGone(unsaved, rescue);
  process.on("SIGHUP", gone);
  for (const stream of [process.stdout, process.stdin]) {
    stream.on("error", (error) => {
      if (isTerminalGone(error)) gone();
      else throw error;
    });
  }
  process.on("uncaughtException", (error) => {
    if (!isTerminalGone(error)) throw error;
    gone();
  });
  const instance = render(
    <App
      answersPath={answersPath}
      colors={colorsEnabled(process.env)}
      unsaved={unsaved}
      {...services}
    />,
    { exitOnCtrlC: false },
  );
  await instance.waitUntilExit();
}

const command = parseCliArgs(process.argv.slice(2));
switch (command.kind) {
  case "help":
    console.log(usage);
    break;
  case "version":
    console.log(packageVersion());
    break;
  case "error":
    console.error(`${command.message}\n\n${usage}`);
    process.exitCode = 2;
    break;
  case "run": {
    const prepared = await prepare(command);
    if (!prepared.ok) {
      console.error(prepared.message);
      process.exitCode = 2;
    } else if (!process.stdin.isTTY || !process.stdout.isTTY) {
      console.error(
        "nnkit needs an interactive terminal (its input and output must be a terminal); see nnkit --help",
      );
      process.exitCode = 2;
    } else await run(command.answersPath, prepared);
    break;
  }
}
