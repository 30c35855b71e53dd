// What each screen shows in the shell: its component, its keys for the `?` overlay and its footer.
import type { ReactNode } from "react";
import { AnswersScreen, answersKeys } from "../screens/answers/AnswersScreen.js";
import { BackpropScreen, backpropKeys } from "../screens/backprop/BackpropScreen.js";
import { CostScreen, costKeys } from "../screens/cost/CostScreen.js";
import { GraphScreen, graphKeys } from "../screens/graph/GraphScreen.js";
import { Home, homeKeys } from "../screens/Home.js";
import { thresholdKeys } from "../screens/threshold/ThresholdLab.js";
import { ThresholdLabScreen } from "../screens/threshold/ThresholdLabScreen.js";
import type { KeyHelp } from "./keys.js";
import type { ScreenId } from "./routes.js";

export interface ScreenView {
  keys: readonly KeyHelp[];
  footer: string;
  render: () => ReactNode;
}

export function screenView(id: ScreenId): ScreenView {
  switch (id) {
    case "home":
      return {
        keys: homeKeys,
        footer: "↑↓ choose · Enter open · ? keys · q quit",
        render: () => <Home />,
      };
    case "threshold":
      return {
        keys: thresholdKeys,
        footer: "Tab question · arrows move · Enter edit · i input · v verify · ? keys · q back",
        render: () => <ThresholdLabScreen />,
      };
    case "cost":
      return {
        keys: costKeys,
        footer: "←→ chain · t type one · +/- n · ]/[ m · p plot · z numbers · ? keys · q back",
        render: () => <CostScreen />,
      };
    case "graph":
      return {
        keys: graphKeys,
        footer: "↑↓ node · e set · p parameters · t class · r reseed · d/m, D/M export · q back",
        render: () => <GraphScreen />,
      };
    case "backprop":
      return {
        keys: backpropKeys,
        footer: "←→ step · l LaTeX · r reseed · ? keys · q back",
        render: () => <BackpropScreen />,
      };
    case "answers":
      return {
        keys: answersKeys,
        footer: "↑↓ choose · Enter edit · s save · c self-check · o open · ? keys · q back",
        render: () => <AnswersScreen />,
      };
  }
}
