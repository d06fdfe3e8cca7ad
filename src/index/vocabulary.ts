/**
 * The words the calls use and how often, counted per call at build and stored in its shard, so a
 * start merges counts instead of reading every passage again. Spelling (search/interpret/spelling.ts)
 * corrects query words against them; the word pattern and lower-casing are the ones it reads text with.
 */
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

/** Add the words of `text` to `counts`. */
export function countWords(text: string, counts: Map<string, number>): void {
  for (const m of text.toLowerCase().matchAll(WORD)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
}
