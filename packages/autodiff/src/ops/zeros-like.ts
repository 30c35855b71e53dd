import { zeros } from "@nnkit/tensor";
import type { AbstractValue } from "../abstract-value.js";
import { scalar } from "../bind.js";
import { concreteShape } from "../dims.js";
import { broadcastTo } from "../primitives/sum-broadcast.js";
import { Tracer, type Value } from "../tracer.js";

/** Zeros shaped like `like`, living where `like` lives (a graph node under a transformation). */
export function zerosLike(like: Value | AbstractValue, context?: Value): Value {
  const where = context ?? like;
  if (where instanceof Tracer) return broadcastTo(scalar(0, like.dtype), like.shape, where.builder);
  return zeros(concreteShape("zeros", like.shape), like.dtype);
}
