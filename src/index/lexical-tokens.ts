import { stemmer } from 'stemmer';

/**
 * Tokens for BM25, shared by indexing and querying so both sides agree:
 * lower-cased, money/percent/number aware ("$35.6 billion" → "35.6", "billion";
 * "24%" → "24%"; "1,000" → "1000"), product names with digits kept whole
 * ("trainium2", "q4"), plain words Porter-stemmed, stopwords dropped.
 */

// Function words and question scaffolding that carry no topic.
const STOPWORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have how i if in into is it its ' +
    'just me my of on or our ours so than that the their them then there these they this those to too us very was we ' +
    "were what when where which while who whom why will with would you your yes no not about say said says tell told talk " +
    'talked mention mentioned discuss discussed think thing things also really lot well going get got ' +
    "it's we're that's there's i'm let's i'll we've they're don't"
  ).split(/\s+/),
);

// A token: a number with optional $, thousands separators, decimals, %; or a word (letters/digits, inner apostrophes).
const TOKEN = /\$?\d[\d,]*(?:\.\d+)?%?|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function normalizeToken(raw: string): string | null {
  let t = raw.toLowerCase().replace(/’/g, "'");
  if (/^\$?\d/.test(t)) {
    t = t.replace(/^\$/, '').replace(/,/g, '');
    return t;
  }
  if (STOPWORDS.has(t)) return null;
  t = t.replace(/'s$/, '');
  // Words carrying digits ("trainium2", "q4", "x86") are names: keep them whole.
  if (/\d/.test(t)) return t;
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
