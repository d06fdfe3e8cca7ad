/**
 * The library's one stored form of a call, whatever layout it came in: `<call id>.call.json`.
 *
 * It keeps what parsing established — metadata, participants (side and how it was found), turns
 * (speaker, section, start time, paragraph offsets) and the text those offsets point into — plus
 * where it came from and what parsing inferred rather than read (`origin`). Roles and Q&A
 * exchanges are not stored: the build re-derives them with structureCall, so a structuring fix
 * reaches every stored call on the next rebuild; so are what `origin.inferred` names (sections
 * where the source had no headings, titles read from the call's introductions) and inferred sides.
 * Validated with zod on every read; a file that fails is reported, never half-used. Format-1
 * files (before `origin.inferred`) are still read.
 */
import { z } from 'zod';
import { LAYOUT_NAMES, type Call, type CallMeta, type Participant, type Section, type Side, type SideSource } from '../transcript/types.js';
import type { Inferred, ParsedCall } from '../transcript/read-source.js';
import { isNumberedSpeaker } from '../transcript/names.js';
import { nameNumberedSpeakers } from '../transcript/numbered-speakers.js';
import { inferSides, structureWithSides, turnText } from '../transcript/structure.js';
import { defaultTitle, inferSections } from '../transcript/call-assembly.js';
import { spokenMeta } from '../transcript/spoken-meta.js';

/** Bump when the stored shape changes (and teach callFromStored to read the old one). */
export const STORED_CALL_FORMAT = 2;
export const STORED_CALL_SUFFIX = '.call.json';

export const LAYOUTS = LAYOUT_NAMES;
const SIDES = ['company', 'analyst', 'operator', 'unknown'] as const satisfies readonly Side[];
const SIDE_SOURCES = ['listed', 'header', 'metadata', 'inferred', 'unknown'] as const satisfies readonly SideSource[];
const SECTIONS = ['prepared_remarks', 'qa'] as const satisfies readonly Section[];

/**
 * Call ids name files and start passage ids (`<call id>@<offset>`, legacy `<call id>:<n>`), so
 * they are plain: letters, digits, ".", "_", "-" — never "@", ":" or a path separator.
 */
export const CALL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const CALL_ID_RULE = 'a call id is 1–100 letters, digits, ".", "_" or "-", starting with a letter or digit';
export const CallId = z.string().regex(CALL_ID_PATTERN, CALL_ID_RULE);

export const CallMetaRecord = z.strictObject({
  id: CallId,
  title: z.string(),
  company: z.string(),
  ticker: z.string().nullable(),
  quarter: z.string().nullable(),
  fiscalQuarter: z.number().int().min(1).max(4).nullable(),
  fiscalYear: z.number().int().nullable(),
  date: z.string().nullable(),
  time: z.string().nullable(),
  layout: z.enum(LAYOUTS),
  sector: z.string().nullable(),
});

export const ParticipantRecord = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  title: z.string().nullable(),
  firm: z.string().nullable(),
  division: z.string().nullable(),
  side: z.enum(SIDES),
  sideSource: z.enum(SIDE_SOURCES),
});

export const SectionRecord = z.enum(SECTIONS);

const Offset = z.number().int().nonnegative();

const StoredTurn = z.strictObject({
  speakerId: z.string().min(1),
  section: SectionRecord,
  /** Seconds into the recording, when the source had times. */
  startTime: z.number().nonnegative().finite().nullable(),
  /** [start, end) of each paragraph in `text`. */
  paragraphs: z.array(z.tuple([Offset, Offset])).min(1),
});

const Warning = z.strictObject({ line: z.number().int().positive().nullable(), message: z.string() });

/** Where the call came from: format 1's whole origin (format 2 adds `inferred`). */
const OriginFormat1 = z.strictObject({
  layout: z.enum(LAYOUTS),
  /** Name of the file it was imported from (a dataset call: its own file, e.g. "4385939.nlp"). */
  file: z.string(),
  /** sha256 and size of that file's bytes as imported (null when the reader gave no single file). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  bytes: z.number().int().nonnegative().nullable(),
  /** PARSER_VERSION that read it. */
  parser: z.number().int(),
  warnings: z.array(Warning),
  importedAt: z.string(),
});

/**
 * What parsing inferred rather than read from the source — inferred again whenever the call is
 * read, so a better rule reaches it without a re-import. Said in its own fields (since format 2),
 * not left to the warnings' wording. Sections are the call's; titles name participants, kept here
 * rather than as a `titleSource` beside `sideSource` so that a stored participant stays exactly
 * the contract's Participant (the API and every layer share that type).
 */
const InferredRecord = z.strictObject({
  /** The source had no section headings: every turn's section comes from where the Q&A was inferred to start. */
  sections: z.boolean(),
  /** Ids of the participants whose titles were read from how the call introduces them. */
  titles: z.array(z.string().min(1)),
});

const Origin = OriginFormat1.extend({ inferred: InferredRecord });

const storedCallFields = {
  meta: CallMetaRecord,
  participants: z.array(ParticipantRecord).min(1),
  turns: z.array(StoredTurn).min(1),
  /** The text every offset points into (decoded and cleaned at import). */
  text: z.string(),
};

/** Every turn by a listed participant, every paragraph in order within the text, no participant twice. */
function checkReferences(s: { participants: readonly { id: string }[]; turns: readonly z.infer<typeof StoredTurn>[]; text: string }, ctx: z.RefinementCtx): Set<string> {
  const ids = new Set<string>();
  s.participants.forEach((p, i) => {
    if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['participants', i, 'id'], message: `participant id "${p.id}" appears twice` });
    ids.add(p.id);
  });
  let cursor = 0;
  for (const [t, turn] of s.turns.entries()) {
    if (!ids.has(turn.speakerId)) ctx.addIssue({ code: 'custom', path: ['turns', t, 'speakerId'], message: `no participant "${turn.speakerId}"` });
    for (const [k, [start, end]] of turn.paragraphs.entries()) {
      if (start < cursor || end <= start || end > s.text.length) {
        ctx.addIssue({ code: 'custom', path: ['turns', t, 'paragraphs', k], message: `[${start}, ${end}) is not a range after ${cursor} within the text (${s.text.length} characters)` });
        return ids;
      }
      cursor = end;
    }
  }
  return ids;
}

export const StoredCallFile = z.strictObject({ format: z.literal(STORED_CALL_FORMAT), ...storedCallFields, origin: Origin }).superRefine((s, ctx) => {
  const ids = checkReferences(s, ctx);
  s.origin.inferred.titles.forEach((id, i) => {
    if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['origin', 'inferred', 'titles', i], message: `no participant "${id}"` });
  });
});
export type StoredCallFile = z.infer<typeof StoredCallFile>;

// The records describe exactly the contract's types.
const metaMatches: z.ZodType<CallMeta> = CallMetaRecord;
const participantMatches: z.ZodType<Participant> = ParticipantRecord;
const inferredMatches: z.ZodType<Inferred> = InferredRecord;
void metaMatches;
void participantMatches;
void inferredMatches;

/** A `.call.json` that cannot be used: bad JSON, another format, or a shape that fails validation. */
export class StoredCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoredCallError';
  }
}

export function storedCallFileName(callId: string): string {
  return `${callId}${STORED_CALL_SUFFIX}`;
}

export function isStoredCallFileName(name: string): boolean {
  return name.endsWith(STORED_CALL_SUFFIX);
}

/** The stored form of a parsed call; `original` describes the bytes it was parsed from. */
export function toStoredCall(parsed: ParsedCall, original: { sha256: string; bytes: number } | null, parserVersion: number, importedAt = new Date()): StoredCallFile {
  const { call } = parsed;
  return {
    format: STORED_CALL_FORMAT,
    meta: { ...call.meta },
    participants: call.participants.map((p) => ({ id: p.id, name: p.name, title: p.title, firm: p.firm, division: p.division, side: p.side, sideSource: p.sideSource })),
    turns: call.turns.map((t) => ({ speakerId: t.speakerId, section: t.section, startTime: t.startTime, paragraphs: t.paragraphs.map((p) => [p.start, p.end] as [number, number]) })),
    text: call.source,
    origin: {
      layout: parsed.layout,
      file: parsed.source,
      sha256: original?.sha256 ?? null,
      bytes: original?.bytes ?? null,
      parser: parserVersion,
      warnings: parsed.warnings.map((w) => ({ line: w.line, message: w.message })),
      importedAt: importedAt.toISOString(),
      inferred: { sections: parsed.inferred.sections, titles: [...parsed.inferred.titles] },
    },
  };
}

/** JSON with one participant or turn per line: compact, yet readable and diffable by hand. */
export function serializeStoredCall(stored: StoredCallFile): string {
  const list = (items: unknown[]) => `[\n${items.map((i) => `  ${JSON.stringify(i)}`).join(',\n')}\n ]`;
  const fields = [
    `"format": ${JSON.stringify(stored.format)}`,
    `"meta": ${JSON.stringify(stored.meta)}`,
    `"participants": ${list(stored.participants)}`,
    `"turns": ${list(stored.turns)}`,
    `"text": ${JSON.stringify(stored.text)}`,
    `"origin": ${JSON.stringify(stored.origin)}`,
  ];
  return `{\n ${fields.join(',\n ')}\n}\n`;
}

/** A zod failure as one line: where, and what. */
function invalid(error: z.ZodError): StoredCallError {
  const issue = error.issues[0];
  return new StoredCallError(`not a valid stored call: ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'invalid'}`);
}

/** Reads and validates a `.call.json` (format 2, or format 1 brought up to it); `fileName` must be `<its call id>.call.json`. Throws StoredCallError. */
export function parseStoredCall(bytes: Uint8Array, fileName: string): StoredCallFile {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new StoredCallError('not a valid stored call: the file is not UTF-8 JSON');
  }
  const format = (json as { format?: unknown } | null)?.format;
  let stored: StoredCallFile;
  if (format === STORED_CALL_FORMAT) {
    const parsed = StoredCallFile.safeParse(json);
    if (!parsed.success) throw invalid(parsed.error);
    stored = parsed.data;
  } else if (format === 1) {
    const parsed = StoredCallFileFormat1.safeParse(json);
    if (!parsed.success) throw invalid(parsed.error);
    stored = fromFormat1(parsed.data);
  } else {
    throw new StoredCallError(`stored call format ${JSON.stringify(format ?? null)} is not ${STORED_CALL_FORMAT} (or 1): written by another version, or not a stored call`);
  }
  if (storedCallFileName(stored.meta.id) !== fileName) {
    throw new StoredCallError(`the file name does not match its call id "${stored.meta.id}" (expected ${storedCallFileName(stored.meta.id)})`);
  }
  return stored;
}

/** The id a numbered voice ("Speaker 7") is stored under, whatever name it was given. */
const NUMBERED_ID = /^speaker-(\d+)$/;

/**
 * The Call a stored form describes: what `origin.inferred` names is inferred afresh (sections,
 * titles), and so are the numbered voices' names, inferred sides (once, for both the sections and
 * the structure), roles and exchanges — a better inference reaches the stored call on the next
 * build without a re-import.
 */
export function callFromStored(stored: StoredCallFile): Call {
  const { inferred } = stored.origin;
  const introduced = new Set(inferred.titles);
  const participants = stored.participants.map((p) => (introduced.has(p.id) ? { ...p, title: null } : { ...p }));
  const drafts = stored.turns.map((t) => ({
    speakerId: t.speakerId,
    section: t.section,
    startTime: t.startTime,
    paragraphs: t.paragraphs.map(([start, end]) => ({ start, end, text: stored.text.slice(start, end) })),
  }));
  // Numbered voices are named afresh from the call's hand-overs (numbered-speakers.ts), so a
  // better rule reaches stored calls: a voice keeps its number in its id ("speaker-7") whatever
  // name it was given at import.
  const numbered = participants.map((p) => {
    const n = NUMBERED_ID.exec(p.id)?.[1];
    return n !== undefined && !isNumberedSpeaker(p.name) ? { ...p, name: `Speaker ${n}` } : p;
  });
  const voices = nameNumberedSpeakers(numbered, drafts.map((t) => ({ speakerId: t.speakerId, text: turnText(t) }))).participants;
  // Sides depend on who speaks and what they say, not on sections: inferred once, for the sections and the structure both.
  const meta = completedMeta(stored.meta, drafts);
  const sided = inferSides(voices, drafts, meta.company);
  const turns = inferred.sections ? inferSections(sided, drafts).turns : drafts;
  return { meta, ...structureWithSides(turns, sided), source: stored.text };
}

/**
 * What the opening says of a call its source did not name — the company (the operator's welcome,
 * where the ticker stood in for it) and the period it reports — read afresh as at import, so a
 * better reading reaches stored calls without a re-import. The id is never changed.
 */
function completedMeta(meta: CallMeta, turns: readonly { paragraphs: readonly { text: string }[] }[]): CallMeta {
  // The ticker standing in for a company the source did not name does not count as named.
  const spoken = spokenMeta(turns, { company: !(meta.ticker !== null && meta.company === meta.ticker), quarter: meta.quarter !== null });
  const out: CallMeta = { ...meta, ...(spoken.welcome && { company: spoken.welcome.company, ...spoken.welcome.quarter }) };
  if (spoken.reported) {
    const { said: _said, ...fields } = spoken.reported;
    Object.assign(out, fields);
  }
  // A title made up at import from what was known then is made up again.
  if (meta.title === defaultTitle(meta.company, meta.ticker, meta.quarter)) out.title = defaultTitle(out.company, out.ticker, out.quarter);
  return out;
}

// ── Format 1 (before `origin.inferred`): read, and brought up to format 2 ─────────────────────

const StoredCallFileFormat1 = z
  .strictObject({ format: z.literal(1), ...storedCallFields, origin: OriginFormat1 })
  .superRefine((s, ctx) => void checkReferences(s, ctx));

/** How format-1 writers' warnings said what was inferred (the only place that wording is read). */
const FORMAT1_NO_SECTION_HEADINGS = 'no section headings';
const FORMAT1_TITLES_INTRODUCED = "titles read from the call's introductions: ";

/** A format-1 stored call in format 2: what was inferred, read once from its warnings. */
function fromFormat1(old: z.infer<typeof StoredCallFileFormat1>): StoredCallFile {
  const messages = old.origin.warnings.map((w) => w.message);
  // "titles read from the call's introductions: Ann Lee (CEO), Bo Ng (Chief Financial Officer)"
  const listed = messages.find((m) => m.startsWith(FORMAT1_TITLES_INTRODUCED))?.slice(FORMAT1_TITLES_INTRODUCED.length);
  const titles = listed === undefined ? [] : old.participants.filter((p) => p.title !== null && `, ${listed}, `.includes(`, ${p.name} (${p.title}), `)).map((p) => p.id);
  const sections = messages.some((m) => m.startsWith(FORMAT1_NO_SECTION_HEADINGS));
  return { ...old, format: STORED_CALL_FORMAT, origin: { ...old.origin, inferred: { sections, titles } } };
}
