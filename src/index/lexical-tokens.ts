import { stemmer } from 'stemmer';

/** Bump whenever tokenization changes: indexes built with other tokens are rebuilt, not served. */
export const LEXICAL_TOKENS_VERSION = 3;

/**
 * Tokens for BM25, shared by indexing and querying so both sides agree:
 * lower-cased, money/percent/number aware ("$35.6 billion" → "35.6", "billion";
 * "24%" → "24%"; "1,000" → "1000"), product names with digits kept whole
 * ("trainium2", "q4"), abbreviations joined by "&" kept whole ("M&A", "M and A" → "m&a"),
 * plain words Porter-stemmed, stopwords dropped.
 */

// A standard English stopword list (NLTK's, contractions folded in) plus question scaffolding
// ("say", "talk about", "how many") that names no topic.
const STOPWORDS = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself ' +
    'it its itself they them their theirs themselves what which who whom this that these those am is are was were be ' +
    'been being have has had having do does did doing a an the and but if or because as until while of at by for with ' +
    'about against between into through during before after above below to from up down in out on off over under again ' +
    'further then once here there when where why how all any both each few more most other some such no nor not only ' +
    'own same so than too very s t can will just don should now d ll m o re ve y ain aren couldn didn doesn hadn hasn ' +
    'haven isn ma mightn mustn needn shan shouldn wasn weren won wouldn ' +
    "it's we're that's there's i'm let's i'll we've they're don't we'll you're isn't " +
    'many much could would may might also yes say said says tell told talk talked mention mentioned discuss discussed ' +
    'think thing things really lot well going get got us'
  ).split(/\s+/),
);

// A token: a number with optional $, thousands separators, decimals, %; an abbreviation joined by
// "&" (its letters alone would be stopwords: "M&A" → "m", "a"), or spelt out as speech recognition
// writes it ("P and L", capitals only); or a word (letters/digits, inner apostrophes).
const TOKEN =
  /\$?\d[\d,]*(?:\.\d+)?%?|(?<![\p{L}\p{N}])(?:\p{L}{1,4}(?:&\p{L}{1,4})+|\p{Lu}{1,2}(?:\s+(?:and|&)\s+\p{Lu}{1,2})+)(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function normalizeToken(raw: string): string | null {
  let t = raw.toLowerCase().replace(/’/g, "'").replace(/\s+(?:and|&)\s+/g, '&');
  if (/^\$?\d/.test(t)) {
    t = t.replace(/^\$/, '').replace(/,/g, '');
    return t;
  }
  if (STOPWORDS.has(t)) return null;
  t = t.replace(/'s$/, '');
  // Words carrying digits ("trainium2", "q4", "x86") and "&" abbreviations are names: keep them whole.
  if (/[\d&]/.test(t)) return t;
  return t.length > 2 ? stemmer(t) : t;
}

export function lexicalTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = normalizeToken(m[0]);
    if (t) out.push(t);
  }
  return out;
}

/** A query term is in a set of tokens exactly, or (4+ letters) as a prefix: "trainium" in "trainium2". */
export function hasTerm(terms: ReadonlySet<string>, term: string): boolean {
  if (terms.has(term)) return true;
  if (term.length < 4) return false;
  for (const t of terms) if (t.startsWith(term)) return true;
  return false;
}
