/**
 * The transcript layer's public entry points: bytes or a path → typed, structured Calls.
 *
 *   parseTranscriptFile(bytes)   a document (PDF, .docx, HTML) to its text, then parseTranscriptBytes
 *   parseTranscriptBytes(bytes)  decode → detect the layout → parse → structure (text files)
 *   readTranscriptPath(path)     a file, a folder of files, or an Earnings-21/22 dataset folder
 *   structureCall(call)          re-derive sides (where inferred), roles and exchanges from turns
 *
 * Errors are TranscriptFormatError with file:line; warnings say what was transcoded, inferred or
 * added. PARSER_VERSION changes whenever parsing or structuring output changes, so an index built
 * by an older parser is rebuilt.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { findDatasetFor, isDatasetFolder, readDataset, type DatasetIndex } from './datasets/earnings.js';
import { describeLimit } from './limits.js';
import { decodeTranscript } from './decode.js';
import { extractDocumentText } from './documents/extract-text.js';
import { detectLayout, type Detection } from './detect.js';
import { TranscriptFormatError, type ImportWarning } from './format-error.js';
import type { DatasetCallInfo, Inferred, SourceDoc, TranscriptLayout } from './layouts/layout.js';
import { transcriptLimits, type TranscriptLimits } from './limits.js';
import { splitLines } from './lines.js';
import { withWordsRejoined } from './line-break-hyphens.js';
import { withLabelMarksRead } from './label-marks.js';
import { withListColumnsRead } from './list-columns.js';
import { withLowercaseLabelsRead } from './lowercase-labels.js';
import { withoutMarkup } from './markdown.js';
import { withoutPageFurniture } from './page-furniture.js';
import { withRunOnLinesBroken } from './run-on-lines.js';
import { asTwoCalls } from './second-call.js';
import { withColumnsUnwoven } from './text-columns.js';
import type { Call, LayoutName } from './types.js';

export { structureCall } from './structure.js';
export { TranscriptFormatError, type ImportWarning } from './format-error.js';
export type { Detection } from './detect.js';
export type { Inferred } from './layouts/layout.js';
export { DEFAULT_LIMITS, describeLimit, transcriptLimits, type TranscriptLimits } from './limits.js';

/** Bump whenever parsing or structuring output changes (1 was the single-layout parser). */
export const PARSER_VERSION = 51;

export interface ParsedCall {
  /** Roles and exchanges already structured. */
  call: Call;
  layout: LayoutName;
  /** The file name the call came from (a dataset call: its own file, e.g. "4385939.nlp"). */
  source: string;
  detection: Detection;
  warnings: ImportWarning[];
  /** What was inferred rather than read (the library infers it again whenever it reads the call). */
  inferred: Inferred;
}

export interface ParseBytesOptions {
  fileName?: string;
  id?: string;
  /** Overrides of the limits in force (by default read from the environment, see limits.ts). */
  limits?: Partial<TranscriptLimits>;
  /** Dataset metadata for this file (readTranscriptPath finds it; callers rarely pass it). */
  dataset?: DatasetCallInfo | null;
}

/** File extensions of raw transcripts, read from a plain folder (a library folder also holds other files). */
export const TRANSCRIPT_EXTENSIONS: readonly string[] = ['.txt', '.vtt', '.srt', '.nlp', '.pdf', '.docx', '.html', '.htm'];

/**
 * Any transcript file: a PDF, Word .docx or HTML page is read to its text first (see
 * documents/extract-text.ts), then parsed as a text file is. Every reader of files goes through
 * here. Throws TranscriptFormatError.
 */
export async function parseTranscriptFile(bytes: Uint8Array, opts: ParseBytesOptions = {}): Promise<ParsedCall> {
  const fileName = opts.fileName ? path.basename(opts.fileName) : null;
  let extracted;
  try {
    extracted = await extractDocumentText(bytes, fileName, limitsWith(opts.limits));
  } catch (error) {
    if (error instanceof TranscriptFormatError && fileName !== null) error.inFile(fileName);
    throw error;
  }
  if (extracted.text === null) return parseTranscriptBytes(bytes, opts);
  const parsed = parseTranscriptBytes(new TextEncoder().encode(extracted.text), opts);
  return { ...parsed, warnings: [...extracted.warnings, ...parsed.warnings] };
}

/** Decode + detect + parse one self-contained file's bytes. Throws TranscriptFormatError. */
export function parseTranscriptBytes(bytes: Uint8Array, opts: ParseBytesOptions = {}): ParsedCall {
  const fileName = opts.fileName ? path.basename(opts.fileName) : null;
  try {
    const limits = limitsWith(opts.limits);
    const decoded = decodeTranscript(bytes, limits);
    const lines = splitLines(decoded.text);
    const { doc, layout, detection, pageWarnings } = detectWithoutPageFurniture({ text: decoded.text, lines, fileName });
    const { call, warnings, inferred } = parseLayout(layout, doc, { id: opts.id, limits, dataset: opts.dataset ?? null });
    return { call, layout: layout.name, source: fileName ?? call.meta.id, detection, warnings: [...decoded.warnings, ...pageWarnings, ...warnings], inferred };
  } catch (error) {
    if (error instanceof TranscriptFormatError && fileName !== null) error.inFile(fileName);
    throw error;
  }
}

/** A layout's parse; a refusal of a file that holds two calls says so (second-call.ts). */
function parseLayout(layout: TranscriptLayout, doc: SourceDoc, ctx: Parameters<TranscriptLayout['parse']>[1]): ReturnType<TranscriptLayout['parse']> {
  try {
    return layout.parse(doc, ctx);
  } catch (error) {
    if (error instanceof TranscriptFormatError && !MACHINE_LAYOUTS.has(layout.name)) throw asTwoCalls(error, doc.lines);
    throw error;
  }
}

/** Layouts whose files are written by machines (captions, JSON, token tables): their lines are never a page's furniture. */
const MACHINE_LAYOUTS: ReadonlySet<LayoutName> = new Set(['webvtt', 'srt', 'speech-json', 'csv', 'asr-tokens']);

/**
 * The layout of a document, detected once a PDF's page headers and a web page's own lines are
 * left out and Markdown is read as the text it renders to — except for files a machine wrote (captions, JSON, token tables), which are read as
 * they are.
 */
function detectWithoutPageFurniture(raw: SourceDoc): { doc: SourceDoc; layout: TranscriptLayout; detection: Detection; pageWarnings: ImportWarning[] } {
  try {
    const found = detectLayout(raw);
    if (MACHINE_LAYOUTS.has(found.layout.name)) return { doc: raw, ...found, pageWarnings: [] };
  } catch {
    // Refused as it is: it may read once the page's lines are left out.
  }
  // Two-column pages read column by column; then Markdown and HTML entities: "## Full Conference Call Transcript" is the page's line once it is plain.
  // "… Earnings Call Operator: Good morning… Owen Pryce: Thank you. …": a call run together on one line, broken before its labels.
  const runOn = withRunOnLinesBroken(raw.text, raw.lines);
  const pages = withColumnsUnwoven(runOn.text, runOn.lines);
  // "Company Participants      Conference Call Participants": lists side by side, read one after the other.
  const columns = withListColumnsRead(pages.text, pages.lines);
  const plain = withoutMarkup(columns.text, columns.lines);
  // Paragraph numbers, chevrons and dashes around speakers' labels ("12. Owen Pryce:", ">> OWEN PRYCE:", "Owen Pryce — Thanks").
  // "owen pryce: Thank you.": labels in lower case, read as the names the call writes with capitals.
  const lower = withLowercaseLabelsRead(plain.text, plain.lines);
  const labelled = withLabelMarksRead(lower.text, lower.lines);
  const whole = withWordsRejoined(labelled.text, labelled.lines);
  const page = withoutPageFurniture(whole.lines);
  const doc = { ...raw, text: whole.text, lines: page.lines };
  return { doc, ...detectLayout(doc), pageWarnings: [...runOn.warnings, ...pages.warnings, ...columns.warnings, ...plain.warnings, ...lower.warnings, ...labelled.warnings, ...whole.warnings, ...page.warnings] };
}

/** Parses a string as if it were a UTF-8 file (tests, and callers that already decoded). */
export function parseTranscriptText(text: string, opts: ParseBytesOptions = {}): ParsedCall {
  return parseTranscriptBytes(new TextEncoder().encode(text), opts);
}

/** The limits in force (environment or defaults) with the caller's overrides. */
function limitsWith(overrides: Partial<TranscriptLimits> | undefined): TranscriptLimits {
  return { ...transcriptLimits(), ...overrides };
}

function failure(file: string, error: unknown): { file: string; error: TranscriptFormatError } {
  if (error instanceof TranscriptFormatError) return { file, error: error.inFile(file) };
  const detail = error instanceof Error ? error.message : String(error);
  return { file, error: new TranscriptFormatError(1, `cannot read the file: ${detail}`, { file }) };
}

async function readOne(
  file: string,
  dataset: DatasetCallInfo | null,
  limits: Partial<TranscriptLimits> | undefined,
): Promise<{ call: ParsedCall } | { failure: { file: string; error: TranscriptFormatError } }> {
  const name = path.basename(file);
  try {
    const stat = await fs.stat(file);
    const inForce = limitsWith(limits);
    // Refuse before reading a huge file into memory.
    if (stat.size > inForce.maxFileBytes) {
      return { failure: failure(name, new TranscriptFormatError(1, `the file is ${stat.size.toLocaleString('en-US')} bytes; ${describeLimit('maxFileBytes', inForce)}`)) };
    }
    const bytes = await fs.readFile(file);
    return { call: await parseTranscriptFile(bytes, { fileName: name, dataset, limits }) };
  } catch (error) {
    return { failure: failure(name, error) };
  }
}

/** A file or a dataset folder → its calls, plus per-file failures (a bad file never stops the rest). */
export async function readTranscriptPath(
  target: string,
  opts: { limits?: Partial<TranscriptLimits> } = {},
): Promise<{ calls: ParsedCall[]; failures: { file: string; error: TranscriptFormatError }[] }> {
  const calls: ParsedCall[] = [];
  const failures: { file: string; error: TranscriptFormatError }[] = [];
  const collect = (r: Awaited<ReturnType<typeof readOne>>): void => {
    if ('call' in r) calls.push(r.call);
    else failures.push(r.failure);
  };

  let stat;
  try {
    stat = await fs.stat(target);
  } catch (error) {
    failures.push(failure(path.basename(target), error));
    return { calls, failures };
  }

  if (stat.isDirectory()) {
    if (await isDatasetFolder(target)) {
      const dataset: DatasetIndex = await readDataset(target);
      for (const entry of dataset.files) collect(await readOne(entry.path, entry.info, opts.limits));
      failures.push(...dataset.problems.map((p) => failure(p.file, new TranscriptFormatError(p.line, p.message))));
    } else {
      const names = (await fs.readdir(target)).filter((n) => !n.startsWith('.') && TRANSCRIPT_EXTENSIONS.includes(path.extname(n).toLowerCase())).sort();
      for (const name of names) {
        const file = path.join(target, name);
        if ((await fs.stat(file)).isFile()) collect(await readOne(file, (await findDatasetFor(file)) ?? null, opts.limits));
      }
    }
  } else {
    collect(await readOne(target, (await findDatasetFor(target)) ?? null, opts.limits));
  }
  disambiguateIds(calls);
  return { calls, failures };
}

/** Two calls of one batch with the same id (same company and quarter) get their file's slug appended. */
function disambiguateIds(calls: ParsedCall[]): void {
  const counts = new Map<string, number>();
  for (const c of calls) counts.set(c.call.meta.id, (counts.get(c.call.meta.id) ?? 0) + 1);
  for (const c of calls) {
    if ((counts.get(c.call.meta.id) ?? 0) < 2) continue;
    const suffix = c.source.replace(/\.[A-Za-z0-9]{1,5}$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    const id = `${c.call.meta.id}-${suffix}`;
    c.warnings.push({ line: null, message: `call id ${c.call.meta.id} is shared with another file of this batch; this call is ${id}` });
    c.call = { ...c.call, meta: { ...c.call.meta, id } };
  }
}
