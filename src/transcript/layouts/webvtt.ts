/**
 * WebVTT captions of a recorded call, read with W3C's reference parser (webvtt-parser):
 *
 *   WEBVTT
 *
 *   NOTE
 *   Company: Widget Corp            (optional NOTE blocks: "Key: value" metadata, a title line,
 *   Ticker: WDGT                     a "Participants" list of "Name - Title" lines, or a section
 *   Quarter: Q2 2024                 heading such as "NOTE Questions and Answers")
 *
 *   00:00:01.000 --> 00:00:06.500
 *   <v Operator>Good morning and welcome to the call.
 *
 * The speaker is the cue's `<v Name>` voice (or a "Name: " prefix, as some recorders write);
 * a cue without either continues the previous speaker. Consecutive cues of one speaker form one
 * turn, which keeps its first cue's start time. Within a turn a new paragraph starts after a
 * pause of PARAGRAPH_PAUSE seconds, or after a sentence end once the paragraph is long.
 * The stored text is a plain rendering (title, then "[m:ss] Speaker" lines and paragraphs).
 * A cue the parser has to drop (bad timing line) is an error with its line: no words are lost.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import webvtt, { type VttNode } from 'webvtt-parser';
import { assembleCall, TurnCollector } from '../call-assembly.js';
import { TranscriptFormatError, type ImportWarning } from '../format-error.js';
import { headingOf, isParticipantsHeading, isSectionHeading } from '../headings.js';
import { applyKeyValue, applyTitleLine, emptyHeaderMeta } from '../header-meta.js';
import { lineGroups, nextNonBlank, type Line } from '../lines.js';
import { isIntroducedFirm } from '../introduced-firm.js';
import { dialInSpeaker, givenNameFirst, isInterjection, isNumberedSpeaker, isOperatorName, isSoundTag, looksLikeName, nameThenComma, splitNameHint, unidentifiedSide } from '../names.js';
import { looksLikeTitleLine, participantFromHeader, participantFromListLine } from '../participant-lines.js';
import { SpeakerResolver } from '../speaker-resolver.js';
import { turnText } from '../structure.js';
import { formatClock, SourceTextWriter } from '../source-text.js';
import type { Participant, Section } from '../types.js';
import type { LayoutFit, LayoutOutput, ParseContext, SourceDoc, TranscriptLayout } from './layout.js';
import { ambiguousSpeaker, addUnlistedSpeaker, type SpeakerLineContext } from './speaker-lines.js';

/** A pause this long (seconds) between two cues of one speaker starts a new paragraph. */
const PARAGRAPH_PAUSE = 2;
/** After a sentence end, a shorter pause (seconds) or a paragraph this long (characters) starts a new one. */
const SENTENCE_PAUSE = 1;
const LONG_PARAGRAPH_CHARS = 600;

/** The full HTML entity table, so "&amp;" and "&eacute;" decode as the spec says. */
const ENTITIES: Record<string, string> = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('webvtt-parser/html-entities.json'), 'utf8'),
) as Record<string, string>;

/** Parser errors after which a cue (and its words) was dropped. */
const FATAL_ERRORS =
  /^(?:Cue identifier|No timestamp found|Timestamp must start|No time unit separator|Must be exactly two digits|No seconds found|No decimal separator|Milliseconds must|You cannot have more than 59|No valid timestamp separator)/;

/** Who speaks after a change of speaker the captions do not name. */
const UNNAMED_SPEAKER = 'Unidentified Speaker';

const SENTENCE_END = /[.?!\u2026]["'\u201d\u2019)\]]*$/;

interface Segment {
  voice: string | null;
  text: string;
  /**
   * The caption marks a change of speaker here (">>" as broadcast captioners write it, or a
   * dialog dash on a line of its own): the words are not the previous speaker's, named or not.
   */
  change: boolean;
}

/**
 * A speaker named in round brackets on a line of their own ("(Dana Reyes)" over the words, as
 * some recorders write a cue): two words or more, the operator or a numbered voice — a sound
 * ("(Laughter)") or a one-word aside is not one. Null when the line is not one.
 */
function bracketedSpeakerLine(line: string): string | null {
  const name = /^\s*\((?<name>[^()]{1,60})\)\s*$/.exec(line)?.groups?.name?.trim();
  if (name === undefined || isSoundTag(name)) return null;
  const person = looksLikeName(name) && name.split(/\s+/).length >= 2 && !isInterjection(name);
  return person || isOperatorName(name) || isNumberedSpeaker(name) || unidentifiedSide(name) !== null ? name : null;
}

/** A voiceless segment's own speaker changes: ">>" anywhere (">>>" marks a topic, not a speaker), dialog dashes on two or more lines. */
function splitChanges(voice: string | null, raw: string): Segment[] {
  if (voice !== null) return [{ voice, text: raw, change: false }];
  const lines = raw.split(/\n/);
  const dashed = lines.filter((l) => /^\s*[-\u2010\u2013]\s+\S/.test(l)).length >= 2;
  const pieces: Segment[] = [];
  let current: Segment = { voice: null, text: '', change: false };
  for (const line of lines) {
    // "(Dana Reyes)" on a line of its own: the words under it are hers, wherever in the cue it comes.
    const named = bracketedSpeakerLine(line);
    if (named !== null) {
      pieces.push(current);
      current = { voice: named, text: '', change: false };
      continue;
    }
    if (/^\s*[-\u2010\u2013]\s*$/.test(line)) continue; // a dialog dash alone before such a line
    if (dashed && /^\s*[-\u2010\u2013]\s+\S/.test(line)) {
      pieces.push(current);
      current = { voice: null, text: line.replace(/^\s*[-\u2010\u2013]\s+/, ''), change: true };
      continue;
    }
    const parts = line.split(/(?<!>)>>(?!>)/);
    current.text += ` ${parts[0] ?? ''}`;
    for (const part of parts.slice(1)) {
      pieces.push(current);
      current = { voice: null, text: part, change: true };
    }
  }
  pieces.push(current);
  return pieces;
}

/**
 * The voice segments of a cue: `<v A>…</v><v B>…</v>`, or "<v A>…\n<v B>…" (the spec's own
 * example; the parser nests the second voice inside the first), or text without a voice.
 */
function segmentsOf(children: readonly VttNode[]): Segment[] {
  const segments: Array<{ voice: string | null; text: string }> = [];
  const walk = (nodes: readonly VttNode[] | undefined, voice: string | null): void => {
    for (const node of nodes ?? []) {
      if (node.type === 'object' && node.name === 'v') {
        const name = (node.value ?? '').trim() || null;
        segments.push({ voice: name, text: '' });
        walk(node.children, name);
        // Text after a closed voice belongs to the enclosing one.
        segments.push({ voice, text: '' });
      } else if (node.type === 'text') {
        const last = segments[segments.length - 1];
        if (last) last.text += node.value ?? '';
        else segments.push({ voice, text: node.value ?? '' });
      } else if (node.type === 'object') walk(node.children, voice);
    }
  };
  walk(children, null);
  return segments
    .flatMap((s) => splitChanges(s.voice, s.text))
    .map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() }))
    // A cue that is only a sound ("[Music]") is nobody's words.
    .filter((s) => (s.text !== '' || s.change) && !isSoundTag(/^\[(.*)\]$/.exec(s.text)?.[1]?.trim() ?? ''));
}

function isCaptionSpeaker(name: string): boolean {
  return !isInterjection(name) && (looksLikeName(name) || isOperatorName(name) || isNumberedSpeaker(name) || unidentifiedSide(name) !== null);
}

/**
 * Whether a written label names a caption speaker: the name alone, with a title in brackets, surname first
 * ("Pryce, Owen"), or a full name then the company or firm after a comma ("Owen Pryce, Tallis Freight: …" was
 * the words of the speaker before).
 */
export function namesCaptionSpeaker(written: string): boolean {
  const { name } = splitNameHint(written);
  return isCaptionSpeaker(name) || givenNameFirst(name, looksLikeTitleLine) !== null || nameThenComma(name) !== null;
}

/** "Jane Roe: text" or "[Jane Roe] text" inside a voiceless cue. */
function prefixVoice(segment: Segment): Segment {
  if (segment.voice !== null) return segment;
  const bracketed = /^\[([^\]]{1,60})\]\s*(.*)$/s.exec(segment.text);
  if (bracketed) {
    const written = (bracketed[1] as string).trim();
    const { name } = splitNameHint(written);
    if (!isSoundTag(name) && isCaptionSpeaker(name)) return { ...segment, voice: written, text: (bracketed[2] as string).trim() };
    return segment;
  }
  // "- Owen Pryce: …": a dialog dash before the label, as subtitlers open a speaker's line.
  const m = /^(?:[-\u2010\u2013]\s+)?([^:]{1,60}?):\s+(.+)$/s.exec(segment.text);
  const written = m?.[1]?.trim();
  if (!m || !written) return segment;
  // "Call-in User_2: …", "+1 212-555-0101: …" (Zoom's callers by phone): a voice of its own.
  const caller = dialInSpeaker(written);
  if (caller === null && !namesCaptionSpeaker(written)) return segment;
  return { ...segment, voice: caller ?? written, text: (m[2] as string).trim() };
}

/** Webex names a cue's speaker in its identifier: `12 "Dana Reyes" (3141592)`. Null when it names no one. */
function identifierVoice(id: string): string | null {
  const name = /^(?:\d+\s+)?"(?<name>[^"]{1,80})"(?:\s+\(\d+\))?$/.exec(id.trim())?.groups?.name?.trim();
  return name !== undefined && isCaptionSpeaker(splitNameHint(name).name) ? name : null;
}

/** A diarizing tool's speaker label as a cue's identifier: "Speaker_1", "SPEAKER_01" (pyannote, WhisperX), "Speaker 2", "spk_0". */
const NUMBERED_IDENTIFIER = /^(?:speaker|spk)[ _-]?(?<n>\d{1,3})$/i;

/**
 * Identifiers that are speaker labels: every cue's identifier is a numbered speaker's ("Speaker_1")
 * — a file diarized so, never a caption's own numbering ("1", "2") — read as the honest "Speaker 1".
 * Null when any cue's identifier is not one.
 */
function numberedIdentifiers(ids: readonly string[]): string[] | null {
  const labels = ids.map((id) => NUMBERED_IDENTIFIER.exec(id.trim())?.groups?.n);
  if (labels.length === 0 || labels.some((n) => n === undefined)) return null;
  return labels.map((n) => `Speaker ${Number(n)}`);
}

function detect(doc: SourceDoc): LayoutFit {
  const first = doc.lines[nextNonBlank(doc.lines, 0)];
  if (first && /^WEBVTT(?:$|[ \t])/.test(first.text)) {
    return { score: 1, reasons: [`line ${first.number} is the WebVTT signature "WEBVTT"`], mismatch: null };
  }
  return { score: 0, reasons: [], mismatch: { line: first?.number ?? 1, expected: 'the "WEBVTT" signature', lineText: first?.text ?? null } };
}

interface NoteBlock {
  /** Cues before it. */
  cuesBefore: number;
  lines: Line[];
}

/** NOTE blocks (which the parser skips) and the timing line of each cue, in order. */
function scanBlocks(lines: readonly Line[]): { notes: NoteBlock[]; timingLines: Line[] } {
  const notes: NoteBlock[] = [];
  const timingLines: Line[] = [];
  for (const g of lineGroups(lines, nextNonBlank(lines, 0) + 1)) {
    const first = lines[g.from] as Line;
    if (/^NOTE(?:$|[ \t])/.test(first.text)) {
      const body = [{ ...first, text: first.text.slice(4).trim(), start: first.start + 4 }, ...lines.slice(g.from + 1, g.to)].filter((l) => l.text !== '');
      notes.push({ cuesBefore: timingLines.length, lines: body });
      continue;
    }
    if (/^STYLE(?:$|[ \t])/.test(first.text) || /^REGION(?:$|[ \t])/.test(first.text)) continue;
    for (let k = g.from; k < g.to; k++) {
      const line = lines[k] as Line;
      if (line.text.includes('-->')) timingLines.push(line);
    }
  }
  return { notes, timingLines };
}

/** Reads caption cues (WebVTT text; SubRip files arrive converted, see srt.ts) into a call. */
export function parseCaptions(doc: SourceDoc, ctx: ParseContext, layout: 'webvtt' | 'srt'): LayoutOutput {
  const warnings: ImportWarning[] = [];
  const parsed = new webvtt.WebVTTParser(ENTITIES).parse(doc.text, 'metadata');
  const fatal = parsed.errors.find((e) => FATAL_ERRORS.test(e.message));
  if (fatal) {
    const line = doc.lines[fatal.line - 1];
    throw new TranscriptFormatError(fatal.line, `WebVTT: ${fatal.message.replace(/\.$/, '')} (the cue would be lost)`, { lineText: line?.text ?? null });
  }
  for (const e of parsed.errors.slice(0, 5)) warnings.push({ line: e.line, message: `WebVTT: ${e.message}` });
  if (parsed.errors.length > 5) warnings.push({ line: null, message: `WebVTT: ${parsed.errors.length - 5} more parser warnings` });

  const { notes, timingLines } = scanBlocks(doc.lines);
  const meta = emptyHeaderMeta();
  const resolver = new SpeakerResolver(ctx.limits);
  /** Section switches: cue index → section. */
  const sectionAt = new Map<number, Section>();
  let sectionsKnown = false;
  for (const note of notes) {
    let listKind: 'company' | 'analysts' | 'participants' | null = null;
    for (const line of note.lines) {
      // "NOTE Questions and Answers", or "Section: Questions and Answers".
      const h = headingOf(line.text.replace(/^section\s*[:=]\s*/i, ''));
      if (isSectionHeading(h)) {
        sectionAt.set(note.cuesBefore, h.kind === 'qa' ? 'qa' : 'prepared_remarks');
        sectionsKnown = true;
        continue;
      }
      if (isParticipantsHeading(h)) {
        listKind = h.kind;
        continue;
      }
      const listed = listKind ? participantFromListLine(line.text, listKind, meta.company ?? meta.ticker) : null;
      if (listed) resolver.add(listed, line.number, line.text);
      else if (!applyKeyValue(meta, line)) applyTitleLine(meta, line);
    }
  }

  const collector = new TurnCollector(ctx.limits);
  const writer = new SourceTextWriter();
  const heading = meta.title ?? [meta.company ?? meta.ticker, meta.quarter, 'Earnings Call'].filter(Boolean).join(' ');
  writer.line(heading || 'Earnings call recording');
  let section: Section = 'prepared_remarks';
  let speaker: Participant | null = null;
  let paragraph: string[] = [];
  // The turn before a cue: its paragraphs and the words not yet made one.
  const turnBefore = (): string | null => (collector.current === null ? null : `${turnText(collector.current)} ${paragraph.join(' ')}`);
  const speakerCtx: SpeakerLineContext = { resolver, warnings, listName: 'the participants NOTE', text: doc.text, turnBefore };
  let paragraphLine: Line | null = null;
  let lastEnd = 0;
  let unnamedChanges = 0;
  let unnamedLine = null as Line | null;
  /** A ">>" that ended a cue: the next cue's words are someone else's. */
  let pendingChange = false;

  const flush = (): void => {
    if (paragraph.length === 0 || paragraphLine === null) return;
    collector.paragraph(writer.paragraph(paragraph.join(' ')), paragraphLine);
    paragraph = [];
  };

  const idSpeakers = numberedIdentifiers(parsed.cues.map((c) => c.id));
  if (idSpeakers !== null) warnings.push({ line: null, message: `each cue's identifier names its speaker ("${parsed.cues[0]?.id.trim()}"): numbered speakers, their sides inferred` });
  parsed.cues.forEach((cue, index) => {
    const line = timingLines[index] ?? ({ number: 1, start: 0, end: 0, text: '' } as Line);
    const switched = sectionAt.get(index);
    if (switched !== undefined && switched !== section) {
      flush();
      section = switched;
      speaker = null; // a section boundary ends the turn
    }
    const named = identifierVoice(cue.id) ?? idSpeakers?.[index] ?? null;
    for (const raw of segmentsOf(cue.tree.children)) {
      let segment = prefixVoice(pendingChange && raw.voice === null ? { ...raw, change: true } : raw);
      // A cue its identifier names ("1 \"Dana Reyes\" (3141592)", Webex): the words are that speaker's.
      if (segment.voice === null && !segment.change && named !== null) segment = { ...segment, voice: named };
      pendingChange = false;
      let who: Participant | null = speaker;
      if (segment.change && segment.voice === null) {
        // Someone else speaks, unnamed: never the previous speaker's words.
        if (segment.text === '') {
          pendingChange = true;
          continue;
        }
        const found = resolver.resolve(UNNAMED_SPEAKER);
        if (found.kind !== 'found') throw new Error('unreachable: an "Unidentified Speaker" always resolves');
        who = found.participant;
        unnamedChanges++;
        unnamedLine ??= line;
      } else if (segment.voice !== null) {
        const written = splitNameHint(dialInSpeaker(segment.voice) ?? segment.voice);
        // "<v Halvorsen, Sigrid>": Teams writes a directory's display name, surname first.
        const given = givenNameFirst(written.name, looksLikeTitleLine);
        // "<v Owen Pryce, Tallis Freight>", "<v Hugo Brandt, Piper Sandler>": the name, then the company or firm — it was all his name.
        const commaed = given === null && written.hint === null ? nameThenComma(written.name) : null;
        const name = given ?? commaed?.name ?? written.name;
        const hint = written.hint ?? commaed?.hint ?? null;
        const found = resolver.resolve(name, hint);
        if (found.kind === 'found') who = found.participant;
        else if (found.kind === 'ambiguous') ambiguousSpeaker(line, name, found.candidates);
        else {
          const draft = participantFromHeader(name, hint, meta.company ?? meta.ticker);
          // "Hugo Brandt, Piper Sandler" right after "…from Hugo Brandt with Piper Sandler": the firm the operator gave him, no title.
          // (The turn before, with the words not yet made a paragraph.)
          const before = collector.turns[collector.turns.length - 1];
          const introduction = before === undefined ? '' : `${turnText(before)} ${paragraph.join(' ')}`;
          const introduced = hint !== null && draft.side === 'unknown' && isIntroducedFirm(introduction, draft.name, hint);
          who = addUnlistedSpeaker(speakerCtx, line, introduced ? { ...draft, title: null, firm: draft.title } : draft);
        }
      }
      if (who === null) {
        throw new TranscriptFormatError(line.number, `the cue at this line names no speaker (no <v Name> voice, no "Name:" prefix) and no one spoke before it`, {
          lineText: line.text,
        });
      }
      if (who !== speaker || (segment.change && segment.voice === null)) {
        flush();
        speaker = who;
        writer.line(`[${formatClock(cue.startTime)}] ${who.name}`);
        collector.start(who, section, cue.startTime, line);
      } else {
        const pause = cue.startTime - lastEnd;
        const current = paragraph.join(' ');
        if (pause >= PARAGRAPH_PAUSE || (SENTENCE_END.test(current) && (pause >= SENTENCE_PAUSE || current.length >= LONG_PARAGRAPH_CHARS))) flush();
      }
      if (paragraph.length === 0) paragraphLine = line;
      paragraph.push(segment.text);
    }
    lastEnd = cue.endTime;
  });
  flush();
  collector.finish();
  if (unnamedLine !== null) {
    warnings.push({ line: unnamedLine.number, message: `${unnamedChanges} change${unnamedChanges === 1 ? '' : 's'} of speaker (">>" or dialog dashes) name no one: those words are under "${UNNAMED_SPEAKER}", side unknown` });
  }
  if (parsed.cues.length === 0) throw new TranscriptFormatError(doc.lines.length, 'the WebVTT file has no cues', { lineText: null });
  if (sectionsKnown && !collector.turns.some((t) => t.section === 'qa')) warnings.push({ line: null, message: 'the NOTE headings name no Q&A: every turn is prepared remarks' });

  return assembleCall(
    { layout, meta, participants: resolver.list(), turns: collector.turns, source: writer.toString(), sectionsKnown, fileName: doc.fileName, lastLine: doc.lines.length },
    { id: ctx.id },
    warnings,
  );
}

export const webvttLayout: TranscriptLayout = { name: 'webvtt', detect, parse: (doc, ctx) => parseCaptions(doc, ctx, 'webvtt') };
