import { describe, expect, it } from "vitest";
import { zeros } from "./index.js";

describe("zeros", () => {
  it("has n zero entries", () => {
    expect(Array.from(zeros(3))).toEqual([0, 0, 0]);
  });
});
