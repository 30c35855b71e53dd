import { backwardValues, type Hw1Parameters, hw1Example, hw1Network, trace } from "@nnkit/autodiff";
import { reshape, type Tensor, tensor } from "@nnkit/tensor";
import type { Question } from "../assignment/assignment.js";
import { type BackpropInstance, backpropCheck } from "../checkers/backprop-check.js";
import type { CheckContext } from "../checkers/check.js";
import { graphCheck } from "../checkers/graph-check.js";
import { GradingError } from "../errors.js";

/** The 2.1 variables as the answer file names them, with @nnkit/autodiff's names. */
const VARIABLES: Readonly<Record<string, string>> = {
  x: "x",
  t: "t",
  z1: "z1",
  h: "h",
  z2: "z2",
  g1: "g1",
  g2: "g2",
  y: "y",
  "y'": "y'",
  S: "S",
  J: "J",
};
const WEIGHTS: Readonly<Record<string, string>> = {
  W1: "W(1)",
  b1: "b(1)",
  W2: "W(2)",
  b2: "b(2)",
  W3: "W(3)",
  b3: "b(3)",
};
/** Adjoints in backward order, as the answer's keys. */
const ADJOINTS = ["J", "S", "y'", "y", "g2", "g1", "h", "z2", "z1", "x"].map((v) => `${v}_bar`);

/** The classes of hw1Example's output. */
const CLASSES = 3;
const INSTANCES = 3;

/** A seeded 2.1 instance (D = 3, K = 4, N = 3) whose class is drawn too. */
const randomInstance = (seed: number) => hw1Example(seed, { randomLabel: true });

/** Vectors become columns, as every formula treats them. */
function asColumn(t: Tensor): Tensor {
  return t.rank === 1 ? reshape(t, [t.size, 1]) : t;
}

/** Forward values and reference adjoints from @nnkit/autodiff on seeded random parameters. */
function instances(context: CheckContext): BackpropInstance[] {
  return Array.from({ length: INSTANCES }, (_, k) => {
    const { params, x, t } = randomInstance(context.seed + k);
    const named = backwardValues(
      (p: Hw1Parameters, xs, ts) => hw1Network(p, xs, ts),
      [params, x, t],
    );
    const forward = new Map<string, Tensor>();
    const adjoints = new Map<string, Tensor>();
    for (const [symbol, name] of Object.entries({ ...VARIABLES, ...WEIGHTS })) {
      const value = named.get(name);
      if (value === undefined)
        throw new GradingError("hw1 2.1", `@nnkit/autodiff has no value named ${name}`);
      // The handout counts classes from 1; autodiff's t is 0-based.
      forward.set(symbol, symbol === "t" ? tensor(value.value.item() + 1) : asColumn(value.value));
      if (value.adjoint !== undefined && symbol in VARIABLES)
        adjoints.set(`${symbol}_bar`, asColumn(value.adjoint));
    }
    return { forward, adjoints, classes: CLASSES };
  });
}

/** The computation graph as a student draws it: edges between the 2.1 variables. */
function referenceEdges(): [string, string][] {
  const { params, x, t } = randomInstance(0);
  const graph = trace((p: Hw1Parameters, xs, ts) => hw1Network(p, xs, ts), params, x, t);
  const symbolOf = new Map(Object.entries(VARIABLES).map(([symbol, name]) => [name, symbol]));
  return graph
    .namedEdges()
    .filter(([from, to]) => symbolOf.has(from) && symbolOf.has(to))
    .map(([from, to]) => [symbolOf.get(from)!, symbolOf.get(to)!]);
}

export const q2_1_1: Question = {
  id: "q2.1.1",
  title: "Computation graph of the 2.1 network",
  points: 0,
  parts: [
    {
      label: "edges",
      field: "edges",
      weight: 1,
      visibility: "visible",
      check: graphCheck({ nodes: Object.keys(VARIABLES), edges: referenceEdges }),
    },
  ],
  template: [
    '# Edges over x, t, z1, h, z2, g1, g2, y, y\', S, J as "a -> b" or [a, b]',
    "edges:",
    '  - "x -> z1"',
  ].join("\n"),
};

export const q2_1_2: Question = {
  id: "q2.1.2",
  title: "Backward pass of the 2.1 network",
  points: 1,
  parts: [
    {
      label: "equations",
      weight: 1,
      visibility: "visible",
      check: backpropCheck({
        adjoints: ADJOINTS,
        aliases: { yp_bar: "y'_bar" },
        forwardSymbols: [...Object.keys(VARIABLES), ...Object.keys(WEIGHTS)],
        chainTarget: "x_bar",
        instances,
        weightInto: {
          y_bar: { weight: "W3", forward: "y = W3 g2 + b3" },
          z2_bar: { weight: "W2", forward: "z2 = W2 x + b2" },
          z1_bar: { weight: "W1", forward: "z1 = W1 x + b1" },
        },
      }),
    },
  ],
  template: [
    "# One equation per adjoint, over the forward variables, W1 W2 W3 b1 b2 b3, t and other adjoints.",
    "# Functions: relu, relu', sigmoid, sigmoid', softmax, softmax' (the Jacobian), exp, log,",
    "# onehot(t), diag, I(z1 > 0); ⊙ or .* elementwise, ^T transpose.",
    ...ADJOINTS.map((adjoint) => `${adjoint.includes("'") ? `"${adjoint}"` : adjoint}: ""`),
  ].join("\n"),
};
