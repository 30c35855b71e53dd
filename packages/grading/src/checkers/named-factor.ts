import type { Tensor } from "@nnkit/tensor";
import type { Hint } from "./outcome.js";

/** What an instance of a backprop check holds (its BackpropInstance), by symbol. */
interface BackpropInstance {
  readonly forward: ReadonlyMap<string, Tensor>;
  readonly adjoints: ReadonlyMap<string, Tensor>;
  readonly classes?: number;
}

/** Entries of a reference beyond which no factor is looked for (the search is per entry). */
const MAX_ENTRIES = 1_000;
/** Entries compared in one search, all candidates and instances together. */
const MAX_COMPARISONS = 1_000_000;

/** A simple expression of an instance's values, evaluated on each instance. */
interface Candidate {
  readonly text: string;
  /** A vector of the reference's shape (⊙), or a scalar (times). */
  readonly elementwise: boolean;
  readonly of: (instance: BackpropInstance) => Float64Array | number | undefined;
}

/**
 * Where a wrong value is, on every instance, the reference times a simple expression of that
 * instance's values — a scalar (y'_t², S) or, elementwise, another variable (h, 1 − g1), to a
 * power ±1 or ±2 — the hint naming it: a factor that changes between instances is not "off by a
 * constant factor". Undefined when none fits every instance (or nothing is there to compare).
 */
export function namedFactor(
  values: readonly Tensor[],
  references: readonly Tensor[],
  instances: readonly BackpropInstance[],
  classLabel: string | undefined,
): Hint | undefined {
  const [first] = references;
  if (first === undefined || first.size > MAX_ENTRIES) return undefined;
  const reference = references.map((r) => r.toTypedArray());
  if (reference.every((r) => r.every((x) => x === 0))) return undefined;
  const value = values.map((v) => v.toTypedArray());
  if (value.some((v, k) => v.length !== reference[k]!.length)) return undefined;
  const tried = candidates(instances[0]!, first, classLabel);
  const affordable = Math.floor(MAX_COMPARISONS / (first.size * instances.length));
  for (const candidate of tried.slice(0, affordable)) {
    const fits = instances.every((instance, k) => {
      const factor = candidate.of(instance);
      if (factor === undefined) return false;
      return reference[k]!.every((r, i) => {
        const expected = (typeof factor === "number" ? factor : factor[i]!) * r;
        return Math.abs(value[k]![i]! - expected) <= 1e-6 * (1 + Math.abs(expected));
      });
    });
    if (fits)
      return { kind: "named-factor", factor: candidate.text, elementwise: candidate.elementwise };
  }
  return undefined;
}

/** Scalars first (a variable, the class entry v_t of a vector), then same-shape vectors. */
function candidates(
  instance: BackpropInstance,
  reference: Tensor,
  classLabel: string | undefined,
): Candidate[] {
  const named = [...instance.forward.keys(), ...instance.adjoints.keys()].filter(
    (name) => name !== classLabel,
  );
  const variable = (inst: BackpropInstance, name: string) =>
    inst.forward.get(name) ?? inst.adjoints.get(name);
  const scalars: Candidate[] = [];
  const vectors: Candidate[] = [];
  for (const name of named) {
    const sample = variable(instance, name)!;
    if (sample.size === 1) {
      scalars.push(...powers(name, false, (inst) => variable(inst, name)?.item()));
    } else if (classLabel !== undefined && isVector(sample) && sample.size === instance.classes) {
      // The entry of the instance's class, as `onehot(t)ᵀ v` picks it: y'_t.
      scalars.push(
        ...powers(`${name}_${classLabel}`, false, (inst) => {
          const label = inst.forward.get(classLabel)?.item();
          const vector = variable(inst, name)?.toTypedArray();
          return label === undefined || vector === undefined ? undefined : vector[label - 1];
        }),
      );
    }
    if (sample.size === reference.size && sample.shape.join("x") === reference.shape.join("x")) {
      const entries = (inst: BackpropInstance) => {
        const entries = variable(inst, name)?.toTypedArray();
        return entries === undefined ? undefined : Float64Array.from(entries);
      };
      vectors.push(...powers(name, true, entries));
      vectors.push(...powers(`(1 − ${name})`, true, (inst) => entries(inst)?.map((x) => 1 - x)));
    }
  }
  return [...scalars, ...vectors];
}

function isVector(t: Tensor): boolean {
  return t.shape.filter((d) => d !== 1).length === 1;
}

/** b, −b, 1/b, −1/b, b², 1/b² of a base, written in the answer's notation. */
function powers(
  base: string,
  elementwise: boolean,
  of: (instance: BackpropInstance) => Float64Array | number | undefined,
): Candidate[] {
  const map = (f: (x: number) => number) => (instance: BackpropInstance) => {
    const b = of(instance);
    if (b === undefined) return undefined;
    return typeof b === "number" ? f(b) : b.map(f);
  };
  return [
    { text: base, f: (x: number) => x },
    { text: `−${base}`, f: (x: number) => -x },
    { text: `1/${base}`, f: (x: number) => 1 / x },
    { text: `−1/${base}`, f: (x: number) => -1 / x },
    { text: `${base}²`, f: (x: number) => x * x },
    { text: `1/${base}²`, f: (x: number) => 1 / (x * x) },
  ].map(({ text, f }) => ({ text, elementwise, of: map(f) }));
}
