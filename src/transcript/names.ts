/** What a person's name looks like on a speaker line, and the normal forms names are compared and identified in. */
import { foldWord } from './nicknames.js';

/** Lowercase, single-spaced: the key a name is looked up by. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Lowercase words without diacritics or dots: "Davé  O'Neil" → ["dave", "oneil"]. */
export function nameWords(name: string): string[] {
  return name
    .split(/[\s,]+/)
    .map(foldWord)
    .filter((w) => w !== '');
}

/** Stable ASCII slug: "Davé Fildes" → "dave-fildes". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Lowercase name particles allowed inside a name ("Ana de Souza", "Ludwig van Beek", "Jan-Willem
 * ter Horst", "Giulia degli Esposti", "Noor binti Ahmad", "Karl zu Salm").
 */
const NAME_PARTICLES = new Set([
  'de', 'del', 'della', 'delle', 'degli', 'dei', 'der', 'den', 'ter', 'ten', 'het', 'di', 'da', 'das', 'do', 'dos', 'du', 'la', 'le',
  'van', 'von', 'zu', 'zum', 'zur', 'af', 'av', 'bin', 'binti', 'bint', 'ibn', 'al', 'el', 'y', 'e',
]);
/** Whether a folded word is a name particle ("van", "der", "de", "bin"). */
export function isNameParticle(word: string): boolean {
  return NAME_PARTICLES.has(word.toLowerCase());
}
/** A particle written onto the surname with an apostrophe ("Jean-Luc d'Aubigné", "Marco dell'Orto", "Anne l'Huillier"). */
const ELIDED_PARTICLE = /^(?:d|l|dell|dall|degl|nell)['\u2019]\p{Lu}[\p{L}\p{M}'\u2019.\-]*$/u;

/** Most words a name line has ("Mark Stephen de la Mahaney Jr." is six). */
const MAX_NAME_WORDS = 6;

/**
 * A line that looks like a person's name: 1–6 capitalised words (initials, hyphens, apostrophes
 * and particles allowed), ending in a letter or an initial's dot, no sentence punctuation.
 * `digits` also admits digits inside words (a list line under a participants heading is a name
 * by position, whatever it is called).
 */
export function looksLikeName(text: string, opts: { digits?: boolean } = {}): boolean {
  // A tab separates a name from what follows it (a table's cells: "Alan Marsh<TAB>Chief Executive Officer"), never two of its words.
  if (text.length === 0 || text.length > 80 || text.includes('\t')) return false;
  const words = text.split(/\s+/);
  if (words.length > MAX_NAME_WORDS) return false;
  if (!/[\p{L}.]$/u.test(text) || /[.]{2}/.test(text)) return false;
  // A final dot closes an initial or a suffix ("Mark S.", "Jr."), not a sentence ("Answer.").
  if (text.endsWith('.') && !/(?:^|\s)(?:\p{Lu}|Jr|Sr|Dr|Mr|Ms|Mrs)\.$/u.test(text)) return false;
  const word = opts.digits ? /^\p{Lu}[\p{L}\p{M}\p{N}'\u2019.\-]*$/u : /^\p{Lu}[\p{L}\p{M}'\u2019.\-]*$/u;
  return words.every((w) => word.test(w) || NAME_PARTICLES.has(w) || ELIDED_PARTICLE.test(w));
}

/**
 * Words that open a short paragraph but never a name: "Okay Great", "Thanks Brian", "Got It"
 * look like names (capitalised words, no punctuation) yet are things people say.
 */
const INTERJECTIONS = new Set([
  'okay', 'ok', 'great', 'thanks', 'thank', 'sure', 'yes', 'yeah', 'yep', 'no', 'right', 'alright',
  'all', 'perfect', 'got', 'understood', 'excellent', 'wonderful', 'fantastic', 'terrific', 'awesome',
  'absolutely', 'hello', 'hi', 'hey', 'good', 'morning', 'afternoon', 'evening', 'bye', 'goodbye',
  'congratulations', 'congrats', 'appreciate', 'helpful', 'fair', 'cool', 'exactly', 'correct',
  'indeed', 'agreed', 'super', 'fine', 'nice', 'sounds', 'makes', 'well', 'so', 'and', 'but',
  'oh', 'ah', 'um', 'uh', 'wow', 'please', 'sorry', 'pardon', 'welcome', 'cheers', 'definitely',
  'certainly', 'of', 'very', 'much', 'that', "that's", 'this', 'it',
  // Words that open a point inside a speech, often before a colon ("Finally: we opened…"): never a speaker.
  'finally', 'first', 'firstly', 'second', 'secondly', 'third', 'thirdly', 'fourth', 'last', 'lastly', 'next',
  'also', 'additionally', 'importantly', 'however', 'overall', 'again', 'specifically', 'today', 'now',
  'here', 'remember', 'note', 'meanwhile', 'therefore', 'similarly', 'in', 'on', 'for', 'to', 'as', 'at',
  'revenue', 'revenues', 'guidance', 'outlook', 'margins', 'highlights', 'bottom', 'result', 'results',
]);

/** True for a short line that is something said ("Okay Great", "Thanks Brian"), not a name. */
export function isInterjection(text: string): boolean {
  const first = text.split(/\s+/)[0] ?? '';
  return INTERJECTIONS.has(foldWord(first.replace(/[,!.]+$/, '')));
}

/**
 * Sounds transcripts and captions put in brackets ("[Music]", "[inaudible]"), and the editor's
 * notes transcripts put there ("[Operator Instructions]", "[Technical Difficulty]"): not speakers' names.
 */
const SOUND_TAGS =
  /^(?:(?:operator instructions|technical (?:difficulty|issues?)|break in transmission|audio (?:gap|cut|dropped|drop|interrupted)|phonetic|sic|ph|multiple speakers|starts abruptly|call (?:ends|ended|dropped)|end of (?:call|recording|transcript)|recording (?:starts|begins|ends|stopped)|webcast|video (?:presentation|plays)|slide \d+|music|applause|laughter|laughs|laughing|inaudible|indiscernible|indistinct|crosstalk|cross talk|silence|pause|noise|background|static|foreign|no audio|audio|video|cough|coughs|coughing|cheering|cheers|beep|beeping|ringing|phone|door|bell|technical difficulties|unintelligible|blank audio|blank_audio|speaking|singing|overlapping|sighs?|clears throat|chuckles?)\b.*|.*\b(?:music|plays|playing|continues|ends|speaking|chatter|noise|inaudible)$)/i;

/** Whether a bracketed label ("[Music]", "[UPBEAT MUSIC PLAYS]", "[Operator Instructions]") describes a sound or is an editor's note, not a speaker. */
export function isSoundTag(text: string): boolean {
  return SOUND_TAGS.test(text.trim());
}

/** Speakers transcripts use without listing them, and the side their name implies. */
const UNIDENTIFIED_SPEAKERS: ReadonlyArray<[RegExp, 'analyst' | 'company' | 'unknown']> = [
  // "Unverified Participant": FactSet's label for a voice it could not put a name to.
  [/^(?:unidentified|unknown|unverified) (?:participant |speaker )?analyst$/i, 'analyst'],
  [/^(?:unidentified|unknown|unverified) (?:company )?(?:representative|executive|spokesperson|company speaker)$/i, 'company'],
  [/^(?:unidentified|unknown|unverified|male|female) (?:speaker|participant|person|male|female|caller|voice)(?: \d+)?$/i, 'unknown'],
  // Numbered askers, as transcripts of Japanese companies' briefings write them ("Questioner 1", "Participant 2"): one each, never merged.
  [/^(?:questioner|analyst) ?\d{1,3}$/i, 'analyst'],
  [/^(?:participant|caller|attendee|audience member) ?\d{1,3}$/i, 'unknown'],
  // An interpreter speaks for an executive or for an analyst asking in another language: no side.
  [/^(?:the )?(?:(?:simultaneous|company|conference) )?(?:interpreter|translator)$/i, 'unknown'],
];

/** The side an "Unidentified …" name line implies, or null when it is not one. */
export function unidentifiedSide(text: string): 'analyst' | 'company' | 'unknown' | null {
  const normal = normaliseName(text);
  for (const [pattern, side] of UNIDENTIFIED_SPEAKERS) if (pattern.test(normal)) return side;
  return null;
}

/**
 * A bare role written as a "Name:" label ("Analyst:", "Company Representative:", "Participant:")
 * as the "Unidentified …" speaker it stands for; null for anything else. Only for labels: a title
 * line under a name ("Analyst, Barclays") is not a speaker.
 */
export function unnamedRoleLabel(text: string): string | null {
  const normal = normaliseName(text);
  if (/^(?:analyst|questioner)$/.test(normal)) return 'Unidentified Analyst';
  if (/^(?:company (?:representative|speaker|spokesperson)|management|corporate representative)$/.test(normal)) return 'Unidentified Company Representative';
  if (/^(?:participant|caller|audience member)$/.test(normal)) return 'Unidentified Participant';
  return null;
}

/**
 * A meeting room's account as a meeting tool names its voice ("Board Room 3", "Tallis Freight Boardroom", "HQ-Conf",
 * "NYC Conf Rm 12", "Zoom Room"): whoever sits in that room, one person or several, of either side — never one
 * named person, nor a side the call's structure could give.
 */
export function isRoomAccount(text: string): boolean {
  return /(?<![\p{L}\p{N}])(?:board\s?room|room|conf(?:erence)?(?=[\s_-]*(?:room|rm|\d|$))|meeting\s?room|auditorium|polycom)(?![\p{L}])/iu.test(text.trim());
}

/** "Speaker 3": how speech-to-text tools name the voices they cannot name. */
export function isNumberedSpeaker(text: string): boolean {
  return /^speaker \d{1,4}$/i.test(text.trim()) || DIAL_IN_USER.test(text.trim()) || isPhoneNumber(text);
}

/** A meeting tool's label for someone who dialled in by phone: "Call-in User_2" (Zoom), "Dial-in User 3", "Phone User 1". */
const DIAL_IN_USER = /^(?:call[- ]?in|dial[- ]?in|phone|telephone)[ _-]?user[ _#-]*(?<n>\d{1,4})$/i;

/**
 * A phone number a meeting tool shows for a caller it cannot name: with its country code ("+1 212-555-0101", "+44 20
 * 7946 0000"), or as North America writes one ("(212) 555-0101", "212-555-0101") — never a date ("2025-10-23").
 */
function isPhoneNumber(text: string): boolean {
  const t = text.trim();
  return (/^\+\d[\d\s().-]{6,20}\d$/.test(t) && (t.match(/\d/g) ?? []).length >= 8) || /^(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}$/.test(t);
}

/**
 * A caller a meeting tool could not name, as its captions label them: "Call-in User_2" → "Call-in User 2", a phone
 * number as written. A voice of its own, numbered as diarized voices are and named as they are from the call's
 * hand-overs — its words were the speaker before's. Null for anything else.
 */
export function dialInSpeaker(text: string): string | null {
  const n = DIAL_IN_USER.exec(text.trim())?.groups?.n;
  if (n !== undefined) return `Call-in User ${Number(n)}`;
  return isPhoneNumber(text) ? text.trim().replace(/\s+/g, ' ') : null;
}

/**
 * A diarizing tool's speaker label as its text output writes it ("SPEAKER_00", "Speaker_1", "spk_0": pyannote,
 * WhisperX) as the numbered speaker it is ("Speaker 0"), or null when it is none.
 */
export function diarizedSpeaker(text: string): string | null {
  const n = /^(?:speaker|spk)(?:_|-)?(?<n>\d{1,3})$/i.exec(text.trim())?.groups?.n;
  return n === undefined ? null : `Speaker ${Number(n)}`;
}

/**
 * "Operator", "Conference Operator", "Conference Call Operator", "The Operator", "Moderator",
 * "Coordinator", "Host" / "Event Host" (a webcast platform's label for whoever runs the call); in a
 * call held in Spanish or Portuguese "Operador(a)", "Moderador(a)", in French "Opérateur" / "Opératrice",
 * in Italian "Operatore" / "Operatrice" / "Moderatore", in German "Operatorin" / "Moderatorin", in Swedish
 * "Operatör(en)", in Norwegian and Danish "Operatør(en)".
 */
export function isOperatorName(text: string): boolean {
  return /^(?:(?:the )?(?:(?:conference|event|teleconference|webcast|audio) )?(?:call )?(?:operator|moderator|coordinator|host)|operadora?|moderadora?|op[eé]rat(?:eur|rice)|operat(?:ore|rice|orin)|moderat(?:ore|rice|orin)|operat[öo]r(?:en)?|operat[øo]r(?:en)?|moderat[oø]r(?:en)?)$/i.test(text.trim());
}

/** "OP" (capitals, as written): the operator's label shortened to its initials. */
export function isOperatorInitials(text: string): boolean {
  return /^OP\.?$/.test(text.trim());
}

/** A name's initials, first and last word ("Owen Pryce", "Owen de la Pryce" → "OP"); "" for one word. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  return words.length < 2 ? '' : `${words[0]!.charAt(0)}${words.at(-1)!.charAt(0)}`.toUpperCase();
}

/**
 * The operator written with their own first name: "Operator Melissa", or "Melissa" with "Operator"
 * as the title ("Melissa (Operator):", "Melissa, Operator:", "Melissa - Operator") — the operator, never a
 * new person named "Operator Melissa" or "Melissa" on the company's side.
 */
export function isNamedOperator(text: string, hint: string | null): boolean {
  const name = text.trim();
  if (hint !== null && isOperatorName(hint)) return looksLikeName(name) && name.split(/\s+/).length <= 2;
  const m = /^(?<role>(?:the )?(?:conference )?(?:operator|moderator|coordinator))\s+(?<given>\p{Lu}[\p{Ll}'\u2019-]+)$/iu.exec(name);
  return m?.groups !== undefined && /^\p{Lu}/u.test(m.groups.given as string) && !isInterjection(m.groups.given as string);
}

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), or
 * `max + 1` as soon as it is known to exceed `max`. Two rows: O(|a|·|b|) time, O(|b|) memory.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (prev2[j - 2] as number) + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * How the words reached the transcript, written where a title would be ("via interpreter",
 * "Interpreted", "through a translator", "English translation", "in Japanese"): no title.
 */
const DELIVERY_NOTE =
  /^(?:(?:via|through|thru|with|by)\s+(?:an?\s+|the\s+)?(?:interpreter|interpretation|translator|translation)|(?:as\s+)?(?:interpreted|translated)(?:\s+from\s+\p{L}+)?|(?:\p{L}+\s+)?(?:interpretation|translation)|(?:in|speaking in|spoken in)\s+\p{L}+|original(?:\s+language)?)$/iu;

/**
 * What a meeting tool adds to a display name ("Owen Pryce (he/him)", "Hugo Brandt (External)",
 * "Leila Moran (Guest)", Zoom's pronouns, Teams' tags for people outside the organisation): not a
 * title or a firm.
 */
const DISPLAY_NAME_TAG = /^(?:(?:he|she|they|ze|xe)\s*\/\s*(?:him|her|them|they|he|she|hir|zir|his|hers|theirs)(?:\s*\/\s*\p{L}+)?|external|guest|unverified|me)$/iu;

/** Whether a bracketed note after a speaker's name says how their words were interpreted, or is a meeting tool's tag — not who they are. */
export function isDeliveryNote(hint: string): boolean {
  return DELIVERY_NOTE.test(hint.trim()) || DISPLAY_NAME_TAG.test(hint.trim());
}

/**
 * "Brandt, Hugo (Piper Sandler) (External)", "Owen Pryce (CEO) (he/him)": a meeting tool's tag or a delivery note
 * after the bracket that says who they are, taken away — the whole label was one name.
 */
function withoutTrailingTags(text: string): string {
  let rest = text;
  for (let m = /\s*[([](?<tag>[^()[\]]{1,40})[)\]]$/.exec(rest); m?.groups && m.index > 0 && /[)\]]$/.test(rest.slice(0, m.index)) && isDeliveryNote(m.groups.tag as string); ) {
    rest = rest.slice(0, m.index);
    m = /\s*[([](?<tag>[^()[\]]{1,40})[)\]]$/.exec(rest);
  }
  return rest;
}

/**
 * "Sam Lee (Chief Financial Officer)" or "Sam Lee [CFO]" → name and the title/firm written with
 * it ("Kenji Watanabe (via interpreter)" has none; "[00:01:23]" is a time, not a title).
 */
export function splitNameHint(text: string): { name: string; hint: string | null } {
  const written = withoutTrailingTags(text.trim());
  const m = /^(?<name>[^()]+?)\s*\((?<hint>[^()]{1,80})\)$/.exec(written) ?? /^(?<name>[^()[\]]+?)\s*\[(?<hint>[^[\]\d][^[\]]{0,79})\]$/.exec(written);
  if (!m?.groups) return { name: written, hint: null };
  const hint = (m.groups.hint as string).trim();
  return { name: (m.groups.name as string).trim(), hint: isDeliveryNote(hint) ? null : hint };
}

/**
 * A generational suffix or a credential written after a name with a comma ("Robert Kaplan, Jr. - Chief Executive
 * Officer", "Maria Castell, CPA (CFO)"): the suffix is the name's ("Robert Kaplan Jr."), the credential no part of it —
 * neither is a title or a firm, nor where the name ends (the comma made "Jr." the title, or the line no list entry).
 */
const SUFFIX_AFTER_COMMA = /^(?<name>\p{Lu}[^,\n:()[\]]{1,60}?),\s*(?:(?<suffix>Jr|Sr|JR|SR|II|III|IV)\.?|(?:Ph\.?\s?D|PhD|PHD|CFA|CPA|Esq)\.?)(?=$|\s|[,:(\[\t\-\u2013\u2014])/u;

/** A line opening with a name whose suffix or credential follows a comma, with the comma gone (the suffix kept, the credential dropped). */
export function withNameSuffixJoined(text: string): string {
  const m = SUFFIX_AFTER_COMMA.exec(text);
  if (!m?.groups || !looksLikeName((m.groups.name as string).trim())) return text;
  const suffix = m.groups.suffix;
  const name = (m.groups.name as string).trim();
  const joined = suffix === undefined ? name : `${name} ${suffix}${/^[JS]r$/i.test(suffix) ? '.' : ''}`;
  return joined + text.slice(m[0].length);
}

/** A name's suffix after a comma ("Oren Kaplan, Jr."), never a given name. */
const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv|phd|md|cfa|cpa|esq)\.?$/i;

/**
 * "Halvorsen, Sigrid" (a company directory's display name, as Teams and Outlook write a meeting's
 * speakers) as "Sigrid Halvorsen"; null unless the label is a surname (one word, or a particle
 * and one: "van Beek, Ludwig"), a comma and a given name of one or two words (not a title, a
 * suffix or something said).
 */
export function givenNameFirst(text: string, isTitle: (text: string) => boolean): string | null {
  const m = /^(?<surname>[^,]+),\s*(?<given>[^,]+)$/u.exec(text.trim());
  const surname = m?.groups?.surname?.trim();
  const given = m?.groups?.given?.trim();
  // One surname word ("Halvorsen"), or a particle and one ("van Beek"): "Jake Miller, Barclays" is a name and a firm.
  const surnameWords = surname?.split(/\s+/) ?? [];
  if (!surname || !given || surnameWords.length > 2 || (surnameWords.length === 2 && !NAME_PARTICLES.has((surnameWords[0] as string).toLowerCase())) || given.split(/\s+/).length > 2) return null;
  if (!looksLikeName(surname) || !looksLikeName(given) || NAME_SUFFIX.test(given) || isInterjection(given) || isTitle(given) || isTitle(surname) || isOperatorName(given)) return null;
  return `${given} ${surname}`;
}

/**
 * "Owen Pryce, Tallis Freight" / "Hugo Brandt, Piper Sandler" (a caption voice or a display name): a full name, then the title,
 * company or firm after a comma; null when the part before the comma is no full name ("Halvorsen, Sigrid" is a surname first;
 * "Robert Kaplan, Jr." keeps its suffix).
 */
export function nameThenComma(text: string): { name: string; hint: string } | null {
  const written = withNameSuffixJoined(text.trim());
  const m = /^(?<name>[^,]{3,60}?)\s*,\s*(?<hint>[^,]\S.{0,80})$/u.exec(written);
  const name = m?.groups?.name?.trim();
  const hint = m?.groups?.hint?.trim();
  if (name === undefined || hint === undefined || name.split(/\s+/).length < 2 || !looksLikeName(name) || isInterjection(name) || /[.?!]$/.test(hint)) return null;
  return { name, hint };
}

/** Titles written before a name on a speaker label ("CFO Jane Roe:", "President Jane Roe:"). */
const LEADING_TITLE = /^(?<title>(?:CEO|CFO|COO|CTO|CIO|CAO|CMO|CRO|EVP|SVP|VP|President|Chairman|Chairwoman|Chairperson|Chair|Analyst)(?:\s*(?:&|and|\/)\s*(?:CEO|CFO|COO|CTO|President|Chairman|Chair))?)\s+(?<name>.+)$/u;

/** "CFO Jane Roe" → the name and the title written before it; null when the label does not start with a title. */
export function splitLeadingTitle(text: string): { name: string; title: string } | null {
  const m = LEADING_TITLE.exec(text.trim());
  const name = m?.groups?.name?.trim();
  if (!m?.groups || !name || name.split(/\s+/).length < 2 || !looksLikeName(name) || isInterjection(name)) return null;
  return { name, title: m.groups.title as string };
}

/**
 * Words of the labels a speech or a page puts before a colon ("Gross Margin: 41%", "Free Cash
 * Flow: $80 million", "North America: orders up 20%"): a label made only of them is a heading
 * inside someone's words, not a person.
 */
const TERM_WORDS = new Set(
  (
    'gross net free total adjusted organic operating underlying reported core comparable cash flow flows margin margins income revenue revenues ' +
    'sales profit profits profitability loss losses earnings eps ebitda ebit capex opex expenses expense costs cost spending investment investments ' +
    'growth guidance outlook backlog orders bookings demand pricing price prices volume volumes mix segment segments update updates highlights ' +
    'priorities priority summary strategy strategic operations operational financial financials balance sheet liquidity debt leverage dividend ' +
    'dividends buyback buybacks repurchase repurchases share shares capital allocation inventory inventories supply chain tax rate rates churn ' +
    'retention users customers subscribers headcount acquisition acquisitions integration synergies risks risk opportunities challenges ' +
    'takeaways key next steps agenda quarter quarterly year annual fiscal full first second third fourth q1 q2 q3 q4 fy h1 h2 ' +
    'north south east west central america americas europe asia pacific emea apac latam china japan india international domestic global ' +
    'region regions regional market markets products product services service software hardware platform cloud data ai retail wholesale ' +
    'consumer commercial enterprise industrial digital online stores store same comps comp traffic ticket average working cycle ' +
    'performance results result trends trend overview review recap conclusion introduction closing remarks comments question answer ' +
    'highlight update progress status milestones milestone pipeline launch launches and of the for in on to by vs'
  ).split(' '),
);

/** Whether a would-be name is a label made only of business words ("Gross Margin", "North America", "Q3 Highlights"). */
export function isTermLabel(text: string): boolean {
  const words = text.toLowerCase().split(/[\s&/-]+/).filter((w) => w !== '');
  return words.length > 0 && words.every((w) => TERM_WORDS.has(w.replace(/[.,]+$/, '')));
}
