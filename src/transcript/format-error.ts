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

/**
 * A transcript that cannot be read. `line` is 1-based (1 for problems with the file as a whole);
 * `lineText` is the offending line as written, when there is one. The message reads
 * `file:line: detail` when the file is known, else `line N: detail`.
 */
export class TranscriptFormatError extends Error {
  readonly line: number;
  readonly detail: string;
  file: string | null;
  readonly lineText: string | null;

  constructor(line: number, detail: string, opts: { file?: string | null; lineText?: string | null } = {}) {
    super('');
    this.name = 'TranscriptFormatError';
    this.line = line;
    this.detail = detail;
    this.file = opts.file ?? null;
    this.lineText = opts.lineText ?? null;
    this.message = this.compose();
  }

  /** Records the file the error belongs to (once known) and updates the message. */
  inFile(file: string): this {
    if (this.file === null) {
      this.file = file;
      this.message = this.compose();
    }
    return this;
  }

  private compose(): string {
    return this.file === null ? `line ${this.line}: ${this.detail}` : `${this.file}:${this.line}: ${this.detail}`;
  }
}
