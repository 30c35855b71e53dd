// Generates a seeded class of homework 1 answer files for benchmarks and demos: each student starts
// from one of the correct example files and picks up a few of the one-mistake examples, some
// questions left out, and a few files are broken or share an id. Same seed, same files.
//
//   tsx src/generate-submissions.ts --count 2000 --seed 1 --out /tmp/class
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Document, isScalar, isSeq, parse, visit } from "yaml";

export const examples = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "examples",
  "hw1",
);

export type AnswerFile = {
  assignment: string;
  student: { id: string; name: string };
  answers: Record<string, unknown>;
};

const FIRST = [
  "Ada",
  "Ben",
  "Chen",
  "Dana",
  "Emil",
  "Fatima",
  "Goran",
  "Hana",
  "Ivo",
  "Jun",
  "Kofi",
  "Lea",
];
const LAST = [
  "Ahmed",
  "Brown",
  "Costa",
  "Dubois",
  "Eriksen",
  "Fischer",
  "Garcia",
  "Huang",
  "Ito",
  "Jones",
];

/** mulberry32: a small documented PRNG, enough for picking examples reproducibly. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** YAML as a student would write it: numbers and rows of matrices inline, `[[-2, 0], [0, -2]]`. */
export function answerFileYaml(file: AnswerFile, header?: string): string {
  const doc = new Document(file);
  visit(doc, {
    Seq(_, node) {
      const flat = (n: unknown): boolean => isScalar(n) || (isSeq(n) && n.items.every(isScalar));
      if (node.items.every(flat)) node.flow = true;
    },
  });
  return `${header ? `# ${header}\n` : ""}${doc.toString({ lineWidth: 100, flowCollectionPadding: false })}`;
}

export function loadAnswerFile(path: string): AnswerFile {
  return parse(readFileSync(path, "utf8")) as AnswerFile;
}

export interface GeneratedFile {
  name: string;
  text: string;
}

export function generateSubmissions(count: number, seed: number): GeneratedFile[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const bases = [
    "correct.yaml",
    "correct.yaml",
    "equivalent-forms.yaml",
    "errata-convention.yaml",
  ].map((f) => loadAnswerFile(join(examples, f)));
  const mistakes = readdirSync(join(examples, "mistakes"))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => {
      const file = loadAnswerFile(join(examples, "mistakes", f));
      const question = f.split("-")[0]!;
      return { question, answer: file.answers[question] };
    });
  const files: GeneratedFile[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `s${String(i).padStart(5, "0")}`;
    const base = structuredClone(pick(bases));
    const answers: Record<string, unknown> = { ...base.answers };
    const mistakeCount = Math.floor(random() * 4);
    for (let k = 0; k < mistakeCount; k++) {
      const m = pick(mistakes);
      answers[m.question] = structuredClone(m.answer);
    }
    for (const q of Object.keys(answers)) if (random() < 0.05) delete answers[q];
    const duplicate = i > 1 && random() < 0.005;
    const file: AnswerFile = {
      assignment: "hw1",
      student: { id: duplicate ? "s00001" : id, name: `${pick(FIRST)} ${pick(LAST)}` },
      answers,
    };
    let text = answerFileYaml(file);
    if (random() < 0.01)
      text = text.slice(0, Math.floor(text.length / 2)).concat("\n  q9: [unclosed\n");
    files.push({ name: `${id}.yaml`, text });
  }
  return files;
}

export function writeSubmissions(dir: string, files: readonly GeneratedFile[]): void {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "2000" },
      seed: { type: "string", default: "1" },
      out: { type: "string" },
    },
  });
  if (!values.out) {
    console.error("usage: tsx src/generate-submissions.ts --out DIR [--count 2000] [--seed 1]");
    process.exit(2);
  }
  const files = generateSubmissions(Number(values.count), Number(values.seed));
  writeSubmissions(values.out, files);
  console.log(`wrote ${files.length} answer files to ${values.out}`);
}
