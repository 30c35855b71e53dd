// Key descriptions shown by the `?` overlay: the global keys plus each screen's own.
export interface KeyHelp {
  keys: string;
  action: string;
}

export const globalKeys: readonly KeyHelp[] = [
  { keys: "?", action: "show or hide the keys of this screen" },
  { keys: "q / Esc", action: "back to Home; quit from Home" },
  { keys: "Ctrl+C", action: "quit at once" },
];
