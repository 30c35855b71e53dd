import { describe, expect, it } from "vitest";
import { colorsEnabled } from "./theme.js";

describe("colorsEnabled", () => {
  it("follows the NO_COLOR convention: present and non-empty turns colours off", () => {
    expect(colorsEnabled({})).toBe(true);
    expect(colorsEnabled({ NO_COLOR: "" })).toBe(true);
    expect(colorsEnabled({ NO_COLOR: "1" })).toBe(false);
    expect(colorsEnabled({ NO_COLOR: "0" })).toBe(false);
  });
});
