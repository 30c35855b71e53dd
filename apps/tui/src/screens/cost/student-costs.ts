// The student's own cost answers for the chain on screen (2.3's and 2.4's multiplications and
// memory in each mode), read from the loaded answer file, to be shown beside the computed totals.
import { answerFields } from "../../answers/answer-document.js";

export interface StudentCosts {
  multiplications?: string;
  memory?: string;
}

/** `question` is the handout's number (2.3), `mode` the answer's key (forward, reverse). */
export function studentCosts(fileText: string, question: string, mode: string): StudentCosts {
  const found: StudentCosts = {};
  for (const field of answerFields(fileText)) {
    if (field.question !== `q${question}` || field.text.trim() === "") continue;
    if (field.field === `${mode}.multiplications`) found.multiplications = field.text;
    if (field.field === `${mode}.memory`) found.memory = field.text;
  }
  return found;
}
