import { type Assignment, defineAssignment } from "../assignment/assignment.js";
import { q2_1_1, q2_1_2 } from "./backprop-questions.js";
import { q2_2_1, q2_2_2, q2_3, q2_4 } from "./cost-questions.js";
import { HANDOUT_VARIABLES } from "./handout.js";
import { q3_1, q3_2, q3_3_1, q3_3_2, q3_3_3 } from "./regression-questions.js";
import { q1_1, q1_2 } from "./threshold-questions.js";

/** Homework 1 (../shared/hw1/HOMEWORK.md), with the handout's points and numbers. */
export const hw1: Assignment = defineAssignment({
  id: "hw1",
  title: "Homework 1: threshold networks, backpropagation, linear regression",
  questions: [
    q1_1,
    q1_2,
    q2_1_1,
    q2_1_2,
    q2_2_1,
    q2_2_2,
    q2_3,
    q2_4,
    q3_1,
    q3_2,
    q3_3_1,
    q3_3_2,
    q3_3_3,
  ],
  variables: HANDOUT_VARIABLES,
  perStudentVariants: false,
});
