import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { HelpOverlay } from "./HelpOverlay.js";

describe("HelpOverlay", () => {
  it("lists the screen's keys aligned, then the keys that work everywhere", () => {
    const frame =
      render(
        <HelpOverlay
          title="Answers"
          keys={[
            { keys: "s", action: "save" },
            { keys: "[ ]", action: "scroll" },
          ]}
        />,
      ).lastFrame() ?? "";
    const lines = frame.split("\n");
    expect(lines[0]).toBe("Keys: Answers");
    expect(lines).toContain("s    save");
    expect(lines).toContain("[ ]  scroll");
    const everywhere = lines.indexOf("Everywhere");
    expect(everywhere).toBeGreaterThan(lines.indexOf("[ ]  scroll"));
    expect(lines.slice(everywhere + 1)).toContain("Ctrl+C   quit at once");
    expect(lines.at(-1)).toBe("Press ? or Esc to close.");
  });
});
