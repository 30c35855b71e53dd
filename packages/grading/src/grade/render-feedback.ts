// The one place where feedback text is made: reports, Gradescope and the terminal app all show
// text rendered here from a check's items (checkers/outcome.ts), never text a checker wrote.
import type {
  CheckOutcome,
  Counterexample,
  Difference,
  Finding,
  Hint,
  OutcomeItem,
  Scope,
} from "../checkers/outcome.js";
import { describeMathError } from "../math/math-error.js";

/** One part of a question as rendered: its label and the items its check returned. */
export interface RenderedPart {
  readonly label: string;
  readonly items: readonly OutcomeItem[];
}

/** A question's feedback: one `label: …` block per part; "no answer" when nothing was judged. */
export function renderFeedback(parts: readonly RenderedPart[]): string {
  if (parts.length === 0) return "no answer";
  return parts
    .map(({ label, items }) => {
      const body = renderItems(items);
      return label === "" ? body : `${label}: ${body}`;
    })
    .join("\n");
}

/** The text of one check's outcome, as a part of a question shows it (after its label). */
export function renderOutcome(outcome: CheckOutcome): string {
  return renderItems(outcome.items);
}

/** A check's items: a whole-value item alone, sub-keyed items one `key: …` line each. */
export function renderItems(items: readonly OutcomeItem[]): string {
  return items
    .map((item) => {
      const text = renderItem(item);
      if (item.key === "") return text;
      return `${item.key}${item.aspect === "chain" ? " from your own equations" : ""}: ${text}`;
    })
    .join("\n");
}

export interface RenderOptions {
  /**
   * Whether an unreadable formula's text carries "(at position N)" and a caret line (the default);
   * a screen that marks the position itself asks for the message alone.
   */
  readonly located?: boolean;
}

/** The sentence for one item: what was found, where, and how far the verdict reaches. */
export function renderItem(item: OutcomeItem, options: RenderOptions = {}): string {
  const text =
    options.located === false && item.finding.kind === "unreadable"
      ? item.finding.message
      : renderFinding(item.finding, item);
  if (item.hint === undefined || item.finding.kind === "other-count") return text;
  return `${text}: ${renderHint(item.hint)}`;
}

function renderFinding(finding: Finding, item: OutcomeItem): string {
  switch (finding.kind) {
    case "correct":
      if (finding.growth !== undefined) return `correct: ${finding.growth}`;
      if (item.scope?.kind === "proof") return proved(item.scope);
      return finding.accepted === undefined ? "correct" : `correct (${finding.accepted})`;
    case "agrees":
      return `${item.scope === undefined ? "matches the reference" : renderAgreement(item.scope)}; not proved${finding.note === undefined ? "" : ` (${finding.note})`}, so left for a person`;
    case "unreadable":
      return finding.input === undefined
        ? finding.message
        : located(finding.message, item.position?.start ?? 0, finding.input);
    case "no-answer":
      return finding.field === undefined ? "missing" : `no answer for '${finding.field}'`;
    case "internal-error":
      return `internal error while checking: ${finding.message}`;
    case "withheld":
      return finding.until === undefined
        ? `hidden check (${finding.verdict})`
        : `${finding.verdict}; details are shown after the due date (${finding.until})`;
    case "manual":
      return `kept for a person to grade (${finding.words} words)`;
    case "scored-by-person":
      return `graded by a person${finding.comment === "" ? "" : `: ${finding.comment}`}`;
    case "undecided":
      return `${finding.reason}; left for a person to grade${item.scope ? ` (${scopeChecked(item.scope)})` : ""}`;
    case "wrong-shape":
      return `expected ${describeShape(finding.expected)}, found ${describeShape(finding.found)}`;
    case "entries-differ": {
      const where = finding.positions.map(describePosition);
      const more = finding.count > finding.positions.length ? ", …" : "";
      return `${finding.count} of ${finding.total} entries differ from the reference: ${where.join(", ")}${more}`;
    }
    case "growth-wrong":
      return finding.count === undefined
        ? `${finding.growth} is not the right growth`
        : `${finding.count} grows like ${finding.growth}, which is not the right growth`;
    case "growth-only":
      return `${finding.growth} is the right growth, but the question asks for an exact count`;
    case "constants-wrong":
      return `the growth ${finding.growth} is right, but the count is not: check the constant factors and lower-order terms`;
    case "other-count":
      return otherCount(finding.count, item.hint);
    case "condition-disagrees":
      return conditionDisagrees(finding.meaning, item.counterexample);
    case "edges":
      return [
        finding.missing.length > 0 ? `missing edges: ${finding.missing.join(", ")}` : "",
        finding.extra.length > 0
          ? `edges that are not in the graph: ${finding.extra.join(", ")}`
          : "",
      ]
        .filter((p) => p !== "")
        .join("; ");
    case "not-evaluable":
      return `cannot be evaluated: ${finding.message}`;
    case "differs": {
      const text = renderDifference(finding.difference);
      const at = item.counterexample;
      return at?.kind === "instance"
        ? `${text} (random instance ${at.index} of ${at.count})`
        : `wrong: ${text}`;
    }
    case "chain-incomplete":
      return "cannot be computed (an equation it needs is missing or cannot be evaluated)";
    case "network-refused":
      return finding.reason;
    case "network-wrong":
      return networkWrong(item.counterexample, item.scope);
    case "not-a-line":
      return "the solution set is not a line (the equation is not linear)";
    case "other-solutions":
      return "the equation describes a different set of solutions";
    case "yes-no-wrong":
      return `'${finding.given ? "yes" : "no"}' is wrong: ${finding.explanation}`;
  }
}

function located(message: string, position: number, input: string): string {
  return describeMathError({ message, position, input });
}

/** "correct: proved for every X (6×3) and t (6×1) with XᵀX invertible". */
function proved(scope: Extract<Scope, { kind: "proof" }>): string {
  return `correct: proved for ${scope.domain}${scope.assumptions.length > 0 ? ` with ${scope.assumptions.join(" and ")}` : ""}`;
}

/**
 * What an agreement with the reference reaches. Only a proof is "correct"; a box or a sample is
 * evidence, and the text says what was compared ("matches the reference on 3 random instances").
 */
function renderAgreement(scope: Scope): string {
  switch (scope.kind) {
    case "proof":
      return proved(scope);
    case "direct":
      return "matches the reference";
    case "person":
      return "decided by a person";
    case "enumerated":
      return `no counterexample among all ${scope.count} inputs with entries in ${scope.box.lo}..${scope.box.hi}${assuming(scope.assumptions)}`;
    case "sampled":
      return scope.of === "points"
        ? `matches the reference at ${counted(scope.count, "sampled point")}`
        : `matches the reference on ${counted(scope.count, "random instance")}`;
  }
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** What was checked, for an undecided answer: "enumerated −3..3". */
function scopeChecked(scope: Scope): string {
  switch (scope.kind) {
    case "proof":
      return `no proof for ${scope.domain}`;
    case "direct":
      return "compared directly";
    case "person":
      return "decided by a person";
    case "enumerated":
      return `enumerated ${scope.box.lo}..${scope.box.hi}: ${scope.count} inputs`;
    case "sampled":
      return `sampled ${scope.count} ${scope.of}`;
  }
}

function assuming(assumptions: readonly string[]): string {
  return assumptions.length > 0 ? `, assuming ${assumptions.join("; ")}` : "";
}

function networkWrong(at: Counterexample | undefined, scope: Scope | undefined): string {
  if (at?.kind !== "input") return "wrong";
  const assumed = scope?.kind === "enumerated" || scope?.kind === "proof" ? scope.assumptions : [];
  const head = `wrong at x = [${at.input.join(", ")}]: expected ${at.expected.join(", ")}, the network gives ${at.actual.join(", ")}${assuming(assumed)}`;
  if (at.trace === undefined) return head;
  const list = (values: readonly string[]) => `[${values.join(", ")}]`;
  const layers = at.trace.map((layer, l) => {
    const label = layer.name === undefined ? `layer ${l + 1}` : `layer ${l + 1} "${layer.name}"`;
    return `${label}: z = ${list(layer.preActivation)} → ${list(layer.activation)}`;
  });
  return [head, `input ${list(at.input)}`, ...layers].join("\n");
}

function conditionDisagrees(meaning: string, at: Counterexample | undefined): string {
  if (at?.kind !== "point") return `your condition disagrees with ${meaning}`;
  const where = at.point.map(([name, value]) => `${name} = ${value}`).join(", ");
  const verdict = at.expected ? "does not hold" : "holds";
  const costs = at.costs?.map(([name, value]) => `${name} costs ${value}`).join(", ");
  const there = costs === undefined || costs === "" ? "" : ` (${costs})`;
  return `at ${where} your condition ${verdict}, but ${meaning} is ${at.expected ? "true" : "false"} there${there}`;
}

function renderDifference(difference: Difference): string {
  switch (difference.kind) {
    case "shape":
      return `the result is ${tensorShape(difference.actual)} but should be ${tensorShape(difference.expected)}`;
    case "sign":
      return "the sign is wrong";
    case "factor":
      return `off by a constant factor (${formatFactor(difference.factor)} times the reference)`;
    case "values":
      return "the values differ from the reference";
  }
}

function renderHint(hint: Hint): string {
  switch (hint.kind) {
    case "other-order":
      return `it is the count of ${hint.order}, not of ${hint.asked}`;
    case "memory-convention":
      return `your memory count leaves out ${hint.leavesOut}`;
    case "shape-slip":
      return hint.likely;
    case "named-factor":
      return hint.elementwise
        ? `on every instance checked it is the reference ⊙ ${hint.factor}`
        : `on every instance checked it is ${hint.factor} times the reference`;
  }
}

/** "nm + 2n is the count of (v(vᵀy1))y2ᵀ, not of reverse mode (right to left)". */
function otherCount(count: string, hint: Hint | undefined): string {
  if (hint?.kind === "other-order")
    return `${count} is the count of ${hint.order}, not of ${hint.asked}`;
  if (hint?.kind === "memory-convention") return `${count}: ${renderHint(hint)}`;
  return `${count} is not the count asked for`;
}

function tensorShape(shape: readonly number[]): string {
  return shape.reduce((n, d) => n * d, 1) === 1 ? "1" : shape.join("×");
}

function isVectorLike(shape: readonly number[]): boolean {
  return shape.filter((d) => d !== 1).length <= 1;
}

/** "a number", "a vector of 3 entries", "a 2×3 matrix". */
export function describeShape(shape: readonly number[]): string {
  if (shape.length === 0) return "a number";
  if (isVectorLike(shape)) return `a vector of ${shape.reduce((n, d) => n * d, 1)} entries`;
  return `a ${shape.join("×")} matrix`;
}

function describePosition(position: readonly number[]): string {
  return position.length === 2
    ? `row ${position[0]}, column ${position[1]}`
    : `entry ${position[0]}`;
}

function formatFactor(c: number): string {
  const fractions = [2, 3, 4].flatMap((d) => [1, 2, 3].map((n) => [n, d] as const));
  const fraction = fractions.find(([n, d]) => Math.abs(Math.abs(c) - n / d) < 1e-9);
  const sign = c < 0 ? "−" : "";
  return fraction ? `${sign}${fraction[0]}/${fraction[1]}` : String(c);
}
