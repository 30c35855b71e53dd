// The terminal's size, following resizes, with the 80×24 minimum the layout is designed for.
import { useStdout } from "ink";
import { useEffect, useState } from "react";

export interface TerminalSize {
  columns: number;
  rows: number;
}

export const minimumSize: TerminalSize = { columns: 80, rows: 24 };

function measure(stdout: NodeJS.WriteStream): TerminalSize {
  return {
    columns: Math.max(minimumSize.columns, stdout.columns || minimumSize.columns),
    rows: Math.max(minimumSize.rows, stdout.rows || minimumSize.rows),
  };
}

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => measure(stdout));
  useEffect(() => {
    const update = () => setSize(measure(stdout));
    stdout.on("resize", update);
    return () => {
      stdout.off("resize", update);
    };
  }, [stdout]);
  return size;
}
