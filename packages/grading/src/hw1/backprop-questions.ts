import type { Question } from "../assignment/assignment.js";
import type { BackpropPartSpec, GraphPartSpec } from "../assignment/backprop-spec.js";
import { backpropParts, backpropTemplateFields } from "../assignment/kinds/backprop.js";
import { graphParts, graphTemplateLines } from "../assignment/kinds/graph.js";
import { HW1_NETWORK } from "./network-spec.js";

const GRAPH: GraphPartSpec = { network: HW1_NETWORK };

const BACKPROP: BackpropPartSpec = {
  network: HW1_NETWORK,
  adjoints: ["J", "S", "y'", "y", "g2", "g1", "h", "z2", "z1", "x"],
  aliases: { yp_bar: "y'_bar" },
  instances: 3,
  chainTarget: "x",
};

export const q2_1_1: Question = {
  id: "q2.1.1",
  title: "Computation graph of the 2.1 network",
  points: 0,
  parts: graphParts(GRAPH, ["q2.1.1"]),
  template: graphTemplateLines(GRAPH).join("\n"),
};

export const q2_1_2: Question = {
  id: "q2.1.2",
  title: "Backward pass of the 2.1 network",
  points: 1,
  parts: backpropParts(BACKPROP, ["q2.1.2"]),
  template: [
    "# One equation per adjoint, over the forward variables, W1 W2 W3 b1 b2 b3, t and other adjoints.",
    "# Functions: relu, relu', sigmoid, sigmoid', softmax, softmax' (the Jacobian), exp, log,",
    "# onehot(t), diag, I(z1 > 0); ⊙ or .* elementwise, ^T transpose.",
    ...backpropTemplateFields(BACKPROP),
  ].join("\n"),
};
