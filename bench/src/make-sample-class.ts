// Writes examples/hw1/submissions/, the small class the README's main command grades: full marks in
// three styles, typical mistakes (taken from examples/hw1/mistakes), the seed student's write-up,
// a partly missing file, a JSON file, two invalid files and a duplicate id.
//
//   tsx src/make-sample-class.ts
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  type AnswerFile,
  answerFileYaml,
  examples,
  loadAnswerFile,
} from "./generate-submissions.js";

const out = join(examples, "submissions");
const mistake = (question: string, file: string) =>
  loadAnswerFile(join(examples, "mistakes", file)).answers[question];

function write(
  name: string,
  header: string,
  student: AnswerFile["student"],
  base: string,
  changes: Record<string, unknown> = {},
  missing: string[] = [],
): void {
  const file = loadAnswerFile(join(examples, base));
  file.student = student;
  Object.assign(file.answers, changes);
  for (const q of missing) delete file.answers[q];
  writeFileSync(join(out, name), answerFileYaml(file, header));
}

mkdirSync(out, { recursive: true });
write(
  "alice.yaml",
  "Full marks, plain syntax.",
  { id: "s1001", name: "Alice Martin" },
  "correct.yaml",
);
write(
  "bob.yaml",
  "Full marks, LaTeX throughout and factored costs.",
  { id: "s1002", name: "Bob Nguyen" },
  "equivalent-forms.yaml",
);
write(
  "carol.yaml",
  "Full marks under the errata's ½ convention.",
  { id: "s1003", name: "Carol Schmidt" },
  "errata-convention.yaml",
);
write(
  "dave.yaml",
  "Typical mistakes: the output bias of 1.1 has the wrong sign; the 2.4 condition is reversed.",
  { id: "s1004", name: "Dave Okafor" },
  "correct.yaml",
  {
    "q1.1": mistake("q1.1", "q1.1-bias-sign.yaml"),
    "q2.4": mistake("q2.4", "q2.4-condition.yaml"),
  },
);
write(
  "erin.yaml",
  "Typical mistake: the AND of 1.2 written as φ(Σ − 3).",
  { id: "s1005", name: "Erin Walsh" },
  "correct.yaml",
  {
    "q1.2": mistake("q1.2", "q1.2-and-pitfall.yaml"),
  },
);
write(
  "frank.yaml",
  "Typical mistakes: the sigmoid derivative in 2.1.2; a cubic count in 2.2.2.",
  { id: "s1006", name: "Frank Rossi" },
  "correct.yaml",
  {
    "q2.1.2": mistake("q2.1.2", "q2.1.2-sigmoid-derivative.yaml"),
    "q2.2.2": mistake("q2.2.2", "q2.2.2-cubic.yaml"),
  },
);
write(
  "grace.yaml",
  "Typical mistakes: 3.2 says not unique; 3.3.2 uses the normal equations.",
  { id: "s1007", name: "Grace Kim" },
  "equivalent-forms.yaml",
  {
    "q3.2": mistake("q3.2", "q3.2-unique.yaml"),
    "q3.3.2": mistake("q3.3.2", "q3.3.2-normal-equations.yaml"),
  },
);
write(
  "heidi.yaml",
  "Partly missing: only part 1 and 2.3 answered.",
  { id: "s1008", name: "Heidi Larsen" },
  "correct.yaml",
  {},
  ["q2.1.1", "q2.1.2", "q2.2.1", "q2.2.2", "q2.4", "q3.1", "q3.2", "q3.3.1", "q3.3.2", "q3.3.3"],
);
write(
  "ivan.yaml",
  "Typical mistakes: a missing edge in 2.1.1, a wrong entry of H, a sign error in 3.1 (0-point questions).",
  { id: "s1009", name: "Ivan Petrov" },
  "correct.yaml",
  {
    "q2.1.1": mistake("q2.1.1", "q2.1.1-missing-edge.yaml"),
    "q2.2.1": mistake("q2.2.1", "q2.2.1-entry.yaml"),
    "q3.1": mistake("q3.1", "q3.1-sign.yaml"),
  },
);
copyFileSync(join(examples, "seed-student.yaml"), join(out, "guolun-li.yaml"));
const judy = loadAnswerFile(join(examples, "correct.yaml"));
judy.student = { id: "s1010", name: "Judy Alvarez" };
writeFileSync(join(out, "judy.json"), `${JSON.stringify(judy, null, 2)}\n`);
writeFileSync(
  join(out, "kevin.yaml"),
  `# Invalid: broken YAML (a tab for indentation and an unclosed bracket).
assignment: hw1
student: { id: "s1011", name: Kevin Brooks }
answers:
  q1.1:
\tW1: [[-2, 0, 0, 2], [0, -2, 0, 2]
`,
);
writeFileSync(
  join(out, "laura.yaml"),
  `# Invalid: answers is a list, not a mapping keyed by question id.
assignment: hw1
student: { id: "s1012", name: Laura Chen }
answers:
  - q1.1
  - q1.2
`,
);
write(
  "mallory.yaml",
  "Resubmitted under Alice's id by mistake: a duplicate id, reported, not merged.",
  { id: "s1001", name: "Mallory Martin" },
  "correct.yaml",
  { "q2.3": mistake("q2.3", "q2.3-z.yaml") },
);
console.log(`wrote the sample class to ${out}`);
