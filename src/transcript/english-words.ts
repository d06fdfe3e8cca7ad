import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The English word list (npm an-array-of-english-words), shared by the transcript reader (is a
 * word a line break split in two a word?) and the query's interpretation (is a typed word English?).
 */

/** Is a word in a list of ~275,000 English words? */
export interface WordList {
  has(word: string): boolean;
}

let english: WordList | null = null;
/**
 * npm an-array-of-english-words, kept as its JSON text (3.3 MB, read once, never changed): a
 * sorted array of lowercase words, so a lookup is a binary search over the text itself —
 * microseconds, instead of ~300 ms and ~50 MB to parse it into a Set at start-up.
 */
export function englishWords(): WordList {
  english ??= sortedJsonWordList(readFileSync(createRequire(import.meta.url).resolve('an-array-of-english-words'), 'utf8'));
  return english;
}

/** Binary search over `["a","aa",…]` (sorted by code unit) without parsing it. */
export function sortedJsonWordList(text: string): WordList {
  /** The word whose opening quote is the first at or after `from`: [start, end) of its letters. */
  const nextWord = (from: number): [number, number] | null => {
    const open = from <= 1 ? text.indexOf('"') : text.indexOf(',"', from - 1) + 1;
    if (open <= 0) return null;
    return [open + 1, text.indexOf('"', open + 1)];
  };
  return {
    has(word) {
      let lo = 0;
      let hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const at = nextWord(mid);
        // Candidates are the words whose opening quote lies in [lo, hi).
        if (!at || at[0] - 1 >= hi) {
          hi = mid;
          continue;
        }
        const found = text.slice(at[0], at[1]);
        if (found === word) return true;
        if (found < word) lo = at[1] + 1;
        else hi = at[0] - 1;
      }
      return false;
    },
  };
}
