// The student's 1.1 and 1.2 networks in the loaded answer file, read by @nnkit/grading exactly as
// the grader reads them (in the grading worker, so the answer is plain data).
import type { RefusedVerdict } from "@nnkit/grading";
import { type NetworkJSON, toJSON } from "@nnkit/threshold";
import type { LoadedGrading } from "../../answers/load-grading.js";
import type { QuestionId } from "./verification.js";

/** A question's network in the file, or the grader's reason for not verifying one (or its failure). */
export type StudentNetwork =
  | { ok: true; network: NetworkJSON }
  | { ok: false; verdict: RefusedVerdict | "unavailable"; reason: string };

export type StudentNetworks = Record<QuestionId, StudentNetwork>;

export function studentNetworks(
  { grading, assignment }: LoadedGrading,
  fileText: string,
): StudentNetworks {
  const read = (question: QuestionId): StudentNetwork => {
    const id = `q${question}`;
    if (!assignment.questions.some((q) => q.id === id)) {
      return {
        ok: false,
        verdict: "unavailable",
        reason: `${assignment.id} has no question ${id}`,
      };
    }
    const result = grading.answerNetwork(assignment, id, fileText);
    return result.ok ? { ok: true, network: toJSON(result.network) } : result;
  };
  return { "1.1": read("1.1"), "1.2": read("1.2") };
}
