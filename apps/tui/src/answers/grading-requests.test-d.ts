// Type-level tests (vitest's typecheck mode): each request kind is answered with its own type.
import { describe, expectTypeOf, test } from "vitest";
import type { FieldError } from "../components/TextField.js";
import type { OwnEquation, StepperInstance } from "../screens/backprop/student-equations.js";
import type { StudentNetworks } from "../screens/threshold/student-networks.js";
import {
  answerRequest,
  type GradingAnswer,
  type GradingReply,
  type HomeworkOverview,
  homeworkRequest,
} from "./grading-requests.js";
import type { LoadedGrading } from "./load-grading.js";

declare const loaded: LoadedGrading;

describe("GradingAnswer<R>", () => {
  test("follows the request's kind", () => {
    expectTypeOf<GradingAnswer<{ kind: "homework" }>>().toEqualTypeOf<HomeworkOverview>();
    expectTypeOf<GradingAnswer<{ kind: "template"; studentId: string }>>().toEqualTypeOf<string>();
    expectTypeOf<
      GradingAnswer<{ kind: "equations"; fileText: string; instance: StepperInstance }>
    >().toEqualTypeOf<Map<string, OwnEquation>>();
    expectTypeOf<
      GradingAnswer<{ kind: "networks"; fileText: string }>
    >().toEqualTypeOf<StudentNetworks>();
    expectTypeOf<
      GradingAnswer<{ kind: "validate"; fileText: string; field: never }>
    >().toEqualTypeOf<FieldError | null>();
  });

  test("answerRequest returns the answer of the request it is given", () => {
    expectTypeOf(answerRequest(loaded, homeworkRequest)).toEqualTypeOf<HomeworkOverview>();
    expectTypeOf(answerRequest(loaded, { kind: "variant", studentId: "s1" })).toEqualTypeOf<
      Record<string, number[] | number>
    >();
    // @ts-expect-error: an unknown kind of request
    answerRequest(loaded, { kind: "grade" });
  });

  test("a reply is ok with an answer or not ok with a message", () => {
    const reply = {} as GradingReply;
    if (reply.ok) expectTypeOf(reply).toHaveProperty("answer");
    else expectTypeOf(reply.message).toEqualTypeOf<string>();
  });
});
