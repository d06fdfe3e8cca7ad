/**
 * ADAPTER — the transcript-reading interface the library codes against, over today's
 * standard-layout parser (src/transcript/parse.ts). Helper "layouts" is writing the real module
 * (src/transcript/read-source.ts: every layout, detection, its own decoding and limits); when it
 * is merged, this file becomes a re-export of it. Keep the exported names and signatures exactly.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parseTranscript, structureTurns, TranscriptFormatError as StandardFormatError, type RawTurn } from '../transcript/parse.js';
import { describeLimit, transcriptLimits, type TranscriptLimits } from '../transcript/limits.js';
import type { Call, LayoutName } from '../transcript/types.js';

/** Bump whenever parsing or structuring output changes: indexes built by another version are rebuilt. */
export const PARSER_VERSION = 1;

export interface ImportWarning {
  line: number | null;
  message: string;
}
export interface Detection {
  layout: LayoutName;
  score: number;
  reasons: string[];
}
export interface ParsedCall {
  /** Roles and exchanges already structured. */
  call: Call;
  layout: LayoutName;
  /** The file name the call came from. */
  source: string;
  detection: Detection;
  warnings: ImportWarning[];
}

/** A file that cannot be read as a transcript; `line` is 1-based, `lineText` that line (shortened). */
export class TranscriptFormatError extends Error {
  readonly file: string | null;
  readonly line: number;
  readonly lineText: string | null;
  constructor(detail: string, where: { file?: string | null; line: number; lineText?: string | null }) {
    super(detail);
    this.name = 'TranscriptFormatError';
    this.file = where.file ?? null;
    this.line = where.line;
    this.lineText = where.lineText ?? null;
  }
}

/** Files a folder import reads (a dataset folder's token files included). */
const TRANSCRIPT_EXTENSIONS = ['.txt', '.vtt', '.nlp'];
const MAX_LINE_TEXT = 120;

/** Bidi overrides and isolates reorder what a reader sees; other C0/C1 controls are invisible noise. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const OTHER_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

function shorten(text: string): string {
  return text.length > MAX_LINE_TEXT ? `${text.slice(0, MAX_LINE_TEXT - 1)}…` : text;
}

/** Decodes bytes: UTF-8 (BOM dropped), UTF-16 with a BOM, else per line UTF-8 or Windows-1252 — with a warning for each transcoding. */
function decode(bytes: Uint8Array, warnings: ImportWarning[]): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Not UTF-8 throughout: decide line by line, so a file pasted together from two sources keeps both readable.
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  // iconv-lite, not TextDecoder: Node's 'windows-1252' decoder reads 0x80–0x9F as C1 controls, losing Word's quotes and dashes.
  const cp1252 = { decode: (b: Uint8Array) => iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), 'windows-1252') };
  const parts: string[] = [];
  const transcoded: number[] = [];
  let from = 0;
  for (let line = 1; from <= body.length; line++) {
    let to = body.indexOf(0x0a, from);
    if (to < 0) to = body.length;
    const chunk = body.subarray(from, to);
    try {
      parts.push(utf8.decode(chunk));
    } catch {
      parts.push(cp1252.decode(chunk));
      transcoded.push(line);
    }
    from = to + 1;
  }
  const shown = transcoded.slice(0, 5).join(', ') + (transcoded.length > 5 ? `, … (${transcoded.length} lines)` : '');
  warnings.push({ line: transcoded[0] ?? null, message: `not valid UTF-8: read line${transcoded.length === 1 ? '' : 's'} ${shown} as Windows-1252` });
  return parts.join('\n');
}

/** Line numbers (1-based) of offsets in text, for the lines given. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOfOffset(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Line numbers of "Name - Title/Firm" lines before the "Presentation" heading (the participants lists). */
function participantLines(text: string): number[] {
  const out: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (/^presentation$/i.test(line)) break;
    if (line.length <= 200 && /\s[-\u2013\u2014]\s/.test(line)) out.push(i + 1);
  }
  return out;
}

/** Decode, check limits and parse one file's bytes. Throws TranscriptFormatError. */
export function parseTranscriptBytes(bytes: Uint8Array, opts: { fileName?: string; id?: string } = {}): ParsedCall {
  return parseWithLimits(bytes, opts, transcriptLimits());
}

function parseWithLimits(bytes: Uint8Array, opts: { fileName?: string; id?: string }, limits: TranscriptLimits): ParsedCall {
  const file = opts.fileName ?? null;
  const fail = (detail: string, line: number, lineText: string | null = null): never => {
    throw new TranscriptFormatError(detail, { file, line, lineText: lineText === null ? null : shorten(lineText) });
  };
  if (bytes.length > limits.maxFileBytes) fail(`the file is ${bytes.length.toLocaleString('en-US')} bytes; ${describeLimit('maxFileBytes', limits)}`, 1);
  const nul = bytes.indexOf(0);
  if (nul >= 0 && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    let line = 1;
    for (let i = 0; i < nul; i++) if (bytes[i] === 0x0a) line++;
    fail('this is a binary file, not a transcript (a NUL byte)', line);
  }

  const warnings: ImportWarning[] = [];
  let text = decode(bytes, warnings);
  if (text.trim() === '') fail('the file is empty', 1);
  const starts = lineStarts(text);
  const lineText = (n: number) => text.slice(starts[n - 1] ?? 0, (starts[n] ?? text.length + 1) - 1).replace(/\r$/, '');

  for (let n = 1; n <= starts.length; n++) {
    const length = (starts[n] ?? text.length + 1) - 1 - starts[n - 1]!;
    if (length > limits.maxParagraphChars) fail(`line ${n} is ${length.toLocaleString('en-US')} characters long; ${describeLimit('maxParagraphChars', limits)}`, n, lineText(n));
  }
  const bidi = text.match(BIDI_CONTROLS)?.length ?? 0;
  const controls = text.match(OTHER_CONTROLS)?.length ?? 0;
  if (bidi > 0 || controls > 0) {
    const first = text.search(bidi > 0 ? BIDI_CONTROLS : OTHER_CONTROLS);
    text = text.replace(BIDI_CONTROLS, '').replace(OTHER_CONTROLS, '');
    if (bidi > 0) warnings.push({ line: lineOfOffset(starts, first), message: `removed ${bidi} bidirectional text control character(s) that would show text reversed` });
    if (controls > 0) warnings.push({ line: null, message: `removed ${controls} invisible control character(s)` });
  }

  // Counted before parsing: the standard parser's analyst matching grows with participants × turns.
  const listed = participantLines(text);
  if (listed.length > limits.maxParticipants) {
    const n = listed[limits.maxParticipants]!;
    fail(`more than ${limits.maxParticipants.toLocaleString('en-US')} participants are listed (${listed.length.toLocaleString('en-US')}); ${describeLimit('maxParticipants', limits)}`, n, lineText(n));
  }

  let call: Call;
  try {
    call = parseTranscript(text, opts.id ? { id: opts.id } : {});
  } catch (err) {
    if (!(err instanceof StandardFormatError)) throw err;
    const lines = lineStarts(text);
    const at = Math.min(err.line, lines.length);
    const own = text.slice(lines[at - 1] ?? 0, (lines[at] ?? text.length + 1) - 1).replace(/\r$/, '');
    return fail(err.message.replace(/^line \d+: /, ''), err.line, own);
  }
  const final = lineStarts(call.source);
  if (call.participants.length > limits.maxParticipants) {
    fail(`the call has ${call.participants.length.toLocaleString('en-US')} participants; ${describeLimit('maxParticipants', limits)}`, 1);
  }
  if (call.turns.length > limits.maxTurns) {
    const turn = call.turns[limits.maxTurns]!;
    const line = lineOfOffset(final, turn.start);
    fail(`the call has ${call.turns.length.toLocaleString('en-US')} speaker turns; ${describeLimit('maxTurns', limits)}`, line, call.source.slice(final[line - 1], final[line] ?? undefined).trimEnd());
  }
  const sections = new Set(call.turns.map((t) => t.section));
  const reasons = [
    `title line "${shorten(call.meta.title)}" names company, ticker, quarter and date`,
    `participants listed under "Company Participants"${call.participants.some((p) => p.side === 'analyst') ? ' and "Conference Call Participants"' : ''}`,
    `speaker blocks under "Presentation"${sections.has('qa') ? ' and "Question-and-Answer Session"' : ''}`,
  ];
  return { call, layout: 'standard', source: file ?? '', detection: { layout: 'standard', score: 1, reasons }, warnings };
}

/** A file, or every transcript file of a folder (not recursive) → its calls and per-file failures. */
export async function readTranscriptPath(target: string): Promise<{ calls: ParsedCall[]; failures: { file: string; error: TranscriptFormatError }[] }> {
  const limits = transcriptLimits();
  const stat = await fs.stat(target);
  const files = stat.isDirectory()
    ? (await fs.readdir(target, { withFileTypes: true }))
        .filter((e) => e.isFile() && !e.name.startsWith('.') && TRANSCRIPT_EXTENSIONS.includes(path.extname(e.name).toLowerCase()))
        .map((e) => path.join(target, e.name))
        .sort()
    : [target];
  const calls: ParsedCall[] = [];
  const failures: { file: string; error: TranscriptFormatError }[] = [];
  for (const file of files) {
    const name = path.basename(file);
    try {
      const size = (await fs.stat(file)).size;
      if (size > limits.maxFileBytes) {
        throw new TranscriptFormatError(`the file is ${size.toLocaleString('en-US')} bytes; ${describeLimit('maxFileBytes', limits)}`, { file: name, line: 1 });
      }
      calls.push(parseWithLimits(await fs.readFile(file), { fileName: name }, limits));
    } catch (err) {
      if (!(err instanceof TranscriptFormatError)) throw err;
      failures.push({ file, error: err });
    }
  }
  return { calls, failures };
}

/** Re-derives roles and exchanges from a call's turns (speaker, section, paragraphs); pure. */
export function structureCall(call: Call): Call {
  const speakers = new Map(call.participants.map((p) => [p.id, p]));
  const raw: RawTurn[] = call.turns.map((t) => {
    const speaker = speakers.get(t.speakerId);
    if (!speaker) throw new Error(`turn ${t.index} has unknown speaker "${t.speakerId}"`);
    return { speaker, section: t.section, paragraphs: t.paragraphs, line: 0 };
  });
  const { turns, exchanges } = structureTurns(raw, call.participants.filter((p) => p.side === 'analyst'));
  return { ...call, turns: turns.map((t, i) => ({ ...t, startTime: call.turns[i]!.startTime })), exchanges };
}
