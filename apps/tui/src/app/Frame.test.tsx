import { Text } from "ink";
import { afterEach, describe, expect, it } from "vitest";
import { cleanupSized, renderSized } from "../test-support/sized-render.js";
import { Frame } from "./Frame.js";
import { useBodySize } from "./layout.js";

afterEach(cleanupSized);

function BodySize() {
  const { columns, rows } = useBodySize();
  return <Text>{`body ${columns}×${rows}`}</Text>;
}

function framed(size: { columns: number; rows: number }, children = <BodySize />) {
  return (
    renderSized(
      <Frame title="Answers" scope="Homework 1 · all" footer="q back">
        {children}
      </Frame>,
      size,
    ).lastFrame() ?? ""
  );
}

describe("Frame", () => {
  it("draws the title and scope, a rule, the body and the footer, one row short of the terminal", () => {
    const lines = framed({ columns: 80, rows: 24 }).split("\n");
    expect(lines).toHaveLength(23);
    expect(lines[0]).toMatch(/^nnkit · Answers +Homework 1 · all$/);
    expect(lines[0]).toHaveLength(80);
    expect(lines[1]).toBe("─".repeat(80));
    // The body's size is what is left: 24 rows less the title, the rule, the footer and one.
    expect(lines[2]).toBe("body 80×20");
    expect(lines.at(-1)).toBe("q back");
  });

  it("cuts a body taller than its rows at the bottom, keeping the footer", () => {
    const tall = (
      <>
        {Array.from({ length: 40 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows are fixed
          <Text key={i}>{`row ${i}`}</Text>
        ))}
      </>
    );
    const lines = framed({ columns: 80, rows: 24 }, tall).split("\n");
    expect(lines).toHaveLength(23);
    expect(lines[2]).toBe("row 0");
    expect(lines[21]).toBe("row 19");
    expect(lines.at(-1)).toBe("q back");
  });

  it("says in one line that a terminal below 80×24 is too small", () => {
    expect(framed({ columns: 79, rows: 30 })).toBe(
      "terminal too small (79×30): nnkit needs at least 80×24 · q quits",
    );
  });
});
