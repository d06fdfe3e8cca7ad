/** Which people a call's words name: one pass over the words, however many names there are. */

/** Most words a name has ("Mark Stephen de la Mahaney" is five). */
const MAX_NAME_WORDS = 5;

/** How a name is compared: lowercase, single-spaced, no dots or apostrophes closing a word ("Jr." = "Jr"). */
export function mentionKey(name: string, opts: { caseSensitive?: boolean } = {}): string {
  return (opts.caseSensitive ? name : name.toLowerCase())
    .split(/[^\p{L}\p{M}'\u2019.-]+/u)
    .map((w) => w.replace(/[.'\u2019]+$/u, ''))
    .filter((w) => w !== '')
    .join(' ');
}

/**
 * Which of `names` occur in `texts` (as whole words, any case unless `caseSensitive`): at each word, the phrases of the
 * next one to five words are looked up — linear in the words, whatever the number of names, even
 * when thousands of them share a first name.
 */
export function namesMentioned(texts: readonly string[], names: readonly string[], opts: { caseSensitive?: boolean } = {}): Set<string> {
  const wanted = new Set(names.map((n) => mentionKey(n, opts)));
  const found = new Set<string>();
  if (wanted.size === 0) return found;
  for (const text of texts) {
    const words = mentionKey(text, opts).split(' ');
    for (let k = 0; k < words.length; k++) {
      let phrase = '';
      for (let j = k; j < Math.min(words.length, k + MAX_NAME_WORDS); j++) {
        phrase = j === k ? (words[j] as string) : `${phrase} ${words[j] as string}`;
        if (wanted.has(phrase)) found.add(phrase);
      }
    }
  }
  return found;
}
