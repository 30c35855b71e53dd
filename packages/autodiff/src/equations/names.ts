import { adjointName } from "../ops/name.js";
import { atom, type Expr } from "./expr.js";

// Node names like "z1", "W(1)" or "y'" in LaTeX: z_{1}, W^{(1)}, y'.
function splitName(name: string): { base: string; rest: string } {
  const match = /^([A-Za-z]+|\\[A-Za-z]+)(.*)$/.exec(name);
  return match ? { base: match[1]!, rest: match[2]! } : { base: name, rest: "" };
}

function latexRest(rest: string): string {
  if (/^\d+$/.test(rest)) return `_{${rest}}`;
  if (/^\(\d+\)$/.test(rest)) return `^{${rest}}`;
  return rest;
}

export function valueSymbol(name: string): Expr {
  const { base, rest } = splitName(name);
  return atom(name, `${base}${latexRest(rest)}`);
}

export function adjointSymbol(name: string): Expr {
  const { base, rest } = splitName(name);
  return atom(adjointName(name), `\\bar{${base}}${latexRest(rest)}`);
}
