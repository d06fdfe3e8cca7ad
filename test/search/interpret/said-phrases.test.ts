/**
 * Whether a company's calls say a phrase ("Tallis Now", not "Tallis Italy"): read from the keyword
 * index's postings in the service, from the calls' texts in a directory built without an index.
 * Both must give the same answers.
 */
import { describe, expect, it } from 'vitest';
import { IndexedPhrases, phrasePattern, ScannedPhrases } from '../../../src/search/interpret/said-phrases.js';
import { lexicalIndexOf } from '../../helpers/lexical-index.js';

// Two calls' passages, in index order: call "tlf" holds passages 0–2, call "orv" 3–4.
const passages = [
  { text: 'Tallis Now same-day deliveries doubled in the quarter.' },
  { text: 'Our depots in Italy reopened, and Tallis\nfreight volumes recovered.' },
  { text: 'Revenue was $880 million.' },
  { text: 'Orvane saw fibre connections grow; Tallis Italy is a competitor we watch.' },
  { text: 'Net debt fell.' },
];
const callPassages = new Map([
  ['tlf', { first: 0, count: 3 }],
  ['orv', { first: 3, count: 2 }],
]);
const indexed = new IndexedPhrases({ lexical: lexicalIndexOf(passages.map((p) => p.text), 2), passages, callPassages });

describe('IndexedPhrases: a phrase the calls say, found through the keyword postings', () => {
  it('finds the words in order, in any case, across a line break', () => {
    expect(indexed.says(['tlf'], 'Tallis Now')).toBe(true);
    expect(indexed.says(['tlf'], 'tallis NOW')).toBe(true);
    expect(indexed.says(['tlf'], 'Tallis freight')).toBe(true);
  });

  it('only in the calls asked about: words apart, or in another call, are not the phrase', () => {
    // tlf says "Tallis" and "Italy", never together; orv says "Tallis Italy".
    expect(indexed.says(['tlf'], 'Tallis Italy')).toBe(false);
    expect(indexed.says(['orv'], 'Tallis Italy')).toBe(true);
    expect(indexed.says(['tlf', 'orv'], 'Tallis Italy')).toBe(true);
    expect(indexed.says(['orv'], 'Tallis Now')).toBe(false);
    expect(indexed.says(['nope'], 'Tallis Now')).toBe(false);
  });

  it('whole words only, and nothing for a phrase without a keyword', () => {
    expect(indexed.says(['tlf'], 'Talli Now')).toBe(false);
    expect(indexed.says(['tlf'], 'the')).toBe(false);
    expect(indexed.says(['tlf'], '   ')).toBe(false);
    expect(phrasePattern('  ')).toBeNull();
  });

  it('anywhere: in any call of the library', () => {
    expect(indexed.saysAnywhere('Tallis Italy')).toBe(true);
    expect(indexed.saysAnywhere('orvane SAW')).toBe(true);
    expect(indexed.saysAnywhere('Italy Tallis')).toBe(false);
    expect(indexed.saysAnywhere('the')).toBe(false);
  });
});

describe('ScannedPhrases agrees with the indexed reading', () => {
  // The same two calls as texts: tlf's passages, and orv's.
  const calls = [
    { meta: { id: 'tlf' }, source: passages.slice(0, 3).map((p) => p.text).join('\n\n') },
    { meta: { id: 'orv' }, source: passages.slice(3).map((p) => p.text).join('\n\n') },
  ];
  const scanned = new ScannedPhrases(calls);
  it.each(['Tallis Now', 'Tallis Italy', 'tallis freight', 'Talli Now', 'Orvane saw'])('%s', (phrase) => {
    for (const ids of [['tlf'], ['orv'], ['tlf', 'orv']]) expect(scanned.says(ids, phrase)).toBe(indexed.says(ids, phrase));
    expect(scanned.saysAnywhere(phrase)).toBe(indexed.saysAnywhere(phrase));
  });
});
