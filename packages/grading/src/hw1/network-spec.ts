import type { NetworkSpec } from "../assignment/backprop-spec.js";
import { readNetwork } from "../assignment/networks.js";
import { readYamlDocument } from "../assignment/yaml/read-document.js";
import { readMapping } from "../assignment/yaml/schema.js";
import { HW1_ASSIGNMENT_YAML } from "./assignment-yaml.js";

/**
 * Homework 2.1's network as forward equations, as examples/hw1/assignment.yaml writes it under
 * `networks:` (the same network as `hw1Network`, with `hw1Example`'s random draws).
 */
export const HW1_NETWORK: NetworkSpec = readNetwork(
  readMapping(readMapping(readYamlDocument(HW1_ASSIGNMENT_YAML, "hw1").data, []).networks, [
    "networks",
  ])["hw1-2.1"],
  ["networks", "hw1-2.1"],
);
