#!/usr/bin/env node
// The `nnkit` binary: parse the arguments, then either print (help, version, usage error) or run
// the app full-screen until the student quits. The app is imported only when it runs, so that
// --help and --version answer at once.
import { readFileSync } from "node:fs";
import { parseCliArgs, usage } from "./args.js";

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return String(manifest.version);
}

async function run(answersPath: string | undefined): Promise<void> {
  const [{ render }, { App }, { colorsEnabled }] = await Promise.all([
    import("ink"),
    import("./app/App.js"),
    import("./app/theme.js"),
  ]);
  const instance = render(<App answersPath={answersPath} colors={colorsEnabled(process.env)} />);
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
  case "run":
    await run(command.answersPath);
    break;
}
