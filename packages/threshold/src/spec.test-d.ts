// Type-level tests (vitest's typecheck mode): activation specs written as literals are checked at
// compile time, while strings known only at run time still typecheck.
import { describe, expectTypeOf, test } from "vitest";
import { network } from "./network.js";
import { question } from "./question.js";
import { type ActivationSpec, parseActivation } from "./spec.js";

declare const fromAnswerFile: string;

describe("activation spec literals", () => {
  test("valid literals and runtime strings are accepted", () => {
    parseActivation("indicator[-1,1]");
    parseActivation("indicator(0, 1/2]");
    parseActivation("step >= 0");
    parseActivation("step>0.5");
    parseActivation("eq=3");
    parseActivation("sign");
    parseActivation(fromAnswerFile);
    expectTypeOf<ActivationSpec<"relu">>().toEqualTypeOf<"relu">();
    expectTypeOf<ActivationSpec<string>>().toEqualTypeOf<string>();
  });

  test("a typo in a literal fails to compile", () => {
    // @ts-expect-error: the closing bracket is missing
    parseActivation("indicator[-1,1");
    // @ts-expect-error: "stepp" is no activation
    parseActivation("stepp>=0");
    // @ts-expect-error: "x" is not a number
    parseActivation("eq=x");
    // @ts-expect-error: relu takes no threshold
    parseActivation("relu>0");
  });

  test("layers of a network are checked the same way", () => {
    network([{ weights: [[1, 1]], bias: -1, activation: "step>=0" }]);
    network([{ weights: [[1], [2]], activation: ["sign", fromAnswerFile] }]);
    // @ts-expect-error: a typo in a layer's activation
    network([{ weights: [[1, 1]], activation: "indicator[0,1)]" }]);
    // @ts-expect-error: a typo in one unit's activation
    network([{ weights: [[1], [2]], activation: ["sign", "sing"] }]);
  });

  test("a question's allowed activations are checked the same way", () => {
    question({ target: "x1 == x2", arity: 2, allowedActivations: ["indicator[-1,1]", "step"] });
    question({ target: "x1 == x2", arity: 2, allowedActivations: [fromAnswerFile] });
    // @ts-expect-error: "indicater" is neither a kind nor a spec
    question({ target: "x1 == x2", arity: 2, allowedActivations: ["indicater"] });
  });
});
