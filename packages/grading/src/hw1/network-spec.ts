import type { NetworkSpec } from "../assignment/backprop-spec.js";
import { readNetwork } from "../assignment/networks.js";
import { readMapping } from "../assignment/yaml/schema.js";
import { HW1_ASSIGNMENT_DATA } from "./assignment-yaml.js";

/**
 * Homework 2.1's network as forward equations, as examples/hw1/assignment.yaml writes it under
 * `networks:` (the same network as `hw1Network`, with `hw1Example`'s random draws).
 */
export const HW1_NETWORK: NetworkSpec = readNetwork(
  readMapping(readMapping(HW1_ASSIGNMENT_DATA, []).networks, ["networks"])["hw1-2.1"],
  ["networks", "hw1-2.1"],
);
