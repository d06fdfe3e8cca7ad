/**
 * The free-transcript-site layout:
 *
 *   Amazon.com (AMZN 1.23%)                              (header: title, quarter, date lines)
 *   Q4 2025 Earnings Call
 *   Feb 5, 2026, 5:00 p.m. ET
 *   Prepared Remarks:
 *   Operator
 *   <paragraphs>
 *   Andy Jassy -- President and Chief Executive Officer   (a turn opens with "Name -- Title" …
 *   Mark Mahaney -- Evercore ISI -- Analyst              … or "Name -- Firm -- Analyst")
 *   Questions & Answers:
 *   …
 *   Call participants:                                   (the list comes at the END)
 *   Andy Jassy -- President and Chief Executive Officer
 *
 * " -- " also occurs inside ordinary paragraphs ("We grew -- and margins held -- in every
 * region"): a speaker line is the first line of a paragraph block whose part before " -- "
 * is a name, whose other parts are short and not sentences, and whose name is in the list (or,
 * when it is not, is recorded as a new participant with a warning). Lines after the list that
 * are not participants (site footers) are ignored with a warning.
 */
import { assembleCall, TurnCollector } from '../call-assembly.js';
import { TranscriptFormatError, quoteLine, type ImportWarning } from '../format-error.js';
import { headingOf, isParticipantsHeading, isSectionHeading } from '../headings.js';
import { readHeaderMeta } from '../header-meta.js';
import { headerSized, lineGroups, speakerBlocks, type Line } from '../lines.js';
import { isInterjection, isOperatorName, looksLikeName, unidentifiedSide, unnamedRoleLabel } from '../names.js';
import { participantFromListLine, splitDashed } from '../participant-lines.js';
import { SpeakerResolver } from '../speaker-resolver.js';
import { turnText } from '../structure.js';
import type { Participant, Section } from '../types.js';
import type { LayoutFit, LayoutOutput, ParseContext, SourceDoc, TranscriptLayout } from './layout.js';
import { addUnlistedSpeaker, ambiguousSpeaker, type SpeakerLineContext } from './speaker-lines.js';

/** Lines the site puts around the call that are nobody's words ("Duration: 62 minutes"). */
const SITE_FURNITURE = /^(?:duration:\s*\d+\s*minutes?|contents:)$/i;

const SPEAKER_SEPARATORS = new Set(['--', '\u2014', '\u2013']);

/** Most words the title/firm part of a speaker line has. */
const MAX_PART_WORDS = 10;

/** "Name -- Title" / "Name -- Firm -- Analyst" shape, or null. */
function speakerLine(text: string): { name: string; parts: string[] } | null {
  if (!headerSized(text) || !/ (?:--|\u2014|\u2013) /.test(text)) return null;
  const split = splitDashed(text);
  // "--" as the site writes it, or the em/en dash a copy through a word processor turns it into.
  if (!split || !SPEAKER_SEPARATORS.has(split.separator) || split.parts.length > 3) return null;
  if (!looksLikeName(split.name) || isInterjection(split.name)) return null;
  for (const part of split.parts) {
    if (!/^[\p{Lu}\p{N}]/u.test(part)) return null;
    if (part.split(/\s+/).length > MAX_PART_WORDS || /[?!;:]$/.test(part) || /[.]$/.test(part) && !/\b(?:inc|co|corp|ltd|llc|jr|sr)\.$/i.test(part)) return null;
  }
  return { name: split.name, parts: split.parts };
}

/** "Operator: Good morning…": the operator's name and a colon opening the line, and where its words start. */
function inlineOperator(text: string): { name: string; offset: number } | null {
  const m = /^(\p{L}+)\s*:\s+(?=\S)/u.exec(text);
  return m && isOperatorName(m[1]!) ? { name: m[1]!, offset: m[0].length } : null;
}

function isDashHeading(line: Line, kind?: 'prepared' | 'qa' | 'participants'): boolean {
  const h = headingOf(line.text);
  if (h === null || !h.colon) return false;
  if (kind === undefined) return isSectionHeading(h) || isParticipantsHeading(h);
  return kind === 'participants' ? isParticipantsHeading(h) : h.kind === kind;
}

function detect(doc: SourceDoc): LayoutFit {
  const reasons: string[] = [];
  let score = 0;
  const { lines } = doc;
  const prepared = lines.find((l) => isDashHeading(l, 'prepared') || isDashHeading(l, 'qa'));
  if (prepared) {
    score += 0.3;
    reasons.push(`section heading "${prepared.text}" at line ${prepared.number}`);
  }
  const groups = lineGroups(lines);
  const speakerGroups = groups.filter((g) => g.to - g.from === 1 && speakerLine((lines[g.from] as Line).text) !== null);
  if (speakerGroups.length >= 2) {
    score += 0.4;
    reasons.push(`${speakerGroups.length} speaker lines like "Name -- Title", the first at line ${(lines[(speakerGroups[0] as { from: number }).from] as Line).number}`);
  } else if (speakerGroups.length === 1) score += 0.15;
  const list = lines.find((l) => isDashHeading(l, 'participants'));
  if (list) {
    score += 0.3;
    reasons.push(`"${list.text}" list at line ${list.number}`);
  }
  const mismatch = prepared ? null : { line: lines.find((l) => l.text !== '')?.number ?? 1, expected: '"Prepared Remarks:" or "Questions & Answers:"', lineText: null };
  return { score: Math.min(1, score), reasons, mismatch };
}

function parse(doc: SourceDoc, ctx: ParseContext): LayoutOutput {
  const { lines } = doc;
  const warnings: ImportWarning[] = [];
  const headingAt = lines.findIndex((l) => isDashHeading(l, 'prepared') || isDashHeading(l, 'qa'));
  if (headingAt < 0) throw new TranscriptFormatError(1, 'expected a "Prepared Remarks:" or "Questions & Answers:" heading', { lineText: null });
  // No "Prepared Remarks:" heading before the Q&A's: the remarks start at the first speaker line
  // ("Operator", "Operator: Good morning…", "Name -- Title"), never silently taken for the header.
  const unheaded = isDashHeading(lines[headingAt] as Line, 'qa') ? lines.findIndex((l, k) => k < headingAt && (isOperatorName(l.text) || inlineOperator(l.text) !== null || speakerLine(l.text) !== null)) : -1;
  const firstSection = unheaded >= 0 ? unheaded : headingAt;
  if (unheaded >= 0) warnings.push({ line: (lines[unheaded] as Line).number, message: `no "Prepared Remarks:" heading: the remarks taken to start with ${quoteLine((lines[unheaded] as Line).text)}` });
  // The participants list: at the end as the site writes it, or at the top, before the remarks.
  const listAt = lines.findIndex((l) => isDashHeading(l, 'participants'));
  const listOnTop = listAt >= 0 && listAt < firstSection;
  const meta = readHeaderMeta(lines.slice(0, listOnTop ? listAt : firstSection).filter((l) => headingOf(l.text) === null));

  const resolver = new SpeakerResolver(ctx.limits);
  const bodyEnd = listAt < 0 || listOnTop ? lines.length : listAt;
  if (listAt >= 0) {
    let ignored: Line | null = null;
    let ignoredCount = 0;
    for (let k = listAt + 1; k < (listOnTop ? firstSection : lines.length); k++) {
      const line = lines[k] as Line;
      if (line.text === '') continue;
      const draft = ignored === null ? participantFromListLine(line.text, 'participants', meta.company) : null;
      if (draft && speakerLine(line.text)) resolver.add(draft, line.number, line.text);
      else {
        ignored ??= line;
        ignoredCount++;
      }
    }
    if (!resolver.hasList) throw new TranscriptFormatError((lines[listAt] as Line).number, `"${(lines[listAt] as Line).text}" lists no participants`);
    if (ignored) warnings.push({ line: ignored.number, message: `ignored ${ignoredCount} line${ignoredCount === 1 ? '' : 's'} after the participants list, from ${quoteLine(ignored.text)}` });
  } else {
    warnings.push({ line: null, message: 'no "Call participants:" list: speakers are taken from their "Name -- Title" lines' });
  }

  const collector = new TurnCollector(ctx.limits);
  const speakerCtx: SpeakerLineContext = { resolver, warnings, listName: '"Call participants:"', company: meta.company ?? meta.ticker, text: doc.text, turnBefore: () => (collector.current === null ? null : turnText(collector.current)) };
  let section: Section = 'prepared_remarks';
  // A speaker line (or "Operator") with no blank line before it still opens its own block.
  const startsBlock = (text: string): boolean => {
    if (isOperatorName(text) || inlineOperator(text) !== null || isDashHeading({ number: 0, start: 0, end: 0, text })) return true;
    const header = speakerLine(text);
    return header !== null && (!resolver.hasList || resolver.resolve(header.name, header.parts.join(' -- ')).kind === 'found');
  };
  const blocks = speakerBlocks(lines, (k) => startsBlock((lines[k] as Line).text), firstSection, bodyEnd);
  for (const g of blocks) {
    let from = g.from;
    while (from < g.to && isDashHeading(lines[from] as Line)) {
      const line = lines[from] as Line;
      const h = headingOf(line.text);
      if (h?.kind === 'qa') section = 'qa';
      else if (h?.kind === 'prepared') {
        if (section === 'qa') throw new TranscriptFormatError(line.number, `unexpected ${quoteLine(line.text)} after the Q&A`, { lineText: line.text });
      } else throw new TranscriptFormatError(line.number, `unexpected ${quoteLine(line.text)} inside the call body`, { lineText: line.text });
      from++;
    }
    if (from >= g.to) continue;
    const first = lines[from] as Line;
    if (from + 1 === g.to && SITE_FURNITURE.test(first.text)) continue;
    let speaker: Participant | null = null;
    const header = speakerLine(first.text);
    if (header) {
      const rest = header.parts.join(' -- ');
      const found = resolver.resolve(header.name, rest);
      if (found.kind === 'found') speaker = found.participant;
      else if (found.kind === 'ambiguous') ambiguousSpeaker(first, header.name, found.candidates);
      else {
        const draft = participantFromListLine(first.text, 'participants', meta.company);
        if (!draft) throw new TranscriptFormatError(first.number, `cannot read the speaker line ${quoteLine(first.text)}`, { lineText: first.text });
        speaker = addUnlistedSpeaker(speakerCtx, first, { ...draft, sideSource: 'header' });
      }
    } else if (isOperatorName(first.text)) {
      const found = resolver.resolve(first.text);
      speaker = found.kind === 'found' ? found.participant : null;
    } else if (headerSized(first.text) && (unidentifiedSide(first.text) !== null || unnamedRoleLabel(first.text) !== null)) {
      // "Unknown speaker" / "Analyst" on a line of its own, as the site writes a voice it could not name: that unnamed
      // speaker, never words of the analyst the operator introduced ("Unknown speaker" was the first line of his question).
      const found = resolver.resolve(unnamedRoleLabel(first.text) ?? first.text);
      speaker = found.kind === 'found' ? found.participant : null;
    }
    // "Operator: Good morning…": the operator's turn starts on the same line, after the colon.
    const inline = speaker === null ? inlineOperator(first.text) : null;
    if (inline) {
      const found = resolver.resolve(inline.name);
      if (found.kind === 'found') {
        collector.start(found.participant, section, null, first);
        const start = first.start + inline.offset;
        const end = (lines[g.to - 1] as Line).end;
        collector.paragraph({ start, end, text: doc.text.slice(start, end) }, first);
        continue;
      }
    }
    if (speaker) {
      collector.start(speaker, section, null, first);
      from++;
      if (from >= g.to) continue;
    } else if (collector.current === null) {
      throw new TranscriptFormatError(first.number, `expected a speaker line like "Name -- Title" or "Operator", found ${quoteLine(first.text)}`, { lineText: first.text });
    }
    const start = (lines[from] as Line).start;
    const end = (lines[g.to - 1] as Line).end;
    collector.paragraph({ start, end, text: doc.text.slice(start, end) }, lines[from] as Line);
  }
  collector.finish();

  return assembleCall(
    { layout: 'dash-header', meta, participants: resolver.list(), turns: collector.turns, source: doc.text, sectionsKnown: true, fileName: doc.fileName, lastLine: lines.length },
    { id: ctx.id },
    warnings,
  );
}

export const dashHeaderLayout: TranscriptLayout = { name: 'dash-header', detect, parse };
