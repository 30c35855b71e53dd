import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { mainThreadGrading } from "../test-support/main-thread-grading.js";
import { keys, press } from "../test-support/terminal.js";
import { App } from "./App.js";

afterEach(cleanup);

describe("App shell", () => {
  it("starts on Home listing every screen", () => {
    const app = render(<App grading={mainThreadGrading} />);
    const frame = app.lastFrame() ?? "";
    expect(frame).toContain("nnkit · Home");
    for (const title of [
      "Threshold lab",
      "Computation graph",
      "Backprop stepper",
      "Modes and cost",
      "Answers",
    ]) {
      expect(frame).toContain(title);
    }
  });

  it("toggles the help overlay with ? and keeps the screen underneath", async () => {
    const app = render(<App grading={mainThreadGrading} />);
    await press(app, keys.down);
    const help = await press(app, "?");
    expect(help).toContain("Keys: Home");
    expect(help).toContain("back to Home; quit from Home");
    const closed = await press(app, keys.escape);
    expect(closed).not.toContain("Keys: Home");
    expect(closed).toMatch(/Computation graph/);
  });

  it("opens a screen by hotkey and goes back with q", async () => {
    const app = render(<App grading={mainThreadGrading} />);
    expect(await press(app, "c")).toContain("nnkit · Modes and cost");
    expect(await press(app, "q")).toContain("nnkit · Home");
  });
});
