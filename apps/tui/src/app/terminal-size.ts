// The terminal's size, following resizes, and the 80×24 minimum the layout is designed for.
import { useStdout } from "ink";
import { useEffect, useState } from "react";

export interface TerminalSize {
  columns: number;
  rows: number;
}

export const minimumSize: TerminalSize = { columns: 80, rows: 24 };

/** The terminal's size; a stream that does not know it (a test's) counts as the minimum. */
function measure(stdout: NodeJS.WriteStream): TerminalSize {
  return {
    columns: stdout.columns || minimumSize.columns,
    rows: stdout.rows || minimumSize.rows,
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
