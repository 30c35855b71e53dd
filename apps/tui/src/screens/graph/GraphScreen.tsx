// Computation graph (2.1.1): the 2.1 network's named nodes with the nodes they come from; move
// between them to see each one's definition, shape, forward value and adjoint on a seeded
// instance; export the graph as DOT or Mermaid.
import { resolve } from "node:path";
import { namedEdges, toDot, toMermaid } from "@nnkit/autodiff";
import { Box, Text } from "ink";
import { useMemo, useState } from "react";
import { saveAtomically } from "../../answers/answer-file.js";
import type { KeyHelp } from "../../app/keys.js";
import { useScreenInput } from "../../app/navigation.js";
import { useTerminalSize } from "../../app/terminal-size.js";
import { ToneText } from "../../app/theme.js";
import { truncate } from "../../components/truncate.js";
import { forwardExpression, networkInstance } from "./network-instance.js";

export const graphKeys: readonly KeyHelp[] = [
  { keys: "↑ ↓", action: "move between nodes" },
  { keys: "p", action: "show or hide the parameters W(1) … b(3)" },
  { keys: "r", action: "draw a new random instance (next seed)" },
  { keys: "d", action: "export the graph as Graphviz DOT (nnkit-graph-2.1.dot)" },
  { keys: "m", action: "export the graph as Mermaid (nnkit-graph-2.1.mmd)" },
];

export const exportFiles = { dot: "nnkit-graph-2.1.dot", mermaid: "nnkit-graph-2.1.mmd" } as const;

interface GraphScreenProps {
  /** Where exports are written (the directory nnkit was started in). */
  exportDir?: string;
}

export function GraphScreen({ exportDir = process.cwd() }: GraphScreenProps) {
  const { rows, columns } = useTerminalSize();
  const [seed, setSeed] = useState(1);
  const [showParameters, setShowParameters] = useState(false);
  const [selected, setSelected] = useState(0);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const instance = useMemo(() => networkInstance(seed), [seed]);
  const { graph, values, equations, parameters } = instance;
  const shown = graph.nodes.filter(
    (node) => node.name !== undefined && (showParameters || !parameters.has(node.name)),
  );
  const names = new Set(shown.map((node) => node.name!));
  const sources = new Map<string, string[]>();
  for (const [from, to] of namedEdges(graph)) {
    if (names.has(from)) sources.set(to, [...(sources.get(to) ?? []), from]);
  }
  const index = Math.min(selected, shown.length - 1);
  const node = shown[index]!;

  const exportAs = (format: keyof typeof exportFiles) => {
    const path = resolve(exportDir, exportFiles[format]);
    const text = format === "dot" ? toDot(graph) : toMermaid(graph);
    saveAtomically(path, text).then(
      () => setNotice(`wrote ${path}`),
      (error: Error) => setNotice(`not written: ${error.message}`),
    );
  };

  useScreenInput((input, key) => {
    if (key.upArrow) setSelected(Math.max(0, index - 1));
    else if (key.downArrow) setSelected(Math.min(shown.length - 1, index + 1));
    else if (input === "p") setShowParameters((p) => !p);
    else if (input === "r") setSeed((s) => s + 1);
    else if (input === "d") exportAs("dot");
    else if (input === "m") exportAs("mermaid");
    else return false;
    return true;
  });

  const windowSize = Math.max(5, rows - 13);
  const top = Math.min(
    Math.max(0, index - Math.floor(windowSize / 2)),
    Math.max(0, shown.length - windowSize),
  );
  const nameWidth = Math.max(...shown.map((n) => n.name!.length)) + 2;
  const value = values.get(node.name!);
  const equation = equations.equations.find((e) => e.variable === node.name);
  const shape = `[${node.shape.join(", ")}] ${node.dtype}`;
  return (
    <Box flexDirection="column">
      <ToneText tone="muted">{`seeded instance ${seed} · ${shown.length} nodes${showParameters ? "" : " (parameters hidden: p)"}`}</ToneText>
      <Box flexDirection="column">
        {shown.slice(top, top + windowSize).map((n) => {
          const from = sources.get(n.name!) ?? [];
          const line = `${n.name === node.name ? "›" : " "} ${n.name!.padEnd(nameWidth)}${from.length === 0 ? "input" : `◀── ${from.join(", ")}`}`;
          return (
            <Text key={n.id} inverse={n.name === node.name}>
              {truncate(line, columns)}
            </Text>
          );
        })}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text>
          <Text bold>{`${node.name} = ${forwardExpression(graph, node)}`}</Text>
          <ToneText tone="muted">{`   ${shape}`}</ToneText>
        </Text>
        <Text>{truncate(`value    ${oneLine(value?.value.toString())}`, columns)}</Text>
        <Text>
          {truncate(`adjoint  ${equation?.text ?? "(no adjoint: not differentiable)"}`, columns)}
        </Text>
        {value?.adjoint && (
          <Text>{truncate(`         = ${oneLine(value.adjoint.toString())}`, columns)}</Text>
        )}
      </Box>
      {notice && <ToneText tone="accent">{notice}</ToneText>}
    </Box>
  );
}

/** Matrices print over several lines; the detail pane shows them on one. */
function oneLine(text: string | undefined): string {
  return (text ?? "").replace(/\n\s*/g, " ");
}
