// The question kinds the assignment format knows, by the name a part's `kind:` gives.
import { conditionKind } from "./condition.js";
import { costKind } from "./cost.js";
import { expressionKind } from "./expression.js";
import type { PartKind } from "./kind.js";
import { manualKind } from "./manual.js";
import { backpropKind, graphKind } from "./network-kinds.js";
import { numericKind } from "./numeric.js";
import { solutionSetKind } from "./solution-set.js";
import { thresholdKind } from "./threshold.js";
import { yesNoKind } from "./yes-no.js";

export const PART_KINDS: Readonly<Record<string, PartKind>> = {
  threshold: thresholdKind,
  cost: costKind,
  condition: conditionKind,
  numeric: numericKind,
  expression: expressionKind,
  "solution-set": solutionSetKind,
  "yes-no": yesNoKind,
  manual: manualKind,
  backprop: backpropKind,
  graph: graphKind,
};
