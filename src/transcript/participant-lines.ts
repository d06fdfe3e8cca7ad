/**
 * Participant lines ("Name - Title", "Name - Firm, Division", "Name -- Firm -- Analyst") and the
 * title/firm line under a speaker's name: what they say about a person's side.
 */
import { looksLikeName, nameWords, splitNameHint, withNameSuffixJoined } from './names.js';
import { isRoleLabel } from './role-labels.js';
import { headerSized } from './lines.js';
import { looksLikeTitleLine, sideOfTitle, titleWords } from './titles.js';
import type { ParticipantDraft } from './speaker-resolver.js';
import type { Side, SideSource } from './types.js';

/** " -- ", " - ", " – ", " — " (spaced), in the order tried. */
const SEPARATORS: readonly string[] = [' -- ', ' \u2014 ', ' \u2013 ', ' - '];

/** Splits "Name <sep> rest [<sep> more]" on the first separator kind present. */
export function splitDashed(text: string): { name: string; parts: string[]; separator: string } | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  for (const sep of SEPARATORS) {
    const at = flat.indexOf(sep);
    if (at <= 0) continue;
    const name = flat.slice(0, at).trim();
    const parts = flat.slice(at + sep.length).split(sep).map((p) => p.trim());
    if (name === '' || parts.some((p) => p === '')) return null;
    return { name, parts, separator: sep.trim() };
  }
  return null;
}

/** "Alan Marsh<TAB>Chief Executive Officer" (a table's row copied from a PDF or Word): the cells, split as a dash splits them. */
export function splitTabbed(text: string): { name: string; parts: string[]; separator: string } | null {
  if (!text.includes('\t')) return null;
  const cells = text.split(/\t+/).map((c) => c.trim()).filter((c) => c !== '');
  if (cells.length < 2) return null;
  return { name: cells[0] as string, parts: cells.slice(1), separator: '\t' };
}

/** Splits an analyst's "Firm, Division" into its parts; the division is a trailing "… Division". */
export function splitFirm(rest: string): { firm: string; division: string | null } {
  const comma = rest.lastIndexOf(',');
  if (comma >= 0) {
    const tail = rest.slice(comma + 1).trim();
    if (/\bdivision$/i.test(tail)) return { firm: rest.slice(0, comma).trim(), division: tail };
  }
  return { firm: rest.trim(), division: null };
}

const ANALYST_WORD = /^(?:sell-side |equity |research |senior |managing |)(?:analyst|analista|analyste|analystin)$/iu;
/** The analyst's role written before their firm ("Analyst, Northgate Securities", "Research Analyst at Northgate"): not part of the firm. */
const ROLE_BEFORE_FIRM = /^(?:[\w-]+\s+)?analyst\s*(?:,|\s(?:at|with)\s)\s*/i;
/** The role written after the firm with a comma ("Piper Sandler, Analyst", "Jefferies LLC, Equity Research Analyst"): not part of the firm either. */
const ROLE_AFTER_FIRM = /\s*,\s*(?:[\w-]+\s+){0,2}(?:analyst|analista|analyste|analystin)$/iu;

export { looksLikeTitleLine, sideOfTitle } from './titles.js';

/**
 * "Alan Marsh (AM) - Chief Executive Officer": a list entry that gives the initials the transcript
 * labels its person with ("AM: …"). The entry without them, and the initials; null when the
 * brackets hold anything but the name's initials ("(CEO)" is a title).
 */
export function listedInitials(text: string): { text: string; initials: string } | null {
  // "OP - Owen Pryce, Chief Executive Officer", "OP: Owen Pryce": the key first, as a note-taker's speaker table writes it.
  const m =
    /^(?<name>[^()]+?)\s*\((?<initials>\p{Lu}{2,4})\)(?<rest>(?:\s*[-\u2013\u2014,:\t|]|\s*$).*)$/u.exec(text.trim()) ??
    /^(?<initials>\p{Lu}{2,4})(?:\s*[-\u2013\u2014:=|]\s*|\t+)(?<name>[^,;\t\u2013\u2014()]+?)(?<rest>(?:\s*[-\u2013\u2014,;:\t|]|\s*$).*)$/u.exec(text.trim());
  if (!m?.groups || !looksLikeName((m.groups.name as string).trim())) return null;
  const words = (m.groups.name as string).split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  const initials = m.groups.initials as string;
  const all = words.map((w) => w[0]).join('');
  const outer = words.length >= 2 ? `${words[0]?.[0]}${words.at(-1)?.[0]}` : null;
  if (initials !== all && initials !== outer) return null;
  // The key first: "Owen Pryce, Chief Executive Officer" after it is the entry "Owen Pryce - Chief Executive Officer".
  const rest = m.index === 0 && text.trim().startsWith(initials) ? (m.groups.rest as string).replace(/^\s*[,;]\s*/, ' - ') : (m.groups.rest as string);
  return { text: `${(m.groups.name as string).trim()}${rest}`, initials };
}

/** A person described by a speaker header's title/firm line (no participants list said who they are). */
/**
 * A name written in capitals ("MARIA O'NEIL-PARK", a transcript's shouting labels) as people write
 * it: "Maria O'Neil-Park". A label that is only initials ("AM", "RC", "JPM") or a role ("CEO") stays as written.
 */
export function nameAsWritten(name: string): string {
  if (!/\p{Lu}{2}/u.test(name)) return name;
  if (/\p{Ll}/u.test(name)) return surnameCapitalsCased(name);
  if (/^\p{Lu}{2}$|^[^\sAEIOUY]{2,4}$/u.test(name.trim()) || isRoleLabel(name)) return name.trim();
  const cased = name.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase());
  // "PIETER VAN DER BERG", "AHMAD BIN ISMAIL", "ROSS MCKINNON": particles inside a name in lower case, "Mc" before a capital
  // (they were "Pieter Van Der Berg", "Ahmad Bin Ismail", "Ross Mckinnon", never so written by the call).
  return cased
    .split(' ')
    .map((w, k, all) => (k > 0 && k < all.length - 1 && CASED_PARTICLES.has(w.toLowerCase()) ? w.toLowerCase() : w.replace(/^Mc(\p{Ll})/u, (_, c: string) => `Mc${c.toUpperCase()}`)))
    .join(' ');
}

/** Words in capitals a name keeps: a generation's numeral ("III"), a credential or a role ("CFA", "PhD" aside). */
const KEPT_CAPITALS = /^(?:[IVX]{1,4}|CFA|CPA|CAIA|MBA|PHD|ESQ|JR|SR|MD|CBE|OBE|MBE|KC|QC)\.?$/;

/**
 * A surname written in capitals after given names written as usual ("Owen PRYCE", "María José DE LA FUENTE", as
 * French and Spanish lists set them) as its owner writes it: "Owen Pryce", "María José de la Fuente". Only with a
 * word of three capitals or more and a word written as usual; a generation's numeral or a credential stays.
 */
function surnameCapitalsCased(name: string): string {
  const words = name.split(' ');
  const capitals = (w: string) => /^[\p{Lu}'’-]+$/u.test(w) && /\p{Lu}/u.test(w) && !KEPT_CAPITALS.test(w);
  const usual = words.some((w) => /^\p{Lu}[\p{Ll}'’]/u.test(w));
  const shouted = words.filter((w) => capitals(w) && (w.match(/\p{Lu}/gu) ?? []).length >= 3);
  if (!usual || shouted.length === 0) return name;
  const run = words.map((w) => capitals(w));
  return words
    .map((w, k) => {
      if (!run[k]) return w;
      // Two capitals ("DE", "LA") only beside a shouted word: a particle, else initials ("TJ") kept.
      const beside = (run[k - 1] && (words[k - 1]?.length ?? 0) >= 3) || (run[k + 1] ?? false);
      if (w.replace(/['’-]/g, '').length < 3 && !(beside && CASED_PARTICLES.has(w.toLowerCase()))) return w;
      if (CASED_PARTICLES.has(w.toLowerCase()) && k < words.length - 1) return w.toLowerCase();
      return nameAsWritten(w);
    })
    .join(' ');
}

/** Particles a name written in capitals has in lower case inside it, as its owner writes it. */
const CASED_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'dos', 'das', 'do', 'ter', 'ten', 'bin', 'binti', 'bint']);

/** A title written in capitals ("CHIEF FINANCIAL OFFICER") as people write it; abbreviations of three letters or fewer stay ("EVP & CFO"). */
export function titleAsWritten(title: string): string {
  if (!/\p{Lu}{4}/u.test(title) || /\p{Ll}/u.test(title)) return title;
  const small = new Set(['of', 'and', 'the', 'for', 'to', 'at']);
  return title.replace(/\p{L}+/gu, (w, at: number) => (small.has(w.toLowerCase()) && at > 0 ? w.toLowerCase() : w.length <= 3 ? w : w[0] + w.slice(1).toLowerCase()));
}

/** Whether a name is the call's company, as written or cut short ("Orrin Biotech" for "Orrin Biotech Inc."). */
export function namesCompany(name: string, company: string | null): boolean {
  const said = nameWords(name);
  const own = nameWords(company ?? '');
  return said.length > 0 && said.length <= own.length && said.every((w, k) => w === own[k]);
}

export function participantFromHeader(written: string, hint: string | null, company: string | null): ParticipantDraft {
  const name = nameAsWritten(written);
  // "Helen Voss (Orrin Biotech):" on Orrin Biotech Inc.'s call: the company's, with no title.
  if (hint !== null && namesCompany(hint, company)) return { name, title: null, firm: company, division: null, side: 'company', sideSource: 'header' };
  const titleLine = hint === null ? null : titleAsWritten(hint);
  const side: Side = titleLine === null ? 'unknown' : sideOfTitle(titleLine);
  const sideSource: SideSource = side === 'unknown' ? 'unknown' : 'header';
  if (side === 'analyst' && titleLine !== null) {
    const analystParts = titleLine.split(/\s+--?\s+|\s+[\u2013\u2014]\s+/);
    const firmText = analystParts.length > 1 && ANALYST_WORD.test(analystParts.at(-1) ?? '') ? analystParts.slice(0, -1).join(' - ') : titleLine;
    // "Analyst, Northgate Securities": the firm after the role.
    const { firm, division } = splitFirm(ANALYST_WORD.test(firmText) ? '' : firmText.replace(ROLE_BEFORE_FIRM, '').replace(ROLE_AFTER_FIRM, ''));
    return { name, title: null, firm: firm === '' ? null : firm, division, side, sideSource };
  }
  if (side === 'company') {
    // "Northwind Robotics, Inc. - Chief Operating Officer": the company, then the title.
    const dashed = splitDashed(`x - ${titleLine}`);
    if (dashed && dashed.parts.length === 2) return { name, title: dashed.parts[1] as string, firm: dashed.parts[0] as string, division: null, side, sideSource };
    // "Chief Executive Officer, Tallis Freight Corp" (a label in capitals: "OWEN PRYCE, CHIEF EXECUTIVE OFFICER, TALLIS FREIGHT CORP:"): the title, then the call's company.
    const comma = titleLine?.lastIndexOf(',') ?? -1;
    // The company as the label writes it, with its legal form or without ("…, Tallis Freight Corp" on a call the welcome names "Tallis Freight").
    const after = titleLine !== null && comma > 0 ? titleLine.slice(comma + 1).trim() : '';
    const title = titleLine !== null && comma > 0 && (namesCompany(after, company) || (company !== null && namesCompany(company, after))) ? titleLine.slice(0, comma).trim() : titleLine;
    return { name, title, firm: company, division: null, side, sideSource };
  }
  return { name, title: titleLine, firm: null, division: null, side, sideSource };
}

export type ListKind = 'company' | 'analysts' | 'participants';

/**
 * A participant from a list line, or null when the line is not one. Under a company heading the
 * rest is the title ("Company - Title" when it names the company); under an analysts heading,
 * "Firm, Division" or "Firm -- Analyst"; under a mixed heading, a trailing "Analyst" decides.
 */
export function participantFromListLine(written: string, kind: ListKind, company: string | null): ParticipantDraft | null {
  if (!headerSized(written)) return null;
  // "1. Alan Marsh - Chief Executive Officer", "(2) Rita Chen, CFO": a numbered list's entry.
  // "Robert Kaplan, Jr. - Chief Executive Officer": the suffix is the name's, not where it ends.
  const text = withNameSuffixJoined(written.replace(/^(?:\d{1,3}[.)]|\(\d{1,3}\))\s+(?=\p{Lu})/u, ''));
  const split = titleFirst(splitTabbed(text) ?? splitDashed(text) ?? commaSeparated(text, kind) ?? bracketed(text));
  if (!split || !looksLikeName(split.name, { digits: true })) return null;
  const { parts } = split;
  const name = nameAsWritten(split.name);
  const last = parts[parts.length - 1] as string;
  const analyst = kind === 'analysts' || (kind === 'participants' && (ANALYST_WORD.test(last) || (parts.length === 1 && mixedListSide(last, company) === 'analyst')));
  if (analyst) {
    // "Firm, Division", "Firm -- Analyst", or "Firm, Division - Their Title" (the title is not kept for analysts).
    const firmParts = ANALYST_WORD.test(last) ? parts.slice(0, -1) : parts.slice(0, 1);
    const { firm, division } = splitFirm(firmParts.join(' - ').replace(ROLE_BEFORE_FIRM, '').replace(ROLE_AFTER_FIRM, ''));
    return { name, title: null, firm: firm === '' ? null : firm, division, side: 'analyst', sideSource: 'listed' };
  }
  if (parts.length >= 2) {
    return { name, title: parts.slice(1).join(' - '), firm: parts[0] as string, division: null, side: 'company', sideSource: 'listed' };
  }
  // A mixed list that says neither a title nor a firm ("Jane Roe - Halvorsen"): the side is left to inference.
  if (kind === 'participants' && mixedListSide(last, company) === 'unknown') return { name, title: last, firm: null, division: null, side: 'unknown', sideSource: 'unknown' };
  // "Chief Executive Officer, Fenwick Tools Inc" (AlphaSense): the title, then the call's company.
  const comma = last.lastIndexOf(',');
  const title = comma > 0 && namesCompany(last.slice(comma + 1), company) ? last.slice(0, comma).trim() : last;
  return { name, title, firm: company, division: null, side: 'company', sideSource: 'listed' };
}

/**
 * "JANE ROE, Chief Executive Officer" / "JAKE MILLER, Barclays" (a PDF's list, no dash): a name of
 * two words or more, then a title (or, under an analysts heading, the firm).
 */
function commaSeparated(text: string, kind: ListKind): ReturnType<typeof splitDashed> {
  const at = text.indexOf(',');
  if (at <= 0) return null;
  const name = text.slice(0, at).trim();
  const rest = text.slice(at + 1).trim();
  if (rest === '' || name.split(/\s+/).length < 2 || !looksLikeName(name) || (kind !== 'analysts' && !looksLikeTitleLine(rest))) return null;
  return { name, parts: [rest], separator: ',' };
}

/** "Rita Chen (CFO)", "Kate Lowe (UBS)": the title or firm in brackets after the name. */
function bracketed(text: string): ReturnType<typeof splitDashed> {
  const { name, hint } = splitNameHint(text);
  return hint === null || name === text.trim() ? null : { name, parts: [hint], separator: '()' };
}

/**
 * "Chief Executive Officer — Jane Roe" (the Motley Fool lists the title first): the name is the
 * part that is not a title. Titles are capitalised words too, so only a first part that reads as
 * a title and a second that does not are swapped.
 */
function titleFirst(split: ReturnType<typeof splitDashed>): ReturnType<typeof splitDashed> {
  if (!split || split.parts.length !== 1) return split;
  const other = split.parts[0] as string;
  if (!looksLikeTitleLine(split.name) || looksLikeTitleLine(other) || !looksLikeName(other)) return split;
  return { ...split, name: other, parts: [split.name] };
}

/**
 * The side the detail of a mixed list's entry ("Participants": company people and analysts
 * together, no "Analyst" word) says: a title is the company's (so is the call's own company
 * named), a firm an analyst's; both or neither says nothing.
 */
function mixedListSide(detail: string, company: string | null): Side {
  const first = company?.split(/[\s,]+/)[0]?.toLowerCase();
  if (first && first.length > 2 && detail.toLowerCase().includes(first)) return 'company';
  const { executive, firm } = titleWords(detail);
  if (executive && !firm) return 'company';
  if (firm && !executive) return 'analyst';
  return 'unknown';
}
