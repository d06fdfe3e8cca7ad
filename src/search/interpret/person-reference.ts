/**
 * Does a word that can name a person or a group — a first name ("Mark", "Ross"), a role ("the CFO"),
 * a group ("management", "the operator", "analysts") — refer to one here, or is it part of a noun
 * phrase or of another name ("mark to market losses", "Ross Stores competition", "inventory
 * management", "which cable operator")? It refers to someone when a speech frame stands right
 * before it ("what did … say", "according to …", "from …") or right after it ("… said", "… on
 * margins", "…'s view"), or when nothing else is in the query but question words. Generic English,
 * no call-specific words.
 */

/** Words that, right before the reference (determiners skipped), make it the subject or source of speech. */
const BEFORE = new Set(
  (
    'did does do has have had was were is are will would could can should from by ask asked asking to for according per with ' +
    "what how why when where which who whom who's whos said says say tell told and or than versus vs"
  ).split(' '),
);
/** Words right after the reference that make it a speaker. */
const AFTER = new Set(
  (
    'say said says saying think thinks thought mention mentions mentioned note notes noted comment comments commented commentary ' +
    'remark remarks view views believe believes believed expect expects expected explain explains explained describe describes ' +
    'described discuss discusses discussed talk talks talked talking tell tells told ask asks asked asking answer answers answered ' +
    'respond responds responded reply replied add adds added on about regarding question questions guide guided see sees saw feel feels ' +
    // "what did the analyst want to know", "the analyst inquired about".
    'want wants wanted inquire inquired ' +
    // A relative clause makes it the subject: "the analyst who asked", "the executive that said".
    'and or who that'
  ).split(' '),
);
/** "How is X doing": X performs — a business or product, whatever its name also is. */
const PERFORMING = new Set(['doing', 'going', 'performing', 'trending', 'tracking', 'progressing', 'ramping', 'selling', 'growing']);
/** Skipped between a frame word and the reference: "did the CFO", "from our management". */
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'their', 'its', 'his', 'her', 'your', 'this', 'that']);
/** Question words that alone make a query about the named person ("what did Brian say"). */
const QUESTION_ONLY = new Set(['what', 'whats', 'did', 'does', 'do', 'say', 'said', 'says', 'about', 'on', 'the', 'of', 'who', 'is', 'was']);

const WORDS = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** A colon or a spaced dash right after the reference, then the question. */
const LABEL_AFTER = /^\s*(?::|\s[-–—])\s+\S/u;

export interface ReferenceOptions {
  /** Words naming the company ("Amazon management", "Amazon's CFO" still refer to people). */
  companyWords?: ReadonlySet<string>;
}

/** A speech frame right after the reference ("Culp said", "Culp on margins", "Culp's view"): who spoke, not who did. */
export function speaksAfter(text: string, end: number): boolean {
  const afterText = text.slice(end);
  if (/^['’](?:s\b|(?=\s))/.test(afterText)) return true;
  const next = afterText.matchAll(WORDS).next().value;
  return next !== undefined && AFTER.has(next[0].toLowerCase());
}

/** Nothing but question words around the reference ("Culp", "what did Culp say"): the query is about whom it names. */
export function namedAlone(text: string, start: number, end: number, companyWords?: ReadonlySet<string>): boolean {
  const words = [...text.slice(0, start).matchAll(WORDS), ...text.slice(end).matchAll(WORDS)].map((m) => m[0].toLowerCase().replace(/['’]s$/, ''));
  return words.every((w) => QUESTION_ONLY.has(w) || companyWords?.has(w));
}

export function refersToSomeone(text: string, start: number, end: number, opts: ReferenceOptions = {}): boolean {
  const before = [...text.slice(0, start).matchAll(WORDS)].map((m) => m[0].toLowerCase().replace(/['’]s$/, ''));
  const afterText = text.slice(end);
  if (/^['’](?:s\b|(?=\s))/.test(afterText)) return true; // "Brian's view", "management's outlook"
  const after = [...afterText.matchAll(WORDS)].map((m) => m[0].toLowerCase());
  const next = after[0];
  let i = before.length - 1;
  while (i >= 0 && (DETERMINERS.has(before[i]!) || opts.companyWords?.has(before[i]!))) i--;
  const prev = before[i];
  // "How is Rufus doing?": how a business or product performs, not what a person said.
  if (next !== undefined && PERFORMING.has(next) && (prev === 'is' || prev === 'are' || prev === 'was') && before[i - 1] === 'how') return false;
  if (next !== undefined && AFTER.has(next)) return true;
  if (prev !== undefined && BEFORE.has(prev)) return true;
  // "Constellium CFO: how much…", "GE CFO - how much…": a question headed by whom it asks.
  if (prev === undefined && LABEL_AFTER.test(afterText)) return true;
  // "Brian", "what did Brian say": nothing but question words around it.
  return namedAlone(text, start, end, opts.companyWords);
}
