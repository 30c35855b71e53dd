import type { DType, Tensor } from "@nnkit/tensor";
import type { AbstractValue } from "./abstract-value.js";
import type { GraphBuilder } from "./builder.js";
import type { Dim } from "./dims.js";

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
