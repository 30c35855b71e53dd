// Computation graph (2.1.1): the 2.1 network's named nodes with the nodes they come from; move
// between them to see each one's definition, shape, forward value and adjoint on a seeded
// instance; export the graph as DOT or Mermaid.
import { resolve } from "node:path";
import { Box, Text } from "ink";
import { useMemo, useState } from "react";
import { saveAtomically } from "../../answers/answer-file.js";
import type { KeyHelp } from "../../app/keys.js";
import { textLines, useBodySize, Window } from "../../app/layout.js";
import { useScreenInput } from "../../app/navigation.js";
import { ToneText } from "../../app/theme.js";
import { truncate } from "../../components/truncate.js";
import { namedGraph, namedGraphDot, namedGraphMermaid } from "./named-graph.js";
import { forwardExpression, networkInstance, shownValue } from "./network-instance.js";

export const graphKeys: readonly KeyHelp[] = [
  { keys: "↑ ↓", action: "move between nodes" },
  { keys: "p", action: "show or hide the parameters W(1) … b(3)" },
  { keys: "r", action: "draw a new random instance (next seed)" },
  { keys: "t", action: "next class t (1, 2, 3: counted from 1, as in the handout)" },
  { keys: "d / m", action: "export the homework's 11-node graph as DOT / Mermaid" },
  {
    keys: "D / M",
    action: "export the full traced graph (parameters, internal nodes) as DOT / Mermaid",
  },
];

export const exportFiles = {
  dot: "nnkit-graph-2.1.dot",
  mermaid: "nnkit-graph-2.1.mmd",
  fullDot: "nnkit-graph-2.1-full.dot",
  fullMermaid: "nnkit-graph-2.1-full.mmd",
} as const;

interface GraphScreenProps {
  /** Where exports are written (the directory nnkit was started in). */
  exportDir?: string;
}

export function GraphScreen({ exportDir = process.cwd() }: GraphScreenProps) {
  const { rows, columns } = useBodySize();
  const [seed, setSeed] = useState(1);
  const [classNumber, setClassNumber] = useState<number | undefined>(undefined);
  const [showParameters, setShowParameters] = useState(false);
  const [selected, setSelected] = useState(0);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const instance = useMemo(() => networkInstance(seed, classNumber), [seed, classNumber]);
  const { graph, values, equations, parameters } = instance;
  const shown = graph.nodes.filter(
    (node) => node.name !== undefined && (showParameters || !parameters.has(node.name)),
  );
  const names = new Set(shown.map((node) => node.name!));
  const sources = new Map<string, string[]>();
  for (const [from, to] of graph.namedEdges()) {
    if (names.has(from)) sources.set(to, [...(sources.get(to) ?? []), from]);
  }
  const index = Math.min(selected, shown.length - 1);
  const node = shown[index]!;

  const exportAs = (format: keyof typeof exportFiles) => {
    const path = resolve(exportDir, exportFiles[format]);
    const homework = namedGraph(
      graph.nodes
        .map((n) => n.name)
        .filter((n): n is string => n !== undefined && !parameters.has(n)),
      graph.namedEdges(),
    );
    const text = {
      dot: () => namedGraphDot(homework),
      mermaid: () => namedGraphMermaid(homework),
      fullDot: () => graph.toDot(),
      fullMermaid: () => graph.toMermaid(),
    }[format]();
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
    else if (input === "t") setClassNumber((instance.classNumber % instance.classes) + 1);
    else if (input === "d") exportAs("dot");
    else if (input === "m") exportAs("mermaid");
    else if (input === "D") exportAs("fullDot");
    else if (input === "M") exportAs("fullMermaid");
    else return false;
    return true;
  });

  const nameWidth = Math.max(...shown.map((n) => n.name!.length)) + 2;
  const value = values.get(node.name!);
  const equation = equations.equations.find((e) => e.variable === node.name);
  const shape = `[${node.shape.join(", ")}] ${node.dtype}`;
  // Row budget: the node list and the detail (a matrix as a grid, one row per matrix row) share
  // the body; each scrolls within its rows.
  const valueLines = gridLines(shownValue(instance, node.name!));
  const adjointLines = value?.adjoint ? gridLines(value.adjoint.toString()) : [];
  const gap = rows >= 30 ? 1 : 0;
  const fixedRows = 1 + gap + 2 + (notice ? 1 : 0);
  const available = Math.max(6, rows - fixedRows);
  const listRows = Math.min(
    shown.length,
    Math.max(4, available - valueLines.length - adjointLines.length),
  );
  const detailRows = Math.max(2, available - listRows);
  const valueRows = Math.max(1, Math.min(valueLines.length, Math.ceil(detailRows / 2)));
  const adjointRows = Math.max(adjointLines.length === 0 ? 0 : 1, detailRows - valueRows);
  return (
    <Box flexDirection="column">
      <ToneText tone="muted">{`seeded instance ${seed} · t = ${instance.classNumber} · ${shown.length} nodes${showParameters ? "" : " (parameters hidden: p)"}`}</ToneText>
      <Window
        rows={listRows}
        focus={index}
        lines={shown.map((n) => {
          const from = sources.get(n.name!) ?? [];
          const line = `${n.name === node.name ? "›" : " "} ${n.name!.padEnd(nameWidth)}${from.length === 0 ? "input" : `◀── ${from.join(", ")}`}`;
          return {
            key: String(n.id),
            node: (
              <Text inverse={n.name === node.name} wrap="truncate-end">
                {truncate(line, columns)}
              </Text>
            ),
          };
        })}
      />
      <Box flexDirection="column" marginTop={gap}>
        <Text wrap="truncate-end">
          <Text bold>{`${node.name} = ${forwardExpression(graph, node)}`}</Text>
          <ToneText tone="muted">{`   ${shape}`}</ToneText>
        </Text>
        <Window
          rows={valueRows}
          focus={0}
          scrolled
          lines={textLines(labelled("value    ", valueLines))}
        />
        <Text wrap="truncate-end">
          {truncate(`adjoint  ${equation?.text ?? "(no adjoint: not differentiable)"}`, columns)}
        </Text>
        {adjointLines.length > 0 && (
          <Window
            rows={adjointRows}
            focus={0}
            scrolled
            lines={textLines(labelled("         = ", adjointLines))}
          />
        )}
      </Box>
      {notice && <ToneText tone="accent">{notice}</ToneText>}
    </Box>
  );
}

/** A value's printed rows (a matrix as a grid, one row per line). */
function gridLines(text: string | undefined): string[] {
  return (text ?? "").split("\n");
}

/** The first line after `label`, the others aligned under it. */
function labelled(label: string, lines: readonly string[]): string[] {
  return lines.map((line, i) => (i === 0 ? label : " ".repeat(label.length)) + line);
}
