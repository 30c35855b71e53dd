// Helpers for component tests: key codes as a terminal sends them, and typing that waits for
// React 19 to render before the frame is read.
/** What these helpers need of a rendered app (ink-testing-library's or renderSized's). */
export interface Instance {
  stdin: { write(data: string): void };
  frames: string[];
  lastFrame(): string | undefined;
}

export const keys = {
  up: "\u001B[A",
  down: "\u001B[B",
  right: "\u001B[C",
  left: "\u001B[D",
  enter: "\r",
  escape: "\u001B",
  backspace: "\u007F",
  tab: "\t",
  pageUp: "\u001B[5~",
  pageDown: "\u001B[6~",
} as const;

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Waits for the next frame the app writes (up to `timeoutMs`, for keys that change nothing). */
async function nextFrame(instance: Instance, timeoutMs = 300): Promise<void> {
  const before = instance.frames.length;
  const end = Date.now() + timeoutMs;
  while (instance.frames.length === before && Date.now() < end) await tick();
  await tick(); // a key may cause a second render (effects), let it land
}

/** Sends each chunk as a separate key press, letting the app render after each. */
export async function press(instance: Instance, ...chunks: string[]): Promise<string> {
  for (const chunk of chunks) {
    const rendered = nextFrame(instance);
    instance.stdin.write(chunk);
    await rendered;
  }
  return instance.lastFrame() ?? "";
}

/** Types text one character at a time. */
export async function type(instance: Instance, text: string): Promise<string> {
  return press(instance, ...text.split(""));
}

/** Waits until the frame satisfies `done` (for work that runs off the render path). */
export async function waitForFrame(
  instance: Instance,
  done: (frame: string) => boolean,
  timeoutMs = 20_000,
): Promise<string> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const frame = instance.lastFrame() ?? "";
    if (done(frame)) return frame;
    await tick();
  }
  // Work on the main thread (a test's self-check) may hold the loop past the deadline: look once
  // more at what it drew before giving up.
  const last = instance.lastFrame() ?? "";
  if (done(last)) return last;
  throw new Error(`frame never matched; last frame:\n${instance.lastFrame()}`);
}
