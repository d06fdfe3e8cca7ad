/**
 * The token-level speech-recognition layout of the Earnings-21/22 datasets (`.nlp`): a header
 * `token|speaker|ts|endTs|punctuation|[prepunctuation|]case|tags|…`, then one token a line.
 *
 * Text is restored from the columns: casing from `case` (UC: first letter upper, rest lower;
 * LC: lower; CA: upper; MC and N/A: as written), punctuation from `punctuation` (after) and
 * `prepunctuation` (before); markers such as `<inaudible>` stay readable as `[inaudible]`.
 * Consecutive tokens of one speaker id form a turn; a turn is cut into paragraphs at a sentence
 * end once LONG_PARAGRAPH_CHARS long (at a word once HARD_PARAGRAPH_CHARS long, for text with no
 * punctuation). Names come from the dataset's speaker table, else "Speaker N" (N: the file's
 * speaker id); company, quarter, sector and ticker from its metadata (datasets/earnings.ts).
 * Sides and the Q&A start are inferred from the operator's introductions.
 */
import { assembleCall, TurnCollector } from '../call-assembly.js';
import { TranscriptFormatError, quoteLine, type ImportWarning } from '../format-error.js';
import { emptyHeaderMeta } from '../header-meta.js';
import { nextNonBlank, type Line } from '../lines.js';
import { SpeakerResolver } from '../speaker-resolver.js';
import { SourceTextWriter } from '../source-text.js';
import type { Participant } from '../types.js';
import type { LayoutFit, LayoutOutput, ParseContext, SourceDoc, TranscriptLayout } from './layout.js';

const LONG_PARAGRAPH_CHARS = 600;
const HARD_PARAGRAPH_CHARS = 4000;
const SENTENCE_END = /[.?!\u2026]["'\u201d\u2019)\]]*$/;
const REQUIRED_COLUMNS = ['token', 'speaker', 'punctuation', 'case'];

interface Columns {
  token: number;
  speaker: number;
  ts: number;
  punctuation: number;
  prepunctuation: number;
  case: number;
}

function columnsOf(header: string): Columns | null {
  const names = header.split('|').map((c) => c.trim().toLowerCase());
  if (!REQUIRED_COLUMNS.every((c) => names.includes(c)) || names[0] !== 'token') return null;
  return {
    token: names.indexOf('token'),
    speaker: names.indexOf('speaker'),
    ts: names.indexOf('ts'),
    punctuation: names.indexOf('punctuation'),
    prepunctuation: names.indexOf('prepunctuation'),
    case: names.indexOf('case'),
  };
}

/** A token as a reader sees it. */
function restoreToken(token: string, casing: string, punctuation: string, prepunctuation: string): string {
  const marker = /^<([A-Za-z_]+)>$/.exec(token);
  let word: string;
  if (marker) word = `[${(marker[1] as string).replace(/_/g, ' ').toLowerCase()}]`;
  else if (casing === 'LC') word = token.toLowerCase();
  else if (casing === 'CA') word = token.toUpperCase();
  else if (casing === 'UC') word = token.charAt(0).toUpperCase() + token.slice(1).toLowerCase();
  else word = token;
  return `${prepunctuation}${word}${punctuation}`;
}

function detect(doc: SourceDoc): LayoutFit {
  const first = doc.lines[nextNonBlank(doc.lines, 0)];
  if (first && columnsOf(first.text)) {
    return { score: 1, reasons: [`line ${first.number} is a token-table header "${first.text.slice(0, 60)}"`], mismatch: null };
  }
  return { score: 0, reasons: [], mismatch: { line: first?.number ?? 1, expected: 'a token table header "token|speaker|ts|endTs|punctuation|case|…"', lineText: first?.text ?? null } };
}

function parse(doc: SourceDoc, ctx: ParseContext): LayoutOutput {
  const warnings: ImportWarning[] = [];
  const { lines } = doc;
  const headerIndex = nextNonBlank(lines, 0);
  const columns = columnsOf(lines[headerIndex]?.text ?? '');
  if (!columns) throw new TranscriptFormatError(lines[headerIndex]?.number ?? 1, 'expected a token table header "token|speaker|…"');
  const needed = Math.max(columns.token, columns.speaker, columns.punctuation, columns.case) + 1;
  const dataset = ctx.dataset ?? null;

  const meta = emptyHeaderMeta();
  if (dataset) {
    meta.company = dataset.company;
    meta.ticker = dataset.ticker;
    meta.fiscalQuarter = dataset.fiscalQuarter;
    meta.fiscalYear = dataset.fiscalYear;
    meta.quarter = dataset.fiscalQuarter !== null && dataset.fiscalYear !== null ? `Q${dataset.fiscalQuarter} ${dataset.fiscalYear}` : null;
    meta.sector = dataset.sector;
  } else {
    warnings.push({ line: null, message: 'no dataset metadata found beside the file: company, quarter and speaker names unknown' });
  }

  const resolver = new SpeakerResolver(ctx.limits);
  const bySpeakerId = new Map<string, Participant>();
  const byName = new Map<string, Participant>();
  const unnamed: string[] = [];
  const participantFor = (speakerId: string, line: Line): Participant => {
    const known = bySpeakerId.get(speakerId);
    if (known) return known;
    const listedName = dataset?.speakerNames.get(speakerId);
    if (!listedName && dataset && dataset.speakerNames.size > 0) unnamed.push(speakerId);
    const name = listedName ?? `Speaker ${speakerId}`;
    // One person under two speaker ids is one participant.
    const p = byName.get(name.toLowerCase()) ?? resolver.add({ name, title: null, firm: null, division: null, side: 'unknown', sideSource: 'unknown' }, line.number, line.text);
    byName.set(name.toLowerCase(), p);
    bySpeakerId.set(speakerId, p);
    return p;
  };

  const writer = new SourceTextWriter();
  writer.line(meta.company ? [meta.company, meta.quarter, 'Earnings Call'].filter(Boolean).join(' ') : `Earnings call ${dataset?.fileId ?? doc.fileName ?? ''}`.trim());
  const collector = new TurnCollector(ctx.limits);
  let speakerId: string | null = null;
  let words: string[] = [];
  let chars = 0;
  let paragraphLine: Line | null = null;
  const flush = (): void => {
    if (words.length === 0 || paragraphLine === null) return;
    collector.paragraph(writer.paragraph(words.join(' ')), paragraphLine);
    words = [];
    chars = 0;
  };

  for (let k = headerIndex + 1; k < lines.length; k++) {
    const line = lines[k] as Line;
    if (line.text === '') continue;
    const cols = line.text.split('|');
    if (cols.length < needed) {
      throw new TranscriptFormatError(line.number, `expected ${needed} "|"-separated columns, found ${cols.length}: ${quoteLine(line.text)}`, { lineText: line.text });
    }
    const token = (cols[columns.token] as string).trim();
    const id = (cols[columns.speaker] as string).trim();
    if (id === '') throw new TranscriptFormatError(line.number, `token ${quoteLine(token)} has no speaker id`, { lineText: line.text });
    if (token === '') continue;
    if (id !== speakerId) {
      flush();
      speakerId = id;
      const p = participantFor(id, line);
      const ts = columns.ts >= 0 ? Number.parseFloat(cols[columns.ts] ?? '') : Number.NaN;
      if (collector.current?.speakerId !== p.id) {
        writer.line(p.name);
        collector.start(p, 'prepared_remarks', Number.isFinite(ts) ? ts : null, line);
      }
    }
    const word = restoreToken(token, (cols[columns.case] as string).trim(), (cols[columns.punctuation] as string).trim(), columns.prepunctuation >= 0 ? (cols[columns.prepunctuation] ?? '').trim() : '');
    if (words.length === 0) paragraphLine = line;
    words.push(word);
    chars += word.length + 1;
    if ((chars >= LONG_PARAGRAPH_CHARS && SENTENCE_END.test(word)) || chars >= HARD_PARAGRAPH_CHARS) flush();
  }
  flush();
  collector.finish();
  if (unnamed.length > 0) warnings.push({ line: null, message: `no name in the speaker table for speaker id${unnamed.length === 1 ? '' : 's'} ${unnamed.join(', ')}: "Speaker N" used` });

  return assembleCall(
    {
      layout: 'asr-tokens',
      meta,
      participants: resolver.list(),
      turns: collector.turns,
      source: writer.toString(),
      sectionsKnown: false,
      fileName: doc.fileName,
      datasetFileId: dataset?.fileId ?? (doc.fileName ? doc.fileName.replace(/\.nlp$/i, '') : null),
      lastLine: lines.length,
    },
    { id: ctx.id },
    warnings,
  );
}

export const asrTokensLayout: TranscriptLayout = { name: 'asr-tokens', detect, parse };
