import { type DType, Tensor } from "@nnkit/tensor";
import type { AbstractValue } from "./abstract-value.js";
import type { Dim } from "./dims.js";
import { AutodiffError } from "./errors.js";
import { type Graph, type GraphNode, NO_PARAMS } from "./graph.js";
import { GrowingColumns, graphOfColumns } from "./node-columns.js";

// Tracing: a GraphBuilder records the primitives applied to its Tracers into graph nodes. The two
// are one concept (a tracer is a node of the graph being built), so they share this file.

/** A value inside a transformation: a node of the graph being traced, with its abstract value. */
export class Tracer implements AbstractValue {
  readonly builder: GraphBuilder;
  readonly id: number;
  readonly shape: readonly Dim[];
  readonly dtype: DType;

  constructor(builder: GraphBuilder, id: number, shape: readonly Dim[], dtype: DType) {
    this.builder = builder;
    this.id = id;
    this.shape = shape;
    this.dtype = dtype;
  }

  get name(): string | undefined {
    return this.builder.nameOf(this.id);
  }

  get rank(): number {
    return this.shape.length;
  }

  toString(): string {
    return `Tracer(${this.name ?? `%${this.id}`})`;
  }
}

/** What the package's ops take and return: plain tensors eagerly, tracers under a transformation. */
export type Value = Tensor | Tracer;

/** Elementwise ops also take plain numbers, like NumPy scalars. */
export type Operand = Value | number;

// Builders nest: tracing inside a transformation opens a deeper builder. An op goes to the
// deepest builder among its inputs; values of outer builders are captured as extra inputs.
const activeBuilders: GraphBuilder[] = [];

/** Every scalar node's shape: one shared frozen array rather than one per node. */
const SCALAR: readonly Dim[] = Object.freeze([]);
const nodeShape = (shape: readonly Dim[]): readonly Dim[] =>
  shape.length === 0 ? SCALAR : [...shape];

// A graph's nodes live until its backward pass ends, so every object a node holds is copied by
// each garbage collection meanwhile (and promoted to the old generation): in a long graph this is
// what made the cost per op grow. So nodes are columns (node-columns.ts), and what the columns
// point at is shared where it can be: nodes without parameters share NO_PARAMS, captures this.
const CAPTURED: GraphNode["params"] = Object.freeze({ captured: true });
const NO_INPUTS: readonly number[] = Object.freeze([]);

/** `params`, or the shared empty one when it has no keys (ops that are not given NO_PARAMS). */
function nodeParams(params: GraphNode["params"]): GraphNode["params"] {
  for (const _key in params) return params;
  return NO_PARAMS;
}

/** Records primitive applications on tracers into a graph. */
export class GraphBuilder {
  readonly depth: number;
  private readonly columns = new GrowingColumns();
  /** An op's input ids, gathered before its node is appended (lifting may append constants). */
  private readonly inputScratch: number[] = [];
  private readonly inputIds: number[] = [];
  /** Outer tracers this graph reads; they are its trailing inputs, in this order. */
  readonly captures: Tracer[] = [];
  private readonly captureIds = new Map<Tracer, number>();
  private readonly constIds = new Map<Tensor, number>();
  /**
   * 0-d constants by dtype, then value: the same number in many ops (`mul(v, 1.01)` in a loop)
   * is one node however often it is used and however many 0-d tensors hold it.
   */
  private readonly scalarIds = new Map<DType, Map<number | "-0", number>>();
  private active = true;

  private constructor(depth: number) {
    this.depth = depth;
  }

  /** Runs `fn` with a fresh builder on the stack; its tracers are dead once `fn` returns. */
  /** The innermost builder still recording, if any. */
  static innermost(): GraphBuilder | undefined {
    return activeBuilders.at(-1);
  }

  static run<T>(fn: (builder: GraphBuilder) => T): T {
    const builder = new GraphBuilder(activeBuilders.length);
    activeBuilders.push(builder);
    try {
      return fn(builder);
    } finally {
      activeBuilders.pop();
      builder.active = false;
    }
  }

  addInput(value: AbstractValue): Tracer {
    const id = this.columns.push(
      "input",
      NO_INPUTS,
      nodeShape(value.shape),
      value.dtype,
      NO_PARAMS,
    );
    this.inputIds.push(id);
    return new Tracer(this, id, value.shape, value.dtype);
  }

  /** The id of `value` in this graph, adding a constant or a capture when it lives elsewhere. */
  lift(value: Value): number {
    if (value instanceof Tensor) return this.constant(value);
    assertLive(value);
    if (value.builder === this) return value.id;
    if (value.builder.depth > this.depth) {
      throw new AutodiffError(
        "trace",
        "trace",
        "a value from an inner transformation was used in an outer one",
      );
    }
    return this.capture(value);
  }

  /** Records `op` applied to `inputs`; the builder knows primitives by name only. */
  emit(
    op: GraphNode["op"],
    inputs: readonly Value[],
    params: GraphNode["params"],
    out: AbstractValue,
  ): Tracer {
    const ids = this.inputScratch;
    ids.length = 0;
    for (let j = 0; j < inputs.length; j++) ids.push(this.lift(inputs[j]!));
    const shape = nodeShape(out.shape);
    const id = this.columns.push(op, ids, shape, out.dtype, nodeParams(params));
    return new Tracer(this, id, out.shape, out.dtype);
  }

  nameOf(id: number): string | undefined {
    return this.columns.names.get(id);
  }

  setName(id: number, name: string): void {
    this.columns.names.set(id, name);
  }

  /**
   * The graph, with `outputs` as its outputs: the last thing a run does (its builder records
   * nothing afterwards, names included), so the columns are handed over as they are, not copied.
   */
  finish(outputs: readonly Value[]): Graph {
    const outputIds = outputs.map((v) => this.lift(v));
    return graphOfColumns(this.columns.finished(), [...this.inputIds], outputIds);
  }

  private constant(value: Tensor): number {
    if (value.rank === 0) return this.scalarConstant(value);
    const known = this.constIds.get(value);
    if (known !== undefined) return known;
    const id = this.addConstant(value);
    this.constIds.set(value, id);
    return id;
  }

  private scalarConstant(value: Tensor): number {
    // Read in place: `item()` copies the storage first, once per op here.
    const number = value.data[value.offset]!;
    // Map keys compare 0 and -0 as equal, and they are different constants (1 / -0 < 0), so -0
    // has a key of its own. NaN keys do match each other: every NaN constant computes the same.
    const key = Object.is(number, -0) ? "-0" : number;
    let byValue = this.scalarIds.get(value.dtype);
    if (!byValue) {
      byValue = new Map();
      this.scalarIds.set(value.dtype, byValue);
    }
    const known = byValue.get(key);
    if (known !== undefined) return known;
    const id = this.addConstant(value);
    byValue.set(key, id);
    return id;
  }

  private addConstant(value: Tensor): number {
    return this.columns.push("const", NO_INPUTS, nodeShape(value.shape), value.dtype, { value });
  }

  private capture(value: Tracer): number {
    const known = this.captureIds.get(value);
    if (known !== undefined) return known;
    const id = this.columns.push("input", NO_INPUTS, nodeShape(value.shape), value.dtype, CAPTURED);
    if (value.name !== undefined) this.columns.names.set(id, value.name);
    this.inputIds.push(id);
    this.captures.push(value);
    this.captureIds.set(value, id);
    return id;
  }

  get isActive(): boolean {
    return this.active;
  }
}

export function assertLive(value: Tracer): void {
  if (!value.builder.isActive) {
    throw new AutodiffError(
      "trace",
      "trace",
      `tracer ${value.toString()} escaped its transformation; return values instead of storing them`,
    );
  }
}
