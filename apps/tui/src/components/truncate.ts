/** The line cut to `width` characters, ending in "…" when cut. */
export function truncate(line: string, width: number): string {
  const characters = [...line];
  return characters.length <= width ? line : `${characters.slice(0, width - 1).join("")}…`;
}
