// How deeply an answer file nests, measured on yaml's concrete syntax tree before the document is
// built: yaml's lexer and parser keep their own stacks, but building the document recurses once per
// level, so a 10⁴-deep file would overflow the call stack at a depth that depends on the thread.
import type { CST } from "yaml";

/**
 * Whether some mapping or list in a file's syntax tree (yaml's Parser's tokens) is nested more
 * than `limit` levels deep (the top-level collection is level 0). Walks the tree with an explicit
 * stack: time and memory are linear in the file, whatever its depth.
 */
export function nestsDeeperThan(tokens: readonly CST.Token[], limit: number): boolean {
  const pending: { token: CST.Token | null | undefined; depth: number }[] = [];
  for (const token of tokens) pending.push({ token, depth: -1 });
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { token, depth } = next;
    if (!token) continue;
    if (token.type === "document") pending.push({ token: token.value, depth });
    else if ("items" in token) {
      if (depth + 1 > limit) return true;
      for (const item of token.items) {
        if ("key" in item) pending.push({ token: item.key, depth: depth + 1 });
        pending.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return false;
}
