import { yesNoCheck } from "../../checkers/yes-no-check.js";
import { fail, type Reader, readNonEmptyString } from "../yaml/schema.js";
import { type PartKind, singlePart } from "./kind.js";

const YES = new Set(["yes", "true"]);
const NO = new Set(["no", "false"]);

/** `yes`, `no`, true or false. */
const readYesNo: Reader<boolean> = (value, path) => {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && YES.has(value.toLowerCase())) return true;
  if (typeof value === "string" && NO.has(value.toLowerCase())) return false;
  return fail(path, "expected yes or no");
};

/** `kind: yes-no`: `reference: yes`, and `explanation` shown to a student who answers otherwise. */
export const yesNoKind: PartKind = {
  keys: ["reference", "explanation"],
  compile: (spec, common) =>
    singlePart(
      common,
      yesNoCheck({
        reference: spec.required("reference", readYesNo),
        explainWrong: spec.required("explanation", readNonEmptyString),
      }),
      "answer",
    ),
};
