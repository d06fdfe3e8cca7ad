/**
 * Lines that belong to the page a transcript was copied from, not to the call: a PDF's page
 * numbers, running headers and copyright footers (which land in the middle of a turn), and a web
 * page's furniture ("Listen to this article", "Advertisement", the Motley Fool's summary and
 * promotion blocks). They are blanked before the layout is detected, so a running header is never
 * read as a speaker line and a page break never splits a turn between two speakers; offsets are
 * kept (a blanked line is an empty line at the same place).
 */
import { TranscriptFormatError, quoteLine, type ImportWarning } from './format-error.js';
import { isTitleLike } from './header-meta.js';
import { headingOf, isSectionHeading } from './headings.js';
import { alternation, LEGAL_FORMS, ORGANISATION_WORDS } from './legal-forms.js';
import { headerSized, type Line } from './lines.js';
import { isOperatorName, looksLikeName, splitNameHint } from './names.js';
import { looksLikeTitleLine, splitDashed } from './participant-lines.js';

/** "Page 7 of 22", "Page 7", "- 7 -", "7 of 22", "7/22". */
const PAGE_NUMBER = /^(?:page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]|\d{1,4}\s*(?:of|\/)\s*\d{1,4})$/i;
/**
 * A running header or footer with its page number on the same line, after or before a separator:
 * "Acme Corp – Q1 2025 Earnings Call | April 24, 2025 | Page 2", "Acme Corp Q1 2025 Call    7",
 * "3 | Acme Corp Q1 2025 Earnings Call". Its text without the number recurs on every page.
 */
const NUMBERED_RUNNING_LINE =
  /^(?<before>\S.{2,160}?(?:\s+[|\u2022\u00b7\u2013\u2014-]\s*|\s{3,}|\t+))(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^(?:page\s*)?\d{1,4}(?<after>(?:\s*[|\u2022\u00b7\u2013\u2014-]\s+|\s{3,}|\t+)\S.{2,160})$/i;
/** How many pages a running line with its page number must be seen on. */
const MIN_NUMBERED_REPEATS = 2;
/** "©2025 Refinitiv. All rights reserved.", "Copyright (c) 2025 …". */
const COPYRIGHT = /^(?:\u00a9|\(c\)\s|copyright\b)/i;
/** The first non-blank lines of a file, where its title is. */
const HEADER_LINES = 5;
/** How many times a title line must recur to be a running header without a page number beside it. */
const MIN_TITLE_REPEATS = 3;
/** A page's own number, alone on its line, next to a running header. */
const BARE_NUMBER = /^\d{1,4}$/;
/** Web pages' furniture lines, whole lines only (never words someone could say as a paragraph of their own). */
const SITE_LINES =
  /^(?:listen to this article(?:\s*[·•(-].*)?|share(?: this article)?|save|print|copy link|advertisement|read more|story continues|continue reading|skip to main content|image source: the motley fool\.?|logo of jester cap with thought bubble\.?|need a quote from a motley fool analyst\?.*|see the \d+ stocks\s*\u00bb?)$/i;

/**
 * A news site's summary before the transcript — the Motley Fool's "TAKEAWAYS" / "RISKS" / "SUMMARY"
 * / "INDUSTRY GLOSSARY", Investing.com's "Key Takeaways" … "Q&A" — which ends at the line that
 * starts the transcript.
 */
const SUMMARY_HEADING =
  /^(?:(?:key )?(?:takeaways|risks|summary|industry glossary|key points)|company performance|financial highlights|earnings vs\.? forecast|market reaction|outlook (?:&|and) guidance|executive commentary|risks and challenges)$/i;
/** "Full Conference Call Transcript" (the Motley Fool), "Full transcript - Acme Corp (ACME) Q3 2025:" (Investing.com). */
const TRANSCRIPT_START = /^full (?:conference call |earnings call )?transcript(?:\s*[-\u2013\u2014:]\s*\S.{0,150})?$/i;
/** The Motley Fool's "DATE" label over the call's date. */
const DATE_LABEL = /^date$/i;
/** The Motley Fool's promotion inside a transcript: from its question to "*Stock Advisor returns as of …". */
const PROMO_START = /^(?:\d+ stocks we like better than\b.*|should you (?:invest \$[\d,]+ in|buy stock in)\b.*\?)$/i;
const PROMO_END = /^(?:\*?stock advisor returns as of\b.*|see the \d+ stocks\b.*)$/i;
/** Most lines a promotion block spans. */
const PROMO_LINES = 20;
/**
 * The publisher's closing matter after the call — terminal exports' "Definitions" / "Disclaimer"
 * headings, Bloomberg's "This transcript may not be 100 percent accurate…": from there to the
 * end of the file, when it comes in the file's second half.
 */
const END_MATTER = /^(?:(?:definitions|(?:legal |important )?disclaimer|disclosures?)\s*:?|this transcript may not be 100 percent accurate\b.*)$/i;
/** The Motley Fool's closing disclaimer, and the disclosure lines after it. */
const FOOL_DISCLAIMER = /^this article is a transcript of this conference call produced for the motley fool\b/i;
const FOOL_DISCLOSURE = /^the motley fool (?:has|recommends)\b/i;

const blank = (l: Line): Line => ({ ...l, end: l.start, text: '' });

/**
 * The lines that sit with the page numbers or copyright lines at `anchors`: each one's own run of
 * non-blank lines, and the runs just above and below it (one or two blank lines away) except
 * lines that could be a speaker's name or title ("Dana Whitfield", "Chief Executive Officer"), or
 * a speaker line with its title over the words ("Darius Okafor - Chief Financial Officer"): a
 * page break right before or after a speaker must never take the speaker's line with it. Each run is
 * visited once, so this is linear in the lines however many anchors there are.
 */
function nearAnchors(lines: readonly Line[], anchors: readonly number[]): Set<number> {
  // Runs of non-blank lines: run[k] is the index of line k's run, -1 for a blank line.
  const run: number[] = new Array<number>(lines.length).fill(-1);
  const runs: Array<{ from: number; to: number }> = [];
  for (let k = 0; k < lines.length; k++) {
    if ((lines[k] as Line).text === '') continue;
    if (k === 0 || run[k - 1] === -1) runs.push({ from: k, to: k + 1 });
    else (runs[runs.length - 1] as { to: number }).to = k + 1;
    run[k] = runs.length - 1;
  }
  const strict = new Set(anchors.map((k) => run[k] as number));
  const loose = new Set<number>();
  for (const r of strict) {
    const { from, to } = runs[r] as { from: number; to: number };
    if (r > 0 && from - (runs[r - 1] as { to: number }).to <= 2) loose.add(r - 1);
    if (r + 1 < runs.length && (runs[r + 1] as { from: number }).from - to <= 2) loose.add(r + 1);
  }
  const near = new Set<number>();
  for (const r of new Set([...strict, ...loose])) {
    const { from, to } = runs[r] as { from: number; to: number };
    for (let k = from; k < to; k++) {
      const text = (lines[k] as Line).text;
      if (strict.has(r) || !(looksLikeName(text) || (k === from && to - from > 1 && isSpeakerLineWithTitle(text)))) near.add(k);
    }
  }
  return near;
}

/**
 * "Darius Okafor - Chief Financial Officer" / "Jane Roe, CEO": a speaker line with the title (or
 * firm) written on it — not the call's title ("Acme Corp - Q2 2025 Earnings Call").
 */
function isSpeakerLineWithTitle(text: string): boolean {
  if (!headerSized(text) || isTitleLike(text)) return false;
  const dashed = splitDashed(text);
  if (dashed) return looksLikeName(dashed.name) && dashed.parts.every((p) => looksLikeTitleLine(p) || looksLikeName(p));
  const comma = text.indexOf(',');
  const name = text.slice(0, comma).trim();
  return comma > 0 && name.includes(' ') && looksLikeName(name) && looksLikeTitleLine(text.slice(comma + 1).trim());
}

/**
 * "Alan Marsh:" / "Operator:" alone on a line over the words (an IR site's PDF): a speaker's label,
 * which recurs beside page breaks whenever its speaker's turn starts a page — never a running header.
 */
function isSpeakerLabel(text: string): boolean {
  const label = /^(?<label>[^:]{1,80}?)\s*:$/u.exec(text)?.groups?.label;
  return label !== undefined && (isOperatorName(label) || looksLikeName(splitNameHint(label).name));
}

/** The lines to blank as a PDF's page furniture. */
function pdfFurniture(lines: readonly Line[]): Set<number> {
  const drop = new Set<number>();
  const anchors: number[] = [];
  lines.forEach((l, k) => {
    if (PAGE_NUMBER.test(l.text) || (COPYRIGHT.test(l.text) && l.text.length <= 200 && /\b(?:19|20)\d\d\b|all rights reserved/i.test(l.text))) anchors.push(k);
  });
  // The same header or footer line on every page, only its page number changing.
  const numbered = new Map<string, number[]>();
  lines.forEach((l, k) => {
    const m = NUMBERED_RUNNING_LINE.exec(l.text);
    const key = (m?.groups?.before ?? m?.groups?.after)?.replace(/\s+/g, ' ').trim().toLowerCase();
    if (key !== undefined) numbered.set(key, [...(numbered.get(key) ?? []), k]);
  });
  for (const ks of numbered.values()) if (ks.length >= MIN_NUMBERED_REPEATS) anchors.push(...ks);
  const occurrences = new Map<string, number[]>();
  lines.forEach((l, k) => {
    if (l.text === '' || !headerSized(l.text) || l.text.length > 160) return;
    const key = l.text.replace(/\s+/g, ' ').toLowerCase();
    const ks = occurrences.get(key);
    if (ks) ks.push(k);
    else occurrences.set(key, [k]);
  });
  // The call's title repeated at the top of every page, with no page number beside it: every
  // time but the first when that one is the file's header (which names the call).
  let headerEnd = lines.length;
  for (let k = 0, seen = 0; k < lines.length; k++) {
    if ((lines[k] as Line).text !== '' && ++seen > HEADER_LINES) {
      headerEnd = k;
      break;
    }
  }
  for (const ks of occurrences.values()) {
    if (ks.length < MIN_TITLE_REPEATS || !isTitleLike((lines[ks[0] as number] as Line).text)) continue;
    for (const k of (ks[0] as number) < headerEnd ? ks.slice(1) : ks) {
      drop.add(k);
      anchors.push(k);
    }
  }
  if (anchors.length === 0) return drop;
  for (const k of anchors) drop.add(k);
  // A running header/footer: a line that recurs, every time next to a page number or copyright line
  // — or the call's title in the file's header, repeated next to every page break after it (a
  // two-page PDF's running header, seen twice).
  const near = nearAnchors(lines, anchors);
  for (const ks of occurrences.values()) {
    if (ks.length < 2 || isSpeakerLabel((lines[ks[0] as number] as Line).text)) continue;
    if (ks.every((k) => near.has(k))) for (const k of ks) drop.add(k);
    else if ((ks[0] as number) < headerEnd && isTitleLike((lines[ks[0] as number] as Line).text) && ks.slice(1).every((k) => near.has(k))) for (const k of ks.slice(1)) drop.add(k);
  }
  for (const k of near) if (BARE_NUMBER.test((lines[k] as Line).text)) drop.add(k);
  return drop;
}

/** "Operator: …", "Maria Lopez: …", "Maria Lopez -- Chief Executive Officer": the label a line opens with. */
const OPENING_LABEL = /^(?<label>[^:\u2013\u2014]{1,60}?)\s*(?::|\s(?:--|\u2013|\u2014)\s)/u;

/**
 * Where the transcript starts after a news site's summary whose "Full Conference Call Transcript"
 * line is missing: the first line after the summary's last heading that opens with the operator,
 * with a name the page lists before the summary ("Chief Executive Officer — Maria Lopez"), or is a
 * section heading. Only for a summary of two headings or more in the file's first half (one
 * "Summary" line may be a slide's title inside the call). A summary with no such line after it is
 * refused: its "Capex: Money spent on plants" glossary lines cannot be told from speakers.
 * -1 when there is no summary.
 */
function startAfterSummary(lines: readonly Line[]): number {
  const headings: number[] = [];
  for (let k = 0; k < lines.length / 2; k++) if (SUMMARY_HEADING.test((lines[k] as Line).text)) headings.push(k);
  if (new Set(headings.map((k) => (lines[k] as Line).text.toLowerCase())).size < 2) return -1;
  const first = headings[0] as number;
  const last = headings[headings.length - 1] as number;
  const before = lines.slice(0, first).map((l) => l.text).join('\n');
  const listed = (label: string): boolean => looksLikeName(label) && new RegExp(`(?:^|[^\\p{L}])${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(before);
  for (let k = last + 1; k < lines.length; k++) {
    const text = (lines[k] as Line).text;
    if (text === '') continue;
    if (isOperatorName(text) || isSectionHeading(headingOf(text))) return k;
    const label = OPENING_LABEL.exec(text)?.groups?.label?.trim();
    if (label !== undefined && (isOperatorName(label) || listed(label))) return speechBefore(lines, last + 1, k);
  }
  const heading = lines[last] as Line;
  throw new TranscriptFormatError(
    heading.number,
    `the page's summary (${quoteLine(heading.text)}) is followed by no line where the transcript starts (such as "Full Conference Call Transcript", or the operator or a listed participant speaking): its "Term: definition" lines cannot be told from speakers`,
    { lineText: heading.text },
  );
}

/** Words a definition never has and a speaker's opening nearly always does. */
const SPEECH_WORDS = /\b(?:I|I'm|I'd|we|we're|we've|our|us|you|your|my|thank(?:s| you)?|welcome|good (?:morning|afternoon|evening|day)|hello)\b/i;

/**
 * `start`, once no line between the summary's last heading and it reads as someone speaking
 * ("Dana Whitfield: Good morning, and welcome…" from an unlisted speaker): that is refused rather
 * than left out with the summary or taken for a speaker the page never lists.
 */
function speechBefore(lines: readonly Line[], from: number, start: number): number {
  for (let k = from; k < start; k++) {
    const line = lines[k] as Line;
    const label = OPENING_LABEL.exec(line.text);
    if (label?.groups && looksLikeName(label.groups.label!.trim()) && SPEECH_WORDS.test(line.text.slice(label[0].length))) {
      throw new TranscriptFormatError(
        line.number,
        `${quoteLine(line.text)} reads as someone speaking, but comes in the page's summary before the transcript starts (no "Full Conference Call Transcript" line): cannot tell whether "${label.groups.label!.trim()}" is a speaker`,
        { lineText: line.text },
      );
    }
  }
  return start;
}

/** Most words a publisher's banner line has ("THOMSON REUTERS STREETEVENTS", "EDITED TRANSCRIPT"). */
const BANNER_WORDS = 5;

/** A company's legal form: "ACME CORP" over the title is the company, not a banner. */
const LEGAL_FORM = new RegExp(String.raw`\b(?:${alternation([...LEGAL_FORMS, ...ORGANISATION_WORDS].map((w) => w.toUpperCase()))})\b`);

/** A line in capitals and spaces only, no heading, title or company: a publisher's name or mark over the title. */
function isBanner(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length <= BANNER_WORDS && /^\p{Lu}[\p{Lu}\p{M} &:/-]*$/u.test(text) && !LEGAL_FORM.test(text) && headingOf(text) === null && !isTitleLike(text) && !isOperatorName(text);
}

/**
 * The publisher's banner over a terminal export's title ("THOMSON REUTERS STREETEVENTS" /
 * "EDITED TRANSCRIPT" over "AAPL.OQ - Q4 2019 Apple Inc Earnings Call"): the lines in capitals
 * above the file's first title line, when one comes within its first lines.
 */
function bannerLines(lines: readonly Line[]): number[] {
  const banner: number[] = [];
  for (let k = 0, seen = 0; k < lines.length && seen < HEADER_LINES; k++) {
    const text = (lines[k] as Line).text;
    if (text === '') continue;
    seen++;
    if (isTitleLike(text) && !isBanner(text)) return banner;
    if (!isBanner(text)) return [];
    banner.push(k);
  }
  return [];
}

/** The lines to blank as a web page's furniture. */
function siteFurniture(lines: readonly Line[]): Set<number> {
  const drop = new Set<number>(bannerLines(lines));
  lines.forEach((l, k) => {
    if (SITE_LINES.test(l.text)) drop.add(k);
  });
  const written = lines.findIndex((l) => TRANSCRIPT_START.test(l.text));
  if (written >= 0) drop.add(written);
  const start = written >= 0 ? written : startAfterSummary(lines);
  if (start >= 0) {
    const summary = lines.findIndex((l, k) => k < start && SUMMARY_HEADING.test(l.text));
    if (summary >= 0) for (let k = summary; k < start; k++) drop.add(k);
    for (let k = 0; k < start; k++) if (DATE_LABEL.test((lines[k] as Line).text)) drop.add(k);
  }
  for (let k = 0; k < lines.length; k++) {
    if (!PROMO_START.test((lines[k] as Line).text)) continue;
    let end = -1;
    for (let j = k + 1; j < Math.min(lines.length, k + PROMO_LINES); j++) if (PROMO_END.test((lines[j] as Line).text)) end = j;
    if (end < 0) continue;
    for (let j = k; j <= end; j++) drop.add(j);
    k = end;
  }
  const closing = lines.findIndex((l, k) => k >= lines.length / 2 && END_MATTER.test(l.text));
  if (closing >= 0) for (let k = closing; k < lines.length; k++) drop.add(k);
  const disclaimer = lines.findIndex((l) => FOOL_DISCLAIMER.test(l.text));
  if (disclaimer >= 0) {
    drop.add(disclaimer);
    for (let k = disclaimer + 1; k < lines.length && ((lines[k] as Line).text === '' || FOOL_DISCLOSURE.test((lines[k] as Line).text)); k++) drop.add(k);
  }
  return drop;
}

/** The lines with page and site furniture blanked, and a warning saying what was left out. */
export function withoutPageFurniture(lines: readonly Line[]): { lines: Line[]; warnings: ImportWarning[] } {
  const pdf = pdfFurniture(lines);
  const site = siteFurniture(lines);
  const dropped = [...new Set([...pdf, ...site])].filter((k) => (lines[k] as Line).text !== '').sort((a, b) => a - b);
  if (dropped.length === 0) return { lines: [...lines], warnings: [] };
  const drop = new Set(dropped);
  const first = lines[dropped[0] as number] as Line;
  const kinds = [[...pdf].some((k) => !site.has(k)) ? 'page numbers, running headers and footers' : null, [...site].some((k) => (lines[k] as Line).text !== '') ? "the publisher's own lines" : null].filter((k) => k !== null).join('; ');
  return {
    lines: lines.map((l, k) => (drop.has(k) ? blank(l) : l)),
    warnings: [{ line: first.number, message: `left out ${dropped.length} line${dropped.length === 1 ? '' : 's'} that belong to the page, not the call (${kinds}), the first ${JSON.stringify(first.text.slice(0, 60))}` }],
  };
}
