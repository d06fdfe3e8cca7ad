/**
 * Writes the stored text of a call whose source is not readable prose (caption cues, one token a
 * line): a header line, then each turn as a speaker line and its paragraphs, blank-line separated.
 * Returns each paragraph's span so offsets point into the text written.
 */
import type { Paragraph } from './types.js';

export class SourceTextWriter {
  private readonly parts: string[] = [];
  private length = 0;

  /** Appends a line of text followed by a blank line. */
  line(text: string): void {
    this.append(`${text}\n\n`);
  }

  /** Appends a paragraph (followed by a blank line) and returns its span. */
  paragraph(text: string): Paragraph {
    const start = this.length;
    this.append(`${text}\n\n`);
    return { start, end: start + text.length, text };
  }

  toString(): string {
    return this.parts.join('');
  }

  private append(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }
}

/** "[1:02:03]" / "[12:34]" for a start time in seconds. */
export function formatClock(seconds: number): string {
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
