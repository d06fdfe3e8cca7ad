/**
 * "Name: text" transcripts: a header block, then every turn opened by its speaker's name and a
 * colon at the start of a paragraph.
 *
 *   Widget Corp (WDGT) Q2 2024 Earnings Call           (header: title lines, "Key: value" lines,
 *   Participants:                                        optional participants list "Name - Title")
 *   Jane Roe - Chief Executive Officer
 *   Prepared Remarks                                     (optional section headings)
 *   Operator: Good morning and welcome …
 *   Jane Roe: Thank you. …                            ("Jane Roe (CEO): …" tells apart two people
 *                                                      sharing a name)
 *   More of what Jane said (a paragraph without a prefix continues the turn; so does a
 *   second "Jane Roe:" paragraph right after the first).
 *
 * The prefix must look like a name (or be "Operator"); a listed name written with a nickname
 * resolves to the listed person; an unlisted name-like prefix is a new participant (a warning
 * when there is a list; a typo of a listed name is an error). "Note: …" and similar labels are
 * not names. Without section headings the Q&A start is inferred; without a list, sides are.
 */
import { assembleCall, TurnCollector } from '../call-assembly.js';
import { TranscriptFormatError, quoteLine, type ImportWarning } from '../format-error.js';
import { headingOf, isParticipantsHeading, isSectionHeading } from '../headings.js';
import { applyKeyValue, applyTitleLine, emptyHeaderMeta, isKeyValueMeta } from '../header-meta.js';
import { headerSized, lineGroups, type Line } from '../lines.js';
import { isInterjection, isNumberedSpeaker, isOperatorName, looksLikeName, splitNameHint, unidentifiedSide } from '../names.js';
import { participantFromHeader, participantFromListLine } from '../participant-lines.js';
import { SpeakerResolver } from '../speaker-resolver.js';
import type { Participant, Section } from '../types.js';
import type { LayoutFit, LayoutOutput, ParseContext, SourceDoc, TranscriptLayout } from './layout.js';
import { addUnlistedSpeaker, ambiguousSpeaker, type SpeakerLineContext } from './speaker-lines.js';

/** "Name: text" (text may be empty when the speech starts on the next line). */
const PREFIXED = /^(?<name>[^:]{1,60}?)\s*:(?:\s+(?<rest>.*))?$/su;

/** Labels that precede a colon but are not speakers. */
const NOT_SPEAKERS = /^(?:note|notes|editor'?s note|disclaimer|source|question|answer|q|a|update|correction|summary|important|reminder|example|agenda|transcript|copyright|participants|speakers|company|ticker|date|time|quarter|title|sector|from|to|cc|bcc|subject|re|sent|attendees|location|duration|contents|image source)$/i;

function prefixOf(text: string): { name: string; hint: string | null; restOffset: number } | null {
  if (!headerSized(text.slice(0, 70))) return null;
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > 60) return null;
  const m = PREFIXED.exec(text.slice(0, Math.min(text.length, 400)));
  const written = m?.groups?.name?.trim();
  if (!written) return null;
  const { name, hint } = splitNameHint(written);
  if (NOT_SPEAKERS.test(name)) return null;
  if (!(looksLikeName(name) || isOperatorName(name) || isNumberedSpeaker(name) || unidentifiedSide(name) !== null) || isInterjection(name)) return null;
  let restOffset = colon + 1;
  while (restOffset < text.length && /\s/.test(text[restOffset] as string)) restOffset++;
  return { name, hint, restOffset };
}

function detect(doc: SourceDoc): LayoutFit {
  const { lines } = doc;
  let prefixed = 0;
  let paragraphs = 0;
  const names = new Set<string>();
  let firstPrefixed: Line | null = null;
  for (const line of lines) {
    if (line.text === '' || isKeyValueMeta(line.text)) continue;
    const p = prefixOf(line.text);
    if (p) {
      prefixed++;
      names.add(p.name.toLowerCase());
      firstPrefixed ??= line;
    }
  }
  for (const g of lineGroups(lines)) if (!prefixOf((lines[g.from] as Line).text)) paragraphs++;
  const share = prefixed + paragraphs === 0 ? 0 : prefixed / (prefixed + paragraphs);
  const reasons: string[] = [];
  let score = 0;
  if (prefixed >= 2 && names.size >= 2 && firstPrefixed) {
    score = 0.45 + 0.5 * share;
    reasons.push(`${prefixed} paragraphs open with "Name:" (${names.size} names, ${paragraphs} other paragraphs), the first at line ${firstPrefixed.number}`);
  }
  const mismatch = score > 0 ? null : { line: lines.find((l) => l.text !== '')?.number ?? 1, expected: 'paragraphs opening with "Name:"', lineText: null };
  return { score: Math.min(1, score), reasons, mismatch };
}

function parse(doc: SourceDoc, ctx: ParseContext): LayoutOutput {
  const { lines } = doc;
  const warnings: ImportWarning[] = [];
  const meta = emptyHeaderMeta();
  const resolver = new SpeakerResolver(ctx.limits);

  // Header: lines until the first speaker prefix or section heading.
  let k = 0;
  let listKind: 'company' | 'analysts' | 'participants' | null = null;
  for (; k < lines.length; k++) {
    const line = lines[k] as Line;
    if (line.text === '') continue;
    const heading = headingOf(line.text);
    if (isSectionHeading(heading)) break;
    if (isParticipantsHeading(heading)) {
      listKind = heading.kind;
      continue;
    }
    const listed = listKind !== null ? participantFromListLine(line.text, listKind, meta.company ?? meta.ticker) : null;
    if (listed) {
      resolver.add(listed, line.number, line.text);
      continue;
    }
    if (!isKeyValueMeta(line.text) && prefixOf(line.text)) break;
    listKind = null;
    if (!applyKeyValue(meta, line)) applyTitleLine(meta, line);
  }

  // Body: a "Name:" line opens a paragraph (and a turn when the speaker changes); other lines
  // continue the open paragraph, or open a new one after a blank line.
  const speakerCtx: SpeakerLineContext = { resolver, warnings, listName: 'the participants list' };
  const collector = new TurnCollector(ctx.limits);
  let section: Section = 'prepared_remarks';
  let sectionsKnown = false;
  let open: { start: number; end: number; line: Line } | null = null;
  let speaker: Participant | null = null;
  const close = (): void => {
    if (open === null) return;
    collector.paragraph({ start: open.start, end: open.end, text: doc.text.slice(open.start, open.end) }, open.line);
    open = null;
  };
  for (; k < lines.length; k++) {
    const line = lines[k] as Line;
    if (line.text === '') {
      close();
      continue;
    }
    const heading = headingOf(line.text);
    if (isSectionHeading(heading)) {
      close();
      if (heading.kind === 'qa') section = 'qa';
      else if (section === 'qa') throw new TranscriptFormatError(line.number, `unexpected ${quoteLine(line.text)} after the Q&A`, { lineText: line.text });
      sectionsKnown = true;
      speaker = null; // a section boundary ends the turn
      continue;
    }
    const prefix = prefixOf(line.text);
    if (prefix) {
      close();
      const found = resolver.resolve(prefix.name, prefix.hint);
      let who: Participant;
      if (found.kind === 'found') who = found.participant;
      else if (found.kind === 'ambiguous') ambiguousSpeaker(line, prefix.name, found.candidates);
      else who = addUnlistedSpeaker(speakerCtx, line, participantFromHeader(prefix.name, prefix.hint, meta.company ?? meta.ticker));
      if (who !== speaker) collector.start(who, section, null, line);
      speaker = who;
      const start = line.start + prefix.restOffset;
      if (start < line.end) open = { start, end: line.end, line };
      continue;
    }
    if (speaker === null) {
      throw new TranscriptFormatError(line.number, `expected a paragraph opening with "Name:", found ${quoteLine(line.text)}`, { lineText: line.text });
    }
    if (open === null) open = { start: line.start, end: line.end, line };
    else open.end = line.end;
  }
  close();
  collector.finish();
  if (sectionsKnown && !collector.turns.some((t) => t.section === 'qa')) {
    warnings.push({ line: null, message: 'section headings name no Q&A: every turn is prepared remarks' });
  }

  const call = assembleCall(
    { layout: 'name-colon', meta, participants: resolver.list(), turns: collector.turns, source: doc.text, sectionsKnown, fileName: doc.fileName, lastLine: lines.length },
    { id: ctx.id },
    warnings,
  );
  return { call, warnings };
}

export const nameColonLayout: TranscriptLayout = { name: 'name-colon', detect, parse };
