// The app's screens: their ids, titles, the homework questions they cover and the Home hotkeys.
export type ScreenId = "home" | "threshold" | "graph" | "backprop" | "cost" | "answers";

export interface Route {
  id: ScreenId;
  title: string;
  questions: string;
  /** Key that opens the screen from Home. */
  hotkey: string;
  summary: string;
}

export const routes: readonly Route[] = [
  {
    id: "threshold",
    title: "Threshold lab",
    questions: "1.1, 1.2",
    hotkey: "t",
    summary: "weights, outputs, verification, counterexamples",
  },
  {
    id: "graph",
    title: "Computation graph",
    questions: "2.1.1",
    hotkey: "g",
    summary: "the 2.1 network: values, adjoints, export",
  },
  {
    id: "backprop",
    title: "Backprop stepper",
    questions: "2.1.2",
    hotkey: "b",
    summary: "the backward pass one variable at a time",
  },
  {
    id: "cost",
    title: "Modes and cost",
    questions: "2.2–2.4",
    hotkey: "c",
    summary: "cost of each order, totals, plot, crossover",
  },
  {
    id: "answers",
    title: "Answers",
    questions: "all",
    hotkey: "a",
    summary: "open, edit, save and self-check your answers",
  },
];

export function routeOf(id: ScreenId): Route | undefined {
  return routes.find((route) => route.id === id);
}
