import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { textLines, Window, windowTop } from "./layout.js";

const ten = textLines(Array.from({ length: 10 }, (_, i) => `line ${i}`));
const shown = (rows: number, focus: number, scrolled = false) =>
  (
    render(<Window lines={ten} rows={rows} focus={focus} scrolled={scrolled} />).lastFrame() ?? ""
  ).split("\n");

describe("Window", () => {
  it("shows every line when they fit, with no marker", () => {
    expect(shown(10, 0)).toEqual(ten.map((l) => l.node));
  });

  it("keeps the focus in view, centred, and says how many lines are hidden on each side", () => {
    // 5 rows: 4 lines and the marker; line 6 centred shows lines 4..7.
    expect(shown(5, 6)).toEqual(["line 4", "line 5", "line 6", "line 7", "↑ 4 more · ↓ 2 more"]);
    expect(shown(5, 0)).toEqual(["line 0", "line 1", "line 2", "line 3", "↓ 6 more"]);
    expect(shown(5, 9)).toEqual(["line 6", "line 7", "line 8", "line 9", "↑ 6 more"]);
  });

  it("scrolls from a first line when told to, never past the end", () => {
    expect(shown(3, 2, true)).toEqual(["line 2", "line 3", "↑ 2 more · ↓ 6 more"]);
    expect(shown(3, 50, true)).toEqual(["line 8", "line 9", "↑ 8 more"]);
  });
});

describe("windowTop", () => {
  it("is the first line of a window centred on the focus, clamped to the list", () => {
    expect(windowTop(10, 4, 6)).toBe(4);
    expect(windowTop(10, 4, 0)).toBe(0);
    expect(windowTop(10, 4, 9)).toBe(6);
    expect(windowTop(3, 4, 2)).toBe(0);
  });
});
