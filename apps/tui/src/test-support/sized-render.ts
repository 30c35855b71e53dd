// ink-testing-library's render, but at a chosen terminal size (its stdout is always 100 columns
// wide and has no rows): the layout tests draw every screen at 80×24 and 160×50.
import { EventEmitter } from "node:events";
import { render as inkRender } from "ink";
import type { ReactElement } from "react";

class Output extends EventEmitter {
  frames: string[] = [];
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = () => this.frames.at(-1);
}

class Input extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit("readable");
    this.emit("data", data);
  };
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

const mounted: { unmount(): void; cleanup(): void }[] = [];

export function renderSized(tree: ReactElement, size: { columns: number; rows: number }) {
  const stdout = new Output(size.columns, size.rows);
  const stderr = new Output(size.columns, size.rows);
  const stdin = new Input();
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  mounted.push(instance);
  return {
    rerender: instance.rerender,
    unmount: instance.unmount,
    waitUntilExit: instance.waitUntilExit,
    stdin,
    frames: stdout.frames,
    lastFrame: stdout.lastFrame,
  };
}

export function cleanupSized(): void {
  for (const instance of mounted.splice(0)) {
    instance.unmount();
    instance.cleanup();
  }
}
