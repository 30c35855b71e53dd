import { assertLive, Tracer, type Value } from "../tracer.js";

/**
 * Gives a traced value a human name ("z1", "W(1)") that graphs, drawings and equations use.
 * Returns the value itself; on plain tensors it does nothing.
 */
export function name<V extends Value>(value: V, label: string): V {
  if (value instanceof Tracer) {
    assertLive(value);
    value.builder.setName(value.id, label);
  }
  return value;
}

/** Names a tracer unless it already has a name (names carry through transformations). */
export function nameIfUnnamed(value: Value, label: string): void {
  if (value instanceof Tracer && value.builder.isActive && value.name === undefined) {
    value.builder.setName(value.id, label);
  }
}

/** `z1` → `z̄1`: the adjoint's name, a bar over the first letter (NFC, so ȳ is one code point). */
export function adjointName(label: string): string {
  return `${label.slice(0, 1)}\u0304${label.slice(1)}`.normalize("NFC");
}

/** `z1` → `ż1`: the tangent's name (NFC). */
export function tangentName(label: string): string {
  return `${label.slice(0, 1)}\u0307${label.slice(1)}`.normalize("NFC");
}
