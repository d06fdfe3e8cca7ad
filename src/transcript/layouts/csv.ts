/**
 * Transcripts exported as a table (CSV or TSV): what transcription tools export for
 * spreadsheets and what people make by hand —
 *
 *   Speaker,Start,End,Text                  speaker<TAB>timestamp<TAB>transcript          Name,Time,Words
 *   Operator,00:00:01,00:00:09,"Good…"      Speaker A<TAB>00:00:01<TAB>Good morning…      Jane Roe,0:42,"Thank you, …"
 *
 * The first row names the columns: a speaker column and a text column are needed (a start time
 * and an end time are read when there are columns for them); the delimiter is the header's (a tab,
 * else a semicolon when it has no comma, else a comma); quoted fields may hold delimiters, quotes
 * and line breaks (csv-parse). Each row is a passage of its speaker, each line of a cell a
 * paragraph; consecutive rows of one speaker form a turn, and the rows are read as diarized
 * speech-to-text passages are (speech-json.ts): unnamed labels ("Speaker A", "spk_0") get their
 * sides and the Q&A start inferred. A row whose speaker cell is empty continues the speaker above
 * it (as a spreadsheet's merged cells export), with a warning; the first row must name one. A
 * table without a speaker column is refused with the header it found: words nobody can be said
 * to have spoken are never attributed.
 */
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { TranscriptFormatError, type ImportWarning } from '../format-error.js';
import { emptyHeaderMeta } from '../header-meta.js';
import { COLUMN_ROLES, namesColumn, type ColumnRole } from '../table-columns.js';
import type { LayoutFit, LayoutOutput, ParseContext, SourceDoc, TranscriptLayout } from './layout.js';
import { assembleSpeechItems, type SpeechItem } from './speech-json.js';

type Role = ColumnRole;

/** Longest header cell read as a column name (a sentence is no header). */
const MAX_HEADER_CELL = 40;

interface Header {
  delimiter: string;
  cells: string[];
  line: { number: number; text: string };
  columns: Partial<Record<Role, number>>;
}

/** The file's first line as a table header, or null when it is none. */
function readHeader(doc: SourceDoc): Header | null {
  const first = doc.lines.find((l) => l.text !== '');
  if (!first) return null;
  const delimiter = first.text.includes('\t') ? '\t' : first.text.includes(';') && !first.text.includes(',') ? ';' : ',';
  let cells: string[];
  try {
    cells = (parseCsv(first.text, { delimiter, relax_column_count: true, trim: true }) as string[][])[0] ?? [];
  } catch {
    return null;
  }
  if (cells.length < 2 || cells.some((c) => c.length > MAX_HEADER_CELL)) return null;
  const columns: Partial<Record<Role, number>> = {};
  cells.forEach((cell, index) => {
    for (const role of COLUMN_ROLES) {
      if (columns[role] === undefined && namesColumn(cell, role)) {
        columns[role] = index;
        return;
      }
    }
  });
  return { delimiter, cells, line: { number: first.number, text: first.text }, columns };
}

function detect(doc: SourceDoc): LayoutFit {
  const header = readHeader(doc);
  const first = doc.lines.find((l) => l.text !== '');
  const none: LayoutFit = { score: 0, reasons: [], mismatch: { line: first?.number ?? 1, expected: 'a table header naming a speaker and a text column ("Speaker,Start,Text")', lineText: first?.text ?? null } };
  if (header === null || header.columns.text === undefined) return none;
  const kind = header.delimiter === '\t' ? 'tab' : header.delimiter === ';' ? 'semicolon' : 'comma';
  const named = header.cells.map((c) => `"${c}"`).join(', ');
  if (header.columns.speaker !== undefined) {
    return { score: 1, reasons: [`line ${header.line.number} is a ${kind}-separated table header with a speaker and a text column (${named})`], mismatch: null };
  }
  // A text column and a time column, but no speaker: this layout's to refuse, saying what it found.
  if (header.columns.start !== undefined || header.columns.end !== undefined) {
    return { score: 0.9, reasons: [`line ${header.line.number} is a ${kind}-separated table header (${named})`], mismatch: null };
  }
  return none;
}

/**
 * A time cell in seconds: "00:01:23", "1:23", "00:01:23.450" / ",450", "[00:01:23]", a
 * timecode's frames ("00:01:23:12") ignored, or plain seconds ("83.5"). Null when there is none.
 */
export function secondsOfCell(cell: string): number | null {
  const text = cell.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  const m = /(?:^|[^\d:])(?:(\d{1,2}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?/.exec(` ${text}`);
  if (!m) return null;
  const [, h, min, s, frac] = m;
  return Number(h ?? 0) * 3600 + Number(min) * 60 + Number(s) + (frac ? Number(`0.${frac}`) : 0);
}

function parse(doc: SourceDoc, ctx: ParseContext): LayoutOutput {
  const header = readHeader(doc);
  const textColumn = header?.columns.text;
  if (header === null || textColumn === undefined) throw new TranscriptFormatError(1, 'not a transcript table (no header row naming a text column)', { lineText: doc.lines[0]?.text ?? null });
  const { columns } = header;
  const speakerColumn = columns.speaker;
  if (speakerColumn === undefined) {
    throw new TranscriptFormatError(
      header.line.number,
      `a transcript table with no speaker column (its header is ${header.cells.map((c) => `"${c}"`).join(', ')}): words nobody can be said to have spoken are not imported (export it with speakers, or add a "Speaker" column)`,
      { lineText: header.line.text },
    );
  }
  let records: Array<{ record: string[]; info: { lines: number }; raw: string }>;
  try {
    records = parseCsv(doc.text, { delimiter: header.delimiter, relax_column_count: true, skip_empty_lines: true, info: true, raw: true }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as unknown as { lines: number }).lines : 1;
    throw new TranscriptFormatError(line, `table: ${error.message}`, { lineText: doc.lines[line - 1]?.text ?? null });
  }
  const warnings: ImportWarning[] = [];
  const items: SpeechItem[] = [];
  let previous: string | null = null;
  let continued = 0;
  for (const { record, info, raw } of records.slice(1)) {
    // csv-parse counts lines to the end of a record; a quoted cell's line breaks are inside it.
    const number = info.lines - (raw.replace(/^[\r\n]+/, '').replace(/\r?\n$|\r$/, '').match(/\r\n|\r|\n/g)?.length ?? 0);
    const lineText = doc.lines[number - 1]?.text ?? '';
    const at = { number, text: lineText };
    if (record.length > header.cells.length) {
      // An unquoted delimiter in the words: what spilled over is the words' own when they are the
      // last column; anywhere else no cell can be trusted to be in its column.
      if (textColumn !== header.cells.length - 1) {
        throw new TranscriptFormatError(number, `a row of ${record.length} cells under a header of ${header.cells.length}: quote a cell that holds the delimiter`, { lineText });
      }
      record.splice(textColumn, record.length - textColumn, record.slice(textColumn).join(header.delimiter));
    }
    const text = record[textColumn]?.trim() ?? '';
    let speaker = record[speakerColumn]?.trim() ?? '';
    if (speaker === '') {
      if (text === '') continue;
      if (previous === null) {
        throw new TranscriptFormatError(number, 'the first row with words names no speaker: words nobody can be said to have spoken are not imported', { lineText });
      }
      speaker = previous;
      continued++;
    }
    previous = speaker;
    // "Maria Lopez (CEO)": the name, and a title as a speaker line gives one; else the title column's.
    const titled = /^(.+?)\s*[([]([^)\]]+)[)\]]$/.exec(speaker);
    const titleCell = columns.title === undefined ? '' : (record[columns.title]?.trim() ?? '');
    const title = titled?.[2]?.trim() || titleCell || null;
    const label = titled?.[1] ?? speaker;
    const startCell = columns.start === undefined ? undefined : record[columns.start];
    const start = startCell === undefined ? null : secondsOfCell(startCell);
    // Each line of a cell is a paragraph of the passage.
    for (const paragraph of text.split(/\s*(?:\r\n|\r|\n)\s*/)) {
      if (paragraph !== '') items.push({ speaker: label, text: paragraph, start, title, at });
    }
  }
  if (continued > 0) warnings.push({ line: null, message: `${continued} row(s) with no speaker continue the speaker of the row above` });
  return assembleSpeechItems({ layout: 'csv', meta: emptyHeaderMeta(), items, fileName: doc.fileName, lastLine: doc.lines.length }, ctx, warnings);
}

export const csvLayout: TranscriptLayout = { name: 'csv', detect, parse };
