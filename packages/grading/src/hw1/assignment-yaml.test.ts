import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { embedHw1 } from "../../scripts/embed-hw1.mjs";
import { assignmentFromSpec } from "../assignment/compile-assignment.js";
import { readChainSpec } from "../assignment/kinds/chain-spec.js";
import { readYamlDocument } from "../assignment/yaml/read-document.js";
import { SpecObject } from "../assignment/yaml/schema.js";
import { HW1_ASSIGNMENT_DATA, HW1_ASSIGNMENT_YAML } from "./assignment-yaml.js";
import { hessian, hessianHalf, tradeOff, vectorHessianProduct } from "./chains.js";
import { hw1 } from "./hw1.js";

const file = fileURLToPath(new URL("../../../../examples/hw1/assignment.yaml", import.meta.url));
const yaml = readFileSync(file, "utf8");

describe("examples/hw1/assignment.yaml, the one source of hw1", () => {
  it("is what the package embeds (run node scripts/embed-hw1.mjs after editing it)", () => {
    expect(readFileSync(new URL("./assignment-yaml.ts", import.meta.url), "utf8")).toBe(
      embedHw1(yaml),
    );
    expect(HW1_ASSIGNMENT_YAML).toBe(yaml);
    expect(HW1_ASSIGNMENT_DATA).toEqual(readYamlDocument(yaml, "hw1").data);
  });

  it("compiles whole without a mistake, to the parts hw1 compiles on first use", () => {
    // hw1 compiles each question's parts lazily; compiling all of them now runs every load-time
    // check (counts of each order, reference instances, networks) an assignment file gets.
    const whole = assignmentFromSpec(HW1_ASSIGNMENT_DATA);
    const shape = (a: typeof whole) =>
      a.questions.map((q) => ({
        id: q.id,
        template: q.template,
        parts: q.parts.map((p) => [p.label, p.field, p.weight, p.visibility]),
      }));
    expect(shape(hw1)).toEqual(shape(whole));
  });

  it("gives 1.1 the handout's network as its solution, which earns full marks", () => {
    const part = hw1.questions.find((q) => q.id === "q1.1")!.parts[0]!;
    expect(part.solution).toBeDefined();
    const outcome = part.check.grade(part.solution!, { variant: {}, seed: 1 });
    expect(outcome.status).toBe("graded");
    expect(outcome.items.map((i) => [i.verdict, i.earned])).toEqual([["correct", 1]]);
  });

  it("has the chains the terminal app and the bench draw (chains.ts)", () => {
    const questions = parse(yaml).questions as { id: string; parts?: object[] }[];
    const costPart = (id: string) => {
      const q = questions.find((question) => question.id === id)!;
      const part = (q.parts ?? [q]).find((p) => (p as { kind: string }).kind === "cost")!;
      const { chain, sizes, convention_chains } = part as Record<string, unknown>;
      return { chain, sizes, convention_chains };
    };
    const chainOf = (id: string, key: "chain" | "errata" = "chain") => {
      const data = costPart(id);
      const chain =
        key === "chain" ? data.chain : (data.convention_chains as { errata: string }).errata;
      const spec = SpecObject.read({ chain, sizes: data.sizes }, [], ["chain", "sizes"]);
      return readChainSpec(spec).chain;
    };
    expect(chainOf("q2.2.2")).toEqual(hessian);
    expect(chainOf("q2.3")).toEqual(vectorHessianProduct);
    expect(chainOf("q2.4")).toEqual(tradeOff);
    const half = (costPart("q2.2.2") as unknown as { chain: string }).chain;
    expect(half).toBe("2 v v^T");
    expect(hessianHalf.factors.map((f) => f.name)).toEqual(["v", "vᵀ"]);
  });
});
