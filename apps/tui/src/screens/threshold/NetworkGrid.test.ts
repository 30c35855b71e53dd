import { describe, expect, it } from "vitest";
import { visibleColumns } from "./NetworkGrid.js";

describe("visibleColumns", () => {
  // Each column takes its width plus one separator cell.
  it("shows every column that fits, from the first", () => {
    expect(visibleColumns([4, 4, 4], 15, 0)).toEqual([0, 2]);
    expect(visibleColumns([4, 4, 4, 4], 11, 1)).toEqual([0, 1]);
  });

  it("scrolls right just enough for the cursor's column", () => {
    // room 11: two columns of 5 cells; cursor on column 3 → columns 2 and 3.
    expect(visibleColumns([4, 4, 4, 4], 11, 3)).toEqual([2, 3]);
  });

  it("shows the cursor's column even when it alone is too wide", () => {
    expect(visibleColumns([4, 30, 4], 10, 1)).toEqual([1, 1]);
  });
});
