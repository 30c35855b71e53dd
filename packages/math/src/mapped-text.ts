/**
 * Text produced by rewriting a student's string, with the offset in the original string that every
 * produced character came from, so that an error found late still points at what the student typed.
 */
export interface MappedText {
  readonly text: string;
  /** origins[i] is the offset in the original string of text[i]; origins[text.length] marks the end. */
  readonly origins: readonly number[];
}

export class MappedTextBuilder {
  #text = "";
  readonly #origins: number[] = [];

  /** Appends `text`, every character attributed to `origin`, or to origin, origin+1, … if `sequential`. */
  push(text: string, origin: number, sequential = false): void {
    for (let i = 0; i < text.length; i++) this.#origins.push(sequential ? origin + i : origin);
    this.#text += text;
  }

  /** Appends a piece of already-mapped text. */
  pushMapped(piece: MappedText, from = 0, to = piece.text.length): void {
    this.#text += piece.text.slice(from, to);
    for (let i = from; i < to; i++) this.#origins.push(piece.origins[i]!);
  }

  get length(): number {
    return this.#text.length;
  }

  build(endOrigin: number): MappedText {
    return { text: this.#text, origins: [...this.#origins, endOrigin] };
  }
}

export function identityMapped(text: string): MappedText {
  return { text, origins: Array.from({ length: text.length + 1 }, (_, i) => i) };
}

/** Offset in the original string for a position in the mapped text (clamped to the end). */
export function originOf(mapped: MappedText, position: number): number {
  const clamped = Math.max(0, Math.min(position, mapped.origins.length - 1));
  return mapped.origins[clamped]!;
}
