import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { BodySizeContext } from "../app/layout.js";
import { lineAt } from "./line-edit.js";
import { TextField } from "./TextField.js";

function field(props: Parameters<typeof TextField>[0], columns = 80) {
  return (
    render(
      <BodySizeContext.Provider value={{ columns, rows: 20 }}>
        <TextField {...props} />
      </BodySizeContext.Provider>,
    ).lastFrame() ?? ""
  );
}

describe("TextField", () => {
  it("draws the caret as a character where the cursor is", () => {
    expect(field({ label: "x =", line: { text: "3nm", cursor: 1 }, focused: true })).toBe(
      "x = 3▏nm",
    );
    expect(field({ label: "x =", line: lineAt("3nm"), focused: false })).toBe("x = 3nm");
  });

  it("puts the error marker under the offending character, past the caret", () => {
    const error = { position: 4, message: "unexpected end" };
    const [line, marker] = field({
      label: "m =",
      line: lineAt("3nm +"),
      focused: true,
      error,
    }).split("\n");
    expect(line).toBe("m = 3nm +▏");
    // "m = " is 4 cells; position 4 is the "+".
    expect(marker).toBe(`${" ".repeat(8)}^ unexpected end`);
    expect(line![marker!.indexOf("^")]).toBe("+");
  });

  it("keeps a long value on one row, scrolled to the caret", () => {
    const text = "a".repeat(200) + "Z";
    const frame = field({ label: "v =", line: lineAt(text), focused: true }, 80);
    expect(frame.split("\n")).toHaveLength(1);
    expect(frame).toMatch(/^v = …a+Z▏$/);
    expect([...frame].length).toBeLessThanOrEqual(80);
  });
});
