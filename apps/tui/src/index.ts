export { App, type AppProps } from "./app/App.js";
export { type CliCommand, parseCliArgs, usage } from "./args.js";
