/**
 * The bundled layout and its everyday variants:
 *
 *   Amazon.com, Inc. (NASDAQ:AMZN) Q4 2025 Earnings Call Transcript   (title lines; date/time optional)
 *   Company Participants | Corporate Participants | Executives        (optional lists: "Name - Title")
 *   Conference Call Participants | Analysts                           ("Name - Firm[, Division]")
 *   Presentation | Prepared Remarks                                   (section headings, colon optional)
 *   Operator / Name + title line / paragraphs …
 *   Question-and-Answer Session | Questions and Answers
 *
 * A speaker block is a name line (a listed participant, also written with a nickname, an initial,
 * an honorific or without the middle name; "Operator"; "Unidentified Analyst"), for non-operators
 * usually followed by their title/firm line (or with it on the same line: "Name - Title",
 * "Name, Company - Title [3]"), then paragraphs separated by blank lines. Without a list,
 * speakers are met in their headers (name + title: the title says the side). Terminal exports'
 * rule lines ("=====", "-----") count as blank lines; their bulleted participants ("* Name" over
 * "Company - Title") are read as list entries.
 *
 * Offsets: `source.slice(p.start, p.end) === p.text` for every paragraph; the source is the file.
 */
import { assembleCall, TurnCollector } from '../call-assembly.js';
import { TranscriptFormatError, quoteLine, type ImportWarning } from '../format-error.js';
import { headingOf, isParticipantsHeading, isSectionHeading, type Heading } from '../headings.js';
import { companyOverTitle, isHeaderMetaLine, isKeyValueMeta, isTitleLike, readHeaderMeta } from '../header-meta.js';
import { headerSized, lineGroups, nextNonBlank, speakerBlocks, type Line } from '../lines.js';
import { isFirmIntroducedAnywhere, isIntroducedFirm, nameWithIntroducedFirm } from '../introduced-firm.js';
import { isInterjection, isOperatorName, isTermLabel, looksLikeName, nameThenComma, normaliseName, splitNameHint, withNameSuffixJoined } from '../names.js';
import { mentionKey, namesMentioned } from '../name-mentions.js';
import { looksLikeTitleLine, nameAsWritten, namesCompany, participantFromHeader, participantFromListLine, splitDashed, type ListKind } from '../participant-lines.js';
import { roleBeforeName } from '../role-first-labels.js';
import { matchesTitle, SpeakerResolver, type ParticipantDraft, type Resolution } from '../speaker-resolver.js';
import { firmInIntroduction, introducesQuestion, turnText } from '../structure.js';
import type { Participant, Section } from '../types.js';
import type { LayoutFit, LayoutOutput, ParseContext, SourceDoc, TranscriptLayout } from './layout.js';
import { addUnlistedSpeaker, ambiguousSpeaker, byPartOfName, unknownSpeaker, type SpeakerLineContext } from './speaker-lines.js';

const TITLE_EXAMPLE = '"Company (TICKER) Q4 2025 Earnings Call <date> <time>"';
/** Most non-blank lines a header (title, date, time…) may have before the first heading. */
const MAX_HEADER_LINES = 12;

const LIST_NAMES: Readonly<Record<ListKind, string>> = {
  company: 'the company participants',
  analysts: 'the conference call participants',
  participants: 'the participants list',
};

/** "Amara Okoye - Halden Capital Markets": a list line that is an entry of its own, never the title line of the name above it. */
function isOwnListEntry(text: string): boolean {
  const own = splitDashed(text);
  return own !== null && looksLikeName(own.name) && !looksLikeTitleLine(own.name);
}

/** Letters all in capitals ("HUGO BRANDT"), as a PDF's list sets the names over their titles and firms. */
function inCapitals(text: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/**
 * The line under a name in a list that is the name's firm though it has no firm's words
 * ("HUGO BRANDT" over "Piper Sandler", "Leila Moran" over "Jefferies"): the name in capitals over a
 * line that is not (the list sets names so), or the firm the operator introduces them with. It
 * was listed as a person "Piper Sandler", and the analyst's first words were his firm.
 */
function detailOfListedName(name: string, detail: string, lines: readonly Line[]): boolean {
  if (inCapitals(detail) || !headerSized(detail)) return false;
  const paragraphs = lines.map((l) => l.text).filter((t) => t.length > 40);
  // Not a person the operator introduces with a firm of their own ("…from Leila Moran with Jefferies").
  if (inCapitals(name)) return !paragraphs.some((p) => firmInIntroduction(p, detail) !== null);
  return isFirmIntroducedAnywhere(paragraphs, name, detail);
}

/**
 * A list entry whose name runs into the company or firm with a space only ("Owen Pryce Tallis Freight
 * Corp - CEO", "Hugo Brandt Piper Sandler - Analyst", as a StreetEvents list is copied): the name is
 * the words before the call's company, or before the firm the operator introduces that name with —
 * it was a participant "Owen Pryce Tallis Freight Corp", and the speaker a second Owen Pryce. The
 * entry as written otherwise.
 */
function withFirmApart(entry: string, company: string | null, lines: readonly Line[]): string {
  const dashed = splitDashed(entry);
  const words = dashed?.name.split(/\s+/) ?? [];
  if (dashed === null || words.length < 3 || !looksLikeName(dashed.name)) return entry;
  let paragraphs: string[] | null = null;
  for (let k = 2; k < words.length; k++) {
    const name = words.slice(0, k).join(' ');
    const firm = words.slice(k).join(' ');
    paragraphs ??= lines.map((l) => l.text).filter((t) => t.length > 40);
    // The company's name of two words or more, or whole ("William Clay Ford" at Ford Motor Company keeps his name).
    const ownCompany = namesCompany(firm, company) && (words.length - k >= 2 || firm.toLowerCase() === company?.toLowerCase());
    if (ownCompany || isFirmIntroducedAnywhere(paragraphs, name, firm)) return [name, firm, ...dashed.parts].join(' - ');
  }
  return entry;
}

/** A person's name alone on a list line (two words or more; not the operator, a heading or a title). */
function isBareListedName(text: string): boolean {
  return headerSized(text) && text.split(/\s+/).length >= 2 && looksLikeName(text) && !isInterjection(text) && !isOperatorName(text) && headingOf(text) === null && !looksLikeTitleLine(text) && !isTitleLike(text);
}

/** Whether the line after a list line is a paragraph of speech (the call started with that name line, no "Presentation" heading). */
function startsBody(lines: readonly Line[], i: number): boolean {
  const next = lines[nextNonBlank(lines, i + 1)];
  return next !== undefined && !headerSized(next.text);
}

/** Whether the line under a speaker's name is their title/firm line (not the first line of speech). */
function isTitleLineOf(participant: Participant, text: string): boolean {
  if (participant.side === 'operator') return false;
  return matchesTitle(participant, text) || looksLikeTitleLine(text);
}

/**
 * The line under a speaker's name when it is their title or firm ("Chief Financial Officer", a
 * listed firm), else null: the first line of their words ("Our bank facility is undrawn.") says
 * nothing of who they are, and taken for a title it would rule out the listed person (its "bank"
 * an analyst's word) or the one met before under a title.
 */
function titleLineUnder(name: string, nextLine: string | null, resolver?: SpeakerResolver): string | null {
  if (nextLine === null || looksLikeTitleLine(nextLine)) return nextLine;
  return resolver?.named(name).some((p) => matchesTitle(p, nextLine)) ? nextLine : null;
}

/**
 * The name on a speaker line and the title/firm written with it: the next line, or the rest of
 * the same line ("Andrew Jassy - President, CEO & Director", "Jane Roe, Chief Executive
 * Officer"). A trailing colon ("Operator:") is not part of the name.
 */
function speakerHeader(text: string, nextLine: string | null, resolver?: SpeakerResolver): { name: string; hint: string | null; titleInline: boolean } {
  // "Robert Kaplan, Jr. - Chief Executive Officer": the suffix is the name's, not where it ends.
  const bare = withNameSuffixJoined(text.replace(/\s*\[\d+\]$/, '').replace(/\s*:$/, ''));
  if (looksLikeName(bare) || isOperatorName(bare)) return { name: bare, hint: titleLineUnder(bare, nextLine, resolver), titleInline: false };
  // "Maria Lopez (Chief Executive Officer)", "Jake Miller (Barclays)".
  const paren = splitNameHint(bare);
  // "CEO (Owen Pryce)": the role first, the person in brackets.
  const roleFirst = roleBeforeName(paren.name, paren.hint);
  if (roleFirst) return { ...roleFirst, titleInline: true };
  if (paren.hint !== null && looksLikeName(paren.name) && !isInterjection(paren.name)) return { name: paren.name, hint: paren.hint, titleInline: true };
  // "Kenji Watanabe (via interpreter)": a note on how the words came, no title; one may be on the next line.
  if (paren.name !== bare.trim() && looksLikeName(paren.name) && !isInterjection(paren.name)) return { name: paren.name, hint: titleLineUnder(paren.name, nextLine, resolver), titleInline: false };
  // Two spaces or more separate a name from its firm or title as a tab does ("Alan Marsh  Fenwick Tools Inc - CEO", LSEG Workspace).
  const m = /^(?<name>[^,;\t|/\u2022\u00b7]{2,60}?)\s*(?:,|;|\t|\s--?\s|\s[\u2013\u2014|/\u2022\u00b7]\s|(?<=\S) {2,})\s*(?<rest>.+)$/u.exec(bare);
  const name = m?.groups?.name?.trim();
  const rest = m?.groups?.rest?.trim();
  // A title starts with a capital ("Chief Executive Officer", "Evercore ISI"); "our Chief Executive Officer, and …" is a sentence going on.
  if (name && rest && looksLikeName(name) && !isInterjection(name) && !/^\p{Ll}/u.test(rest) && looksLikeTitleLine(rest)) return { name, hint: rest, titleInline: true };
  // "Peter Lindqvist - Northgate": a firm or title without a firm's or a title's words is still
  // theirs when the list gives it to the person named (else the line would be taken for words).
  if (name && rest && resolver && !/^\p{Ll}/u.test(rest) && m?.[0].match(/\s(?:--?|[\u2013\u2014])\s|\t/u)) {
    const found = resolver.resolve(name, rest);
    if (found.kind === 'found' && matchesTitle(found.participant, rest)) return { name, hint: rest, titleInline: true };
  }
  return { name: bare, hint: nextLine, titleInline: false };
}

/**
 * The name of someone who speaks in the call that opens a line, followed by markup rather than a
 * sentence ("Yuki Mori {CFO}", "Yuki Mori | Finance"); null when the line opens with none.
 */
function nameOpeningLine(text: string, speaks: (name: string) => boolean): string | null {
  const words = text.trim().split(/\s+/);
  for (let n = Math.min(4, words.length - 1); n >= 2; n--) {
    const rest = words.slice(n).join(' ');
    if (!/^[[{<|/#*_~\u2022\u00b7]/u.test(rest)) continue;
    const name = words.slice(0, n).join(' ');
    if (looksLikeName(name) && !isInterjection(name) && speaks(name)) return name;
  }
  return null;
}

/** Whether a line ends where a sentence, a heading or a speaker line may end — not mid-sentence ("…With me today are"). */
function endsSentence(text: string): boolean {
  return /[.?!:;)\]"'\u201d\u2019\u2026>}*]$/u.test(text) || looksLikeName(text.replace(/\s*\{BIO\s+\d+\s*<GO>\}$/, '')) || looksLikeTitleLine(text) || headingOf(text) !== null || isOperatorName(text);
}

/** The analyst a question's introduction names in full ("…comes from Hugo Brandt with Piper Sandler"), with the firm it gives them; null when it does not. */
function askerIntroduced(introduction: string, name: string): { firm: string | null } | null {
  if (name.split(/\s+/).length < 2 || !introducesQuestion(introduction) || !introduction.includes(name)) return null;
  return { firm: firmInIntroduction(introduction, name) };
}

/** A line's end that closes a sentence, and a line's start that opens one. */
const SENTENCE_END = /[.?!\u2026"\u201d)\]]$/u;
const SENTENCE_START = /^[\p{Lu}\p{N}"\u201c\u2018([]/u;

/** Whether a line is a participant's name alone, given and family name ("Owen Pryce", "OWEN PRYCE"), as a name line writes it. */
function fullNameLine(text: string, participant: Participant): boolean {
  return looksLikeName(text) && text.trim().split(/\s+/).length >= 2 && normaliseName(text) === normaliseName(participant.name);
}

/** "Name -- Title" on one line: the free-transcript-site layout, not this one. */
function isDashSpeakerLine(text: string): boolean {
  const at = text.indexOf(' -- ');
  return at > 0 && headerSized(text) && looksLikeName(text.slice(0, at).trim());
}

/** A line that is only a time ("00:00:41", "[12:05]"), as call apps write it under a speaker's name. */
/** A role alone on the line under a speaker's firm ("Analyst", "Research Analyst"). */
const ROLE_LINE = /^(?:(?:sell-side|equity|research|senior|managing)\s+)?analyst$/i;
const TIME_LINE = /^[(\[]?(?<clock>(?:\d{1,2}:)?\d{1,2}:\d{2})(?:[.,]\d{1,3})?[)\]]?$/;

function clockSeconds(clock: string): number {
  return clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** "=====" / "-----" / "....." rule lines (terminal exports draw boxes with them) separate blocks like blank lines. */
const RULE_LINE = /^(?:[=\-_~*\u2500\u2550]{3,}|\.{5,})$/u;

/** Who asks and who answers, as terminals mark a Q&A speaker: "Q - Name" / "A - Name", "<Q - Name>:", a title line ending " Q" / " A". */
type QaMark = 'Q' | 'A';

/** Bloomberg's "{BIO 1234567 <GO>}" after a speaker's name. */
const BIO_TAG = /\s*\{BIO\s+\d+\s*<GO>\}$/;
/** Bloomberg's "Q - " / "A - " before a speaker's name. */
const QA_PREFIX = /^([QA])\s+-\s+/;
/** FactSet's " Q" / " A" closing the title line under a speaker's name. */
const QA_SUFFIX = /\s+([QA])$/;

/**
 * The document's lines with rule lines blanked and terminals' markers around a speaker's name
 * taken off the line (its span shrinks with it, so a line's text stays the source's slice), and
 * the Q&A marks those markers give, by the name line's number.
 */
function bodyLines(doc: SourceDoc): { lines: Line[]; marks: Map<number, QaMark> } {
  const marks = new Map<number, QaMark>();
  const lines = doc.lines.map((l, k): Line => {
    if (RULE_LINE.test(l.text)) return { ...l, end: l.start, text: '' };
    if (!headerSized(l.text)) return l;
    let line = l;
    const bio = BIO_TAG.exec(line.text);
    if (bio) line = { ...line, end: line.end - bio[0].length, text: line.text.slice(0, bio.index) };
    const qa = QA_PREFIX.exec(line.text);
    if (qa && (bio || looksLikeName(line.text.slice(qa[0].length)))) {
      marks.set(line.number, qa[1] as QaMark);
      line = { ...line, start: line.start + qa[0].length, text: line.text.slice(qa[0].length) };
    }
    const suffix = QA_SUFFIX.exec(line.text);
    const above = doc.lines[k - 1];
    if (suffix && above && looksLikeName(above.text.replace(BIO_TAG, '')) && looksLikeTitleLine(line.text.slice(0, suffix.index))) {
      marks.set(above.number, suffix[1] as QaMark);
      line = { ...line, end: line.end - suffix[0].length, text: line.text.slice(0, suffix.index) };
    }
    return line;
  });
  return { lines, marks };
}

/** "Operator: Good morning…" or CallStreet's "<Q - Jane Roe>: How…": a speaker and their first words on one line. */
const INLINE_SPEAKER = /^(?:<(?<qa>[QA])\s*-\s*(?<name>[^<>:]{2,60}?)\s*>|(?<operator>(?:the |conference )?operator))\s*:\s+(?=\S)/iu;

/** "Beatrix Holloway: Thank you…" (a news site's page): a name, a colon, and the first words on one line. */
const NAME_COLON = /^(?<name>[^:]{2,60}?)\s*:\s+(?=\S)/u;
/** Words after a label that read as a figure ("41.2%", "$80 million"): a "Label: value" line inside someone's words. */
const VALUE_WORDS = /^[\d$\u20ac\u00a3\u00a5%+\u2212-]/u;

/**
 * The person a "Name: words" line opens with, when the name is a participant's (or, in a call
 * whose turns are opened that way, anyone's): `found` resolves it, `named` is a person's name met
 * for the first time; null when the line does not open with a name and a colon.
 */
function nameColonLabel(text: string, resolver: SpeakerResolver): { name: string; length: number; found: Resolution } | null {
  const m = NAME_COLON.exec(text.slice(0, 120));
  const written = m?.groups?.name?.trim();
  if (!m || !written || VALUE_WORDS.test(text.slice(m[0].length))) return null;
  // "Alan Marsh — Chief Executive Officer: …", "Kate Lowe, UBS: …", "Rita Chen (CFO): …": the name, and the title or firm written with it.
  const titled = /^(?<name>[^,;\u2013\u2014()]{2,60}?)(?:\s+[-\u2013\u2014]\s+|\s*,\s*|\s*\()(?<hint>[^()]{2,80}?)\)?$/u.exec(written);
  const name = titled?.groups && looksLikeTitleLine(titled.groups.hint as string) ? (titled.groups.name as string).trim() : written;
  const hint = name === written ? null : (titled?.groups?.hint as string).trim();
  if (!looksLikeName(name) || isInterjection(name) || isTermLabel(name) || headingOf(name) !== null) return null;
  return { name, length: m[0].length, found: resolver.resolve(name, hint) };
}

/** A participant met under a Q&A mark: the asker is an analyst, the answerer is the company's. */
function participantFromMark(name: string, mark: QaMark, company: string | null): ParticipantDraft {
  const written = nameAsWritten(name);
  return mark === 'Q'
    ? { name: written, title: null, firm: null, division: null, side: 'analyst', sideSource: 'header' }
    : { name: written, title: null, firm: company, division: null, side: 'company', sideSource: 'header' };
}

/**
 * A list entry written "Name, Detail" (Bloomberg's "* Jane Roe, Chief Executive Officer") or on
 * two lines, the name over the detail (FactSet, Capital IQ), as the "Name - Title" / "Name -
 * Firm - Analyst" line the list reader takes; null when the name is not one.
 */
function listEntry(name: string, detail: string, kind: ListKind, company: string | null): string | null {
  if (!looksLikeName(name) || isInterjection(name)) return null;
  const analyst = kind === 'analysts' || (kind === 'participants' && /\banalyst\b/i.test(detail));
  if (!analyst) {
    // "Chief Executive Officer, Acme Corp.": the title, then the company the header names.
    const firstWord = company?.split(/\s+/)[0]?.toLowerCase();
    const comma = firstWord ? detail.toLowerCase().indexOf(`, ${firstWord}`) : -1;
    return comma > 0 ? `${name} - ${detail.slice(comma + 2).trim()} - ${detail.slice(0, comma).trim()}` : `${name} - ${detail}`;
  }
  // "Analyst, Morgan Stanley & Co. LLC" / "Morgan Stanley, Analyst" / "Analyst": the firm, if any.
  const firm = detail.replace(/^(?:[\w-]+\s+)?analyst\s*(?:,|\s-\s)\s*/i, '').replace(/\s*(?:,|\s-\s)\s*(?:[\w-]+\s+)?analyst$/i, '').trim();
  return /^(?:[\w-]+\s+)?analyst$/i.test(firm) || firm === '' ? `${name} - Analyst` : `${name} - ${firm} - Analyst`;
}

/** A header's first line: a title, or "Key: value" metadata as terminals write it ("Company Name: Acme Corp"). */
function isTitleOrKey(text: string): boolean {
  return isTitleLike(text) || isKeyValueMeta(text);
}

/** A firm's name alone: capitalised words, "&", "and", "of" between them ("Piper Sandler", "Bank of Somewhere"). */
const FIRM_WORDS = /^\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}&.'’-]*|&|and|of)){0,5}$/u;

/**
 * "Owen Pryce, Chief Executive Officer" / "Hugo Brandt, Piper Sandler" (a news page's name lines, no list): the name and
 * its title or firm — only a title, or a firm's capitalised words, after the comma ("Maria Castell, our CFO, will…" is words).
 */
function commaNameLine(text: string): { name: string; hint: string } | null {
  // A title or firm starts with a capital: "our Chief Executive Officer, and …" is a sentence going on.
  if (!headerSized(text) || text.length > 120) return null;
  const commaed = nameThenComma(text);
  // Nor does one go on after a comma or end on a small word: "Chief Financial Officer, will walk you" / "…Officer of the" is a wrapped sentence.
  if (commaed === null || commaed.name.split(/\s+/).length > 5 || /^\p{Ll}/u.test(commaed.hint) || /,\s*\p{Ll}/u.test(commaed.hint) || !/(?:^|\s)[\p{Lu}\p{N}][^\s]*$/u.test(commaed.hint)) return null;
  return looksLikeTitleLine(commaed.hint) || FIRM_WORDS.test(commaed.hint) ? commaed : null;
}

/** A line that is only a speaker's name ("Maria Lopez", "MARIA LOPEZ", "Operator"), a name with a title in parentheses, or after a comma. */
function bareNameLine(text: string): { name: string; hint: string | null } | null {
  if (!headerSized(text) || text.length > 120) return null;
  if (isOperatorName(text)) return { name: text, hint: null };
  const commaed = commaNameLine(text);
  if (commaed !== null) return commaed;
  const { name, hint } = splitNameHint(text);
  if (!looksLikeName(name) || isInterjection(name) || name.split(/\s+/).length > 5 || headingOf(name) !== null) return null;
  return { name, hint };
}

/**
 * Whether the call's turns are opened by bare name lines over the words, with no list to check
 * the names against ("Maria Lopez" / "Thank you. Our frozen meals…"): at least three such blocks
 * by at least two people, and a quarter of all blocks. A hard-wrapped paragraph whose first line
 * happens to be two capitalised words is far rarer than that.
 */
function isNameLed(lines: readonly Line[]): boolean {
  const groups = lineGroups(lines).filter((g) => headingOf((lines[g.from] as Line).text) === null);
  const led = groups.filter((g, k) => bareNameLine((lines[g.from] as Line).text) !== null && (g.to - g.from > 1 || (groups[k + 1] !== undefined && bareNameLine((lines[(groups[k + 1] as { from: number }).from] as Line).text) === null)));
  const names = new Set(led.map((g) => normaliseName((bareNameLine((lines[g.from] as Line).text) as { name: string }).name)).filter((n) => !isOperatorName(n)));
  return led.length >= 3 && names.size >= 2 && led.length * 4 >= groups.length;
}

/** "* Name" / "• Name": a bulleted participant whose company/firm and title follow on the next line. */
const BULLET = /^[*\u2022\u00b7]\s+(?<name>.+)$/u;

function detect(doc: SourceDoc): LayoutFit {
  const { lines } = bodyLines(doc);
  const reasons: string[] = [];
  let score = 0;
  const first = lines[nextNonBlank(lines, 0)];
  const second = first ? lines[nextNonBlank(lines, lines.indexOf(first) + 1)] : undefined;
  if (first && (isTitleOrKey(first.text) || (second !== undefined && companyOverTitle(first.text, second.text) !== null))) {
    score += 0.3;
    reasons.push(`title line at line ${first.number}`);
  }
  let listHeading: Line | null = null;
  let sectionHeading: Line | null = null;
  let blocks = 0;
  let dashLines = 0;
  let firstBlock: Line | null = null;
  for (const g of lineGroups(lines)) {
    const line = lines[g.from] as Line;
    // A heading opens its group — or stands on a line of its own inside one, in an export pasted without its blank lines.
    for (let k = g.from; k < g.to; k++) {
      const heading = headingOf((lines[k] as Line).text);
      if (isParticipantsHeading(heading) && !heading.colon) listHeading ??= lines[k] as Line;
      if (isSectionHeading(heading) && !heading.colon) sectionHeading ??= lines[k] as Line;
    }
    if (isDashSpeakerLine(line.text)) dashLines++;
    const second = g.to - g.from > 1 ? (lines[g.from + 1] as Line) : null;
    const isBlock = isOperatorName(line.text) || (looksLikeName(line.text) && !isInterjection(line.text) && second !== null && looksLikeTitleLine(second.text));
    if (isBlock && !line.text.includes(' -- ')) {
      blocks++;
      firstBlock ??= line;
    }
  }
  if (listHeading) {
    score += 0.2;
    reasons.push(`participants heading "${listHeading.text}" at line ${listHeading.number}`);
  }
  if (sectionHeading) {
    score += 0.2;
    reasons.push(`section heading "${sectionHeading.text}" at line ${sectionHeading.number}`);
  }
  if (blocks >= 2 && firstBlock) {
    score += 0.3;
    reasons.push(`${blocks} speaker blocks (name line, title line), the first at line ${firstBlock.number}`);
  }
  if (!listHeading && isNameLed(lines)) {
    score += 0.5;
    reasons.push('turns opened by bare speaker name lines over the words');
  }
  if (dashLines >= 2) {
    score = Math.max(0, score - 0.4);
    reasons.push(`but ${dashLines} "Name -- Title" speaker lines`);
  }
  let mismatch: LayoutFit['mismatch'] = null;
  if (!first) mismatch = { line: 1, expected: `a title line like ${TITLE_EXAMPLE}`, lineText: null };
  else if (!isTitleOrKey(first.text) && !listHeading && !sectionHeading) {
    mismatch = { line: first.number, expected: `a title line like ${TITLE_EXAMPLE}`, lineText: first.text };
  } else if (!sectionHeading) {
    const after = lines.find((l) => l.number > first.number && l.text !== '' && headingOf(l.text) === null && !isHeaderMetaLine(l.text));
    mismatch = { line: after?.number ?? first.number, expected: 'a participants list or a section heading ("Presentation", "Questions and Answers")', lineText: after?.text ?? null };
  }
  return { score: Math.min(1, score), reasons, mismatch };
}

function parse(doc: SourceDoc, ctx: ParseContext): LayoutOutput {
  const { lines, marks } = bodyLines(doc);
  const warnings: ImportWarning[] = [];
  let i = nextNonBlank(lines, 0);

  // Header: everything before the first heading (or, in a call led by name lines, before the first of them).
  const nameLed = isNameLed(lines);
  // In a call led by name lines, a name line over words is a speaker when it opens two blocks or
  // the call says the name ("…over to Maria Lopez"): "North America" over a wrapped paragraph is not.
  const nameLineCounts = new Map<string, number>();
  if (nameLed) {
    for (const g of lineGroups(lines)) {
      const bare = bareNameLine((lines[g.from] as Line).text);
      if (bare) nameLineCounts.set(normaliseName(bare.name), (nameLineCounts.get(normaliseName(bare.name)) ?? 0) + 1);
    }
  }
  const mentioned = nameLed
    ? namesMentioned(
        lines.filter((l) => l.text !== '' && bareNameLine(l.text) === null).map((l) => l.text),
        [...nameLineCounts].filter(([, n]) => n < 2).map(([name]) => name),
      )
    : new Set<string>();
  const vouchedFor = (name: string): boolean =>
    (nameLineCounts.get(normaliseName(name)) ?? 0) >= 2 || mentioned.has(mentionKey(name));
  let nameLedStart: Line | null = null;
  const headerLines: Line[] = [];
  while (i < lines.length && headingOf((lines[i] as Line).text) === null) {
    const line = lines[i] as Line;
    // "Tallis Freight Corp" over "Q3 2025 Earnings Call" opening the file is the company's name over the title, never a name line.
    const companyOverTitleLine = headerLines.length === 0 && line.text !== '' && companyOverTitle(line.text, (lines[nextNonBlank(lines, i + 1)] as Line | undefined)?.text ?? '') !== null;
    if (nameLed && line.text !== '' && bareNameLine(line.text) !== null && !isHeaderMetaLine(line.text) && !companyOverTitleLine) {
      nameLedStart = line;
      break;
    }
    if (line.text !== '') {
      if (headerLines.length >= MAX_HEADER_LINES || (headerLines.length > 0 && !isHeaderMetaLine(line.text))) {
        throw new TranscriptFormatError(line.number, `expected a participants list or a section heading ("Presentation", "Questions and Answers"), found ${quoteLine(line.text)}`, { lineText: line.text });
      }
      headerLines.push(line);
    }
    i++;
  }
  // "Fenwick Tools Inc." over "First Quarter 2025 Earnings Conference Call": the company's name over the title.
  const companyFirst = headerLines.length >= 2 && companyOverTitle((headerLines[0] as Line).text, (headerLines[1] as Line).text) !== null;
  if (headerLines.length > 0 && !isTitleOrKey((headerLines[0] as Line).text) && !companyFirst) {
    const line = headerLines[0] as Line;
    throw new TranscriptFormatError(line.number, `expected a title line like ${TITLE_EXAMPLE}, found ${quoteLine(line.text)}`, { lineText: line.text });
  }
  const meta = readHeaderMeta(headerLines);
  if (headerLines.length === 0) warnings.push({ line: null, message: 'no title line: company, quarter and date unknown' });

  // Participant lists.
  const resolver = new SpeakerResolver(ctx.limits);
  let heading: Heading | null = headingOf(lines[i]?.text ?? '');
  let listName = 'the participants list';
  let bodyWithoutHeading: Line | null = nameLedStart;
  while (i < lines.length && isParticipantsHeading(heading) && bodyWithoutHeading === null) {
    const kind = heading.kind;
    const headingLine = lines[i] as Line;
    listName = LIST_NAMES[kind];
    let count = 0;
    i++;
    for (; i < lines.length; i++) {
      const line = lines[i] as Line;
      if (line.text === '') continue;
      heading = headingOf(line.text);
      if (heading !== null) break;
      const bullet = BULLET.exec(line.text)?.groups?.name?.trim();
      let entry = line.text;
      const comma = bullet?.indexOf(',') ?? -1;
      const semicolon = bullet === undefined ? line.text.indexOf(';') : -1;
      const next = lines[nextNonBlank(lines, i + 1)];
      if (bullet !== undefined && !bullet.includes(' - ') && comma > 0 && listEntry(bullet.slice(0, comma).trim(), bullet.slice(comma + 1).trim(), kind, meta.company) !== null) {
        // "* Jane Roe, Chief Executive Officer".
        entry = listEntry(bullet.slice(0, comma).trim(), bullet.slice(comma + 1).trim(), kind, meta.company) as string;
      } else if (semicolon > 0 && listEntry(line.text.slice(0, semicolon).trim(), line.text.slice(semicolon + 1).trim(), kind, meta.company) !== null) {
        // "Jane Roe; Chief Executive Officer".
        entry = listEntry(line.text.slice(0, semicolon).trim(), line.text.slice(semicolon + 1).trim(), kind, meta.company) as string;
      } else if (
        bullet === undefined &&
        next !== undefined &&
        next.number === line.number + 1 &&
        headingOf(next.text) === null &&
        (looksLikeTitleLine(next.text) || detailOfListedName(line.text, next.text, lines)) &&
        !isOwnListEntry(next.text) &&
        resolver.resolve(line.text).kind === 'none' &&
        listEntry(line.text, next.text, kind, meta.company) !== null
      ) {
        // "Jane Roe" over "Chief Executive Officer, Acme Corp.": one entry on two lines.
        entry = listEntry(line.text, next.text, kind, meta.company) as string;
        i++;
      } else if (bullet !== undefined && !bullet.includes(' - ')) {
        // "* Dave Fildes" over "Amazon.com, Inc. - VP of IR": one entry on two lines.
        const next = lines[i + 1];
        if (next && next.text !== '' && headingOf(next.text) === null && !BULLET.test(next.text)) {
          entry = `${bullet} - ${next.text}`;
          i++;
        } else entry = `${bullet} - ${kind === 'analysts' ? 'Analyst' : 'Participant'}`;
      } else if (bullet !== undefined) entry = bullet;
      let draft = participantFromListLine(withFirmApart(entry, meta.company, lines), kind, meta.company);
      if (!draft && bullet === undefined && entry === line.text && isBareListedName(line.text) && resolver.resolve(line.text).kind === 'none' && !startsBody(lines, i)) {
        // "Peter Lindqvist" alone under "Conference Call Participants": listed, with no firm written.
        draft = { name: nameAsWritten(line.text), title: null, firm: null, division: null, side: kind === 'analysts' ? 'analyst' : kind === 'company' ? 'company' : 'unknown', sideSource: kind === 'participants' ? 'unknown' : 'listed' };
        warnings.push({ line: line.number, message: `participant "${line.text}" is listed with no ${kind === 'analysts' ? 'firm' : 'title'}` });
      }
      // The call may begin right after the lists, with no "Presentation" heading: "Operator", or a listed person's name line.
      if (!draft && count > 0 && bullet === undefined && headerSized(line.text) && (isOperatorName(line.text) || resolver.resolve(line.text).kind === 'found')) {
        bodyWithoutHeading = line;
        break;
      }
      if (!draft) {
        const example = kind === 'analysts' ? '"Name - Firm, Division"' : '"Name - Title"';
        throw new TranscriptFormatError(line.number, `expected a participant line like ${example} or a section heading, found ${quoteLine(line.text)}`, { lineText: line.text });
      }
      resolver.add(draft, line.number, line.text);
      count++;
    }
    // "Call Participants" over "Executives" / "Analysts": an umbrella heading lists nobody itself.
    if (count === 0 && !(kind === 'participants' && i < lines.length && isParticipantsHeading(heading) && heading.kind !== 'participants')) {
      throw new TranscriptFormatError(headingLine.number, `"${headingLine.text}" lists no participants`, { lineText: headingLine.text });
    }
    if (i >= lines.length) heading = null;
  }
  if (resolver.hasList) listName = 'the participants lists';
  else warnings.push({ line: null, message: 'no participants list: speakers are taken from their header lines' });

  if (bodyWithoutHeading) {
    heading = null;
    const after = nameLedStart ? 'the header' : 'the participants lists';
    warnings.push({ line: bodyWithoutHeading.number, message: `no "Presentation" heading: the call taken to start with ${quoteLine(bodyWithoutHeading.text)}, after ${after}` });
  } else if (i >= lines.length || !isSectionHeading(heading)) {
    const line = lines[i];
    throw new TranscriptFormatError(line?.number ?? lines.length, `expected a section heading ("Presentation" or "Questions and Answers"), found ${line ? quoteLine(line.text) : 'end of file'}`, {
      lineText: line?.text ?? null,
    });
  }

  // Body.
  const collector = new TurnCollector(ctx.limits);
  const speakerCtx: SpeakerLineContext = { resolver, warnings, listName, company: meta.company ?? meta.ticker, text: doc.text, turnBefore: () => (collector.current === null ? null : turnText(collector.current)) };
  let section: Section = heading?.kind === 'qa' ? 'qa' : 'prepared_remarks';
  let sawQa = section === 'qa';
  const bodyStart = bodyWithoutHeading ? i : i + 1;
  // A speaker line or section heading with no blank line before it still starts its own block.
  const startsBlock = (k: number, to: number): boolean => {
    const text = (lines[k] as Line).text;
    if (!headerSized(text)) return false;
    if (isSectionHeading(headingOf(text))) return true;
    if (INLINE_SPEAKER.test(text) || nameColonLabel(text, resolver)?.found.kind === 'found') return true;
    const next = k + 1 < to ? (lines[k + 1] as Line).text : null;
    // "Q - Hugo Brandt" / "Owen Pryce {BIO 1234567 <GO>}" (a terminal's marks): a speaker line wherever it stands.
    if (marks.has((lines[k] as Line).number) && looksLikeName(text)) return true;
    const header = speakerHeader(text, next, resolver);
    const found = resolver.resolve(header.name, header.hint);
    if (found.kind !== 'found') return false;
    // "Owen Pryce" alone over his words with no blank line between turns (an export pasted without its spacing): a
    // participant's full name, after a sentence's end and over a sentence's start, opens his turn — it was the words
    // of the speaker before.
    if (next !== null && fullNameLine(text, found.participant) && SENTENCE_END.test((lines[k - 1] as Line).text) && SENTENCE_START.test(next)) return true;
    // "Name, Title" after a line that stops mid-sentence continues that sentence (a hard-wrapped
    // paragraph: "With me today are" / "Dana Whitfield, our Chief Executive Officer, and …").
    if (header.titleInline && !endsSentence((lines[k - 1] as Line).text)) return false;
    return header.titleInline || isOperatorName(header.name) || /\[\d+\]$/.test(text) || (next !== null && isTitleLineOf(found.participant, next));
  };
  const blocks = speakerBlocks(lines, startsBlock, bodyStart);
  // Turns opened by "Name: words" lines (a news site's page): a listed person's label is their
  // turn, never words of the speaker before; once the call is written so, so is anyone's.
  const nameLabelled = blocks.some((g) => {
    const label = nameColonLabel((lines[g.from] as Line).text, resolver);
    return label?.found.kind === 'found' && label.found.participant.side !== 'operator';
  });
  // The section heading read since the last speaker line, if any: words under it continue no one.
  let headingLine: Line | null = null;
  for (const g of blocks) {
    let from = g.from;
    // Section headings (alone or at the top of a group).
    while (from < g.to) {
      const h = headingOf((lines[from] as Line).text);
      if (!isSectionHeading(h)) break;
      const line = lines[from] as Line;
      if (h.kind === 'prepared' || sawQa) throw new TranscriptFormatError(line.number, `unexpected ${quoteLine(line.text)} inside the call body`, { lineText: line.text });
      section = 'qa';
      sawQa = true;
      headingLine = line;
      from++;
    }
    if (from >= g.to) continue;
    const first = lines[from] as Line;
    // A time alone in its block ("Operator", then "00:00:10", then the words — a web page's time under the name):
    // the turn's start time when it opens the turn, nobody's words anywhere.
    const alone = from + 1 === g.to ? TIME_LINE.exec(first.text) : null;
    if (alone?.groups && collector.current !== null) {
      if (collector.current.paragraphs.length === 0) collector.current.startTime ??= clockSeconds(alone.groups.clock as string);
      continue;
    }
    const second = from + 1 < g.to ? (lines[from + 1] as Line) : null;
    const inline = headerSized(first.text.slice(0, 90)) ? INLINE_SPEAKER.exec(first.text.slice(0, 90)) : null;
    if (inline?.groups) {
      // The speaker and the first words on one line: the turn starts after the colon.
      const name = inline.groups.operator ?? (inline.groups.name as string).trim();
      const mark = inline.groups.qa?.toUpperCase() as QaMark | undefined;
      const found = resolver.resolve(name);
      let who: Participant;
      if (found.kind === 'found') who = found.participant;
      else if (found.kind === 'ambiguous') ambiguousSpeaker(first, name, found.candidates);
      else if (mark && looksLikeName(name) && !isInterjection(name)) who = addUnlistedSpeaker(speakerCtx, first, participantFromMark(name, mark, meta.company));
      else unknownSpeaker(speakerCtx, first, name);
      collector.start(who, section, null, first);
      headingLine = null;
      const start = first.start + inline[0].length;
      const end = (lines[g.to - 1] as Line).end;
      collector.paragraph({ start, end, text: doc.text.slice(start, end) }, first);
      continue;
    }
    const labelled = inline ? null : nameColonLabel(first.text, resolver);
    if (labelled && (labelled.found.kind !== 'none' || nameLabelled)) {
      let who: Participant;
      if (labelled.found.kind === 'found') who = labelled.found.participant;
      else if (labelled.found.kind === 'ambiguous') ambiguousSpeaker(first, labelled.name, labelled.found.candidates);
      else who = addUnlistedSpeaker(speakerCtx, first, participantFromHeader(labelled.name, null, meta.company));
      collector.start(who, section, null, first);
      headingLine = null;
      const start = first.start + labelled.length;
      const end = (lines[g.to - 1] as Line).end;
      collector.paragraph({ start, end, text: doc.text.slice(start, end) }, first);
      continue;
    }
    let speaker: Participant | null = null;
    let titleInline = false;
    // "Owen Pryce" / "Tallis Freight Corp" (/ "Chief Executive Officer"), an IR site's PDF: the company's line under the
    // name is no analyst's firm (read as one, it ruled out the listed executive) — a title under it says who they are.
    const companyLine = second !== null && looksLikeName(first.text) && namesCompany(second.text, meta.company);
    const third = companyLine && from + 2 < g.to ? (lines[from + 2] as Line) : null;
    const titleUnder = third !== null && looksLikeTitleLine(third.text) ? third : null;
    const under = titleUnder ?? second;
    if (headerSized(first.text)) {
      // In a call led by name lines, "Hugo Brandt, Piper Sandler" is the name and the firm as "Hugo Brandt (Piper Sandler)" is
      // (read as one name, it was no one's, and its block the words of the speaker before).
      const commaLine = nameLed && !looksLikeName(first.text) ? commaNameLine(first.text) : null;
      // Any other name and comma opening a block there ("Maria Castell, Chief Financial Officer, will walk you through") is a
      // wrapped sentence's first line, never a speaker line.
      const sentence = nameLed && commaLine === null && !looksLikeName(first.text) && nameThenComma(first.text) !== null;
      const header =
        commaLine !== null ? { ...commaLine, titleInline: true } : sentence ? { name: first.text, hint: null, titleInline: false } : speakerHeader(first.text, under?.text ?? null, resolver);
      titleInline = header.titleInline;
      const found = resolver.resolve(header.name, companyLine && titleUnder === null && !header.titleInline ? null : header.hint);
      // "Hugo Brandt, Piper Sandler" right after "…from Hugo Brandt with Piper Sandler": his line, the firm the operator gave him.
      const introduced = found.kind === 'none' && !looksLikeName(header.name) && collector.current !== null ? nameWithIntroducedFirm(first.text, turnText(collector.current)) : null;
      if (found.kind === 'found') speaker = found.participant;
      else if (found.kind === 'ambiguous') ambiguousSpeaker(first, header.name, found.candidates);
      else if (introduced !== null) {
        const known = resolver.resolve(introduced.name, introduced.firm);
        if (known.kind === 'ambiguous') ambiguousSpeaker(first, introduced.name, known.candidates);
        speaker = known.kind === 'found' ? known.participant : addUnlistedSpeaker(speakerCtx, first, { name: nameAsWritten(introduced.name), title: null, firm: introduced.firm, division: null, side: 'unknown', sideSource: 'unknown' });
        titleInline = true;
      } else if (looksLikeName(header.name) && !isInterjection(header.name)) {
        // "MARCUS BELL" over "Jefferies", the firm the operator just introduced him with: his firm line, not his words.
        const introduction = collector.current;
        const firmLine = !header.titleInline && second !== null && introduction !== null && isIntroducedFirm(turnText(introduction), header.name, second.text) ? second.text : null;
        const titled = (header.hint !== null && looksLikeTitleLine(header.hint)) || firmLine !== null;
        const mark = marks.get(first.number);
        // Without a list, a name line alone in its block is a speaker met for the first time (side
        // inferred later); with a list, a bare unknown name is refused rather than guessed.
        const bareSpeaker = !resolver.hasList && (second === null || commaLine !== null || (nameLed && bareNameLine(first.text) !== null && vouchedFor(header.name)));
        if (isTitleLike(header.name) || namesCompany(header.name, meta.company)) {
          throw new TranscriptFormatError(first.number, `${quoteLine(first.text)} reads as the call's title or company, not a speaker's name (a page's running header?)`, { lineText: first.text });
        }
        // "Maria" over her words once "Maria Castell" has spoken (the one participant going by it): her, as a "Maria:" label is.
        const part = !titled && !bareSpeaker && !mark && header.name.split(/\s+/).length === 1 ? byPartOfName(speakerCtx, first, header.name, null) : null;
        // "Hugo Brandt" over his question right after "…comes from Hugo Brandt with Piper Sandler", a list that names only the
        // company's people: the analyst the operator introduced (with a warning) — the file was refused as an unknown speaker.
        const asked = part === null && !titled && !bareSpeaker && !mark && introduction !== null ? askerIntroduced(turnText(introduction), header.name) : null;
        if (part === null && asked === null && !titled && !bareSpeaker && !mark) unknownSpeaker(speakerCtx, first, header.name);
        // A title in parentheses is the speaker's whatever it says ("Jake Miller (Barclays)").
        const hint = firmLine ?? (titled || (header.titleInline && header.hint !== null && (first.text.endsWith(')') || commaLine !== null)) ? header.hint : null);
        const draft =
          asked !== null
            ? { name: nameAsWritten(header.name), title: null, firm: asked.firm, division: null, side: 'analyst' as const, sideSource: 'header' as const }
            : hint !== null || !mark
              ? participantFromHeader(header.name, hint, meta.company)
              : participantFromMark(header.name, mark, meta.company);
        speaker = part ?? addUnlistedSpeaker(speakerCtx, first, draft);
      }
    }
    if (!speaker && headerSized(first.text) && !/[.?!:;,]$/.test(first.text)) {
      // "Yuki Mori {CFO}" opening a block: someone who speaks in this call, with markup this parser
      // cannot read — refused, never taken for the previous speaker's words.
      const named = nameOpeningLine(first.text, (name) => resolver.resolve(name).kind === 'found' || (nameLed && vouchedFor(name)));
      if (named !== null) {
        throw new TranscriptFormatError(first.number, `cannot read the speaker line ${quoteLine(first.text)} (it starts with "${named}"): write the name alone, or "Name - Title"`, { lineText: first.text });
      }
      // "Peter Lindqvist - Bluefin" opening a block: a listed person's name with something this
      // parser cannot read as their title — refused, never taken for the previous speaker's words.
      const dashed = splitDashed(first.text);
      if (dashed && !/^\p{Ll}/u.test(dashed.parts[0] ?? '') && resolver.resolve(dashed.name).kind === 'found') {
        throw new TranscriptFormatError(
          first.number,
          `${quoteLine(first.text)} starts with the speaker "${dashed.name}" but "${dashed.parts.join(' - ')}" is not their title or firm in ${listName}: cannot tell whether it is a speaker line`,
          { lineText: first.text },
        );
      }
    }
    let contentFrom = from;
    if (speaker) {
      // "HUGO BRANDT" / "Piper Sandler", listed with no firm: the firm the operator just introduced him with is no words of his.
      const before = collector.current;
      const introducedFirm = !titleInline && !companyLine && under !== null && speaker.firm === null && speaker.side !== 'company' && before !== null && before.speakerId !== speaker.id && isIntroducedFirm(turnText(before), speaker.name, under.text);
      const turn = collector.start(speaker, section, null, first);
      contentFrom = from + 1;
      if (companyLine) contentFrom++;
      if (!titleInline && (companyLine ? titleUnder !== null : under !== null && (isTitleLineOf(speaker, under.text) || introducedFirm))) contentFrom++;
      // "Hugo Brandt" / "Piper Sandler" / "Analyst": the role under the firm is no part of the words either.
      if (contentFrom > from + 1 && contentFrom < g.to && ROLE_LINE.test((lines[contentFrom] as Line).text)) contentFrom++;
      // "Alan Marsh" / "CEO" / "00:00:41" (Quartr and meeting tools): the turn's start time, not its first words.
      const stamp = contentFrom < g.to ? TIME_LINE.exec((lines[contentFrom] as Line).text) : null;
      if (stamp?.groups) {
        turn.startTime = clockSeconds(stamp.groups.clock as string);
        contentFrom++;
      }
    } else if (collector.current === null) {
      throw new TranscriptFormatError(first.number, `expected a speaker name line (a listed participant or "Operator"), found ${quoteLine(first.text)}`, { lineText: first.text });
    } else if (headingLine !== null) {
      // Words right under the Q&A heading with no speaker line of their own ("Hugo Brandt, Piper Sandler" over a question,
      // a line this layout cannot read as a speaker's): never the words of whoever spoke before the heading.
      throw new TranscriptFormatError(
        first.number,
        `${quoteLine(first.text)} follows the ${quoteLine(headingLine.text)} heading with no speaker line this layout reads: write the speaker's name line above it (Name, or Name - Title)`,
        { lineText: first.text },
      );
    }
    if (speaker) headingLine = null;
    if (contentFrom < g.to) {
      const start = (lines[contentFrom] as Line).start;
      const end = (lines[g.to - 1] as Line).end;
      collector.paragraph({ start, end, text: doc.text.slice(start, end) }, lines[contentFrom] as Line);
    }
  }
  collector.finish();
  // Analysts listed but no Q&A heading: the Q&A start is inferred from the operator's introductions.
  // Neither list nor headings (a call led by name lines): the Q&A start is inferred too.
  const sectionsKnown = sawQa || (nameLedStart === null && !resolver.list().some((p) => p.side === 'analyst'));

  return assembleCall(
    { layout: 'standard', meta, participants: resolver.list(), turns: collector.turns, source: doc.text, sectionsKnown, fileName: doc.fileName, lastLine: lines.length },
    { id: ctx.id },
    warnings,
  );
}

export const standardLayout: TranscriptLayout = { name: 'standard', detect, parse };
