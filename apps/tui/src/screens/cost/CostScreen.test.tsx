import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { frameRows } from "../../app/Frame.js";
import { BodySizeContext } from "../../app/layout.js";
import { ScreenHarness } from "../../test-support/ScreenHarness.js";
import { keys, press, type } from "../../test-support/terminal.js";
import { CostScreen } from "./CostScreen.js";

afterEach(cleanup);

// Expected numbers are the handout's formulas worked by hand: 2.4 forward 2n² + nm, reverse 3nm;
// memory (every stored value) n² + nm + 3n + m and 2nm + 2n + 2m; 2.3 forward 2n², reverse 2n.
describe("Modes and cost screen", () => {
  it("shows 2.4's steps and totals for both modes at n = 3, m = 4", () => {
    const frame =
      render(
        <ScreenHarness>
          <CostScreen />
        </ScreenHarness>,
      ).lastFrame() ?? "";
    expect(frame).toContain("((vvᵀ)y1)y2ᵀ");
    expect(frame).toContain("v(vᵀ(y1y2ᵀ))");
    expect(frame).toMatch(/total\s+n\(2n \+ m\)\s+= 30\s+stored n² \+ nm \+ 3n \+ m = 34/);
    expect(frame).toMatch(/total\s+3nm\s+= 36\s+stored 2nm \+ 2n \+ 2m = 38/);
    expect(frame).toMatch(/vᵀ\(y1y2ᵀ\)\s+nm\s+= 12\s+m = 4/);
    expect(frame.replace(/\s+/g, " ")).toContain(
      "Crossover: forward is cheaper iff m > n; they cost the same iff m = n; reverse is cheaper iff m < n",
    );
  });

  it("recomputes when n and m change", async () => {
    const app = render(
      <ScreenHarness>
        <CostScreen />
      </ScreenHarness>,
    );
    const atFour = await press(app, "+");
    expect(atFour).toContain("n = 4   m = 4");
    expect(atFour).toMatch(/total\s+n\(2n \+ m\)\s+= 48/); // 2·16 + 16
    expect(atFour).toMatch(/total\s+3nm\s+= 48/);
    const wider = await press(app, "]", "]");
    expect(wider).toContain("m = 6");
    expect(wider).toMatch(/total\s+n\(2n \+ m\)\s+= 56/); // 32 + 24
    expect(wider).toMatch(/total\s+3nm\s+= 72/);
  });

  it("shows the table and the plot together in a taller terminal", async () => {
    const app = render(
      <ScreenHarness>
        <CostScreen />
      </ScreenHarness>,
    );
    expect(app.lastFrame()).not.toContain("Multiplications against n");
    // The body of a 50-row terminal (the Frame's title, rule and footer take the other rows).
    const tall = render(
      <BodySizeContext.Provider value={{ columns: 100, rows: 50 - frameRows }}>
        <ScreenHarness>
          <CostScreen />
        </ScreenHarness>
      </BodySizeContext.Provider>,
    ).lastFrame();
    expect(tall).toContain("Multiplications against n");
    expect(tall).toMatch(/total\s+3nm\s+= 36/);
  });

  it("switches to 2.3's chain and plots cost against n", async () => {
    const app = render(
      <ScreenHarness>
        <CostScreen />
      </ScreenHarness>,
    );
    const chain23 = await press(app, keys.left);
    expect(chain23).toMatch(/total\s+2n²\s+= 18/);
    expect(chain23).toMatch(/total\s+2n\s+= 6\s+stored 3n \+ 1 = 10/);
    expect(chain23).not.toContain("m = ");
    const plot = await press(app, "p");
    expect(plot).toContain("Multiplications against n");
    // n runs 1..12, so the top of the axis is forward's 2·12² = 288.
    expect(plot).toMatch(/^\s*288 │.*f\s*$/m);
    expect(plot).toContain("r reverse (right to left)   f forward (left to right)");
  });

  it("evaluates a chain the student types, flagging a bad one as it is typed", async () => {
    const app = render(
      <ScreenHarness>
        <CostScreen />
      </ScreenHarness>,
    );
    await press(app, "t", keys.backspace, keys.backspace, keys.backspace);
    const bad = await type(app, " w");
    expect(bad).toContain("your chain: 2 v:n w▏");
    expect(bad).toMatch(/^\s+\^ give w's size the first time it appears, e.g. w:n$/m);
    await press(app, keys.backspace, keys.backspace);
    await type(app, " vᵀ");
    // 2.2's H = 2vvᵀ at n = 3: scaling v first costs n + n² = 12, scaling vvᵀ costs 2n² = 18.
    const mine = await press(app, keys.enter);
    expect(mine).toContain("[2vvᵀ (typed)]");
    expect(mine).toMatch(/total\s+n\(n \+ 1\)\s+= 12/);
    expect(mine).toMatch(/total\s+2n²\s+= 18/);
  });

  it("says in English when a mode is never cheaper, and marks n and the crossover on the plot", async () => {
    const app = render(
      <ScreenHarness>
        <CostScreen />
      </ScreenHarness>,
    );
    // 2.3: forward 2n², reverse 2n; 2n² < 2n needs n < 1, so for n ≥ 1 forward is never cheaper.
    const chain23 = await press(app, keys.left);
    expect(chain23.replace(/\s+/g, " ")).toContain("forward is never cheaper");
    // 2.4 at m = 4: n(2n + 4) = 12n at n = 4 (both 48), so the costs meet there.
    const plot = await press(app, keys.right, "p");
    expect(plot).toMatch(/\^.*\^ {2}n = 3, equal at n = 4$/m);
    expect(plot).toContain("* both");
  });
});
