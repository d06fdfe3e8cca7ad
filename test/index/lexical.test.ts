/**
 * The lexical index scores exactly as the MiniSearch index it replaced (same tokens, BM25+
 * parameters, prefix and fuzzy weights, the matched-term multiplier), so the eval figures hold —
 * but from stored forward lists, reading champion lists instead of every match.
 */
import { promises as fs } from 'node:fs';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHAMPION_DEPTH, type LexicalIndex } from '../../src/index/lexical.js';
import { lexicalTokens } from '../../src/index/lexical-tokens.js';
import { LexicalRetriever } from '../../src/search/retrieve/lexical.js';
import { BUNDLED_CALL } from '../helpers/paths.js';
import { lexicalIndexOf } from '../helpers/lexical-index.js';

/** The MiniSearch configuration the project used before shards (src/index/lexical.ts at 5f7fcf5). */
function miniSearch(texts: string[]): MiniSearch<{ id: number; text: string }> {
  const ms = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], idField: 'id', tokenize: lexicalTokens, processTerm: (t: string) => t });
  ms.addAll(texts.map((text, id) => ({ id, text })));
  return ms;
}
const MS_OPTIONS = {
  combineWith: 'OR',
  prefix: (term: string) => term.length >= 4 && !/^\d/.test(term),
  fuzzy: (term: string) => (term.length >= 5 && !/\d/.test(term) ? 0.2 : false),
  maxFuzzy: 2,
  weights: { fuzzy: 0.5, prefix: 0.6 },
} as const;

const QUERIES = [
  'Trainium',
  'trainium chips price performance',
  'free cash flow',
  'capital expenditures capex 2026',
  'advertising revenue growth',
  'AWS backlog',
  'robtics automation',
  'satelites launched Leo',
  'operating income $25 billion',
  'Kuiper Leo satellites 180',
  'revenue revenue growth',
  'zzzz nothing matches this',
  'the',
];

let texts: string[];
beforeAll(async () => {
  const source = await fs.readFile(BUNDLED_CALL, 'utf8');
  texts = source.split(/\n\s*\n/).filter((t) => t.trim().length > 0);
});

describe('lexical scoring', () => {
  it('gives every passage MiniSearch’s score and matched terms, query after query', () => {
    const ms = miniSearch(texts);
    const index = lexicalIndexOf(texts);
    // Twice over: the second pass reads each word's matches from the index's expansion cache.
    for (const q of [...QUERIES, ...QUERIES]) {
      const expected = ms.search(q, MS_OPTIONS);
      const query = index.expand(q);
      for (const hit of expected) {
        const mine = index.score(query, hit.id as number);
        expect(mine.score, `${q} / passage ${hit.id}`).toBeCloseTo(hit.score, 9);
        expect([...mine.queryTerms].sort()).toEqual([...hit.queryTerms].sort());
      }
      // And nothing MiniSearch did not match scores.
      const matched = new Set(expected.map((h) => h.id as number));
      for (let i = 0; i < texts.length; i++) if (!matched.has(i)) expect(index.score(query, i).queryTerms).toEqual([]);
    }
  });

  it('ranks like MiniSearch (a small library: every champion list is complete)', () => {
    const ms = miniSearch(texts);
    const retriever = new LexicalRetriever(lexicalIndexOf(texts));
    for (const q of QUERIES) {
      const expected = ms.search(q, MS_OPTIONS).map((h) => ({ index: h.id as number, score: h.score }));
      const got = retriever.retrieve({ text: q, vector: new Float32Array() }, 40);
      expect(got.map((c) => c.score)).toEqual(expected.slice(0, 40).map((c) => expect.closeTo(c.score, 9)));
      // Equal scores may come in another order; above the last score shown, the same passages.
      const cut = got.at(-1)?.score ?? 0;
      const above = (xs: { index: number; score: number }[]) => new Set(xs.filter((c) => c.score > cut + 1e-9).map((c) => c.index));
      expect(above(got)).toEqual(above(expected));
    }
  });

  it('a scope scored exactly agrees with the library-wide pass filtered to it', () => {
    const retriever = new LexicalRetriever(lexicalIndexOf(texts));
    const members = Array.from({ length: Math.floor(texts.length / 3) }, (_, i) => i * 3);
    const inScope = new Set(members);
    const scoped = Object.assign((i: number) => inScope.has(i), { members });
    const plain = (i: number) => inScope.has(i);
    for (const q of QUERIES) {
      const pass = retriever.pass(q);
      expect(pass.top(10, scoped)).toEqual(pass.top(10, plain));
    }
  });

  it('reads at most CHAMPION_DEPTH passages per term, and still finds the best ones in a large library', () => {
    // 3,000 passages that all mention revenue, a few of them about it at length.
    const many = Array.from({ length: 3000 }, (_, i) =>
      i % 500 === 7 ? `Revenue grew, revenue rose and revenue beat the plan: revenue at record ${i}.` : `Our revenue and other matters discussed at meeting number ${i} with ${'extra words here '.repeat(i % 5)}`,
    );
    const index = lexicalIndexOf(many, 10);
    const query = index.expand('revenue');
    expect(index.candidates(query).size).toBeLessThanOrEqual(CHAMPION_DEPTH);
    const top = new LexicalRetriever(index).retrieve({ text: 'revenue', vector: new Float32Array() }, 6);
    expect(top.map((c) => c.index).sort((a, b) => a - b)).toEqual([7, 507, 1007, 1507, 2007, 2507]);
  });
});

describe('keyword tokens', () => {
  it('keeps abbreviations joined by "&" whole, however speech recognition spells them', () => {
    // Their letters alone are stopwords or noise: "M&A" must not shrink to "m", "a".
    expect(lexicalTokens('We remain interested in M&A and R&D.')).toEqual(['remain', 'interest', 'm&a', 'r&d']);
    expect(lexicalTokens('the P and L of the division, Q & A')).toEqual(['p&l', 'divis', 'q&a']);
    expect(lexicalTokens('m&a appetite')).toEqual(lexicalTokens('M and A appetite'));
    // Only capitals spell an abbreviation out: "I and a friend" is words.
    expect(lexicalTokens('I and a friend')).toEqual(['friend']);
  });
});

describe('word statistics of the calls in scope', () => {
  // Call A (passages 0–3): a dental maker, "dental" everywhere, Germany once. Call B (4–11): other companies.
  const texts = [
    'Dental practices reopened and dental demand in our dental markets recovered, dental consumables above all.',
    'Dental equipment orders for dental labs lagged the dental consumables business.',
    'In Germany conditions are good and practices are busy with patients.',
    'Dental imaging in the dental clinics returned later than dental consumables.',
    'Freight volumes in Germany rose as factories reopened.',
    'Germany remains our largest market for trucks and trailers.',
    'Retail traffic in Germany recovered in June.',
    'Our German plants in Germany ran at full capacity.',
    'Cement prices held in Colombia.',
    'Wind farms in the North Sea performed well.',
    'Hotel occupancy stayed low all quarter.',
    'Chicken prices improved in Mexico.',
  ];
  const index = lexicalIndexOf(texts, 1);
  const callA = [{ first: 0, count: 4 }];
  const top = (query: ReturnType<LexicalIndex['expand']>) =>
    [0, 1, 2, 3].map((doc) => ({ doc, score: index.score(query, doc).score })).sort((a, b) => b.score - a.score)[0]!.doc;

  it('a word in every passage of the call weighs little there, however rare in the library; a word rare in the call weighs much', () => {
    const query = index.expand('dental Germany');
    // Library-wide, "dental" (one call) is rarer than "Germany" (five passages): the dental passages win.
    expect(top(query)).not.toBe(2);
    // Within the call, "dental" is in three passages of four and "Germany" in one: Germany's passage wins.
    expect(top(index.within(query, callA))).toBe(2);
  });

  it('counts document frequencies and mean length within the ranges only', () => {
    const query = index.within(index.expand('germany'), callA);
    const id = [...query.byTerm.keys()][0]!;
    // One passage of four holds it: ln(1 + 3.5/1.5).
    expect(query.idf!.get(id)).toBeCloseTo(Math.log(1 + 3.5 / 1.5), 10);
    expect(query.averageLength).toBeGreaterThan(0);
    expect(index.within(index.expand('germany'), []).idf).toBeUndefined();
  });
});
