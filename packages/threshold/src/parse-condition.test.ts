import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type Condition, type Expression, formatCondition, input } from "./condition.js";
import { ConditionError } from "./errors.js";
import { parseCondition } from "./parse-condition.js";

const x = input;
const eq = (left: Expression, right: Expression): Condition => ({
  kind: "compare",
  relation: "==",
  left,
  right,
});

describe("parseCondition", () => {
  test("a membership target, written out and with `in`", () => {
    expect(parseCondition("x4 == x1 or x4 == x2 or x4 == x3")).toEqual({
      kind: "or",
      args: [eq(x(3), x(0)), eq(x(3), x(1)), eq(x(3), x(2))],
    });
    expect(parseCondition("x4 in {x1, x2, x3}")).toEqual({
      kind: "member",
      element: x(3),
      list: [x(0), x(1), x(2)],
    });
  });

  test("distinct, permutation, and binding tighter than or, not tightest", () => {
    expect(parseCondition("distinct(x1, x2, x3) and distinct(x4,x5,x6)")).toEqual({
      kind: "and",
      args: [
        { kind: "distinct", args: [x(0), x(1), x(2)] },
        { kind: "distinct", args: [x(3), x(4), x(5)] },
      ],
    });
    expect(parseCondition("permutation(x4, x5, x6 of x1, x2, x3)")).toEqual({
      kind: "permutation",
      items: [x(3), x(4), x(5)],
      of: [x(0), x(1), x(2)],
    });
    expect(parseCondition("x1 = x2 || x1 = x3 && not x2 = x3")).toEqual({
      kind: "or",
      args: [
        eq(x(0), x(1)),
        { kind: "and", args: [eq(x(0), x(2)), { kind: "not", arg: eq(x(1), x(2)) }] },
      ],
    });
  });

  test("arithmetic: precedence, unary minus, parenthesised expressions and conditions", () => {
    expect(parseCondition("(x1 + x2) * 2 >= -x3 - 1")).toEqual({
      kind: "compare",
      relation: ">=",
      left: {
        kind: "multiply",
        left: { kind: "add", left: x(0), right: x(1) },
        right: { kind: "integer", value: 2n },
      },
      right: {
        kind: "subtract",
        left: { kind: "negate", arg: x(2) },
        right: { kind: "integer", value: 1n },
      },
    });
    expect(parseCondition("(x1 < x2 or x2 ≤ 3)")).toEqual({
      kind: "or",
      args: [
        { kind: "compare", relation: "<", left: x(0), right: x(1) },
        { kind: "compare", relation: "<=", left: x(1), right: { kind: "integer", value: 3n } },
      ],
    });
  });

  test.each([
    ["x4 == x1 or", 12, 'expected an input, an integer or "(" but found the end of the text'],
    ["x4 == y1", 7, 'found "y1" (inputs are written x1, x2, …)'],
    ["x0 == x1", 1, "inputs are x1, x2, … (counted from 1), not x0"],
    ["x1 == x2 ?", 10, 'unexpected character "?"'],
    ["permutation(x4, x5 of x1, x2, x3)", 1, "two lists of one length, got 2 and 3"],
    ["distinct(x1)", 1, "at least two values"],
    ["(x1 == x2", 10, 'expected ")" but found the end of the text'],
    ["x1 x2", 4, 'expected a comparison (==, !=, <, <=, >, >=) or "in" but found "x2"'],
  ])("%j is refused at column %i", (text, column, message) => {
    let error: unknown;
    try {
      parseCondition(text);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConditionError);
    expect((error as ConditionError).code).toBe("condition");
    expect((error as ConditionError).column).toBe(column);
    expect((error as ConditionError).message).toContain(message);
    expect((error as ConditionError).message).toContain(`column ${column}`);
  });

  test("Unicode spellings and connectives, read by @nnkit/math's tokenizer", () => {
    expect(parseCondition("x1 ≠ x2 && !(x3 ≥ −1) || x1 == 2·x2")).toEqual(
      parseCondition("x1 != x2 and not (x3 >= -1) or x1 = 2 * x2"),
    );
    expect(() => parseCondition("x1 == 0.5")).toThrow(
      expect.objectContaining({
        code: "condition",
        message: expect.stringContaining("column 7: constants are integers, not 0.5"),
      }),
    );
  });

  test("inputs beyond the question's arity are named", () => {
    expect(() => parseCondition("x7 == x1", { arity: 6 })).toThrow(
      expect.objectContaining({
        code: "condition",
        message: expect.stringContaining("x7 is not an input: there are 6 (x1..x6)"),
      }),
    );
  });

  test("deep nesting and long text are refused, not a stack overflow", () => {
    expect(() => parseCondition(`${"not ".repeat(200)}x1 == x2`)).toThrow(
      expect.objectContaining({
        code: "condition",
        message: expect.stringContaining("nested more than"),
      }),
    );
    expect(() => parseCondition(`${"(".repeat(150)}x1${")".repeat(150)} == x2`)).toThrow(
      ConditionError,
    );
    expect(() => parseCondition("x1 == x2 or ".repeat(300))).toThrow(
      expect.objectContaining({
        code: "condition",
        message: expect.stringContaining("longer than"),
      }),
    );
  });
});

const expression: fc.Arbitrary<Expression> = fc.letrec<{ e: Expression }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.nat({ max: 5 }).map((index) => x(index)),
    fc.bigInt({ min: 0n, max: 20n }).map((value): Expression => ({ kind: "integer", value })),
    fc
      .tuple(fc.constantFrom("add", "subtract", "multiply" as const), tie("e"), tie("e"))
      .map(([kind, left, right]): Expression => ({ kind, left, right })),
    tie("e").map((arg): Expression => ({ kind: "negate", arg })),
  ),
})).e;

const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc
      .tuple(fc.constantFrom("==", "!=", "<", "<=", ">", ">=" as const), expression, expression)
      .map(([relation, left, right]): Condition => ({ kind: "compare", relation, left, right })),
    fc
      .array(expression, { minLength: 2, maxLength: 4 })
      .map((args): Condition => ({ kind: "distinct", args })),
    fc
      .tuple(expression, fc.array(expression, { minLength: 1, maxLength: 3 }))
      .map(([element, list]): Condition => ({ kind: "member", element, list })),
    fc.array(fc.tuple(expression, expression), { minLength: 1, maxLength: 3 }).map(
      (pairs): Condition => ({
        kind: "permutation",
        items: pairs.map(([a]) => a),
        of: pairs.map(([, b]) => b),
      }),
    ),
    fc
      .tuple(
        fc.constantFrom("and", "or" as const),
        fc.array(tie("c"), { minLength: 2, maxLength: 3 }),
      )
      .map(([kind, args]): Condition => ({ kind, args })),
    tie("c").map((arg): Condition => ({ kind: "not", arg })),
    fc.boolean().map((value): Condition => ({ kind: "boolean", value })),
  ),
})).c;

/** The parser builds sums left-nested and flattens nothing else: normalise nested and/or alike. */
function flatten(c: Condition): Condition {
  if (c.kind === "and" || c.kind === "or") {
    return {
      kind: c.kind,
      args: c.args.flatMap((arg) => {
        const flat = flatten(arg);
        return flat.kind === c.kind ? flat.args : [flat];
      }),
    };
  }
  return c.kind === "not" ? { kind: "not", arg: flatten(c.arg) } : c;
}

test("formatCondition then parseCondition gives the condition back", () => {
  fc.assert(
    fc.property(condition, (c) => {
      expect(parseCondition(formatCondition(c))).toEqual(flatten(c));
    }),
    { numRuns: 300 },
  );
});
