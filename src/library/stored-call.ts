/**
 * The library's one stored form of a call, whatever layout it came in: `<call id>.call.json`.
 *
 * It keeps what parsing established — metadata, participants (side and how it was found), turns
 * (speaker, section, start time, paragraph offsets) and the text those offsets point into — plus
 * where it came from (`origin`). Roles and Q&A exchanges are not stored: the build re-derives
 * them with structureCall, so a structuring fix reaches every stored call on the next rebuild
 * (sections too, where the source had no headings and they were inferred).
 * Validated with zod on every read; a file that fails is reported, never half-used.
 */
import { z } from 'zod';
import type { Call, CallMeta, LayoutName, Participant, Section, Side, SideSource, Turn } from '../transcript/types.js';
import { structureCall, type ParsedCall } from '../transcript/read-source.js';
import { inferSides, unstructuredTurn } from '../transcript/structure.js';
import { inferSections, NO_SECTION_HEADINGS, TITLES_INTRODUCED } from '../transcript/call-assembly.js';

/** Bump when the stored shape changes (and teach callFromStored to read the old one). */
export const STORED_CALL_FORMAT = 1;
export const STORED_CALL_SUFFIX = '.call.json';

export const LAYOUTS = ['standard', 'dash-header', 'name-colon', 'webvtt', 'srt', 'speech-json', 'asr-tokens'] as const satisfies readonly LayoutName[];
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

const Origin = z.strictObject({
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

export const StoredCallFile = z
  .strictObject({
    format: z.literal(STORED_CALL_FORMAT),
    meta: CallMetaRecord,
    participants: z.array(ParticipantRecord).min(1),
    turns: z.array(StoredTurn).min(1),
    /** The text every offset points into (decoded and cleaned at import). */
    text: z.string(),
    origin: Origin,
  })
  .superRefine((s, ctx) => {
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
          return;
        }
        cursor = end;
      }
    }
  });
export type StoredCallFile = z.infer<typeof StoredCallFile>;

// The records describe exactly the contract's types.
const metaMatches: z.ZodType<CallMeta> = CallMetaRecord;
const participantMatches: z.ZodType<Participant> = ParticipantRecord;
void metaMatches;
void participantMatches;

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

/** Reads and validates a `.call.json`; `fileName` must be `<its call id>.call.json`. Throws StoredCallError. */
export function parseStoredCall(bytes: Uint8Array, fileName: string): StoredCallFile {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new StoredCallError('not a valid stored call: the file is not UTF-8 JSON');
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== STORED_CALL_FORMAT) {
    throw new StoredCallError(`stored call format ${JSON.stringify(format ?? null)} is not ${STORED_CALL_FORMAT} (written by another version, or not a stored call)`);
  }
  const parsed = StoredCallFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoredCallError(`not a valid stored call: ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'invalid'}`);
  }
  if (storedCallFileName(parsed.data.meta.id) !== fileName) {
    throw new StoredCallError(`the file name does not match its call id "${parsed.data.meta.id}" (expected ${storedCallFileName(parsed.data.meta.id)})`);
  }
  return parsed.data;
}

/**
 * The Call a stored form describes, with roles and exchanges derived afresh — and its sections
 * too when its source had no section headings, and titles read from the call's introductions
 * (both were inferred at import; a better inference reaches the stored call on the next build
 * without a re-import).
 */
export function callFromStored(stored: StoredCallFile): Call {
  let drafts = stored.turns.map((t) => ({
    speakerId: t.speakerId,
    section: t.section,
    startTime: t.startTime,
    paragraphs: t.paragraphs.map(([start, end]) => ({ start, end, text: stored.text.slice(start, end) })),
  }));
  if (stored.origin.warnings.some((w) => w.message.startsWith(NO_SECTION_HEADINGS))) {
    drafts = inferSections(inferSides(stored.participants, drafts), drafts).turns;
  }
  const turns: Turn[] = drafts.map((t, index) => unstructuredTurn(t, index));
  // Titles read from the introductions (not given by the source) are read again by structureCall.
  const introduced = stored.origin.warnings.find((w) => w.message.startsWith(TITLES_INTRODUCED))?.message ?? '';
  const participants = stored.participants.map((p) => (p.title !== null && introduced.includes(`${p.name} (${p.title})`) ? { ...p, title: null } : { ...p }));
  return structureCall({ meta: { ...stored.meta }, participants, turns, exchanges: [], source: stored.text });
}
