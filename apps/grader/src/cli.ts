// nnkit-grade: the instructors' grading CLI. Each command lives in src/commands; this file only
// declares the interface and maps errors to the documented exit codes. Commands are imported when
// they run, so `--help` and `--version` answer without loading the grading machinery.
import { availableParallelism } from "node:os";
import { Argument, Command, CommanderError, InvalidArgumentError } from "commander";
import { completionScript, SHELLS, type Shell } from "./completion.js";
import { CliError, EXIT_CODES_HELP, ExitCode } from "./exit-codes.js";
import { VERSION } from "./version.js";

// A reader that stops early (`nnkit-grade batch … | head`) closes the pipe. The work goes on (a
// batch still writes every grade to its folder); only the rest of the printed text is dropped.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer");
  return n;
}

function positiveSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 3600) {
    throw new InvalidArgumentError("expected a number of seconds above 0 (at most 3600)");
  }
  return n;
}

const TIME_LIMIT_FLAGS = "-t, --time-limit <seconds>";
const TIME_LIMIT_HELP = "time budget per answer file; a file that overruns is reported invalid";
const DEFAULT_TIME_LIMIT = 5;
const ASSIGNMENT_FLAGS = "-a, --assignment <id|file>";
const ASSIGNMENT_HELP = "a built-in assignment id, or an assignment file (.yaml, .yml, .mjs, .js)";

const program = new Command()
  .name("nnkit-grade")
  .description("Grade nnkit homework answer files: one file, a whole class, or on Gradescope.")
  .version(VERSION)
  .exitOverride()
  .showHelpAfterError("(run with --help for usage)")
  .addHelpText("after", EXIT_CODES_HELP);

let exitCode: ExitCode = ExitCode.ok;
const run =
  <A extends unknown[]>(action: (...args: A) => ExitCode | Promise<ExitCode>) =>
  async (...args: A) => {
    exitCode = await action(...args);
  };

program
  .command("check")
  .description("grade one answer file and print a report")
  .argument("<file>", "answer file (YAML or JSON), or - for standard input")
  .option(ASSIGNMENT_FLAGS, ASSIGNMENT_HELP, "hw1")
  .option("--json", "print the result as JSON instead of a report")
  .option(TIME_LIMIT_FLAGS, TIME_LIMIT_HELP, positiveSeconds, DEFAULT_TIME_LIMIT)
  .option("-q, --quiet", "print nothing: the exit code tells")
  .addHelpText("after", EXIT_CODES_HELP)
  .action(
    run(
      (
        file: string,
        opts: { assignment: string; json?: boolean; quiet?: boolean; timeLimit: number },
      ) => {
        return import("./commands/check.js").then((m) => m.checkCommand(file, opts));
      },
    ),
  );

program
  .command("batch")
  .description("grade every answer file in a folder (recursively) and write a gradebook")
  .argument("<dir>", "folder of answer files")
  .requiredOption("-o, --out <dir>", "output folder")
  .option(
    "-j, --jobs <n>",
    "files graded in parallel (worker threads)",
    positiveInt,
    Math.min(2, availableParallelism()),
  )
  .option(ASSIGNMENT_FLAGS, ASSIGNMENT_HELP, "hw1")
  .option("-q, --quiet", "no progress output")
  .option(TIME_LIMIT_FLAGS, TIME_LIMIT_HELP, positiveSeconds, DEFAULT_TIME_LIMIT)
  .addHelpText(
    "after",
    `
Writes OUT/gradebook.csv, OUT/results/<student>.json, OUT/feedback/<student>.md,
OUT/summary.md and OUT/batch.json, each atomically.
${EXIT_CODES_HELP}`,
  )
  .action(
    run(
      async (
        dir: string,
        opts: { out: string; jobs: number; assignment: string; quiet?: boolean; timeLimit: number },
      ) => {
        // Started before the command loads, so that their start overlaps its loading.
        (await import("./batch/pool.js")).prestartWorkers(opts.jobs);
        return import("./commands/batch.js").then((m) => m.batchCommand(dir, opts));
      },
    ),
  );

program
  .command("merge-manual")
  .description(
    "add person-given scores (CSV: student_id,question,score[,feedback]) to a batch's outputs",
  )
  .argument("<outdir>", "output folder of a previous batch")
  .argument("<csv>", "manual scores")
  .addHelpText("after", EXIT_CODES_HELP)
  .action(
    run((outDir: string, csv: string) =>
      import("./commands/merge-manual.js").then((m) => m.mergeManualCommand(outDir, csv)),
    ),
  );

const gradescope = program
  .command("gradescope")
  .description("build or run a Gradescope autograder");
gradescope
  .command("build")
  .description("write the autograder zip Gradescope expects (setup.sh, run_autograder)")
  .requiredOption("-o, --out <file>", "zip to write", "autograder.zip")
  .option(ASSIGNMENT_FLAGS, ASSIGNMENT_HELP, "hw1")
  .option("--bundle <tarballs...>", "install from these package tarballs instead of npm")
  .action(
    run((opts: { out: string; assignment: string; bundle?: string[] }) =>
      import("./commands/gradescope.js").then((m) => m.gradescopeBuildCommand(opts)),
    ),
  );
gradescope
  .command("run")
  .description("grade the submission inside Gradescope's container and write results.json")
  .option("--submission <dir>", "submission folder", "/autograder/submission")
  .option("--results <file>", "results file", "/autograder/results/results.json")
  .option("--metadata <file>", "submission metadata (default: beside the submission folder)")
  .option(ASSIGNMENT_FLAGS, ASSIGNMENT_HELP, "hw1")
  .option(TIME_LIMIT_FLAGS, TIME_LIMIT_HELP, positiveSeconds, DEFAULT_TIME_LIMIT)
  .action(
    run(
      (opts: {
        submission: string;
        results: string;
        metadata?: string;
        assignment: string;
        timeLimit: number;
      }) => {
        return import("./commands/gradescope.js").then((m) => m.gradescopeRunCommand(opts));
      },
    ),
  );

program
  .command("variants")
  .description("print each student's variant numbers (CSV), for handouts")
  .requiredOption(
    "-r, --roster <csv>",
    "roster CSV with a student_id (or id) column and optional name",
  )
  .option(ASSIGNMENT_FLAGS, ASSIGNMENT_HELP, "hw1")
  .action(
    run((opts: { roster: string; assignment: string }) =>
      import("./commands/variants.js").then((m) => m.variantsCommand(opts)),
    ),
  );

program
  .command("template")
  .description("print an answer-file skeleton with comments, for students")
  .option("-s, --student <id>", "fill in the student id (and their variant numbers)")
  .option(ASSIGNMENT_FLAGS, ASSIGNMENT_HELP, "hw1")
  .option("-o, --out <file>", "write to a file instead of stdout")
  .option("-f, --force", "overwrite --out if it exists")
  .action(
    run((opts: { assignment: string; student?: string; out?: string; force?: boolean }) =>
      import("./commands/template.js").then((m) => m.templateCommand(opts)),
    ),
  );

program
  .command("init")
  .description("start a course folder: an assignment, its solution, two answer files, a README")
  .argument("<dir>", "folder to write (created if missing)")
  .option("-f, --force", "overwrite the files init writes if they exist")
  .addHelpText(
    "after",
    `
Writes DIR/assignment.yaml (a small assignment using several question kinds),
DIR/solution.yaml (its reference solution), DIR/submissions/correct.yaml and
DIR/submissions/wrong.yaml, and DIR/README.md with the grading commands.
docs/writing-assignments.md explains the format.
${EXIT_CODES_HELP}`,
  )
  .action(
    run((dir: string, opts: { force?: boolean }) =>
      import("./commands/init.js").then((m) => m.initCommand(dir, opts)),
    ),
  );

program
  .command("validate")
  .description("check an assignment before handing it out (templates, draws, references, solution)")
  .argument("<assignment>", "a built-in assignment id, or an assignment file")
  .option(
    "-s, --solution <file>",
    "a reference answer file: must get every automatically graded part right",
  )
  .option(TIME_LIMIT_FLAGS, TIME_LIMIT_HELP, positiveSeconds, DEFAULT_TIME_LIMIT)
  .addHelpText(
    "after",
    `
Checks that the file loads (a mistake is reported as file:line:column and the
question), that every question has an answer template, that variant draws give
finite numbers of the handout's shape for a few student ids, that every check's
reference computation runs, and, with --solution, that the solution (graded
with the handout's numbers) gets every automatically graded part right (each
question where it does not is listed with its feedback; free-text parts wait
for a person and are not checked).

Exit codes:
  0  the assignment is ready
  1  it loads, but validation found problems (listed)
  2  it does not load, or bad usage
  4  internal error (a bug: please report it)`,
  )
  .action(
    run((assignment: string, opts: { solution?: string; timeLimit: number }) =>
      import("./commands/validate.js").then((m) => m.validateCommand(assignment, opts)),
    ),
  );

program
  .command("completion")
  .description("print a shell completion script (bash, zsh or fish)")
  .addArgument(new Argument("<shell>", "shell to complete for").choices(SHELLS))
  .addHelpText(
    "after",
    `
  bash: eval "$(nnkit-grade completion bash)"  (e.g. in ~/.bashrc)
  zsh:  eval "$(nnkit-grade completion zsh)"   (in ~/.zshrc, after compinit)
  fish: nnkit-grade completion fish | source
        (or save it to ~/.config/fish/completions/nnkit-grade.fish)`,
  )
  .action(
    run((shell: Shell) => {
      process.stdout.write(completionScript(shell, program));
      return ExitCode.ok;
    }),
  );

// No top-level await: the program is bundled as one CommonJS script (scripts/bundle.mjs).
program.parseAsync().then(
  () => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    if (error instanceof CommanderError) {
      const helpOrVersion = ["commander.helpDisplayed", "commander.version", "commander.help"];
      process.exitCode = helpOrVersion.includes(error.code) ? ExitCode.ok : ExitCode.usage;
    } else if (error instanceof CliError) {
      console.error(`nnkit-grade: ${error.message}`);
      process.exitCode = error.exitCode;
    } else {
      console.error(`nnkit-grade: unexpected error: ${(error as Error).stack ?? error}`);
      process.exitCode = ExitCode.internal;
    }
  },
);
