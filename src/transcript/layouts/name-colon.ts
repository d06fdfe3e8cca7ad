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
import { firmLabel } from '../firm-labels.js';
import { TranscriptFormatError, quoteLine, type ImportWarning } from '../format-error.js';
import { headingOf, isParticipantsHeading, isSectionHeading } from '../headings.js';
import { applyKeyValue, applyTitleLine, companyOverTitle, emptyHeaderMeta, isKeyValueMeta, readsAsSpeech } from '../header-meta.js';
import { isIntroducedFirm } from '../introduced-firm.js';
import { headerSized, lineGroups, type Line } from '../lines.js';
import { dialInSpeaker, diarizedSpeaker, givenNameFirst, isDeliveryNote, isInterjection, isNumberedSpeaker, isOperatorName, isSoundTag, isTermLabel, looksLikeName, splitLeadingTitle, splitNameHint, unidentifiedSide, unnamedRoleLabel, withNameSuffixJoined } from '../names.js';
import { mentionKey, namesMentioned } from '../name-mentions.js';
import { listedInitials, looksLikeTitleLine, participantFromHeader, participantFromListLine } from '../participant-lines.js';
import { roleBeforeName } from '../role-first-labels.js';
import { readLegend } from '../speaker-legend.js';
import { SpeakerResolver, type ParticipantDraft } from '../speaker-resolver.js';
import { firmInIntroduction, introducesQuestion, turnText } from '../structure.js';
import { isHeaderRow } from '../table-columns.js';
import type { Participant, Section } from '../types.js';
import type { LayoutFit, LayoutOutput, ParseContext, SourceDoc, TranscriptLayout } from './layout.js';
import { addUnlistedSpeaker, ambiguousSpeaker, analystIntroducedWithFirm, speakerOfFirm, type SpeakerLineContext } from './speaker-lines.js';

/** "Name: text" (text may be empty when the speech starts on the next line); see also NAME_THEN_STAMP. */
const PREFIXED = /^(?<name>[^:]{1,60}?)\s*:(?:\s+(?<rest>.*))?$/su;

/**
 * "Q: …" / "A: …" (and "Question:" / "Answer:", "Follow-up:"): a change of speaker that names no one — the
 * one asking, the one answering. Never the previous speaker's words.
 */
const QA_LABEL = /^(?<label>q|a|question|answer|follow[- ]?up(?: question)?|pregunta|pergunta|frage|domanda|respuesta|resposta|r[eé]ponse|antwort|risposta)\s*:\s*(?=\S)/iu;
/**
 * The same marks by their first letter, as calls held in Spanish, Portuguese, Italian or German
 * write them ("P:" / "R:" for Pregunta / Respuesta, "D:" / "R:", "F:" / "A:"): read so only when the
 * call pairs a question's letter with an answer's — alone, "P" or "R" were speakers of those names.
 */
const QA_LETTER = /^(?<label>[pdfr])\s*:\s*(?=\S)/i;
const QUESTION_MARKS = new Set(['q', 'question', 'pregunta', 'pergunta', 'frage', 'domanda', 'p', 'd', 'f']);

/** Whether the call pairs "P:" or "D:" with "R:", or "F:" with "A:", as question and answer marks. */
function pairsQaLetters(lines: readonly Line[], from: number): boolean {
  const letters = new Set<string>();
  for (let k = from; k < lines.length; k++) {
    const m = /^(?<label>[pdfra])\s*:\s*(?=\S)/i.exec((lines[k] as Line).text);
    if (m?.groups) letters.add((m.groups.label as string).toLowerCase());
  }
  return (letters.has('r') && (letters.has('p') || letters.has('d'))) || (letters.has('f') && letters.has('a'));
}
const QA_SPEAKERS: Readonly<Record<'q' | 'a', string>> = { q: 'Unidentified Analyst', a: 'Unidentified Company Representative' };

/** A line that is only a time ("00:05:00", "[12:30]"), as meeting transcripts mark the time between turns: not words. */
const STAMP_ONLY = /^[[(]?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[\])]?$/;

/** Labels that precede a colon but are not speakers. */
const NOT_SPEAKERS = /^(?:note|notes|editor'?s note|disclaimer|source|question|answer|q|a|update|correction|summary|important|reminder|example|agenda|transcript|copyright|participants|speakers|company|ticker|date|time|quarter|title|sector|from|to|cc|bcc|subject|re|sent|attendees|location|duration|contents|image source)$/i;

/** A transcription service's time stamp before the name: "[00:03:10] Jake Miller: …", "00:03 Jake Miller: …". */
const STAMP = /^\[?((?:\d{1,2}:)?\d{1,2}:\d{2})(?:[.,]\d+)?\]?\s+/;
/** A name in Markdown emphasis: "**Jake Miller:** …", "**Jake Miller**: …", "__Jake Miller:__ …". */
const EMPHASIS = /^(\*\*|__)(?<name>[^*_\n]{1,60}?)(?::\1|\1\s*:)[ \t]*/u;

function stampSeconds(stamp: string): number {
  return stamp.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** "Maria Lopez (CEO)", or "Maria Lopez, Chief Executive Officer" / "Maria Lopez - CEO" when the part before the comma or dash is a name. */
function nameAndHint(label: string): { name: string; hint: string | null } {
  // "SPEAKER_00: …", "[SPEAKER_01]: …" (a diarizing tool's text output): the numbered speaker, named later from the call's hand-overs.
  const diarized = diarizedSpeaker(label) ?? dialInSpeaker(label);
  if (diarized !== null) return { name: diarized, hint: null };
  // "Robert Kaplan, Jr. (CEO)": the suffix is the name's, never its title.
  const written = withNameSuffixJoined(label);
  // "CFO Tom Reed": the title before the name.
  const titled = splitLeadingTitle(written);
  if (titled) return { name: titled.name, hint: titled.title };
  const parenthesised = splitNameHint(written);
  // "CEO (Owen Pryce)", "Analyst (Hugo Brandt, Piper Sandler)": the role first, the person in brackets.
  const roleFirst = roleBeforeName(parenthesised.name, parenthesised.hint);
  if (roleFirst) return roleFirst;
  // "Halvorsen, Sigrid" / "Moreau, Julien (CFO)": a directory's display name, surname first.
  const given = givenNameFirst(parenthesised.name, looksLikeTitleLine);
  if (given !== null) return { name: given, hint: parenthesised.hint };
  if (parenthesised.hint !== null || looksLikeName(parenthesised.name)) return parenthesised;
  // "Maria Lopez [CEO]".
  const bracketed = /^(?<name>[^[\]]+?)\s*\[(?<hint>[^[\]\d][^[\]]{0,79})\]$/u.exec(written);
  if (bracketed?.groups && looksLikeName(bracketed.groups.name!.trim())) return { name: bracketed.groups.name!.trim(), hint: isDeliveryNote(bracketed.groups.hint!) ? null : bracketed.groups.hint!.trim() };
  const m = /^(?<name>[^,\u2013\u2014-]+?)\s*(?:,|\s[-\u2013\u2014]{1,2})\s*(?<hint>\S.{0,80})$/u.exec(written);
  return m?.groups && looksLikeName(m.groups.name!) ? { name: m.groups.name!.trim(), hint: m.groups.hint!.trim() } : parenthesised;
}

/** A time stamp as transcription services write it: "3:10", "00:03:10", "00:03:10.25", "00:03:10,250". */
const TIME = String.raw`(?<stamp>(?:\d{1,2}:)?\d{1,2}:\d{2})(?:[.,]\d{1,3})?`;
/**
 * A line that is only a speaker's label and a time, the words following on the next lines, as
 * transcription services export it: "Maria Lopez  0:21" / "Maria Lopez (0:21)" (Otter), "Maria Lopez - 00:21"
 * (Fireflies), "Maria Lopez (CEO) 00:00:21",
 * "Maria Lopez [00:00:21]" (Trint), "[00:00:21] Maria Lopez" / "00:00:21.00 - Maria Lopez"
 * (Happy Scribe), "[Maria Lopez] 10:00:21" (Zoom's saved captions).
 */
const LABEL_LINES: readonly RegExp[] = [
  new RegExp(String.raw`^(?<name>\p{L}[^:\[\]()]{0,58}?(?:\s*\([^()\d][^()]{0,59}\))?)\s+(?:[-\u2013\u2014]\s+)?[(\[]?${TIME}[)\]]?$`, 'u'),
  new RegExp(String.raw`^[(\[]?${TIME}[)\]]?(?:\s+[-\u2013\u2014])?\s+(?<name>\p{L}[^:\[\]()]{0,58}?)$`, 'u'),
  new RegExp(String.raw`^\[(?<name>\p{L}[^:\[\]()]{0,58}?)\]\s+${TIME}$`, 'u'),
];
/**
 * "Maria Lopez (00:00:21): …" (Rev, Temi), "Maria Lopez [00:00:21] …" (Trint): the time between
 * the name and the words, which follow on the same or the next line.
 */
const NAME_STAMP_COLON = new RegExp(String.raw`^(?<name>\p{L}[^:\[\]()]{0,58}?)\s*[(\[]${TIME}[)\]]\s*(?::(?:\s+|$)|\s+(?=\S))`, 'u');

function isSpeakerName(name: string): boolean {
  return (looksLikeName(name) || isOperatorName(name) || isNumberedSpeaker(name) || unidentifiedSide(name) !== null) && !isInterjection(name) && !NOT_SPEAKERS.test(name) && !isTermLabel(name);
}

/** Words after a label that read as a figure ("41.2%, up two points", "$80 million"), as a "Label: value" line has them. */
const VALUE_WORDS = /^[\d$\u20ac\u00a3\u00a5%+\u2212-]/u;

/**
 * "Name:" labels that are more likely a "Label: value" line inside someone's words ("Net Retention:
 * 118%"): written once before a figure, with no time stamp, and never said anywhere else in the
 * call with its capitals (a person speaking is introduced: "…comes from Jake Miller"). A label the
 * participants list names is a speaker whatever follows it.
 */
function valueLabels(lines: readonly Line[], from: number): Set<string> {
  const candidates = new Map<string, number>();
  const texts: string[] = [];
  for (let k = from; k < lines.length; k++) {
    const line = lines[k] as Line;
    if (line.text === '') continue;
    const prefix = prefixOf(line.text);
    texts.push(prefix ? line.text.slice(prefix.restOffset) : line.text);
    if (!prefix) continue;
    const key = mentionKey(prefix.name, { caseSensitive: true });
    const valued = prefix.startTime === null && prefix.hint === null && VALUE_WORDS.test(line.text.slice(prefix.restOffset)) && !isOperatorName(prefix.name) && !isNumberedSpeaker(prefix.name) && unidentifiedSide(prefix.name) === null;
    candidates.set(key, valued && !candidates.has(key) ? 1 : 2);
  }
  const once = [...candidates].filter(([, n]) => n === 1).map(([key]) => key);
  const mentioned = namesMentioned(texts, once, { caseSensitive: true });
  return new Set(once.filter((key) => !mentioned.has(key)));
}

function labelLine(text: string): { name: string; hint: string | null; restOffset: number; startTime: number | null } | null {
  for (const pattern of text.length <= 90 ? LABEL_LINES : []) {
    const m = pattern.exec(text);
    if (!m?.groups) continue;
    const { name, hint } = nameAndHint(m.groups.name!.trim());
    return isSpeakerName(name) ? { name, hint, restOffset: text.length, startTime: stampSeconds(m.groups.stamp!) } : null;
  }
  const m = NAME_STAMP_COLON.exec(text);
  if (!m?.groups) return null;
  const { name, hint } = nameAndHint(m.groups.name!.trim());
  return isSpeakerName(name) ? { name, hint, restOffset: m[0].length, startTime: stampSeconds(m.groups.stamp!) } : null;
}

/** "00:00:05<TAB>Maria Lopez<TAB>words" or "Maria Lopez<TAB>00:00:05<TAB>words" (tab-separated exports), or without the time. */
function tabbedLabel(text: string): { name: string; hint: string | null; restOffset: number; startTime: number | null } | null {
  const m = /^(?:(?<before>(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\t+)?(?<name>[^\t:]{1,60}?)\t+(?:(?<after>(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\t+)?(?=\S)/u.exec(text.slice(0, 160));
  // A table's header row ("Speaker<TAB>Remarks", a web page's table as text) is nobody's words.
  if (!m?.groups || isHeaderRow(text.split('\t').map((c) => c.trim()))) return null;
  const { name, hint } = nameAndHint(m.groups.name!.trim());
  if (!isSpeakerName(name)) return null;
  const stamp = m.groups.before ?? m.groups.after;
  return { name, hint, restOffset: m[0].length, startTime: stamp ? stampSeconds(stamp.replace(/[.,]\d+$/, '')) : null };
}

/** "[Maria Lopez] words", "[Maria Lopez]: words", "[Speaker 0] words": a bracketed label, not a sound ("[Music] …"). */
function bracketedLabel(text: string): { name: string; hint: string | null; restOffset: number; startTime: number | null } | null {
  const m = /^\[(?<name>[^\]:]{1,60})\]:?\s+(?=\S)/u.exec(text.slice(0, 80));
  if (!m?.groups) return null;
  const { name, hint } = nameAndHint(m.groups.name!.trim());
  return isSpeakerName(name) && !isSoundTag(name) ? { name, hint, restOffset: m[0].length, startTime: null } : null;
}

/** Longest "Name, Title, Company:" label read (Investing.com writes the speaker's title and company in full). */
const MAX_LONG_LABEL = 140;

/** "Jane Roe, Vice President, Investor Relations, Acme Corp": a label over 60 characters only when it is a name and a title. */
function longLabel(label: string): string | undefined {
  const comma = label.indexOf(',');
  if (comma <= 0 || !looksLikeName(label.slice(0, comma).trim()) || !looksLikeTitleLine(label.slice(comma + 1).trim())) return undefined;
  return label.trim();
}

/** Terminals' Q&A marks before a label: "Q - Kate Lowe, UBS: …", "Answer – Alan Marsh: …" (the one asking, the one answering). */
const QA_MARK = /^(?<mark>q|a|question|answer)\s*[-\u2013\u2014]\s*(?=\S)/i;

interface Prefix {
  name: string;
  hint: string | null;
  restOffset: number;
  startTime: number | null;
  /** The Q&A mark written before the label, if any. */
  mark: 'Q' | 'A' | null;
}

/**
 * The same marks numbered, as a company's own Q&A write-up or a briefing's notes number each question and its
 * answer: "Q1 (Hugo Brandt, Piper Sandler): …", "A1 (Owen Pryce): …", "Q2 - Kate Lowe, UBS: …", "A2. Maria Castell: …".
 * They were the words of whoever spoke before (the number is no name), the asker's question and the answer with them.
 */
const NUMBERED_QA_MARK = /^(?<mark>q|a|question|answer)\s?\d{1,3}\s*(?:[-\u2013\u2014.]\s*(?=\S)|(?<open>\()(?=[^()]{1,120}\)\s*:))/i;

/** The speaker label a paragraph opens with, after a Q&A mark if it has one; null when it opens with none. */
function prefixOf(text: string): Prefix | null {
  const marked = QA_MARK.exec(text) ?? NUMBERED_QA_MARK.exec(text);
  if (marked?.groups) {
    let rest = text.slice(marked[0].length);
    // "Q1 (Hugo Brandt, Piper Sandler): …": the label in brackets, read without them.
    const closed = marked.groups.open !== undefined ? /^(?<inner>[^()]+)(?<close>\)\s*):/.exec(rest) : null;
    if (closed?.groups) rest = `${closed.groups.inner}${rest.slice(closed.groups.inner!.length + closed.groups.close!.length)}`;
    const label = labelOf(rest);
    const dropped = closed?.groups ? closed.groups.close!.length : 0;
    if (label) return { ...label, restOffset: label.restOffset + marked[0].length + dropped, mark: (marked.groups.mark as string)[0]!.toUpperCase() as 'Q' | 'A' };
  }
  const label = labelOf(text);
  return label ? { ...label, mark: null } : null;
}

/**
 * Someone met under a Q&A mark and named nowhere else: the asker an analyst (the hint their firm),
 * the answerer the company's — as a terminal's "Q - Name" / "A - Name" line says.
 */
function markedDraft(draft: ParticipantDraft, mark: 'Q' | 'A' | null, hint: string | null): ParticipantDraft {
  if (mark === null || draft.side !== 'unknown') return draft;
  return mark === 'Q'
    ? { ...draft, title: null, firm: hint, side: 'analyst', sideSource: 'header' }
    : { ...draft, side: 'company', sideSource: 'header' };
}

function labelOf(text: string): { name: string; hint: string | null; restOffset: number; startTime: number | null } | null {
  const label = labelLine(text.slice(0, 120)) ?? (text.includes('\t') ? tabbedLabel(text) : null) ?? bracketedLabel(text);
  if (label) return label;
  const stamp = STAMP.exec(text);
  const offset = stamp ? stamp[0].length : 0;
  const body = text.slice(offset);
  if (!headerSized(body.slice(0, 70))) return null;
  const emphasis = EMPHASIS.exec(body);
  let written: string | undefined;
  let restOffset: number;
  if (emphasis) {
    written = emphasis.groups?.name?.trim();
    restOffset = emphasis[0].length;
  } else {
    const colon = body.indexOf(':');
    if (colon <= 0 || colon > MAX_LONG_LABEL) return null;
    written = colon <= 60 ? PREFIXED.exec(body.slice(0, Math.min(body.length, 400)))?.groups?.name?.trim() : longLabel(body.slice(0, colon));
    restOffset = colon + 1;
    while (restOffset < body.length && /\s/.test(body[restOffset] as string)) restOffset++;
  }
  if (!written) return null;
  const { name, hint } = nameAndHint(written);
  if (NOT_SPEAKERS.test(name)) return null;
  if (!isSpeakerName(name)) return null;
  // "Maria Lopez: [00:00:21] Thank you…" (Sonix): the time after the colon.
  const after = stamp ? null : /^[[(]((?:\d{1,2}:)?\d{1,2}:\d{2})(?:[.,]\d{1,3})?[\])]\s*/.exec(body.slice(restOffset));
  if (after) restOffset += after[0].length;
  return { name, hint, restOffset: offset + restOffset, startTime: stamp ? stampSeconds(stamp[1]!) : after ? stampSeconds(after[1]!) : null };
}

/**
 * A paragraph opened by a firm's name alone ("Bank of Somewhere: …") that the turn before it says, as the
 * operator's introduction does, or that already labelled someone; null otherwise ("Retail Bank: deposits rose"
 * in the CFO's words is no label).
 */
function firmPrefix(text: string, before: { paragraphs: readonly { text: string }[] } | undefined, resolver: SpeakerResolver): { name: string; restOffset: number } | null {
  const label = firmLabel(text);
  if (label === null) return null;
  // "David Bank: …" right after "…from David Bank with Piper Sandler": the operator gives the label a firm, so it is a
  // person whose surname is a firm's word — it was an unidentified analyst of a firm "David Bank".
  if (before !== undefined && before.paragraphs.some((p) => firmInIntroduction(p.text, label.name) !== null)) return null;
  const introduced = before !== undefined && before.paragraphs.some((p) => p.text.includes(label.name));
  const known = resolver.resolve(label.name).kind === 'found';
  return introduced || known ? label : null;
}

/**
 * "Retail Bank: deposits grew…", "Asset Management: flows were positive…" inside someone's turn that has named it
 * ("…starting with Retail Bank and then Asset Management"): a business's name as a run-in heading of their words — a
 * firm's words, no person's, and no firm the call has met as a speaker. It was an analyst of "Retail Bank", and a
 * person "Asset Management" answering her.
 */
function runInHeading(text: string, current: { paragraphs: readonly { text: string }[] } | undefined, resolver: SpeakerResolver): boolean {
  const label = firmLabel(text);
  if (label === null || current === undefined || resolver.resolve(label.name).kind !== 'none') return false;
  const said = turnText(current as Parameters<typeof turnText>[0]);
  return said.includes(label.name) && !introducesQuestion(said);
}

/** The participant whose full name opens `label` followed by something that is not a name ("Maria Lopez {CEO}"), if any. */
function labelStartingWithName(resolver: SpeakerResolver, label: string): Participant | null {
  const words = label.trim().split(/\s+/);
  for (let n = Math.min(4, words.length - 1); n >= 2; n--) {
    const rest = words.slice(n).join(' ');
    // What follows the name is markup or a title, not a sentence ("Maria Lopez and I agree: …" is speech).
    if (!/^[[{<|/#*_~]/.test(rest) && !looksLikeTitleLine(rest)) continue;
    const found = resolver.resolve(words.slice(0, n).join(' '));
    if (found.kind === 'found' && found.participant.side !== 'operator') return found.participant;
  }
  return null;
}

/** "Leila Moran: Investor Relations" in a participants list: the entry as "Name - Title", or null when the words after the colon are no title. */
function listEntryWithColon(name: string, rest: string): string | null {
  const title = rest.trim();
  return name.split(/\s+/).length >= 2 && looksLikeTitleLine(title) && !readsAsSpeech(title) ? `${name} - ${title}` : null;
}

/** Whether the next written line is a participants list entry. */
function nextIsListEntry(lines: readonly Line[], from: number, kind: 'company' | 'analysts' | 'participants', company: string | null): boolean {
  for (let k = from; k < lines.length; k++) {
    const text = (lines[k] as Line).text;
    if (text !== '') return participantFromListLine(text, kind, company) !== null;
  }
  return false;
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
  const titleLines: string[] = [];
  for (; k < lines.length; k++) {
    const line = lines[k] as Line;
    if (line.text === '') continue;
    const heading = headingOf(line.text);
    if (isSectionHeading(heading)) break;
    if (isParticipantsHeading(heading)) {
      listKind = heading.kind;
      continue;
    }
    // "Moderator - Dana Whitcombe: Good morning and welcome…" right under the list: the first turn, never a list entry
    // "Moderator" titled with the welcome.
    const opening = listKind !== null ? prefixOf(line.text) : null;
    if (opening !== null && readsAsSpeech(line.text.slice(opening.restOffset))) break;
    // "Alan Marsh (AM) - Chief Executive Officer": the initials the body labels him with ("AM: …").
    const keyed = listKind !== null ? listedInitials(line.text) : null;
    // "Leila Moran: Investor Relations" among the entries: one written with a colon, never the first turn (the rest of the list its words).
    const colonEntry = listKind !== null && opening !== null && opening.hint === null && opening.mark === null ? listEntryWithColon(opening.name, line.text.slice(opening.restOffset)) : null;
    const listed = listKind !== null ? participantFromListLine(colonEntry ?? keyed?.text ?? line.text, listKind, meta.company ?? meta.ticker) : null;
    if (listed) {
      const participant = resolver.add(listed, line.number, line.text);
      if (keyed) resolver.alias(keyed.initials, participant);
      continue;
    }
    // "Speaker 1: Operator" / "Speaker 2: Alan Marsh, Chief Executive Officer": a speaker key, not turns.
    const legend = readLegend(lines, k);
    if (legend) {
      for (const entry of legend.entries) {
        const named = resolver.resolve(entry.name, entry.hint);
        const person = named.kind === 'found' ? named.participant : resolver.add(participantFromHeader(entry.name, entry.hint, meta.company ?? meta.ticker), line.number, line.text);
        resolver.alias(entry.label, person);
      }
      k = legend.next - 1;
      continue;
    }
    if (!isKeyValueMeta(line.text) && prefixOf(line.text)) {
      // A list line this reader cannot read, with more entries under it: the list ends here, and says so.
      if (listKind !== null && resolver.hasList && nextIsListEntry(lines, k + 1, listKind, meta.company ?? meta.ticker)) {
        warnings.push({ line: line.number, message: `participants list taken to end at ${quoteLine(line.text)}, a line it cannot read as "Name - Title": the entries under it are read as the call's words` });
      }
      break;
    }
    // "Good morning and welcome to…" before any label is someone speaking, not a title line (the body refuses it).
    if (!isKeyValueMeta(line.text) && readsAsSpeech(line.text)) break;
    listKind = null;
    // A Markdown heading ("# Crestview Foods Q1 2025 Earnings Call") is a title line.
    const plain = /^#{1,6}\s/.test(line.text) ? { ...line, text: line.text.replace(/^#{1,6}\s+/, '') } : line;
    // "Fenwick Tools Inc." over "First Quarter 2025 Earnings Conference Call": the company's name over the title.
    if (titleLines.length === 1 && meta.company === null) meta.company = companyOverTitle(titleLines[0] as string, plain.text);
    titleLines.push(plain.text);
    if (!applyKeyValue(meta, plain)) applyTitleLine(meta, plain);
  }

  // Body: a "Name:" line opens a paragraph (and a turn when the speaker changes); other lines
  // continue the open paragraph, or open a new one after a blank line.
  const collector = new TurnCollector(ctx.limits);
  const speakerCtx: SpeakerLineContext = { resolver, warnings, listName: 'the participants list', company: meta.company ?? meta.ticker, text: doc.text, turnBefore: () => (collector.current === null ? null : turnText(collector.current)) };
  const valued = valueLabels(lines, k);
  let section: Section = 'prepared_remarks';
  let sectionsKnown = false;
  let open: { start: number; end: number; line: Line } | null = null;
  let speaker: Participant | null = null;
  let qaLabels = 0;
  let qaLine: Line | null = null;
  const qaLetters = pairsQaLetters(lines, k);
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
    if (STAMP_ONLY.test(line.text)) {
      close();
      continue;
    }
    const qa = speaker !== null || sectionsKnown ? (QA_LABEL.exec(line.text) ?? (qaLetters ? QA_LETTER.exec(line.text) : null)) : null;
    if (qa?.groups) {
      close();
      // "Follow-up: And diesel?" marks a question as "Q:" does (it was a company speaker named "Follow-up").
      const role = QUESTION_MARKS.has(qa.groups.label!.toLowerCase()) || /^follow/i.test(qa.groups.label!) ? 'q' : 'a';
      const found = resolver.resolve(QA_SPEAKERS[role]);
      if (found.kind !== 'found') throw new Error('unreachable: an "Unidentified …" speaker always resolves');
      qaLabels++;
      qaLine ??= line;
      collector.start(found.participant, section, null, line);
      speaker = found.participant;
      open = { start: line.start + qa[0].length, end: line.end, line };
      continue;
    }
    // "Retail Bank: deposits grew…" in the CFO's words, a segment her own turn has named: a run-in heading of hers, never a speaker.
    const runIn: boolean = speaker !== null && speaker.side !== 'operator' && runInHeading(line.text, collector.turns[collector.turns.length - 1], resolver);
    // "Bank of Somewhere: …" after the operator's "…comes from Bank of Somewhere" (or again later): a firm's label, no person's.
    const firm: { name: string; restOffset: number } | null = runIn ? null : firmPrefix(line.text, collector.turns[collector.turns.length - 1], resolver);
    const firmSpeaker: Participant | null = firm === null ? null : speakerOfFirm(speakerCtx, line, firm.name);
    if (firm !== null && firmSpeaker !== null) {
      close();
      if (firmSpeaker !== speaker) collector.start(firmSpeaker, section, null, line);
      speaker = firmSpeaker;
      if (line.start + firm.restOffset < line.end) open = { start: line.start + firm.restOffset, end: line.end, line };
      continue;
    }
    const written = runIn ? null : prefixOf(line.text);
    // "Gross Margin: 41.2%" inside the CFO's words is no speaker (unless the list names it).
    const prefix = written && valued.has(mentionKey(written.name, { caseSensitive: true })) && resolver.resolve(written.name, written.hint).kind === 'none' ? null : written;
    if (prefix) {
      close();
      // "Analyst:" names no one: the "Unidentified Analyst" (side known, never inferred).
      const found = resolver.resolve(unnamedRoleLabel(prefix.name) ?? prefix.name, prefix.hint);
      let who: Participant;
      if (found.kind === 'found') {
        who = found.participant;
        // Met before with no side ("Alan Marsh:" in the remarks), now marked "A - Alan Marsh:": the mark says it.
        if (prefix.mark !== null && who.side === 'unknown' && who.sideSource === 'unknown' && unidentifiedSide(who.name) === null) Object.assign(who, markedDraft(who, prefix.mark, null), { title: who.title, firm: who.firm });
      } else if (found.kind === 'ambiguous') ambiguousSpeaker(line, prefix.name, found.candidates);
      else {
        const before = collector.turns[collector.turns.length - 1];
        // "Piper Sandler: …" right after "…from Hugo Brandt with Piper Sandler", no list to name him: Hugo Brandt, never a person
        // "Piper Sandler" (with a list, the listed analysts of the firm decide: speaker-lines.ts).
        const ofFirm = prefix.hint === null && !resolver.hasList && before !== undefined ? analystIntroducedWithFirm(speakerCtx, line, prefix.name, turnText(before)) : null;
        const draft = participantFromHeader(prefix.name, prefix.hint, meta.company ?? meta.ticker);
        // "Hugo Brandt (Piper Sandler)" right after "…from Hugo Brandt with Piper Sandler": the firm the operator gave him, no title.
        const introduced = prefix.hint !== null && draft.side === 'unknown' && before !== undefined && isIntroducedFirm(turnText(before), draft.name, prefix.hint);
        who = ofFirm ?? addUnlistedSpeaker(speakerCtx, line, markedDraft(introduced ? { ...draft, title: null, firm: draft.title } : draft, prefix.mark, prefix.hint));
      }
      if (who !== speaker) collector.start(who, section, prefix.startTime, line);
      speaker = who;
      const start = line.start + prefix.restOffset;
      if (start < line.end) open = { start, end: line.end, line };
      continue;
    }
    if (speaker === null) {
      throw new TranscriptFormatError(line.number, `expected a paragraph opening with "Name:", found ${quoteLine(line.text)}`, { lineText: line.text });
    }
    // A label this reader cannot read that starts with someone's name ("Maria Lopez {CEO}: …") is
    // refused: taken for words, it would put her words under whoever spoke before.
    const label = open === null ? /^([^:]{3,60}):\s/u.exec(line.text)?.[1] : undefined;
    const named = label === undefined ? null : labelStartingWithName(resolver, label);
    if (named) {
      throw new TranscriptFormatError(line.number, `cannot read the speaker label ${quoteLine(label as string)} (it starts with "${named.name}"): write it as "Name:" or "Name (Title):"`, {
        lineText: line.text,
      });
    }
    // "[00:05:12] And on pricing…": a paragraph's own time stamp (Descript, Trint) is not words.
    const stamped: RegExpExecArray | null = open === null ? /^\[(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\]\s+/.exec(line.text) : null;
    if (open === null) open = { start: line.start + (stamped?.[0].length ?? 0), end: line.end, line };
    else open.end = line.end;
  }
  close();
  collector.finish();
  if (qaLine !== null) {
    warnings.push({ line: qaLine.number, message: `${qaLabels} "Q:" / "A:" paragraph${qaLabels === 1 ? '' : 's'} name no one: under "${QA_SPEAKERS.q}" / "${QA_SPEAKERS.a}"` });
  }
  if (sectionsKnown && !collector.turns.some((t) => t.section === 'qa')) {
    warnings.push({ line: null, message: 'section headings name no Q&A: every turn is prepared remarks' });
  }

  return assembleCall(
    { layout: 'name-colon', meta, participants: resolver.list(), turns: collector.turns, source: doc.text, sectionsKnown, fileName: doc.fileName, lastLine: lines.length },
    { id: ctx.id },
    warnings,
  );
}

export const nameColonLayout: TranscriptLayout = { name: 'name-colon', detect, parse };
