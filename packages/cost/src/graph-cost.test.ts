// Costs of traced @nnkit/autodiff graphs: symbolic formulas from the primitives' cost rules,
// checked against the homework by hand and against counted evaluations on real tensors.
import {
  abstract,
  exp,
  type Graph,
  hvp,
  jacfwd,
  jacrev,
  jvp,
  matmul,
  mul,
  sum,
  tanh,
  trace,
  transpose,
  vjp,
} from "@nnkit/autodiff";
import { rng } from "@nnkit/tensor";
import { describe, expect, it } from "vitest";
import { crossover, formatCondition } from "./crossover.js";
import { explainGraphCost } from "./explain.js";
import { fitPolynomial } from "./fit-polynomial.js";
import { graphCost } from "./graph-cost.js";
import { measureGraph } from "./measure-graph.js";
import { parsePolynomial } from "./parse-polynomial.js";

type Fn = (...args: never[]) => unknown;
const p = (text: string) => parsePolynomial(text);
const column = (size: string | number) => abstract([size, 1]);

// Homework 2.3 and 2.4, written as code in each order and traced with symbolic sizes.
const reverse23 = (v: never, y: never) => matmul(v, matmul(transpose(v), y));
const forward23 = (v: never, y: never) => matmul(matmul(v, transpose(v)), y);
const reverse24 = (v: never, y1: never, y2: never) =>
  matmul(v, matmul(transpose(v), matmul(y1, transpose(y2))));
const forward24 = (v: never, y1: never, y2: never) =>
  matmul(matmul(matmul(v, transpose(v)), y1), transpose(y2));

// L(x) = xᵀvvᵀx and its derivatives with respect to x.
const loss = (x: never, v: never) => matmul(transpose(x), matmul(v, matmul(transpose(v), x)));
const lossVjp = (x: never, v: never, ct: never) => vjp((z: never) => loss(z, v), x)[1](ct);
const lossJvp = (x: never, v: never, t: never) => jvp((z: never) => loss(z, v), [x], [t]);
const lossHvp = (x: never, v: never, t: never) => hvp((z: never) => sum(loss(z, v)), x, t);
const linear = (x: never, w: never) => matmul(w, x);
const layer = (x: never, w: never) => tanh(matmul(w, x));

describe("graph costs from traced code", () => {
  it("2.2.2: H = 2vvᵀ costs n² + n scaling v first, 2n² scaling the product; memory Θ(n²)", () => {
    const scaleFirst = graphCost(trace((v: never) => matmul(mul(v, 2), transpose(v)), column("n")));
    const scaleLast = graphCost(trace((v: never) => mul(matmul(v, transpose(v)), 2), column("n")));
    expect(scaleFirst.multiplications.toString()).toBe("n² + n");
    expect(scaleFirst.memory.allStored.toString()).toBe("n² + 2n");
    expect(scaleLast.multiplications.toString()).toBe("2n²");
    expect(scaleLast.memory.allStored.toString()).toBe("2n² + n");
  });

  it("2.3: reverse 2n, 3n + 1; forward 2n², n² + 3n", () => {
    const reverse = graphCost(trace(reverse23, column("n"), column("n")));
    const forward = graphCost(trace(forward23, column("n"), column("n")));
    expect(reverse.multiplications.toString()).toBe("2n");
    expect(reverse.memory.allStored.toString()).toBe("3n + 1");
    expect(forward.multiplications.toString()).toBe("2n²");
    expect(forward.memory.allStored.toString()).toBe("n² + 3n");
  });

  it("2.4: reverse 3nm, 2n + 2m + 2nm; forward n(2n + m), n² + nm + 3n + m; crossover m > n", () => {
    const shapes = [column("n"), column("n"), column("m")];
    const reverse = graphCost(trace(reverse24, ...shapes));
    const forward = graphCost(trace(forward24, ...shapes));
    expect(reverse.multiplications.toString()).toBe("3nm");
    expect(reverse.memory.allStored.equals(p("2*n + 2*m + 2*n*m"))).toBe(true);
    expect(forward.multiplications.toFactoredString()).toBe("n(2n + m)");
    expect(forward.memory.allStored.toString()).toBe("n² + nm + 3n + m");
    const time = crossover(forward.multiplications, reverse.multiplications);
    expect(formatCondition(time.firstCheaper)).toBe("m > n");
  });

  it("L = xᵀvvᵀx: forward 3n, VJP 7n, JVP 7n (hand-derived: each matmul here costs n)", () => {
    const shapes = [column("n"), column("n")];
    expect(graphCost(trace(loss, ...shapes)).multiplications.toString()).toBe("3n");
    expect(graphCost(trace(lossVjp, ...shapes, abstract([1, 1]))).multiplications.toString()).toBe(
      "7n",
    );
    expect(graphCost(trace(lossJvp, ...shapes, column("n"))).multiplications.toString()).toBe("7n");
  });

  it("a linear map's Jacobian: jacfwd costs 2mn² (a JVP per input), jacrev mn(m + 1)", () => {
    for (const [m, n] of [
      [2, 3],
      [4, 5],
    ] as const) {
      const fwd = graphCost(
        trace((x: never, w: never) => jacfwd(linear)(x, w), abstract([n]), abstract([m, n])),
      );
      const rev = graphCost(
        trace((x: never, w: never) => jacrev(linear)(x, w), abstract([n]), abstract([m, n])),
      );
      expect(fwd.multiplications.evaluateNumber({})).toBe(2 * m * n * n);
      expect(rev.multiplications.evaluateNumber({})).toBe(m * n * (m + 1));
    }
  });
});

describe("Jacobian costs as formulas (jacfwd needs numeric shapes, so the costs are fitted)", () => {
  const jacobianCost = (jacobian: typeof jacfwd) => (s: Readonly<Record<string, number>>) =>
    graphCost(
      trace(
        (x: never, w: never) => jacobian(linear)(x, w),
        abstract([s.n!]),
        abstract([s.m!, s.n!]),
      ),
    ).multiplications.evaluateNumber({});

  it("y = Wx, W m×n: jacfwd 2mn², jacrev m²n + mn; jacrev is cheaper iff m < 2n − 1", () => {
    const forward = fitPolynomial(jacobianCost(jacfwd), ["m", "n"], { maxDegree: 2 });
    const reverse = fitPolynomial(jacobianCost(jacrev), ["m", "n"], { maxDegree: 2 });
    expect(forward.toString()).toBe("2mn²");
    expect(reverse.toString()).toBe("m²n + mn");
    expect(formatCondition(crossover(reverse, forward).firstCheaper)).toBe("m < 2n - 1");
  });
});

describe("graph costs equal counted evaluations on real tensors", () => {
  const random = rng(11);
  const cases: [string, Fn, (n: number, m: number) => number[][]][] = [
    [
      "2.4 reverse",
      reverse24,
      (n, m) => [
        [n, 1],
        [n, 1],
        [m, 1],
      ],
    ],
    [
      "2.4 forward",
      forward24,
      (n, m) => [
        [n, 1],
        [n, 1],
        [m, 1],
      ],
    ],
    [
      "VJP of L",
      lossVjp,
      (n) => [
        [n, 1],
        [n, 1],
        [1, 1],
      ],
    ],
    [
      "JVP of L",
      lossJvp,
      (n) => [
        [n, 1],
        [n, 1],
        [n, 1],
      ],
    ],
    [
      "HVP of L",
      lossHvp,
      (n) => [
        [n, 1],
        [n, 1],
        [n, 1],
      ],
    ],
    ["jacfwd of tanh(Wx)", (x: never, w: never) => jacfwd(layer)(x, w), (n, m) => [[n], [m, n]]],
    ["jacrev of tanh(Wx)", (x: never, w: never) => jacrev(layer)(x, w), (n, m) => [[n], [m, n]]],
  ];
  for (const [label, f, shapes] of cases) {
    it(label, () => {
      for (const [n, m] of [
        [1, 2],
        [3, 2],
        [7, 3],
      ] as const) {
        const graph: Graph = trace(f, ...shapes(n, m).map((s) => abstract(s)));
        const cost = graphCost(graph);
        const measured = measureGraph(graph, ...shapes(n, m).map((s) => random.normal(s)));
        expect(measured.multiplications).toBe(cost.multiplications.evaluateNumber({}));
        expect(measured.storedElements).toBe(cost.memory.allStored.evaluateNumber({}));
        expect(measured.peakLiveElements).toBe(cost.memory.peakLive.evaluate({}).toNumber());
        expect(measured.residualElements).toBe(cost.memory.residuals.evaluateNumber({}));
      }
    });
  }
});

describe("reverse mode's residuals: from the primitives' saves, as the pullback keeps them", () => {
  // Hand derivations: what each VJP reads (its `saves`), kept from the forward pass, inputs not
  // counted again; a view keeps the storage it reads.
  const cases: [
    string,
    Fn,
    (n: number, m: number) => number[][],
    (n: number, m: number) => number,
  ][] = [
    // mul saves x and w (inputs), exp its output (n entries), sum nothing.
    ["Σ exp(w ⊙ x)", (x: never, w: never) => sum(exp(mul(w, x))), (n) => [[n], [n]], (n) => n],
    // tanh saves its output (m), mul both operands (tanh(Wx), kept, and Ux: m), matmul inputs.
    [
      "Σ tanh(Wx) ⊙ (Ux)",
      (x: never, W: never, U: never) => sum(mul(tanh(matmul(W, x)), matmul(U, x))),
      (n, m) => [[n], [m, n], [m, n]],
      (_n, m) => 2 * m,
    ],
    // matmul saves tanh(A)ᵀ, a view of tanh(A), which tanh saves too: n² once.
    [
      "Σ tanh(A)ᵀ x",
      (A: never, x: never) => sum(matmul(transpose(tanh(A)), x)),
      (n) => [[n, n], [n]],
      (n) => n * n,
    ],
    // Scaling by a constant and summing are linear: nothing beyond the inputs.
    ["Σ 3x", (x: never) => sum(mul(x, 3)), (n, m) => [[n, m]], () => 0],
  ];
  const random = rng(5);
  for (const [label, f, shapes, byHand] of cases) {
    it(label, () => {
      for (const [n, m] of [
        [1, 2],
        [3, 2],
        [6, 4],
      ] as const) {
        const graph: Graph = trace(f, ...shapes(n, m).map((s) => abstract(s)));
        const measured = measureGraph(graph, ...shapes(n, m).map((s) => random.normal(s)));
        expect(graphCost(graph).memory.residuals.evaluateNumber({})).toBe(byHand(n, m));
        expect(measured.residualElements).toBe(byHand(n, m));
      }
    });
  }
});

describe("measureGraph", () => {
  it("names a wrong number of input tensors", () => {
    const graph = trace(reverse23, column(2), column(2));
    expect(() => measureGraph(graph, rng(1).normal([2, 1]))).toThrow(
      expect.objectContaining({
        code: "argument",
        message: expect.stringContaining("measureGraph: the graph has 2 inputs, 1 tensors given"),
      }),
    );
  });
});

describe("graph memory conventions", () => {
  it("counts views as free and frees values after their last use for the peak", () => {
    const cost = graphCost(trace(reverse24, column("n"), column("n"), column("m")));
    expect(cost.memory.inputs.toString()).toBe("2n + m");
    expect(cost.memory.intermediates.toString()).toBe("nm + m");
    expect(cost.memory.peakLive.toString()).toBe("nm + 2n + 2m");
  });

  it("reverse mode keeps what the VJPs save: tanh's output and the products feeding a mul", () => {
    // L = Σ tanh(Wx) ⊙ (Ux), W and U [m×n]: tanh saves its output (m), mul saves both operands
    // (tanh(Wx), already kept, and Ux: m), matmul saves its inputs (inputs, not counted): 2m.
    const f = (x: never, W: never, U: never) => sum(mul(tanh(matmul(W, x)), matmul(U, x)));
    const cost = graphCost(trace(f, abstract(["n"]), abstract(["m", "n"]), abstract(["m", "n"])));
    expect(cost.memory.residuals.toString()).toBe("2m");
    // A transpose is a view: saving it keeps the matrix it views, counted once.
    const g = (A: never, x: never) => sum(matmul(transpose(tanh(A)), x));
    expect(
      graphCost(trace(g, abstract(["n", "n"]), abstract(["n"]))).memory.residuals.toString(),
    ).toBe("n²");
    // Scaling by a constant and transposing keep nothing beyond the inputs.
    const h = (x: never) => sum(transpose(mul(x, 3)));
    expect(graphCost(trace(h, abstract(["n", "m"]))).memory.residuals.isZero()).toBe(true);
  });

  it("explains a graph's cost node by node", () => {
    const cost = graphCost(trace(reverse23, column("n"), column("n")));
    expect(explainGraphCost(cost).split("\n")).toEqual([
      "%0 = input [n×1]: 0 multiplications, n stored",
      "%1 = input [n×1]: 0 multiplications, n stored",
      "%3 = matmul [1×1]: n multiplications, 1 stored",
      "%4 = matmul [n×1]: n multiplications, n stored",
      "Total: 2n multiplications.",
      "Memory, every stored value (inputs 2n, views free): 3n + 1; intermediates only: 1; peak live: 3n + 1.",
    ]);
  });
});
