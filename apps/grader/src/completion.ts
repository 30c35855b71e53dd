// Shell completion scripts for nnkit-grade, generated from the commander program itself so they
// can never list a command or option the CLI does not have.
import type { Command } from "commander";

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

interface Node {
  /** Shell-safe identifier of this command's position, e.g. "gradescope_build". */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly flags: readonly { long?: string; short?: string; description: string }[];
  readonly children: readonly Node[];
  /** Values its first argument accepts (e.g. the shells), offered instead of file names. */
  readonly choices: readonly string[];
}

function tree(command: Command, key = "root"): Node {
  const flags = command.options.map((o) => ({
    long: o.long,
    short: o.short,
    description: o.description,
  }));
  flags.push({ long: "--help", short: "-h", description: "display help" });
  return {
    key,
    name: command.name(),
    description: command.description(),
    flags,
    choices: command.registeredArguments[0]?.argChoices ?? [],
    children: command.commands.map((c) =>
      tree(c, key === "root" ? c.name() : `${key}_${c.name()}`),
    ),
  };
}

function nodes(node: Node): Node[] {
  return [node, ...node.children.flatMap(nodes)];
}

export function completionScript(shell: Shell, program: Command): string {
  const root = tree(program);
  if (shell === "fish") return fishScript(root);
  const bash = bashScript(root);
  // zsh runs bash completion functions through its bashcompinit layer.
  return shell === "zsh" ? `autoload -U +X bashcompinit && bashcompinit\n${bash}` : bash;
}

function bashScript(root: Node): string {
  const fn = `_${root.name.replace(/[^A-Za-z0-9]/g, "_")}`;
  const steps = nodes(root).flatMap((n) =>
    n.children.map((c) => `      "${n.key}:${c.name}") node=${c.key} ;;`),
  );
  const words = nodes(root).map((n) => {
    const subs = [...n.children.map((c) => c.name), ...n.choices].join(" ");
    const flags = n.flags.flatMap((f) => f.long ?? []).join(" ");
    return `    ${n.key}) subs="${subs}" flags="${flags}" ;;`;
  });
  return `# bash completion for ${root.name}: eval "$(${root.name} completion bash)"
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" node=root subs="" flags="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "$node:\${COMP_WORDS[i]}" in
${steps.join("\n")}
    esac
  done
  case "$node" in
${words.join("\n")}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  elif [[ -n "$subs" ]]; then
    COMPREPLY=($(compgen -W "$subs" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F ${fn} ${root.name}
`;
}

function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function fishScript(root: Node): string {
  const lines = [`# fish completion for ${root.name}: ${root.name} completion fish | source`];
  const visit = (node: Node, path: readonly string[]) => {
    // Inside `node`: its own path has been typed, and none of its subcommands yet.
    const here = [
      ...path.map((p) => `__fish_seen_subcommand_from ${p}`),
      ...(node.children.length > 0
        ? [`not __fish_seen_subcommand_from ${node.children.map((c) => c.name).join(" ")}`]
        : []),
    ];
    const condition = here.length > 0 ? ` -n ${fishQuote(here.join("; and "))}` : "";
    for (const child of node.children) {
      lines.push(
        `complete -c ${root.name}${condition} -f -a ${child.name} -d ${fishQuote(child.description)}`,
      );
    }
    if (node.choices.length > 0) {
      lines.push(`complete -c ${root.name}${condition} -f -a ${fishQuote(node.choices.join(" "))}`);
    }
    for (const flag of node.flags) {
      const long = flag.long ? ` -l ${flag.long.replace(/^--/, "")}` : "";
      const short = flag.short ? ` -s ${flag.short.replace(/^-/, "")}` : "";
      lines.push(
        `complete -c ${root.name}${condition}${short}${long} -d ${fishQuote(flag.description)}`,
      );
    }
    for (const child of node.children) visit(child, [...path, child.name]);
  };
  visit(root, []);
  return `${lines.join("\n")}\n`;
}
