/**
 * SubRip captions (`.srt`), the most common caption file after WebVTT:
 *
 *   1                                   (a cue number)
 *   00:00:04,000 --> 00:00:09,500       (timing: a comma before the milliseconds)
 *   Operator: Good morning and welcome  (speakers as captions write them: "Name: text",
 *                                        "[Name] text", ">> NAME: text", or <v Name>)
 *
 * The timing lines are rewritten as WebVTT's (a dot before the milliseconds, no SubRip position
 * coordinates) line for line under a "WEBVTT" signature, and the cues are read exactly as WebVTT
 * captions are (webvtt.ts): the same speakers, turns, paragraphs and start times. Line numbers
 * in errors and warnings are the SubRip file's.
 */
import { TranscriptFormatError, type ImportWarning } from '../format-error.js';
import { splitLines, type Line } from '../lines.js';
import type { LayoutFit, LayoutOutput, ParseContext, SourceDoc, TranscriptLayout } from './layout.js';
import { namesCaptionSpeaker, parseCaptions } from './webvtt.js';

/** "00:00:04,000 --> 00:00:09,500" (a dot or a one-digit hour as some tools write it; trailing "X1:… Y2:…" coordinates). */
const TIMING = /^(\d{1,3}):(\d{1,2}):(\d{1,2})[,.](\d{1,7})\s*-->\s*(\d{1,3}):(\d{1,2}):(\d{1,2})[,.](\d{1,7})(?:\s.*)?$/;

/** Lines the WebVTT text gains before the file's first line ("WEBVTT" and a blank line). */
const SHIFT = 2;

function vttTime(h: string, m: string, s: string, ms: string): string {
  return `${h.padStart(2, '0')}:${m.padStart(2, '0')}:${s.padStart(2, '0')}.${ms.slice(0, 3).padEnd(3, '0')}`;
}

function detect(doc: SourceDoc): LayoutFit {
  const text = doc.lines.filter((l) => l.text !== '').slice(0, 3);
  const first = text[0];
  // A cue number over a timing line, or (as some tools write it) the timing line first.
  const timing = first && /^\d{1,9}$/.test(first.text) ? text[1] : first;
  if (timing && TIMING.test(timing.text)) {
    return { score: 1, reasons: [`line ${timing.number} is a SubRip timing line ("${timing.text.trim()}")`], mismatch: null };
  }
  return { score: 0, reasons: [], mismatch: { line: first?.number ?? 1, expected: 'a SubRip cue (a number over "00:00:04,000 --> 00:00:09,500")', lineText: first?.text ?? null } };
}

/**
 * Teams' older transcript (its Word export, as text): no cue numbers, a timing written "0:0:6.750 --> 0:0:9.0", and
 * each cue's speaker on the line under it, the words under that ("Pryce, Owen" over "Thank you."). Only when every
 * cue is so written: the indexes of those speaker lines, or null. They were refused ("the cue names no speaker").
 */
function speakerLines(lines: readonly Line[]): Set<number> | null {
  const at: number[] = [];
  lines.forEach((line, i) => {
    if (TIMING.test(line.text)) at.push(i + 1);
  });
  if (at.length === 0) return null;
  for (const i of at) {
    const name = lines[i]?.text.trim() ?? '';
    const words = lines[i + 1]?.text.trim() ?? '';
    if (name === '' || words === '' || /^[^:]{1,60}:\s/.test(name) || !namesCaptionSpeaker(name)) return null;
  }
  return new Set(at);
}

/** The file as WebVTT text, line for line after the signature. */
function asWebVtt(doc: SourceDoc): string {
  const voices = speakerLines(doc.lines);
  const lines = doc.lines.map((line, i) => {
    // The speaker's line as the cue's voice ("<v Pryce, Owen>"), the words under it in it.
    if (voices?.has(i)) return `<v ${line.text.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}>`;
    const m = TIMING.exec(line.text);
    if (!m) return line.text;
    const [, h1, m1, s1, ms1, h2, m2, s2, ms2] = m as unknown as string[];
    return `${vttTime(h1!, m1!, s1!, ms1!)} --> ${vttTime(h2!, m2!, s2!, ms2!)}`;
  });
  return `WEBVTT\n\n${lines.join('\n')}\n`;
}

function parse(doc: SourceDoc, ctx: ParseContext): LayoutOutput {
  const text = asWebVtt(doc);
  const shifted = (line: number): number => Math.max(1, line - SHIFT);
  let out: LayoutOutput;
  try {
    out = parseCaptions({ text, lines: splitLines(text), fileName: doc.fileName }, ctx, 'srt');
  } catch (error) {
    if (!(error instanceof TranscriptFormatError)) throw error;
    const line = shifted(error.line);
    throw new TranscriptFormatError(line, error.message.replace(/^WebVTT: /, 'captions: '), { lineText: doc.lines[line - 1]?.text ?? null });
  }
  // The same array the call's warnings were assembled into: renumber it in place.
  const warnings: ImportWarning[] = out.warnings;
  for (const w of warnings) {
    if (w.line !== null) w.line = shifted(w.line);
    w.message = w.message.replace(/^WebVTT: /, 'captions: ');
  }
  return { ...out, warnings };
}

export const srtLayout: TranscriptLayout = { name: 'srt', detect, parse };
