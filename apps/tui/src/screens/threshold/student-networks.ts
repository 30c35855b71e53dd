// The student's 1.1 and 1.2 networks in the loaded answer file, read by @nnkit/grading exactly as
// the grader reads them (in the grading worker, so the answer is plain data).
import type { RefusedVerdict } from "@nnkit/grading";
import { type NetworkJSON, toJSON } from "@nnkit/threshold";
import type { Grading } from "../../answers/grading-requests.js";
import type { QuestionId } from "./verification.js";

/** A question's network in the file, or the grader's reason for not verifying one (or its failure). */
export type StudentNetwork =
  | { ok: true; network: NetworkJSON }
  | { ok: false; verdict: RefusedVerdict | "unavailable"; reason: string };

export type StudentNetworks = Record<QuestionId, StudentNetwork>;

export function studentNetworks(grading: Grading, fileText: string): StudentNetworks {
  const homework = grading.getAssignment("hw1");
  const read = (question: QuestionId): StudentNetwork => {
    const result = grading.answerNetwork(homework, `q${question}`, fileText);
    return result.ok ? { ok: true, network: toJSON(result.network) } : result;
  };
  return { "1.1": read("1.1"), "1.2": read("1.2") };
}
