import type { GradingMath } from "../math/expr.js";
import { Atoms, evaluateSymbolic, type SymbolicEnvironment } from "./evaluate-symbolic.js";
import { ProofCache } from "./proof-cache.js";
import {
  type BudgetOptions,
  budget,
  DEFAULT_MAX_WORK,
  RationalFunction,
  type SymbolicBudget,
  SymbolicLimit,
} from "./rational-function.js";
import { type SymbolicMatrix, sameValue } from "./symbolic-matrix.js";

/**
 * Whether two formulas are one function: `equal` is a proof wherever the assumptions hold (every
 * inverse and divisor they take defined); `different` means they differ as rational functions of
 * independent entries and atoms, which is no counterexample (atoms such as σ(z) and exp(z) are
 * related in fact); `undecided` says why no answer was reached.
 */
export type IdentityVerdict =
  | { readonly kind: "equal"; readonly assumptions: readonly string[] }
  | { readonly kind: "different" }
  | {
      readonly kind: "undecided";
      readonly reason: "unsupported" | "budget";
      readonly message: string;
      /** The wall-clock guard stopped it: on a quieter machine it may be decided. */
      readonly clock?: true;
    };

/** Variables for symbolic entries: one fresh name per entry of every matrix it makes. */
export class EntryNames {
  private count = 0;

  constructor(readonly limits: SymbolicBudget) {}

  matrix(rows: number, columns: number): SymbolicMatrix {
    const entries: RationalFunction[] = [];
    for (let k = 0; k < rows * columns; k++) {
      entries.push(RationalFunction.variable(`entry${this.count++}`, this.limits));
    }
    return { rows, columns, entries };
  }
}

/** One case of an identity: the names' values, and the reference value of each target there. */
export interface SymbolicCase {
  readonly values: ReadonlyMap<string, SymbolicMatrix>;
  /** onehot's length, when a class label is fixed to one class in this case. */
  readonly classes?: number;
  readonly expected: ReadonlyMap<string, SymbolicMatrix>;
}

/** What building a reference may use: fresh entries, the shared atoms, the assumptions made. */
export interface ReferenceTools {
  readonly names: EntryNames;
  /** The environment to evaluate a reference formula in, with these values. */
  environment(values: ReadonlyMap<string, SymbolicMatrix>, classes?: number): SymbolicEnvironment;
}

/** A reference computed once per check, against which each answer is compared. */
export interface PreparedReference {
  readonly kind: "prepared";
  readonly limits: SymbolicBudget;
  readonly atoms: Atoms;
  readonly assumptions: readonly string[];
  readonly cases: readonly SymbolicCase[];
  /** The work one answer's comparison may do (the reference had four times as much). */
  readonly maxWork: number;
  /** Verdicts of the answers already compared with this reference (see proof-cache.ts). */
  readonly proofs: ProofCache<IdentityVerdict>;
}

/**
 * Limits of one answer's comparison (and, four times over, once, of the reference's): terms,
 * products, work, and the wall-clock guard's time.
 */
export type ProveOptions = BudgetOptions;

/**
 * The wall-clock guard of one answer's comparison: far above what the course's answers take
 * (tenths of a second), a last resort only: the counted work budget stops hostile text first, the
 * same way on any machine, so a loaded machine does not turn a proof into a review.
 */
export const DEFAULT_TIME_MS = 6000;

/** Builds the reference's cases, or says why it cannot be (then no answer is proved). */
export function prepareReference(
  build: (tools: ReferenceTools) => readonly SymbolicCase[],
  options: ProveOptions = {},
): PreparedReference | Extract<IdentityVerdict, { kind: "undecided" }> {
  const maxWork = options.maxWork ?? DEFAULT_MAX_WORK;
  const limits = budget({
    ...options,
    maxWork: 4 * maxWork,
    timeMs: 4 * (options.timeMs ?? DEFAULT_TIME_MS),
  });
  const atoms = Atoms.create(limits);
  const assumptions = new Set<string>();
  const tools: ReferenceTools = {
    names: new EntryNames(limits),
    environment: (values, classes) => ({
      values,
      ...(classes === undefined ? {} : { classes }),
      atoms,
      limits,
      assumptions,
    }),
  };
  try {
    const cases = build(tools);
    const prepared = { limits, atoms, assumptions: [...assumptions], cases, maxWork };
    let scope: string | undefined;
    // Computed once, and only where verdicts are shared with other threads.
    const proofs = new ProofCache<IdentityVerdict>(() => {
      scope ??= referenceScope(prepared);
      return scope;
    });
    return { kind: "prepared", ...prepared, proofs };
  } catch (error) {
    if (error instanceof SymbolicLimit) return undecided(error);
    throw error;
  }
}

/**
 * Everything an answer's comparison with a reference reads, as text (the proof cache's scope):
 * the budgets, the atoms, the assumptions, and every case's values and targets exactly. Two
 * references with the same text give every answer the same verdict.
 */
function referenceScope(
  reference: Pick<PreparedReference, "limits" | "atoms" | "assumptions" | "cases" | "maxWork">,
): string {
  const { limits, atoms, assumptions, cases, maxWork } = reference;
  const matrix = ({ rows, columns, entries }: SymbolicMatrix) =>
    `${rows}×${columns}[${entries.map((e) => `(${e.num.canonicalKey()})/(${e.den.canonicalKey()})`).join("; ")}]`;
  const named = (values: ReadonlyMap<string, SymbolicMatrix>) =>
    [...values].map(([name, value]) => `${name} = ${matrix(value)}`).join("\n");
  return [
    `terms ${limits.maxTerms}, products ${limits.maxProducts}, work ${maxWork}`,
    `atoms ${atoms.key()}`,
    `assuming ${assumptions.join("; ")}`,
    ...cases.map(
      (at) => `case ${at.classes ?? ""}\n${named(at.values)}\nexpected\n${named(at.expected)}`,
    ),
  ].join("\n");
}

function undecided(error: SymbolicLimit): Extract<IdentityVerdict, { kind: "undecided" }> {
  const { reason, message } = error;
  return { kind: "undecided", reason, message, ...(error.clock ? { clock: true } : {}) };
}

/**
 * Compares `student` with the reference's `target` exactly in every case: equal in all of them,
 * or the first way it is not. The answer's own atoms are added to a copy of the reference's.
 */
export function proveAgainst(
  student: GradingMath,
  reference: PreparedReference,
  target: string,
  timeMs = DEFAULT_TIME_MS,
  /** Work on each case's environment before the answer is evaluated (a chain's own values). */
  prepare?: (env: SymbolicEnvironment, at: SymbolicCase) => void,
): IdentityVerdict {
  const { limits } = reference;
  limits.deadline = Date.now() + timeMs;
  limits.work = 0;
  limits.maxWork = reference.maxWork;
  const atoms = reference.atoms.fork();
  const assumptions = new Set(reference.assumptions);
  try {
    for (const at of reference.cases) {
      const expected = at.expected.get(target);
      if (expected === undefined) {
        return { kind: "undecided", reason: "unsupported", message: `no reference for ${target}` };
      }
      const env: SymbolicEnvironment = {
        values: prepare === undefined ? at.values : new Map(at.values),
        ...(at.classes === undefined ? {} : { classes: at.classes }),
        atoms,
        limits,
        assumptions,
      };
      prepare?.(env, at);
      if (!sameValue(evaluateSymbolic(student, env), expected)) return { kind: "different" };
    }
    return { kind: "equal", assumptions: [...assumptions] };
  } catch (error) {
    if (error instanceof SymbolicLimit) return undecided(error);
    throw error;
  }
}
