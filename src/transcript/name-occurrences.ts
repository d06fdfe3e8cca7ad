/**
 * Where names occur in a text, exactly as one regular expression alternating them would find them
 * — whole names (no letter right before or after), any case, any run of whitespace between their
 * words, left to right without overlap, the earliest-listed name winning where several start at
 * one place — but in time linear in the text whatever the number of names. An alternation tries
 * every name at every place, so a call with thousands of speakers who share a first name costs the
 * product of the two; here a trie of the names' case-folded characters is walked from each place,
 * and only the names it reaches there are checked, character by character, as the expression would.
 */

export interface NameOccurrence {
  /** Index of the name in the list given. */
  name: number;
  start: number;
  end: number;
  /** The text as written there. */
  text: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Names (indices) that end here. */
  ends: number[];
}

const SPACE = /\s/;
/** A letter as `[\p{L}]` reads in a case-insensitive Unicode expression (which also takes a mark that folds to one). */
const LETTER = /[\p{L}]/iu;

/**
 * A key under which every pair of characters a case-insensitive Unicode expression treats as equal
 * meets (ς, σ and Σ; ſ and s; ẞ and ß): the lowercase of the uppercase, where that is one
 * character. It may also join a few the expression keeps apart (ı and i): the expression decides.
 */
function foldChar(ch: string): string {
  const upper = ch.toUpperCase();
  return ([...upper].length === 1 ? upper : ch).toLowerCase();
}

/** The trie key of each ASCII character (see foldChar). */
const ASCII_KEYS = Array.from({ length: 0x80 }, (_, c) => {
  const ch = String.fromCharCode(c);
  return SPACE.test(ch) ? ' ' : foldChar(ch);
});

/** The code point at `at` (both halves of a surrogate pair), or '' past the end. */
const charAt = (text: string, at: number): string => (at < text.length ? String.fromCodePoint(text.codePointAt(at) as number) : '');

/** Whether the code point at `at` is a letter (ASCII, most of any text, answered without the expression). */
function letterAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return LETTER.test(charAt(text, at));
}

function letterBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const low = text.charCodeAt(at - 1);
  return letterAt(text, low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1);
}

/** Whether a case-insensitive Unicode expression takes `a` for `b` (asked of the engine itself, once per pair). */
const sameCache = new Map<string, boolean>();
function sameChar(a: string, b: string): boolean {
  if (a === b) return true;
  const pair = `${a}\u0000${b}`;
  let same = sameCache.get(pair);
  if (same === undefined) sameCache.set(pair, (same = new RegExp(`^\\u{${(a.codePointAt(0) as number).toString(16)}}$`, 'iu').test(b)));
  return same;
}

/** Occurrences of `names` in `text`, in text order (see the module comment). */
export function nameOccurrences(text: string, names: readonly string[]): NameOccurrence[] {
  const folded = new Map<string, string>();
  const fold = (ch: string): string => {
    let key = folded.get(ch);
    if (key === undefined) folded.set(ch, (key = SPACE.test(ch) ? ' ' : foldChar(ch)));
    return key;
  };
  /** The trie key of the character at `i`, and how many code units it takes. */
  const keyAt = (i: number): [string, number] => {
    const c = text.charCodeAt(i);
    if (c < 0x80) return [ASCII_KEYS[c] as string, 1];
    const ch = charAt(text, i);
    return [fold(ch), ch.length];
  };
  const root: TrieNode = { next: new Map(), ends: [] };
  names.forEach((name, index) => {
    let node = root;
    for (const ch of name.trim().replace(/\s+/g, ' ')) {
      const key = fold(ch);
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map(), ends: [] }));
      node = child;
    }
    if (node !== root) node.ends.push(index);
  });
  // The characters of each name, a run of whitespace as one ' '.
  const spellings = names.map((name) => [...name.trim().replace(/\s+/g, ' ')]);
  /** Where the name written at `at` ends, as its expression `(?<!\p{L})Name\s+Words(?!\p{L})` (flags iu) would match it there; else null. */
  const matchAt = (name: number, at: number): number | null => {
    let i = at;
    for (const ch of spellings[name] as string[]) {
      if (ch === ' ') {
        if (!SPACE.test(text[i] ?? '')) return null;
        while (SPACE.test(text[i] ?? '')) i++;
        continue;
      }
      const written = charAt(text, i);
      if (written === '' || !sameChar(ch, written)) return null;
      i += written.length;
    }
    return i < text.length && letterAt(text, i) ? null : i;
  };

  const found: NameOccurrence[] = [];
  for (let at = 0; at < text.length; ) {
    const [firstKey, width] = keyAt(at);
    let end: number | null = null;
    let node = letterBefore(text, at) ? undefined : root.next.get(firstKey);
    if (node) {
      // The names the text spells from here (those ending at each node walked, with no letter
      // after them), then the earliest-listed that truly matches. A node's names are in list order.
      const spelt: TrieNode[] = [];
      for (let i = at + width; ; ) {
        if (node.ends.length > 0 && !(i < text.length && letterAt(text, i))) spelt.push(node);
        if (i >= text.length) break;
        const [key, w] = keyAt(i);
        node = node.next.get(key);
        if (!node) break;
        i += w;
        if (key === ' ') while (i < text.length && SPACE.test(text[i] as string)) i++;
      }
      let best: number | null = null;
      for (const { ends } of spelt) {
        for (const name of ends) {
          if (best !== null && name >= best) break;
          const nameEnd = matchAt(name, at);
          if (nameEnd !== null) {
            [best, end] = [name, nameEnd];
            break;
          }
        }
      }
      if (best !== null && end !== null) found.push({ name: best, start: at, end, text: text.slice(at, end) });
    }
    at = end ?? at + width;
  }
  return found;
}
