/** The one error the transcript layer throws for input it cannot read, and the warnings it gives for input it could. */

/** Something a reader should know about a file that did parse (`line` is 1-based, null for the whole file). */
export interface ImportWarning {
  line: number | null;
  message: string;
}

/** Longest line text quoted in an error message. */
const SHOWN_CHARS = 80;

/** A line quoted for a message: trimmed, shortened, in double quotes. */
export function quoteLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > SHOWN_CHARS ? `${flat.slice(0, SHOWN_CHARS - 3)}...` : flat}"`;
}

/** Longest line text an error carries. */
const MAX_LINE_TEXT = 120;

/**
 * A transcript that cannot be read. `message` says what is wrong; `file` and `line` (1-based; 1
 * for problems with the file as a whole) say where, and `lineText` quotes the line (shortened),
 * so a report can print `file:line: message`.
 */
export class TranscriptFormatError extends Error {
  readonly line: number;
  file: string | null;
  readonly lineText: string | null;

  constructor(line: number, message: string, opts: { file?: string | null; lineText?: string | null } = {}) {
    super(message);
    this.name = 'TranscriptFormatError';
    this.line = line;
    this.file = opts.file ?? null;
    const text = opts.lineText ?? null;
    this.lineText = text !== null && text.length > MAX_LINE_TEXT ? `${text.slice(0, MAX_LINE_TEXT - 1)}…` : text;
  }

  /** Records the file the error belongs to, once known. */
  inFile(file: string): this {
    this.file ??= file;
    return this;
  }

  /** `file:line: message` (or `line N: message` when the file is not known). */
  describe(): string {
    return this.file === null ? `line ${this.line}: ${this.message}` : `${this.file}:${this.line}: ${this.message}`;
  }
}
