// The Threshold lab as the app opens it: each question starts from the student's network in the
// loaded answer file (read by the grader, so it is the network that is graded), or from zeros with
// the reason when the file has none that can be used.
import { useMemo, useRef } from "react";
import { gradingUnavailable, useGradingAnswer } from "../../answers/grading.js";
import { useAnswerSession } from "../../answers/session.js";
import { ToneText } from "../../app/theme.js";
import { draftOf, type NetworkDraft } from "./draft.js";
import type { StudentNetwork, StudentNetworks } from "./student-networks.js";
import { type LabOrigin, ThresholdLab } from "./ThresholdLab.js";
import type { QuestionId } from "./verification.js";

const labQuestions: readonly QuestionId[] = ["1.1", "1.2"];

export function ThresholdLabScreen() {
  const { file } = useAnswerSession();
  const text = file.kind === "loaded" ? file.text : undefined;
  const request = useMemo(
    () => (text === undefined ? undefined : { kind: "networks" as const, fileText: text }),
    [text],
  );
  const latest = useGradingAnswer(request);
  // While a new file text is read, the lab keeps the networks read from the one before (it stays
  // mounted, so the student's edits and their undo history survive a write into the file).
  const previous = useRef(latest);
  if (latest !== undefined) previous.current = latest;
  const answer = latest ?? previous.current;
  if (file.kind !== "loaded" || request === undefined) return <ThresholdLab />;
  if (answer === undefined) return <ToneText tone="muted">{gradingUnavailable(answer)}</ToneText>;
  const networks: StudentNetworks =
    answer instanceof Error ? { "1.1": unavailable(answer), "1.2": unavailable(answer) } : answer;
  const initial: Partial<Record<QuestionId, NetworkDraft>> = {};
  const origins: Partial<Record<QuestionId, LabOrigin>> = {};
  for (const question of labQuestions) {
    const network = networks[question];
    if (network.ok) initial[question] = draftOf(network.network);
    origins[question] = origin(network, question, file.path);
  }
  return <ThresholdLab fileDrafts={initial} origins={origins} />;
}

function unavailable(error: Error): StudentNetwork {
  return { ok: false, verdict: "unavailable", reason: error.message };
}

function origin(network: StudentNetwork, question: QuestionId, path: string): LabOrigin {
  if (network.ok) return { tone: "muted", text: `your ${question} network from ${path}` };
  if (network.verdict === "missing") {
    return { tone: "muted", text: `no ${question} answer in ${path}: starting from zeros` };
  }
  const reason = network.reason.replace(/\s*\n\s*/g, " ");
  return { tone: "warn", text: `zeros: your ${question} answer cannot be used: ${reason}` };
}
