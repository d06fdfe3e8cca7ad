/** nameOccurrences finds exactly what one alternation of the names finds (the way titles used to be read), in one pass. */
import { describe, expect, it } from 'vitest';
import { nameOccurrences } from '../../src/transcript/name-occurrences.js';

/** The alternation inferTitles searched with before: the oracle. Names in priority order. */
function byAlternation(text: string, names: readonly string[]): Array<[number, number, string]> {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}])(${names.map((n) => escape(n.trim()).replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}])`, 'giu');
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length, m[0]]);
}

const found = (text: string, names: readonly string[]) => nameOccurrences(text, names).map((o): [number, number, string] => [o.start, o.end, o.text]);

describe('nameOccurrences', () => {
  it.each<[string, string, string[]]>([
    ['any case, any whitespace between the words', 'With me are PAT LEE and pat\u00a0\n lee.', ['Pat Lee']],
    ['the longest of names starting at one place', 'Over to Pat Leeson, then Pat Lee.', ['Pat Leeson', 'Pat Lee']],
    ['whole names only: no letter right before or after', 'Pat Leeds, xPat Lee, Pat Lee2, Pat Lee\u2019s team', ['Pat Lee']],
    ['dots, hyphens and apostrophes as written', 'J.P. Morgan\u2019s Jean-Marc O\u2019Neil and JxP. Morgan', ['J.P. Morgan', 'Jean-Marc O\u2019Neil']],
    ['no overlap: the text after a name is searched next', 'Ann Lee Ann Lee Kim', ['Ann Lee Kim', 'Ann Lee', 'Lee Ann']],
    ['letters beyond ASCII, and case forms the expression equates', 'ΣΟΦΊΑ ΠΑΠΑΣ, σοφία παπας, Boſs Hogg, IŞIK Ünal, Işık ünal, İlker Ak, ilker ak', ['Σοφία Παπας', 'Boss Hogg', 'Işık Ünal', 'İlker Ak']],
    ['letters outside the basic plane', 'Meet \u{1D400}da Lind and \u{1D400}\u{1D400}da Lind', ['\u{1D400}da Lind']],
  ])('%s', (_what, text, names) => {
    const expected = byAlternation(text, names);
    expect(expected.length).toBeGreaterThan(0);
    expect(found(text, names)).toEqual(expected);
  });

  it('agrees with the alternation on generated texts and name lists', () => {
    // A small alphabet of pieces, so names recur, overlap, nest and touch letters often.
    const pieces = ['Pat', 'pat', 'PAT', 'Lee', 'lee', 'Leeson', 'Ann', 'Ng', ' ', '  ', '\n', ', ', '.', '-', 'x', '\u2019s', 'Ó', 'ó', 'Σ', 'ς'];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const phrase = (words: number) => Array.from({ length: words }, () => pieces[random(pieces.length)]).join('');
    for (let round = 0; round < 300; round++) {
      const names = Array.from({ length: 1 + random(5) }, () => phrase(1 + random(4))).filter((n) => n.trim() !== '');
      if (names.length === 0) continue;
      const text = phrase(40);
      expect(found(text, names), JSON.stringify({ text, names })).toEqual(byAlternation(text, names));
    }
  });

  it('says which name was found', () => {
    expect(nameOccurrences('Thanks, Vera Lund. Noel?', ['Noel Pratt', 'Vera Lund']).map((o) => o.name)).toEqual([1]);
    // Two people of one name: the first listed, as in the alternation.
    expect(nameOccurrences('Over to SAM LEE, then Sam Lee', ['Ann Ng', 'sam lee', 'Sam Lee']).map((o) => o.name)).toEqual([1, 1]);
  });
});
