// What the screens ask of @nnkit/grading, and how it is answered. The answers are computed where
// the grader is loaded (a worker thread in the app, see grading.ts), so each request and answer is
// plain data that survives postMessage.
import type { FieldError } from "../components/TextField.js";
import {
  type OwnEquation,
  type StepperInstance,
  studentEquations,
} from "../screens/backprop/student-equations.js";
import { type StudentNetworks, studentNetworks } from "../screens/threshold/student-networks.js";
import type { AnswerField } from "./answer-document.js";
import { newAnswerText } from "./answer-file.js";
import { validateField } from "./field-validation.js";
import type { LoadedGrading } from "./load-grading.js";

export type GradingRequest =
  /** The assignment's questions, and whether each student gets their own numbers. */
  | { kind: "homework" }
  /** The numbers of the student's variant of the assignment. */
  | { kind: "variant"; studentId: string }
  /** A fresh answer file for the student. */
  | { kind: "template"; studentId: string }
  /** The student's own 2.1.2 equations in the file, each with its value on the instance. */
  | { kind: "equations"; fileText: string; instance: StepperInstance }
  /** The student's 1.1 and 1.2 networks in the file, as the grader reads them. */
  | { kind: "networks"; fileText: string }
  /** Why the file's value of the field cannot be graded (null when it can). */
  | { kind: "validate"; fileText: string; field: AnswerField };

export interface HomeworkOverview {
  id: string;
  title: string;
  questions: readonly { id: string; title: string }[];
  perStudentVariants: boolean;
}

/** Asked by the app as soon as it is up (which loads the grader) and by Home. */
export const homeworkRequest = { kind: "homework" } as const;

interface Answers {
  homework: HomeworkOverview;
  variant: Record<string, number[] | number>;
  template: string;
  equations: Map<string, OwnEquation>;
  networks: StudentNetworks;
  validate: FieldError | null;
}

export type GradingAnswer<R extends GradingRequest> = Answers[R["kind"]];

/** What the worker posts back for the request with this id. */
export type GradingReply =
  | { id: number; ok: true; answer: unknown }
  | { id: number; ok: false; message: string };

function homeworkOverview({ assignment }: LoadedGrading): HomeworkOverview {
  return {
    id: assignment.id,
    title: assignment.title,
    questions: assignment.questions.map(({ id, title }) => ({ id, title })),
    perStudentVariants: assignment.perStudentVariants,
  };
}

/** Every request is answered for the loaded assignment (see assignment-choice.ts). */
export function answerRequest<R extends GradingRequest>(
  loaded: LoadedGrading,
  request: R,
): GradingAnswer<R>;
export function answerRequest(
  loaded: LoadedGrading,
  request: GradingRequest,
): Answers[keyof Answers] {
  const { grading, assignment } = loaded;
  switch (request.kind) {
    case "homework":
      return homeworkOverview(loaded);
    case "variant":
      return grading.studentVariant(assignment, request.studentId);
    case "template":
      return newAnswerText(loaded, request.studentId);
    case "equations":
      return studentEquations(grading, request.fileText, request.instance);
    case "networks":
      return studentNetworks(loaded, request.fileText);
    case "validate":
      return validateField(loaded, request.fileText, request.field) ?? null;
  }
}
