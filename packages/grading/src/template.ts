import type { Assignment } from "./assignment/assignment.js";
import { studentVariant } from "./assignment/student-variant.js";

/**
 * A YAML answer file to fill in: every question with its expected fields and comments on the
 * format; with a student id, that student's numbers (for per-student variants) are listed.
 */
export function answerTemplate(
  assignment: Assignment,
  options: { readonly studentId?: string } = {},
): string {
  const lines = [`# Answer file for ${assignment.id}: ${assignment.title}`];
  lines.push(
    "# Math may be plain (3mn, n(2n+m), X^T(Xw - t)) or LaTeX (\\frac{n(n+1)}{2}, W^{(3)\\top}).",
  );
  if (options.studentId !== undefined && assignment.variables.length > 0) {
    const variant = studentVariant(assignment, options.studentId);
    const source = assignment.perStudentVariants ? "your numbers" : "the handout's numbers";
    lines.push(`# ${source}:`);
    for (const [name, value] of Object.entries(variant)) {
      lines.push(`#   ${name} = ${Array.isArray(value) ? `[${value.join(", ")}]` : String(value)}`);
    }
  }
  lines.push(`assignment: ${assignment.id}`, "student:");
  lines.push(`  id: ${JSON.stringify(options.studentId ?? "")}`, '  name: ""', "answers:");
  for (const question of assignment.questions) {
    const points = `${question.points} point${question.points === 1 ? "" : "s"}`;
    // "q2.3" is shown as the handout numbers it, "2.3"; other ids as they are.
    const number = question.id.replace(/^q(?=\d)/, "");
    lines.push(`  # ${number} ${question.title} [${points}]`, `  ${question.id}:`);
    for (const line of question.template.split("\n")) lines.push(`    ${line}`);
  }
  return `${lines.join("\n")}\n`;
}
