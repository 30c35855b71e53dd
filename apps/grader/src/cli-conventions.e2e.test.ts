// End-to-end tests of the built CLI's conventions: `-` for standard input, `--quiet`, one report
// of a file-level error, and shell completion scripts (bash ones executed by bash itself).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "dist", "cli.js");
const correct = join(here, "..", "..", "..", "examples", "hw1", "correct.yaml");
const brokenYaml = "assignment: hw1\nstudent: {id: s1, name: A\nanswers:\n  q1.1: [1\n";

function run(args: string[], input?: string | Buffer) {
  const out = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", input });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe("check -", () => {
  it("grades standard input exactly as it grades the file", () => {
    const fromFile = run(["check", correct, "--json"]);
    const fromStdin = run(["check", "-", "--json"], readFileSync(correct));
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });
  it("refuses standard input larger than any answer file, without a stack trace", () => {
    const out = run(["check", "-"], Buffer.alloc(4 * 256 * 1024 + 1, "a"));
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("standard input has more than 1048576 bytes");
    expect(out.stderr).not.toContain("    at ");
  });
});

describe("a file-level error", () => {
  it("is printed once, not under each question", () => {
    const json = JSON.parse(run(["check", "-", "--json"], brokenYaml).stdout);
    const reason: string = json.questions[0].feedback;
    expect(reason).toContain("not valid YAML");
    expect(json.questions.every((q: { status: string }) => q.status === "invalid")).toBe(true);
    const out = run(["check", "-"], brokenYaml);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^<stdin>: /);
    expect(out.stdout.split(reason.trim()).length - 1).toBe(1);
    for (const q of json.questions) expect(out.stdout).toContain(q.id);
    expect(out.stdout).toContain(`total: 0 / ${json.max_score}`);
  });
});

/** Runs the CLI with both output pipes closed by the reader after its first bytes, as `| head -1` does. */
function runIntoClosedPipe(
  args: string[],
): Promise<{ code: number | null; signal: string | null }> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) stream.once("data", () => stream.destroy());
  return new Promise((done) => child.on("close", (code, signal) => done({ code, signal })));
}

describe("a reader that closes the pipe early (`| head`)", () => {
  const submissions = join(here, "..", "..", "..", "examples", "hw1", "submissions");
  it("still grades the whole batch and writes every output", async () => {
    const out = mkdtempSync(join(tmpdir(), "nnkit-epipe-"));
    try {
      const { code } = await runIntoClosedPipe(["batch", submissions, "-o", out]);
      // 1: the example folder holds invalid files on purpose; a crash would be 4 or a signal.
      expect(code).toBe(1);
      const graded = readdirSync(join(out, "results")).length;
      const gradebook = readFileSync(join(out, "gradebook.csv"), "utf8").trim().split("\n");
      expect(graded).toBeGreaterThan(10);
      expect(gradebook.length).toBeGreaterThan(10);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("--quiet", () => {
  it("prints nothing and answers with the exit code", () => {
    expect(run(["check", "-q", correct])).toMatchObject({ code: 0, stdout: "" });
    expect(run(["check", "--quiet", "-"], brokenYaml)).toMatchObject({ code: 1, stdout: "" });
  });
});

/** The words bash's completion offers for `line` (a trailing space starts a new word). */
function bashCompletes(script: string, line: string): string[] {
  const driver = `${script}
read -ra COMP_WORDS <<< "$LINE"
[[ "$LINE" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((\${#COMP_WORDS[@]} - 1))
_nnkit_grade
printf '%s\\n' "\${COMPREPLY[@]}"`;
  // Without the user's startup files: only the completion script is under test.
  const out = spawnSync("bash", ["--norc", "--noprofile", "-c", driver], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, LINE: line },
    cwd: here,
  });
  expect(out.stderr).toBe("");
  return out.stdout.split("\n").filter(Boolean);
}

describe("--help", () => {
  it("fits an 80-column terminal for every command", () => {
    const help = run(["--help"]).stdout;
    const section = help.slice(help.indexOf("Commands:"));
    const names = [...section.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]!);
    const commands = [[], ...names.map((c) => [c]), ["gradescope", "build"], ["gradescope", "run"]];
    for (const command of commands) {
      const out = run([...command, "--help"]);
      expect(out.code, command.join(" ")).toBe(0);
      for (const line of out.stdout.split("\n"))
        expect(line.length, `${command.join(" ")}: ${line}`).toBeLessThanOrEqual(80);
    }
  });
});

describe("completion", () => {
  const commands = (() => {
    const help = run(["--help"]).stdout;
    const section = help.slice(help.indexOf("Commands:"));
    return [...section.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]!).filter((c) => c !== "help");
  })();
  const bash = run(["completion", "bash"]);

  it("bash completes commands, subcommands, options and the shells", () => {
    expect(bash.code).toBe(0);
    expect(commands).toContain("completion");
    expect(bashCompletes(bash.stdout, "nnkit-grade ").sort()).toEqual([...commands].sort());
    expect(bashCompletes(bash.stdout, "nnkit-grade ch")).toEqual(["check"]);
    expect(bashCompletes(bash.stdout, "nnkit-grade check --").sort()).toEqual(
      ["--assignment", "--help", "--json", "--quiet", "--time-limit"].sort(),
    );
    expect(bashCompletes(bash.stdout, "nnkit-grade gradescope ").sort()).toEqual(["build", "run"]);
    expect(bashCompletes(bash.stdout, "nnkit-grade gradescope build --b")).toEqual(["--bundle"]);
    expect(bashCompletes(bash.stdout, "nnkit-grade completion ")).toEqual(["bash", "zsh", "fish"]);
    expect(commands).toEqual(expect.arrayContaining(["init", "validate"]));
    expect(bashCompletes(bash.stdout, "nnkit-grade in")).toEqual(["init"]);
    expect(bashCompletes(bash.stdout, "nnkit-grade init --").sort()).toEqual(["--force", "--help"]);
    expect(bashCompletes(bash.stdout, "nnkit-grade validate --").sort()).toEqual(
      ["--help", "--solution", "--time-limit"].sort(),
    );
    // A leaf command's argument completes file names.
    expect(bashCompletes(bash.stdout, "nnkit-grade check cli-con")).toEqual([
      "cli-conventions.e2e.test.ts",
    ]);
  });
  it("zsh loads the same function through bashcompinit", () => {
    const zsh = run(["completion", "zsh"]).stdout;
    expect(zsh.split("\n")[0]).toBe("autoload -U +X bashcompinit && bashcompinit");
    expect(zsh.slice(zsh.indexOf("\n") + 1)).toBe(bash.stdout);
  });
  it("fish offers every command at the top level and each command's options", () => {
    const fish = run(["completion", "fish"]).stdout;
    const top = fish
      .split("\n")
      .filter(
        (l) =>
          (/ -f -a [a-z-]+ -d /.test(l) && !l.includes("__fish_seen_subcommand_from ")) ||
          l.includes("-n 'not __fish_seen_subcommand_from check"),
      );
    for (const c of commands) expect(top.some((l) => l.includes(` -a ${c} `))).toBe(true);
    expect(fish).toContain(
      "complete -c nnkit-grade -n '__fish_seen_subcommand_from check' -s q -l quiet",
    );
    expect(fish).toContain(
      "-n '__fish_seen_subcommand_from gradescope; and __fish_seen_subcommand_from build'",
    );
  });
  it("rejects other shells as bad usage", () => {
    const out = run(["completion", "powershell"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("bash, zsh, fish");
  });
});
