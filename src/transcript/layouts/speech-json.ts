/**
 * Diarized JSON from speech-to-text services: one generic, documented form that AssemblyAI's and
 * WhisperX's outputs already have (Deepgram's "results.utterances" with "transcript" is lifted into it):
 *
 *   {
 *     "title": "…", "company": "…", "ticker": "…", "quarter": "Q1 2025", "date": "2025-04-24",   (all optional)
 *     "speakers": { "A": "Maria Lopez", "B": "Operator" },                                      (optional names)
 *     "utterances": [ { "speaker": "A", "text": "…", "start": 4.2, "end": 9.5 }, … ]            (or "segments")
 *   }
 *
 * `speaker` is a label (string or number) or a name; `start`/`end` are seconds (AssemblyAI's
 * "utterances" in whole milliseconds are read as milliseconds). Consecutive items of one speaker
 * form one turn, each item a paragraph. Unnamed labels become "Speaker A", "Speaker 0": their
 * sides and the Q&A start are inferred from the operator's introductions, never guessed.
 * Anything else — a JSON file of another shape, an item without a speaker (speech-to-text run
 * without diarization) — is refused with the path of what is missing: words nobody can be
 * said to have spoken are never attributed.
 *
 * The stored text is a plain rendering, as for captions ("[m:ss] Speaker" lines, paragraphs).
 */
import { z } from 'zod';
import { assembleCall, TurnCollector } from '../call-assembly.js';
import { quoteLine, TranscriptFormatError, type ImportWarning } from '../format-error.js';
import { applyKeyValue, emptyHeaderMeta, type HeaderMeta } from '../header-meta.js';
import { isOperatorName, looksLikeName } from '../names.js';
import { participantFromHeader } from '../participant-lines.js';
import { SpeakerResolver, type ParticipantDraft } from '../speaker-resolver.js';
import { addUnlistedSpeaker } from './speaker-lines.js';
import { formatClock, SourceTextWriter } from '../source-text.js';
import type { LayoutName, Participant } from '../types.js';
import { liftServiceJson, type SpeechService } from './speech-json-services.js';
import type { LayoutFit, LayoutOutput, ParseContext, SourceDoc, TranscriptLayout } from './layout.js';

const Label = z.union([z.string().trim().min(1).max(80), z.number().int().nonnegative()]);

const Item = z.object({
  speaker: Label,
  text: z.string(),
  start: z.number().nonnegative().finite().optional(),
  end: z.number().nonnegative().finite().optional(),
});

const Meta = {
  title: z.string().max(300).optional(),
  company: z.string().max(200).optional(),
  ticker: z.string().max(20).optional(),
  quarter: z.string().max(40).optional(),
  date: z.string().max(40).optional(),
  speakers: z.record(z.string(), z.string().trim().min(1).max(80)).optional(),
};

/** The documented form: "utterances" or "segments", each item with a speaker and its words. */
export const SpeechJson = z.union([
  z.object({ ...Meta, utterances: z.array(Item).min(1) }),
  z.object({ ...Meta, segments: z.array(Item).min(1) }),
]);

type Item = z.infer<typeof Item>;

const SERVICE_NAMES: Record<SpeechService, string> = { deepgram: 'a Deepgram', 'rev.ai': 'a Rev.ai', 'aws-transcribe': 'an AWS Transcribe' };

function detect(doc: SourceDoc): LayoutFit {
  const first = doc.text.trimStart()[0];
  const none: LayoutFit = { score: 0, reasons: [], mismatch: { line: 1, expected: 'a JSON object with "utterances" or "segments"', lineText: doc.lines[0]?.text ?? null } };
  if (first !== '{' && first !== '[') return none;
  try {
    JSON.parse(doc.text);
  } catch {
    // "{" opens nothing but JSON: a broken file is this layout's to refuse; "[Name] 10:00:04" is not JSON.
    return first === '{' ? { score: 0.5, reasons: ['the file starts like a JSON object'], mismatch: null } : none;
  }
  // Any JSON document is this layout's to read or to refuse with the path of what is wrong.
  return { score: 1, reasons: ['the file is JSON (a diarized speech-to-text transcript is expected)'], mismatch: null };
}

/** The line of the first item of the array, for errors about the file as a whole. */
function lineOfKey(doc: SourceDoc, key: string): number {
  return doc.lines.find((l) => l.text.includes(`"${key}"`))?.number ?? 1;
}

/** Where a zod issue points, as a reader finds it in the file: "utterances[3].speaker". */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, k) => (typeof p === 'number' ? `[${p}]` : `${k > 0 ? '.' : ''}${String(p)}`)).join('');
}

function read(doc: SourceDoc): { data: z.infer<typeof SpeechJson>; items: Item[]; key: 'utterances' | 'segments' } {
  let raw: unknown;
  try {
    raw = JSON.parse(doc.text);
  } catch (error) {
    throw new TranscriptFormatError(1, `not valid JSON (${error instanceof Error ? error.message : String(error)})`, { lineText: doc.lines[0]?.text ?? null });
  }
  const lifted = liftServiceJson(raw);
  const parsed = SpeechJson.safeParse(lifted.value);
  if (!parsed.success) {
    const value = lifted.value;
    const object = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    const key = object && 'segments' in object && !('utterances' in object) ? 'segments' : 'utterances';
    // The issue about the array the file has (a union reports one branch per key).
    const issues = parsed.error.issues.flatMap((i) => (i.code === 'invalid_union' ? i.errors.flat() : [i]));
    const issue = issues.find((i) => i.path[0] === key && i.path.length > 1) ?? issues.find((i) => i.path[0] === key) ?? issues[0];
    const where = issue ? pathText(issue.path) : '';
    const noSpeaker = issue !== undefined && issue.path.at(-1) === 'speaker';
    if (lifted.service !== null) {
      // The path is into the lifted form, not the file: say what in the service's own terms.
      const n = typeof issue?.path[1] === 'number' ? issue.path[1] : null;
      const item = n !== null && object && Array.isArray(object[key]) ? (object[key] as unknown[])[n] : undefined;
      const words = typeof item === 'object' && item !== null && typeof (item as { text?: unknown }).text === 'string' ? (item as { text: string }).text : '';
      const at = words.trim() !== '' ? ` (the passage ${quoteLine(words)})` : n !== null ? ` (passage ${n + 1})` : '';
      throw new TranscriptFormatError(
        1,
        noSpeaker
          ? `JSON: ${SERVICE_NAMES[lifted.service]} output with words under no speaker${at}: words nobody can be said to have spoken are not imported (run the speech-to-text with speaker diarization)`
          : `JSON: ${SERVICE_NAMES[lifted.service]} output this reader cannot follow${at}: ${where || key}: ${issue?.message ?? 'no words'}`,
        { lineText: null },
      );
    }
    const detail = noSpeaker
      ? `${where} has no speaker label: words nobody can be said to have spoken are not imported (run the speech-to-text with speaker diarization)`
      : object === null || !(key in object)
        ? null
        : `${where || key}: ${issue?.message ?? 'not a diarized transcript'}`;
    if (detail === null) {
      // JSON, but no transcript this reader knows: refused as any file in no layout is.
      throw new TranscriptFormatError(
        1,
        'not in any supported layout (a JSON file, but not a diarized transcript: expected an object with an "utterances" or "segments" array of {"speaker", "text", "start"} items, Deepgram\'s "results.utterances", Rev.ai\'s "monologues" or AWS Transcribe\'s "results")',
        { lineText: null },
      );
    }
    throw new TranscriptFormatError(object && key in object ? lineOfKey(doc, key) : 1, `JSON: ${detail}`, { lineText: null });
  }
  const data = parsed.data;
  const key = 'utterances' in data ? 'utterances' : 'segments';
  const items = 'utterances' in data ? data.utterances : data.segments;
  return { data, items, key };
}

/** A speaker label as a participant's name: a name stays; "A", "SPEAKER_00", 0 become "Speaker A", "Speaker 0". */
function nameOfLabel(label: string | number, named: Readonly<Record<string, string>> | undefined): string {
  const text = String(label).trim();
  const given = named?.[text];
  if (given) return given;
  if (isOperatorName(text) || (looksLikeName(text) && text.includes(' '))) return text;
  // A first name alone ("Maria") is a name, not a diarization label ("A", "SPEAKER_00", "S1").
  if (looksLikeName(text) && /^\p{Lu}\p{Ll}{2,}$/u.test(text) && !/^speaker$/i.test(text)) return text;
  const numbered = /^(?:speaker|spk|spkr)?[\s_-]*0*(\d{1,4})$/i.exec(text);
  if (numbered) return `Speaker ${numbered[1]}`;
  return `Speaker ${text.replace(/^(?:speaker|spk)[\s_-]*/i, '')}`;
}

/** One diarized passage, wherever it came from (a JSON item, a spreadsheet row). */
export interface SpeechItem {
  speaker: string | number;
  text: string;
  /** Seconds into the recording. */
  start: number | null;
  /** A title or firm written with the speaker ("Maria Lopez (CEO)", a spreadsheet's role column): read as a speaker line's. */
  title?: string | null;
  /** Where it is in the file, for errors: its line and how a reader finds it ("utterances[3]", "row 7"). */
  at: { number: number; text: string };
}

/**
 * Diarized passages → a call: consecutive passages of one speaker form a turn, each passage a
 * paragraph; labels become participants ("Speaker A" unless `speakers` names them), their sides
 * and the Q&A start inferred. The stored text is a plain rendering ("[m:ss] Speaker" lines).
 */
export function assembleSpeechItems(
  input: { layout: LayoutName; meta: HeaderMeta; speakers?: Readonly<Record<string, string>>; items: readonly SpeechItem[]; fileName: string | null; lastLine: number },
  ctx: ParseContext,
  warnings: ImportWarning[],
): LayoutOutput {
  const { meta } = input;
  const resolver = new SpeakerResolver(ctx.limits);
  const byLabel = new Map<string, Participant>();
  const collector = new TurnCollector(ctx.limits);
  const writer = new SourceTextWriter();
  writer.line(meta.title ?? ([meta.company ?? meta.ticker, meta.quarter, 'Earnings Call'].filter(Boolean).join(' ') || 'Earnings call recording'));
  let speaker: Participant | null = null;
  for (const item of input.items) {
    const text = item.text.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const label = String(item.speaker).trim();
    let who = byLabel.get(label);
    if (who === undefined) {
      const name = nameOfLabel(item.speaker, input.speakers);
      const found = resolver.resolve(name);
      const title = item.title ?? null;
      const draft: ParticipantDraft = title === null ? { name, title: null, firm: null, division: null, side: 'unknown', sideSource: 'unknown' } : participantFromHeader(name, title, null);
      // A label the diarization numbered is its own voice; a name written by a person is checked as a
      // speaker line's is ("Maria" after "Maria Lopez" is her; "Maria Lopes" is refused as a typo).
      who =
        found.kind === 'found'
          ? found.participant
          : /^Speaker \S+$/.test(name)
            ? resolver.add(draft, item.at.number, item.at.text)
            : addUnlistedSpeaker({ resolver, warnings, listName: 'the speakers' }, { number: item.at.number, start: 0, end: 0, text: item.at.text }, draft);
      byLabel.set(label, who);
    }
    if (who !== speaker) {
      speaker = who;
      writer.line(item.start === null ? who.name : `[${formatClock(item.start)}] ${who.name}`);
      collector.start(who, 'prepared_remarks', item.start, item.at);
    }
    collector.paragraph(writer.paragraph(text), item.at);
  }
  collector.finish();

  return assembleCall(
    { layout: input.layout, meta, participants: resolver.list(), turns: collector.turns, source: writer.toString(), sectionsKnown: false, fileName: input.fileName, lastLine: input.lastLine },
    { id: ctx.id },
    warnings,
  );
}

function parse(doc: SourceDoc, ctx: ParseContext): LayoutOutput {
  const warnings: ImportWarning[] = [];
  const { data, items, key } = read(doc);
  const meta = emptyHeaderMeta();
  const number = lineOfKey(doc, key);
  for (const [field, value] of [['Title', data.title], ['Company', data.company], ['Ticker', data.ticker], ['Quarter', data.quarter], ['Date', data.date]] as const) {
    if (value !== undefined && value.trim() !== '') applyKeyValue(meta, { number, start: 0, end: 0, text: `${field}: ${value.trim()}` });
  }
  // AssemblyAI writes whole milliseconds in "utterances"; everyone else seconds.
  const millis = key === 'utterances' && items.every((u) => (u.start === undefined || Number.isInteger(u.start)) && (u.end === undefined || Number.isInteger(u.end))) && items.some((u) => (u.end ?? u.start ?? 0) > 0);
  const seconds = (t: number | undefined): number | null => (t === undefined ? null : millis ? t / 1000 : t);
  if (millis) warnings.push({ line: null, message: 'times in "utterances" are whole numbers: read as milliseconds (AssemblyAI)' });
  return assembleSpeechItems(
    {
      layout: 'speech-json',
      meta,
      speakers: data.speakers,
      items: items.map((item, index) => ({ speaker: item.speaker, text: item.text, start: seconds(item.start), at: { number, text: `${key}[${index}]` } })),
      fileName: doc.fileName,
      lastLine: doc.lines.length,
    },
    ctx,
    warnings,
  );
}

export const speechJsonLayout: TranscriptLayout = { name: 'speech-json', detect, parse };
