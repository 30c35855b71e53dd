// Runs the built `nnkit` binary in a real pseudo-terminal (util-linux `script`), 80×24, so an
// end-to-end test can type keys and read what the terminal shows.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";

export const cliPath = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

export interface TerminalSession {
  /** Everything the app has written so far, escape sequences removed. */
  output(): string;
  /** A mark of how much has been written so far, for `waitFor`. */
  mark(): number;
  /** Sends raw key bytes. */
  send(keys: string): void;
  /** Waits until `text` appears in what was written after the mark `from` (default: anywhere). */
  waitFor(text: string | RegExp, from?: number, timeoutMs?: number): Promise<void>;
  /** Waits until the app has written anything after the mark `from` (a render). */
  waitForOutput(from: number, timeoutMs?: number): Promise<void>;
  /** Waits for the process to end and gives its exit code. */
  exitCode(): Promise<number>;
  kill(): void;
  /** Closes the terminal under the app, as closing its window does (the app gets SIGHUP). */
  close(): void;
}

export interface TerminalOptions {
  /** The app's stderr goes to this file instead of the terminal. */
  stderrPath?: string;
  /** The app's process id is written to this file. */
  pidPath?: string;
  /** Another build of the binary than this package's dist/cli.js (a copy installed elsewhere). */
  cli?: string;
}

export function startInTerminal(
  args: readonly string[],
  cwd: string,
  options: TerminalOptions = {},
): TerminalSession {
  const app = [process.execPath, options.cli ?? cliPath, ...args].map(shellQuote).join(" ");
  const command = [
    "stty cols 80 rows 24;",
    options.pidPath === undefined ? "" : `echo $$ > ${shellQuote(options.pidPath)};`,
    `exec ${app}`,
    options.stderrPath === undefined ? "" : `2> ${shellQuote(options.stderrPath)}`,
  ].join(" ");
  // ink renders nothing until exit when it believes it runs in CI; a student's terminal is not CI.
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: "xterm-256color" };
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  const child: ChildProcess = spawn("script", ["-qfec", command, "/dev/null"], { cwd, env });
  let raw = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    raw += chunk.toString("utf8");
  });
  const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
  const strip = (text: string) => stripVTControlCharacters(text);
  const output = () => strip(raw);
  return {
    output,
    mark: () => raw.length,
    send: (keys) => child.stdin?.write(keys),
    async waitFor(text, from = 0, timeoutMs = 25_000) {
      const end = Date.now() + timeoutMs;
      const found = () => {
        // Marks count raw bytes: stripping first would shift them when a sequence is split.
        const rest = strip(raw.slice(from));
        return typeof text === "string" ? rest.includes(text) : text.test(rest);
      };
      while (!found()) {
        if (Date.now() > end) {
          throw new Error(`terminal never showed ${text}:\n${strip(raw.slice(from))}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async waitForOutput(from, timeoutMs = 25_000) {
      const end = Date.now() + timeoutMs;
      while (raw.length <= from) {
        if (Date.now() > end) throw new Error(`the terminal showed nothing new:\n${output()}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    exitCode: () => exited,
    kill: () => child.kill(),
    close: () => child.kill("SIGKILL"),
  };
}
