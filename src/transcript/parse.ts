/**
 * Parses an earnings-call transcript in the common "title / participants / Presentation /
 * Question-and-Answer Session" layout into a typed Call.
 *
 * Layout (blank lines separate blocks; \r\n and trailing whitespace are tolerated):
 *
 *   Amazon.com, Inc. (AMZN) Q4 2025 Earnings Call February 5, 2026 5:00 PM EST
 *   Company Participants
 *   Name - Title                      (one per line; executives)
 *   Conference Call Participants      (optional when the call has no Q&A)
 *   Name - Firm[, Division]           (one per line; analysts)
 *   Presentation
 *   <speaker blocks>
 *   Question-and-Answer Session       (required when analysts are listed)
 *   <speaker blocks>
 *
 * A speaker block is a name line (a listed participant — also when written with a nickname or
 * without the middle name, if unambiguous — "Operator", or an "Unidentified …" speaker), directly followed for non-operators by a title/firm line, then paragraphs
 * separated by blank lines. Consecutive non-blank lines form one paragraph.
 *
 * Offsets: every Paragraph span satisfies `source.slice(start, end) === text`. A Turn's span
 * covers its spoken content only — from its first paragraph's start to its last paragraph's
 * end — not the name and title lines.
 *
 * Q&A structure:
 * - an Operator turn that names an analyst ("…comes from the line of Mark Mahaney with
 *   Evercore ISI") is an 'intro' and opens an exchange for that analyst;
 * - that analyst's turns are 'question' turns of the exchange (follow-ups included); an
 *   analyst who speaks without an introduction opens a new exchange with introTurn null;
 * - company turns after a question are 'answer' turns of the open exchange;
 * - an Operator turn that names no analyst (instructions, "that concludes…") is 'remarks',
 *   exchange null, and closes the open exchange: company turns after it are 'remarks' too;
 * - closing remarks: trailing company turns at the very end of the call that read like a
 *   sign-off ("Thanks for joining us…") and come from someone who has not answered in the
 *   last exchange (the IR host, typically) are 'remarks' with exchange null, not answers.
 *   Everything in the Presentation section is 'remarks' with exchange null.
 */
import { nicknamesOf } from './nicknames.js';
import type { Call, CallMeta, Exchange, Paragraph, Participant, Section, Side, Turn } from './types.js';

/** A transcript that does not have the expected shape; `line` is 1-based. */
export class TranscriptFormatError extends Error {
  readonly line: number;
  constructor(line: number, detail: string) {
    super(`line ${line}: ${detail}`);
    this.name = 'TranscriptFormatError';
    this.line = line;
  }
}

export interface ParseOptions {
  /** Overrides the default call id `${ticker}-q${n}-${year}`. */
  id?: string;
}

/** One source line: content span with the line break and surrounding whitespace excluded. */
interface Line {
  /** 1-based line number. */
  number: number;
  start: number;
  end: number;
  text: string;
}

type HeaderKind = 'company' | 'analysts' | 'presentation' | 'qa';

const HEADERS: ReadonlyArray<[HeaderKind, RegExp]> = [
  ['company', /^(?:company|corporate) participants$/i],
  ['analysts', /^conference call participants$/i],
  ['presentation', /^presentation$/i],
  ['qa', /^question[- ]and[- ]answer session$/i],
];

const TITLE_EXAMPLE = '"Company (TICKER) Q4 2025 Earnings Call <date> <time>"';

const TITLE_PATTERN =
  /^(?<company>.+?)\s+\((?<ticker>[A-Za-z0-9.\-]{1,12})\)\s+(?<quarter>Q(?<q>[1-4])\s+(?<year>\d{4}))\s+Earnings\s+(?:Conference\s+)?Call\s+(?<date>(?<month>[A-Za-z]{3,9})\.?\s+(?<day>\d{1,2}),\s+(?<dateYear>\d{4}))(?:\s+(?<time>\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?(?:\s+[A-Z]{2,5})?))?$/;

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** 1-based month of a full or abbreviated (≥ 3 letters) English month name, else undefined. */
function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  const index = MONTH_NAMES.findIndex((m) => lower.length >= 3 && m.startsWith(lower));
  return index < 0 ? undefined : index + 1;
}

/** "Name - Title" or "Name - Firm, Division" (hyphen, en or em dash). */
const PARTICIPANT_LINE = /^(?<name>.+?)\s+[-\u2013\u2014]\s+(?<rest>.+)$/;

/** Speakers that transcripts use without listing them. */
const UNIDENTIFIED_SPEAKERS: ReadonlyArray<[RegExp, Side]> = [
  [/^unidentified analyst$/i, 'analyst'],
  [/^unknown analyst$/i, 'analyst'],
  [/^unidentified (?:company )?(?:representative|executive|speaker|participant)$/i, 'company'],
  [/^unknown (?:executive|speaker)$/i, 'company'],
];

/** Lowercase name particles allowed inside a name line ("Ana de Souza"). */
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'der', 'di', 'da', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'bin', 'al', 'y']);

/** A line that looks like a speaker name: 1–5 capitalised words, no sentence punctuation. */
function looksLikeName(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length > 5) return false;
  if (!/\p{L}$/u.test(text)) return false;
  return words.every((w) => /^\p{Lu}[\p{L}'\u2019.\-]*$/u.test(w) || NAME_PARTICLES.has(w));
}

/** Phrases a sign-off uses; see the closing-remarks rule in the module comment. */
const CLOSING_PATTERN =
  /\b(?:thanks?(?: you)?(?: all| everyone)? for (?:joining|participating|your (?:time|interest|questions))|concludes|look forward to (?:talking|speaking)|next quarter)\b/i;

/** Phrases an operator uses to hand over to an analyst. */
const INTRO_PATTERN =
  /\b(?:next|first|final|last|following|another) question\b|\bquestions? (?:comes?|is) from\b|\bline of\b|\bgo ahead\b/i;

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits source into lines with offsets; tolerant of \r\n, \r and surrounding whitespace. */
function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let lineStart = 0;
  let number = 1;
  const push = (rawEnd: number): void => {
    const raw = source.slice(lineStart, rawEnd);
    // A byte-order mark at the start of the file is not content.
    const bom = lineStart === 0 && raw.startsWith('\uFEFF') ? 1 : 0;
    const leading = raw.length - bom - raw.slice(bom).trimStart().length;
    const text = raw.trim().replace(/^\uFEFF/, '').trim();
    const start = lineStart + bom + leading;
    lines.push({ number, start, end: start + text.length, text });
    number += 1;
  };
  let match: RegExpExecArray | null;
  while ((match = re.exec(source)) !== null) {
    push(match.index);
    lineStart = match.index + match[0].length;
  }
  push(source.length);
  return lines;
}

function headerKind(text: string): HeaderKind | null {
  const normal = text.replace(/\s+/g, ' ');
  for (const [kind, pattern] of HEADERS) if (pattern.test(normal)) return kind;
  return null;
}

function describe(line: Line | undefined): string {
  if (!line) return 'end of file';
  const shown = line.text.length > 60 ? `${line.text.slice(0, 57)}...` : line.text;
  return `"${shown}"`;
}

function parseTitle(line: Line | undefined, lastLine: number): Omit<CallMeta, 'id'> {
  const match = line ? TITLE_PATTERN.exec(line.text.replace(/\s+/g, ' ')) : null;
  const groups = match?.groups;
  if (!line || !groups) {
    throw new TranscriptFormatError(line?.number ?? lastLine, `expected a title line like ${TITLE_EXAMPLE}, found ${describe(line)}`);
  }
  const month = monthNumber(groups.month ?? '');
  const day = Number(groups.day);
  const year = Number(groups.dateYear);
  const date = new Date(Date.UTC(year, (month ?? 1) - 1, day));
  if (month === undefined || date.getUTCDate() !== day) {
    throw new TranscriptFormatError(line.number, `expected a call date like "February 5, 2026" in the title, found "${groups.date}"`);
  }
  return {
    title: line.text,
    company: groups.company ?? '',
    ticker: (groups.ticker ?? '').toUpperCase(),
    quarter: (groups.quarter ?? '').replace(/\s+/g, ' '),
    fiscalQuarter: Number(groups.q),
    fiscalYear: Number(groups.year),
    date: date.toISOString().slice(0, 10),
    time: groups.time ?? '',
  };
}

/** Splits an analyst's "Firm, Division" into its parts; the division is a trailing "… Division". */
function splitFirm(rest: string): { firm: string; division: string | null } {
  const comma = rest.lastIndexOf(',');
  if (comma >= 0) {
    const tail = rest.slice(comma + 1).trim();
    if (/\bdivision$/i.test(tail)) return { firm: rest.slice(0, comma).trim(), division: tail };
  }
  return { firm: rest.trim(), division: null };
}

interface ParticipantBlock {
  participants: Participant[];
  /** Index of the first line after the block. */
  next: number;
}

/** Reads "Name - …" lines after a header until the next header; blank lines are skipped. */
function parseParticipantBlock(
  lines: Line[],
  headerIndex: number,
  side: 'company' | 'analyst',
  company: string,
): ParticipantBlock {
  const header = lines[headerIndex] as Line;
  const participants: Participant[] = [];
  let i = headerIndex + 1;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.text === '') continue;
    if (headerKind(line.text) !== null) break;
    const match = PARTICIPANT_LINE.exec(line.text);
    const name = match?.groups?.name?.trim();
    const rest = match?.groups?.rest?.trim();
    if (!name || !rest) {
      const example = side === 'company' ? '"Name - Title"' : '"Name - Firm, Division"';
      const next = side === 'company' ? '"Conference Call Participants" or "Presentation"' : '"Presentation"';
      throw new TranscriptFormatError(line.number, `expected a participant line like ${example} or ${next}, found ${describe(line)}`);
    }
    if (side === 'company') {
      participants.push({ id: '', name, title: rest, firm: company, division: null, side });
    } else {
      const { firm, division } = splitFirm(rest);
      participants.push({ id: '', name, title: null, firm, division, side });
    }
  }
  if (participants.length === 0) {
    throw new TranscriptFormatError(header.number, `"${header.text}" lists no participants`);
  }
  return { participants, next: i };
}

/** Index of the next non-blank line at or after `from`, or lines.length. */
function nextNonBlank(lines: Line[], from: number): number {
  let i = from;
  while (i < lines.length && (lines[i] as Line).text === '') i++;
  return i;
}

interface RawTurn {
  speaker: Participant;
  section: Section;
  paragraphs: Paragraph[];
  /** Line of the speaker's name, for error messages. */
  line: number;
}

/** Resolves speaker name lines to participants, creating "Unidentified …" speakers on demand. */
class SpeakerDirectory {
  private readonly byName = new Map<string, Participant>();
  private readonly usedIds = new Set<string>();
  readonly extra: Participant[] = [];

  constructor(private readonly listed: Participant[]) {
    for (const p of listed) {
      p.id = this.uniqueId(slugify(p.name) || 'participant');
      const key = normaliseName(p.name);
      if (!this.byName.has(key)) this.byName.set(key, p);
    }
  }

  private uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.usedIds.has(id); n++) id = `${base}-${n}`;
    this.usedIds.add(id);
    return id;
  }

  lookup(text: string): Participant | null {
    const key = normaliseName(text);
    const known = this.byName.get(key);
    if (known) return known;
    if (key === 'operator') return this.add('operator', 'Operator', 'operator');
    for (const [pattern, side] of UNIDENTIFIED_SPEAKERS) {
      if (pattern.test(key)) return this.add(slugify(text), text.replace(/\s+/g, ' '), side);
    }
    return this.byShortName(key);
  }

  /**
   * A listed participant written differently on the name line: same surname, and the same
   * first name or a nickname of it ("Andy Jassy" for "Andrew Jassy", "Mark Mahaney" for
   * "Mark Stephen Mahaney"). Only an unambiguous match counts.
   */
  private byShortName(key: string): Participant | null {
    const words = key.split(' ');
    if (words.length < 2 || !looksLikeName(key.replace(/(^|\s)\p{Ll}/gu, (m) => m.toUpperCase()))) return null;
    const first = words[0] ?? '';
    const last = words[words.length - 1] ?? '';
    const matches = this.listed.filter((p) => {
      const parts = normaliseName(p.name).split(' ');
      const listedFirst = parts[0] ?? '';
      const sameFirst = listedFirst === first || nicknamesOf(listedFirst).includes(first);
      return parts.length >= 2 && parts[parts.length - 1] === last && sameFirst;
    });
    return matches.length === 1 ? (matches[0] as Participant) : null;
  }

  private add(base: string, name: string, side: Side): Participant {
    const participant: Participant = { id: this.uniqueId(base), name, title: null, firm: null, division: null, side };
    this.byName.set(normaliseName(name), participant);
    this.extra.push(participant);
    return participant;
  }
}

/** Parses the speaker blocks of one section, lines [from, to). */
function parseSection(lines: Line[], from: number, to: number, section: Section, source: string, speakers: SpeakerDirectory): RawTurn[] {
  const turns: RawTurn[] = [];
  let current: RawTurn | null = null;
  let i = nextNonBlank(lines, from);

  const finishTurn = (): void => {
    if (current && current.paragraphs.length === 0) {
      throw new TranscriptFormatError(current.line, `expected at least one paragraph after speaker "${current.speaker.name}"`);
    }
  };

  while (i < to) {
    // A group: consecutive non-blank lines [i, j).
    let j = i;
    while (j < to && (lines[j] as Line).text !== '') j++;
    const first = lines[i] as Line;
    const speaker = speakers.lookup(first.text);
    let contentFrom = i;

    if (speaker) {
      finishTurn();
      current = { speaker, section, paragraphs: [], line: first.number };
      turns.push(current);
      contentFrom = i + 1;
      // Non-operators have a title/firm line directly under the name.
      if (speaker.side !== 'operator' && contentFrom < j) contentFrom += 1;
    } else if (looksLikeName(first.text) && j - i <= 2) {
      throw new TranscriptFormatError(
        first.number,
        `unknown speaker ${describe(first)}: not in "Company Participants" or "Conference Call Participants"`,
      );
    } else if (current === null) {
      throw new TranscriptFormatError(
        first.number,
        `expected a speaker name line (a listed participant or "Operator"), found ${describe(first)}`,
      );
    }

    if (contentFrom < j && current) {
      const start = (lines[contentFrom] as Line).start;
      const end = (lines[j - 1] as Line).end;
      current.paragraphs.push({ start, end, text: source.slice(start, end) });
    }
    i = nextNonBlank(lines, j);
  }
  finishTurn();
  return turns;
}

/** The analyst an operator turn introduces, by name (full, first + last, or unique surname). */
function introducedAnalyst(text: string, analysts: Participant[]): Participant | null {
  let best: { participant: Participant; position: number; strength: number } | null = null;
  const surnameCounts = new Map<string, number>();
  const surnameOf = (p: Participant): string => p.name.split(/\s+/).at(-1) ?? p.name;
  for (const p of analysts) surnameCounts.set(surnameOf(p), (surnameCounts.get(surnameOf(p)) ?? 0) + 1);

  for (const p of analysts) {
    const parts = p.name.split(/\s+/);
    const surname = surnameOf(p);
    const candidates: Array<[string, number]> = [
      [p.name, 3],
      [`${parts[0] ?? ''} ${surname}`, 2],
    ];
    if (surnameCounts.get(surname) === 1) candidates.push([surname, 1]);
    for (const [phrase, strength] of candidates) {
      const match = new RegExp(`(?<![\\p{L}])${escapeRegExp(phrase).replace(/\s+/g, '\\s+')}(?![\\p{L}])`, 'u').exec(text);
      if (!match) continue;
      const better =
        best === null || strength > best.strength || (strength === best.strength && match.index < best.position);
      if (better) best = { participant: p, position: match.index, strength };
      break;
    }
  }
  return best?.participant ?? null;
}

function turnText(turn: RawTurn): string {
  return turn.paragraphs.map((p) => p.text).join('\n\n');
}

/** Assigns roles and exchanges (see the module comment). */
function structureTurns(raw: RawTurn[], analysts: Participant[]): { turns: Turn[]; exchanges: Exchange[] } {
  const turns: Turn[] = raw.map((t, index) => {
    const first = t.paragraphs[0] as Paragraph;
    const last = t.paragraphs[t.paragraphs.length - 1] as Paragraph;
    return {
      index,
      speakerId: t.speaker.id,
      section: t.section,
      exchange: null,
      role: 'remarks',
      paragraphs: t.paragraphs,
      start: first.start,
      end: last.end,
    };
  });

  const exchanges: Exchange[] = [];
  let open: Exchange | null = null;
  let pendingIntro: number | null = null;

  const openExchange = (analystId: string, introTurn: number | null): Exchange => {
    const exchange: Exchange = { id: exchanges.length + 1, analystId, introTurn, questionTurns: [], answerTurns: [] };
    exchanges.push(exchange);
    if (introTurn !== null) {
      const intro = turns[introTurn] as Turn;
      intro.role = 'intro';
      intro.exchange = exchange.id;
    }
    return exchange;
  };

  raw.forEach((r, index) => {
    const turn = turns[index] as Turn;
    if (r.section !== 'qa') return;
    const side = r.speaker.side;
    if (side === 'operator') {
      pendingIntro = null;
      open = null;
      const analyst = introducedAnalyst(turnText(r), analysts);
      if (analyst) open = openExchange(analyst.id, index);
      else if (INTRO_PATTERN.test(turnText(r))) pendingIntro = index; // intro of an unnamed analyst
    } else if (side === 'analyst') {
      if (pendingIntro !== null) {
        open = openExchange(r.speaker.id, pendingIntro);
        pendingIntro = null;
      } else if (open === null || open.analystId !== r.speaker.id) {
        open = openExchange(r.speaker.id, null);
      }
      turn.role = 'question';
      turn.exchange = open.id;
      open.questionTurns.push(index);
    } else if (open !== null) {
      turn.role = 'answer';
      turn.exchange = open.id;
      open.answerTurns.push(index);
    }
  });

  // Closing remarks: trailing sign-off turns of the last exchange by someone who did not answer in it.
  const last = exchanges[exchanges.length - 1];
  if (last) {
    while (last.answerTurns.length > 1) {
      const candidate = last.answerTurns[last.answerTurns.length - 1] as number;
      // Only turns outside any exchange (operator sign-off, other closing remarks) may follow it.
      const trailing = turns.slice(candidate + 1).every((t) => t.exchange === null);
      const earlier = last.answerTurns.slice(0, -1).map((i) => turns[i]?.speakerId);
      const turn = turns[candidate] as Turn;
      const rawTurn = raw[candidate] as RawTurn;
      if (!trailing || earlier.includes(turn.speakerId) || !CLOSING_PATTERN.test(turnText(rawTurn))) break;
      turn.role = 'remarks';
      turn.exchange = null;
      last.answerTurns.pop();
    }
  }

  return { turns, exchanges };
}

/** Parses a transcript; throws TranscriptFormatError naming the offending line. */
export function parseTranscript(text: string, opts: ParseOptions = {}): Call {
  const source = text;
  const lines = splitLines(source);

  // Title.
  const titleIndex = nextNonBlank(lines, 0);
  const titleMeta = parseTitle(lines[titleIndex], lines.length);
  const defaultId = `${slugify(titleMeta.ticker)}-q${titleMeta.fiscalQuarter}-${titleMeta.fiscalYear}`;
  const meta: CallMeta = { id: opts.id ?? defaultId, ...titleMeta };

  // Participants.
  let i = nextNonBlank(lines, titleIndex + 1);
  if (headerKind(lines[i]?.text ?? '') !== 'company') {
    throw new TranscriptFormatError(lines[i]?.number ?? lines.length, `expected "Company Participants", found ${describe(lines[i])}`);
  }
  const companyBlock = parseParticipantBlock(lines, i, 'company', meta.company);
  i = nextNonBlank(lines, companyBlock.next);
  let analysts: Participant[] = [];
  if (headerKind(lines[i]?.text ?? '') === 'analysts') {
    const analystBlock = parseParticipantBlock(lines, i, 'analyst', meta.company);
    analysts = analystBlock.participants;
    i = nextNonBlank(lines, analystBlock.next);
  }
  const listed = [...companyBlock.participants, ...analysts];
  const speakers = new SpeakerDirectory(listed);

  // Sections.
  if (headerKind(lines[i]?.text ?? '') !== 'presentation') {
    const expected = analysts.length === 0 ? '"Conference Call Participants" or "Presentation"' : '"Presentation"';
    throw new TranscriptFormatError(lines[i]?.number ?? lines.length, `expected ${expected}, found ${describe(lines[i])}`);
  }
  const presentationStart = i + 1;
  let qaHeader = -1;
  for (let k = presentationStart; k < lines.length; k++) {
    const line = lines[k] as Line;
    const kind = headerKind(line.text);
    if (kind === 'qa' && qaHeader < 0) qaHeader = k;
    else if (kind !== null) throw new TranscriptFormatError(line.number, `unexpected "${line.text}" inside the call body`);
  }
  if (qaHeader < 0 && analysts.length > 0) {
    throw new TranscriptFormatError(lines.length, 'expected a "Question-and-Answer Session" section: the call lists analysts but has none');
  }
  const presentationEnd = qaHeader < 0 ? lines.length : qaHeader;
  const rawTurns = parseSection(lines, presentationStart, presentationEnd, 'prepared_remarks', source, speakers);
  if (rawTurns.length === 0) {
    throw new TranscriptFormatError(lines[presentationStart - 1]?.number ?? 1, 'the "Presentation" section has no speaker turns');
  }
  if (qaHeader >= 0) {
    const qaTurns = parseSection(lines, qaHeader + 1, lines.length, 'qa', source, speakers);
    if (qaTurns.length === 0) {
      throw new TranscriptFormatError((lines[qaHeader] as Line).number, 'the "Question-and-Answer Session" section has no speaker turns');
    }
    rawTurns.push(...qaTurns);
  }

  const { turns, exchanges } = structureTurns(rawTurns, analysts);
  const participants = [...listed, ...speakers.extra];
  return { meta, participants, turns, exchanges, source };
}
