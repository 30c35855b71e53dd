// Home: the screens that explore homework 1 and, with an answer file loaded, each question of the
// assignment with its status from the self-check (and the student's variant numbers when
// variants are on).
import { Box, Text } from "ink";
import { useMemo, useState } from "react";
import { studentOf } from "../answers/answer-document.js";
import { gradingUnavailable, useGradingAnswer } from "../answers/grading.js";
import { homeworkRequest } from "../answers/grading-requests.js";
import { type CheckState, useAnswerSession } from "../answers/session.js";
import type { KeyHelp } from "../app/keys.js";
import { useBodySize } from "../app/layout.js";
import { useNavigation, useScreenInput } from "../app/navigation.js";
import { routes } from "../app/routes.js";
import { ToneText } from "../app/theme.js";
import { cellWidth, fitCells, truncate } from "../components/truncate.js";
import { statusTone } from "./answers/status.js";

export const homeKeys: readonly KeyHelp[] = [
  { keys: "↑ ↓", action: "choose a screen" },
  { keys: "Enter", action: "open the chosen screen" },
  ...routes.map((route) => ({ keys: route.hotkey, action: `open ${route.title}` })),
];

/** "missing" reads better as "unanswered" to a student; the other statuses are grading's. */
function statusLabel(check: CheckState, question: string): string {
  if (check.kind === "running") return "checking";
  if (check.kind !== "done") return "";
  const status = check.result.questions.find((q) => q.id === question)?.status ?? "";
  return status === "missing" ? "unanswered" : status;
}

/** `q2.1.1` is 2.1.1 in the handout; other ids are shown as they are. */
function handoutNumber(id: string): string {
  return /^q\d/.test(id) ? id.slice(1) : id;
}

function Questions() {
  const { file, check } = useAnswerSession();
  const { columns } = useBodySize();
  const text = file.kind === "loaded" ? file.text : undefined;
  // Parsed once per file text, not at every key pressed on Home.
  const student = useMemo(() => (text === undefined ? undefined : studentOf(text)), [text]);
  const homework = useGradingAnswer(student && homeworkRequest);
  const variantId =
    student && homework && !(homework instanceof Error) && homework.perStudentVariants
      ? student.id
      : undefined;
  const variantRequest = useMemo(
    () =>
      variantId === undefined ? undefined : { kind: "variant" as const, studentId: variantId },
    [variantId],
  );
  const variant = useGradingAnswer(variantRequest);
  if (student === undefined || file.kind !== "loaded") {
    return <ToneText tone="muted">No answer file loaded: press a to open or create one.</ToneText>;
  }
  if (homework === undefined || homework instanceof Error) {
    return <ToneText tone={homework ? "bad" : "muted"}>{gradingUnavailable(homework)}</ToneText>;
  }
  const half = Math.ceil(homework.questions.length / 2);
  const whose = ` · student ${student.id || "(no id)"}`;
  const width = Math.floor((columns - 2) / 2);
  const cell = (index: number) => {
    const question = homework.questions[index];
    if (!question) return null;
    const status = statusLabel(check, question.id);
    const title = `${handoutNumber(question.id)} ${question.title}`;
    const room = width - 12;
    return (
      <Text>
        <ToneText tone={statusTone(status)}>{status.padEnd(11)}</ToneText>
        {fitCells(title, room)}
      </Text>
    );
  };
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{truncate(file.path, Math.max(8, columns - cellWidth(whose)))}</Text>
        {truncate(whose, columns)}
      </Text>
      {variant && !(variant instanceof Error) && (
        <Text>
          {`your numbers: ${Object.entries(variant)
            .map(
              ([name, value]) =>
                `${name} = ${Array.isArray(value) ? `[${value.join(", ")}]` : value}`,
            )
            .join("; ")}`}
        </Text>
      )}
      {Array.from({ length: half }, (_, row) => (
        <Box key={homework.questions[row]!.id}>
          <Box width={width + 2}>{cell(row)}</Box>
          {cell(row + half)}
        </Box>
      ))}
    </Box>
  );
}

export function Home() {
  const { open } = useNavigation();
  const [selected, setSelected] = useState(0);
  useScreenInput((input, key) => {
    if (key.upArrow) setSelected((i) => (i + routes.length - 1) % routes.length);
    else if (key.downArrow) setSelected((i) => (i + 1) % routes.length);
    else if (key.return) open(routes[selected]!.id);
    else {
      const route = routes.find((r) => r.hotkey === input);
      if (!route) return false;
      open(route.id);
    }
    return true;
  });
  return (
    <Box flexDirection="column" gap={1}>
      <Box flexDirection="column">
        {routes.map((route, i) => (
          <Text key={route.id} inverse={i === selected}>
            {`${i === selected ? "›" : " "} ${route.hotkey}  ${route.title.padEnd(18)}${route.questions.padEnd(10)}`}
            <ToneText tone="muted">{route.summary}</ToneText>
          </Text>
        ))}
      </Box>
      <Questions />
    </Box>
  );
}
