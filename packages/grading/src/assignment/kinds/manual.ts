import { manualCheck } from "../../checkers/manual-check.js";
import { type PartKind, singlePart } from "./kind.js";

/** `kind: manual`: free text kept for a person to grade. */
export const manualKind: PartKind = {
  keys: [],
  compile: (_spec, common) => singlePart(common, manualCheck(), "text"),
  template: () => ["# Free text, graded by a person"],
};
