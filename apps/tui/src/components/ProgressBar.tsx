// A progress bar for long computations (verification), drawn with block characters so that it
// reads without colour.
import { Text } from "ink";

interface ProgressBarProps {
  done: number;
  total: number;
  width?: number;
}

export function progressText(done: number, total: number, width: number): string {
  const fraction = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
  const filled = Math.round(fraction * width);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `${"█".repeat(filled)}${"░".repeat(width - filled)} ${percent} ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`;
}

export function ProgressBar({ done, total, width = 30 }: ProgressBarProps) {
  return <Text>{progressText(done, total, width)}</Text>;
}
