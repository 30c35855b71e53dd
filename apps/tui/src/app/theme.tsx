// Colours for the app, switched off when NO_COLOR is set (https://no-color.org): chalk, which ink
// uses, does not read NO_COLOR itself, so every coloured text goes through this context.
import { Text, type TextProps } from "ink";
import { createContext, type ReactNode, useContext } from "react";

export type Tone = "accent" | "good" | "bad" | "warn" | "muted";

const palette: Record<Tone, string> = {
  accent: "cyan",
  good: "green",
  bad: "red",
  warn: "yellow",
  muted: "gray",
};

/** True unless NO_COLOR is present and non-empty, as the convention asks. */
export function colorsEnabled(env: NodeJS.ProcessEnv): boolean {
  const noColor = env.NO_COLOR;
  return noColor === undefined || noColor === "";
}

const ColorContext = createContext(true);

export function ThemeProvider({ colors, children }: { colors: boolean; children: ReactNode }) {
  return <ColorContext.Provider value={colors}>{children}</ColorContext.Provider>;
}

type ToneTextProps = Omit<TextProps, "color"> & { tone: Tone };

/** Text in a semantic tone: coloured when colours are on; muted falls back to dim, which is not a colour. */
export function ToneText({ tone, children, ...rest }: ToneTextProps) {
  const colors = useContext(ColorContext);
  if (colors)
    return (
      <Text {...rest} color={palette[tone]}>
        {children}
      </Text>
    );
  return (
    <Text {...rest} dimColor={tone === "muted" || rest.dimColor}>
      {children}
    </Text>
  );
}
