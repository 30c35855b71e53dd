// Computation graph (2.1.1): the 2.1 network drawn as layered boxes and edges (micrograd's
// drawing, in text); move between the nodes to see each one's definition, inputs, shape, forward
// value and adjoint on a seeded instance; export the graph as DOT or Mermaid.
import { resolve } from "node:path";
import { namedEdges, toDot, toMermaid } from "@nnkit/autodiff";
import { Box, type Key, Text } from "ink";
import { useMemo, useState } from "react";
import { saveAtomically } from "../../answers/answer-file.js";
import type { KeyHelp } from "../../app/keys.js";
import { textLines, useBodySize, Window } from "../../app/layout.js";
import { useScreenInput } from "../../app/navigation.js";
import { ToneText } from "../../app/theme.js";
import { editLine, type LineState, lineAt } from "../../components/line-edit.js";
import { TextField } from "../../components/TextField.js";
import { truncate } from "../../components/truncate.js";
import { drawLayered } from "./layered-drawing.js";
import { namedGraph, namedGraphDot, namedGraphMermaid } from "./named-graph.js";
import {
  forwardExpression,
  type InstanceEdits,
  inputValue,
  isEditable,
  networkInstance,
  readValue,
  shownValue,
} from "./network-instance.js";

export const graphKeys: readonly KeyHelp[] = [
  { keys: "↑ ↓", action: "move between nodes" },
  { keys: "p", action: "show or hide the parameters W(1) … b(3)" },
  { keys: "r", action: "draw a new random instance (next seed; forgets values set by hand)" },
  { keys: "e", action: "set the selected input (x, or a parameter: p) by hand; Enter keeps" },
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
  const [edits, setEdits] = useState<InstanceEdits>({});
  const [editing, setEditing] = useState<{ name: string; line: LineState } | undefined>();
  const instance = useMemo(
    () => networkInstance(seed, classNumber, edits),
    [seed, classNumber, edits],
  );
  const { graph, values, equations, parameters } = instance;
  const shown = graph.nodes.filter(
    (node) => node.name !== undefined && (showParameters || !parameters.has(node.name)),
  );
  const drawn = namedGraph(
    shown.map((n) => n.name!),
    namedEdges(graph),
  );
  const sources = new Map<string, string[]>();
  for (const [from, to] of drawn.edges) sources.set(to, [...(sources.get(to) ?? []), from]);
  const index = Math.min(selected, shown.length - 1);
  const node = shown[index]!;

  const exportAs = (format: keyof typeof exportFiles) => {
    const path = resolve(exportDir, exportFiles[format]);
    const homework = namedGraph(
      graph.nodes
        .map((n) => n.name)
        .filter((n): n is string => n !== undefined && !parameters.has(n)),
      namedEdges(graph),
    );
    const text = {
      dot: () => namedGraphDot(homework),
      mermaid: () => namedGraphMermaid(homework),
      fullDot: () => toDot(graph),
      fullMermaid: () => toMermaid(graph),
    }[format]();
    saveAtomically(path, text).then(
      () => setNotice(`wrote ${path}`),
      (error: Error) => setNotice(`not written: ${error.message}`),
    );
  };

  const typed = editing ? readValue(editing.line.text, node.shape as number[]) : undefined;
  const editKey = (input: string, key: Key, active: { name: string; line: LineState }) => {
    if (key.escape) setEditing(undefined);
    else if (key.return) {
      if (typed?.ok !== true) return;
      setEdits({ ...edits, [active.name]: typed.value });
      setEditing(undefined);
    } else setEditing({ ...active, line: editLine(active.line, input, key) });
  };

  useScreenInput((input, key) => {
    if (editing) {
      editKey(input, key, editing);
      return true;
    }
    if (input === "e" && isEditable(instance, node.name!)) {
      const current = inputValue(instance, node.name!);
      setEditing({ name: node.name!, line: lineAt(JSON.stringify(current?.toArray() ?? [])) });
    } else if (input === "r") {
      setSeed((s) => s + 1);
      setEdits({});
    } else if (key.upArrow) setSelected(Math.max(0, index - 1));
    else if (key.downArrow) setSelected(Math.min(shown.length - 1, index + 1));
    else if (input === "p") setShowParameters((p) => !p);
    else if (input === "t") setClassNumber((instance.classNumber % instance.classes) + 1);
    else if (input === "d") exportAs("dot");
    else if (input === "m") exportAs("mermaid");
    else if (input === "D") exportAs("fullDot");
    else if (input === "M") exportAs("fullMermaid");
    else return false;
    return true;
  });

  const value = values.get(node.name!);
  const equation = equations.equations.find((e) => e.variable === node.name);
  const shape = `[${node.shape.join(", ")}] ${node.dtype}`;
  const drawing = drawLayered(drawn, node.name);
  const box = drawing.boxes.get(node.name!)!;
  // Row budget: the drawing and the detail (a matrix as a grid, one row per matrix row) share
  // the body; each scrolls within its rows, the drawing also sideways to keep the selection in view.
  const valueLines = gridLines(shownValue(instance, node.name!));
  const adjointLines = value?.adjoint ? gridLines(value.adjoint.toString()) : [];
  const fixedRows = 1 + 3 + (notice ? 1 : 0);
  const available = Math.max(6, rows - fixedRows);
  const detailWanted = Math.min(valueLines.length, 4) + Math.min(adjointLines.length, 4);
  const drawingRows = Math.min(drawing.rows.length, Math.max(5, available - detailWanted));
  const detailRows = Math.max(2, available - drawingRows);
  const valueRows = Math.max(1, Math.min(valueLines.length, Math.ceil(detailRows / 2)));
  const adjointRows = Math.max(adjointLines.length === 0 ? 0 : 1, detailRows - valueRows);
  const left = sidewaysOffset(drawing.rows[0]?.length ?? 0, columns, box);
  const from = sources.get(node.name!) ?? [];
  return (
    <Box flexDirection="column">
      <ToneText tone="muted">
        {truncate(
          `seeded instance ${seed}${instance.edited.length > 0 ? ` with ${instance.edited.join(", ")} set by hand` : ""} · t = ${instance.classNumber} · ${shown.length} nodes${showParameters ? "" : " (parameters hidden: p)"}`,
          columns,
        )}
      </ToneText>
      <Window
        rows={drawingRows}
        focus={box.row}
        lines={drawing.rows.map((cells, i) => ({
          key: String(i),
          node: <Text wrap="truncate-end">{cells.slice(left, left + columns).join("")}</Text>,
        }))}
      />
      <Box flexDirection="column">
        <Text wrap="truncate-end">
          <Text bold>{`${node.name} = ${forwardExpression(graph, node)}`}</Text>
          <ToneText tone="muted">{`   ${shape}`}</ToneText>
        </Text>
        <Text wrap="truncate-end">
          {truncate(
            `inputs   ${from.length === 0 ? "none (an input of the network)" : from.join(", ")}`,
            columns,
          )}
        </Text>
        {editing ? (
          <TextField
            label={`${editing.name} =`}
            line={editing.line}
            focused
            error={typed?.ok === false ? typed : undefined}
          />
        ) : (
          <Window
            rows={valueRows}
            focus={0}
            scrolled
            lines={textLines(labelled("value    ", valueLines))}
          />
        )}
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

/** The first column shown of a drawing `width` wide, so that the selected box is in view. */
function sidewaysOffset(width: number, columns: number, box: { left: number; right: number }) {
  if (width <= columns) return 0;
  const centred = Math.floor((box.left + box.right - columns) / 2);
  return Math.max(0, Math.min(width - columns, centred));
}

/** A value's printed rows (a matrix as a grid, one row per line). */
function gridLines(text: string | undefined): string[] {
  return (text ?? "").split("\n");
}

/** The first line after `label`, the others aligned under it. */
function labelled(label: string, lines: readonly string[]): string[] {
  return lines.map((line, i) => (i === 0 ? label : " ".repeat(label.length)) + line);
}
