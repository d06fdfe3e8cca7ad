/**
 * Other speech-to-text services' JSON, lifted into speech-json's documented form (speech-json.ts)
 * before it is checked, so every service's output is read by one reader:
 *
 *   Deepgram     { results: { utterances: [{ speaker, transcript, start, end }] } }
 *   Rev.ai       { monologues: [{ speaker, speaker_name?, elements: [{ type: 'text'|'punct'|'unknown', value, ts?, end_ts? }] }] }
 *   AWS          { results: { transcripts, speaker_labels: { segments: [{ speaker_label, start_time, end_time, items }] },
 *   Transcribe                items: [{ type: 'pronunciation'|'punctuation', alternatives: [{ content }], start_time?, speaker_label? }],
 *                             audio_segments?: [{ transcript, speaker_label, start_time, end_time }] } }
 *
 * Rev.ai and AWS are lifted into "segments" (their times are seconds, never AssemblyAI's whole
 * milliseconds). What a service wrote without speakers (AWS run without speaker
 * identification) is refused here with what is missing: words nobody can be said to have spoken
 * are never attributed. Anything not recognised passes through untouched, to be checked as it is.
 */
import { TranscriptFormatError } from '../format-error.js';

type Json = Record<string, unknown>;

interface LiftedItem {
  speaker: string | number | undefined;
  text: string;
  start?: number;
  end?: number;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** AWS writes times as strings ("4.87"); Rev.ai and Deepgram as numbers. */
function seconds(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Which service wrote a JSON document, when it is one of those lifted here. */
export type SpeechService = 'deepgram' | 'rev.ai' | 'aws-transcribe';

export interface Lifted {
  /** The document in speech-json's form (or the input untouched when no service is recognised). */
  value: unknown;
  service: SpeechService | null;
}

export function liftServiceJson(raw: unknown): Lifted {
  if (!isObject(raw) || 'utterances' in raw || 'segments' in raw) return { value: raw, service: null };
  if (Array.isArray(raw.monologues)) return { value: fromRevAi(raw.monologues), service: 'rev.ai' };
  const results = raw.results;
  if (isObject(results)) {
    if (Array.isArray(results.utterances)) return { value: fromDeepgram(results.utterances), service: 'deepgram' };
    if (Array.isArray(results.items) || Array.isArray(results.transcripts) || Array.isArray(results.audio_segments)) {
      return { value: fromAwsTranscribe(results), service: 'aws-transcribe' };
    }
  }
  return { value: raw, service: null };
}

/** Deepgram keeps the words of an utterance in "transcript". */
function fromDeepgram(utterances: unknown[]): unknown {
  return {
    utterances: utterances.map((u: unknown) => {
      if (!isObject(u)) return u;
      const { transcript, ...rest } = u;
      return 'text' in rest || transcript === undefined ? rest : { ...rest, text: transcript };
    }),
  };
}

/**
 * Rev.ai: a monologue is one speaker's turn; its elements are words ("text"), punctuation and the
 * spaces between words ("punct"), and "<inaudible>"-like markers ("unknown"). The words are joined
 * as written (a space put back where two words meet with none between them). A speaker's name
 * ("speaker_name", when the job was given names) names its number wherever the number speaks.
 */
function fromRevAi(monologues: unknown[]): unknown {
  const names: Record<string, string> = {};
  const segments = monologues.map((m: unknown) => {
    if (!isObject(m)) return m;
    const speaker = typeof m.speaker === 'number' || typeof m.speaker === 'string' ? m.speaker : undefined;
    if (speaker !== undefined && typeof m.speaker_name === 'string' && m.speaker_name.trim() !== '') names[String(speaker)] = m.speaker_name.trim();
    const elements = Array.isArray(m.elements) ? m.elements.filter(isObject) : [];
    let text = '';
    let start: number | undefined;
    let end: number | undefined;
    let lastWasWord = false;
    for (const e of elements) {
      const value = typeof e.value === 'string' ? e.value : '';
      const word = e.type === 'text' || e.type === 'unknown';
      if (word && lastWasWord && !/\s$/.test(text)) text += ' ';
      // Rev.ai marks what it could not make out as "<inaudible>"; kept readable as the .nlp reader does.
      text += e.type === 'unknown' ? value.replace(/^<(.*)>$/, '[$1]') : value;
      lastWasWord = word;
      if (e.type === 'text') {
        start ??= seconds(e.ts);
        end = seconds(e.end_ts) ?? end;
      }
    }
    const item: LiftedItem = { speaker, text };
    if (start !== undefined) item.start = start;
    if (end !== undefined) item.end = end;
    return item;
  });
  return Object.keys(names).length > 0 ? { speakers: names, segments } : { segments };
}

/**
 * AWS Transcribe. Newer outputs give whole "audio_segments" with their speaker; otherwise the
 * words ("items") are put under the speaker of the speaker-label segment they fall in (their own
 * "speaker_label" when they carry one), punctuation under the word before it, and each
 * speaker-label segment is a paragraph. An output without speaker labels (speaker identification
 * was off) or with channels only is refused.
 */
function fromAwsTranscribe(results: Json): unknown {
  const audio = Array.isArray(results.audio_segments) ? results.audio_segments.filter(isObject) : [];
  if (audio.length > 0 && audio.every((a) => typeof a.speaker_label === 'string')) {
    return {
      segments: audio.map((a) => ({ speaker: a.speaker_label as string, text: typeof a.transcript === 'string' ? a.transcript : '', start: seconds(a.start_time), end: seconds(a.end_time) })),
    };
  }
  const labels = isObject(results.speaker_labels) && Array.isArray(results.speaker_labels.segments) ? results.speaker_labels.segments.filter(isObject) : [];
  const items = Array.isArray(results.items) ? results.items.filter(isObject) : [];
  const labelled = items.some((i) => typeof i.speaker_label === 'string');
  if (labels.length === 0 && !labelled) {
    const channels = isObject(results.channel_labels) ? ' (it has channel labels only: one speaker per channel is not who spoke)' : '';
    throw new TranscriptFormatError(
      1,
      `JSON: an AWS Transcribe output without speaker labels${channels}: words nobody can be said to have spoken are not imported (run the job with speaker identification, ShowSpeakerLabels)`,
      { lineText: null },
    );
  }
  const bounds = labels.map((s) => ({ speaker: typeof s.speaker_label === 'string' ? s.speaker_label : undefined, start: seconds(s.start_time), end: seconds(s.end_time) }));
  const segments: LiftedItem[] = [];
  let open: (LiftedItem & { key: string }) | null = null;
  let cursor = 0;
  items.forEach((item) => {
    const alternatives = Array.isArray(item.alternatives) ? item.alternatives.filter(isObject) : [];
    const content = typeof alternatives[0]?.content === 'string' ? (alternatives[0].content as string) : '';
    if (item.type === 'punctuation') {
      if (open !== null) open.text += content;
      return;
    }
    const start = seconds(item.start_time);
    // The speaker-label segment this word falls in (segments and words are both in time order).
    while (start !== undefined && cursor < bounds.length - 1 && (bounds[cursor]!.end ?? Infinity) < start) cursor++;
    const segment = start !== undefined && bounds[cursor] && (bounds[cursor]!.start ?? 0) <= start && start <= (bounds[cursor]!.end ?? Infinity) ? cursor : -1;
    const speaker = typeof item.speaker_label === 'string' ? item.speaker_label : segment >= 0 ? bounds[segment]!.speaker : undefined;
    // A word with no speaker is left to the check: "segments[n].speaker" names it.
    const key = `${speaker ?? '?'}#${segment}`;
    if (open === null || open.key !== key) {
      open = { key, speaker, text: content };
      if (start !== undefined) open.start = start;
      segments.push(open);
    } else open.text += ` ${content}`;
    const end = seconds(item.end_time);
    if (end !== undefined) open.end = end;
  });
  return { segments: segments.map(({ speaker, text, start, end }) => ({ speaker, text, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) })) };
}
