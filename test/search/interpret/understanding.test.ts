import { describe, expect, it } from 'vitest';
import { storedCall } from '../../../src/index/stored-call.js';
import { factQuestionOf } from '../../../src/search/interpret/fact-question.js';
import { expandAbbreviations, expandFinanceTerms } from '../../../src/search/interpret/finance-terms.js';
import { interpretQuery } from '../../../src/search/interpret/interpret-query.js';
import { LibraryDirectory } from '../../../src/search/interpret/library-directory.js';
import { dropFiller, readsAsPastedQuestion } from '../../../src/search/interpret/pasted-question.js';
import { refersToSomeone } from '../../../src/search/interpret/person-reference.js';
import { Spelling } from '../../../src/search/interpret/spelling.js';
import { englishWords, sortedJsonWordList } from '../../../src/transcript/english-words.js';
import { parseTranscript } from '../../../src/transcript/parse.js';
import { bundledCall } from '../../helpers/call.js';
import { SMALL_CALL } from '../../index/small-call.js';

const amazon = bundledCall();
const directory = new LibraryDirectory([amazon]);

describe('factQuestionOf', () => {
  it('reads metric, kind of number, scope, period and outlook', () => {
    expect(factQuestionOf('What was total revenue for the quarter?')).toMatchObject({ quantity: 'money', qualifiers: [], wantsTotal: true, saysTotal: true, forward: false });
    expect(factQuestionOf('What was AWS operating margin?')).toMatchObject({ metric: [['oper', 'margin'], ['oper', 'margin']], quantity: 'percent', wantsTotal: false });
    expect(factQuestionOf('What was AWS operating margin?')!.qualifiers.flat()).toContain('aw');
    expect(factQuestionOf('How much did revenue grow year over year?')).toMatchObject({ quantity: 'percent' });
    expect(factQuestionOf('What is the Q1 net sales guidance?')).toMatchObject({ period: { quarter: 1, year: null }, forward: true });
    expect(factQuestionOf('capex guidance for 2026')).toMatchObject({ period: { quarter: null, year: 2026 }, forward: true, quantity: 'money' });
    expect(factQuestionOf('What operating income does Amazon expect for the first quarter?', new Set(['amazon']))).toMatchObject({ period: { quarter: 1 }, forward: true, qualifiers: [] });
    // Retailers' wording of comparable sales is one metric, not "sales" narrowed by "comparable store".
    expect(factQuestionOf('What was comparable store sales growth?')).toMatchObject({ quantity: 'percent', qualifiers: [] });
    // Past or outlook; a segment typed as a name.
    expect(factQuestionOf('What was Solar revenue in the third quarter?')).toMatchObject({ past: true, forward: false, namesPart: true });
    expect(factQuestionOf('how much did we spend on capex')).toMatchObject({ namesPart: false });
  });

  it('keywords naming a metric and a period ask for its figure; without a period, or with no metric, they do not', () => {
    expect(factQuestionOf('adtran gross margin q3 2020', new Set(['adtran']))).toMatchObject({ metric: [['gross', 'margin'], ['gross', 'margin']], quantity: 'percent', period: { quarter: 3, year: 2020 }, qualifiers: [] });
    expect(factQuestionOf('gross margin commentary')).toBeNull();
    expect(factQuestionOf('hydrogen strategy 2021')).toBeNull();
    expect(factQuestionOf('Why did gross margin fall in q3 2020?')).toBeNull();
    // Sentences are not keywords: a pasted analyst question that names a period.
    expect(factQuestionOf('Thanks for taking my questions. On gross margin in Q3 2020, how should we think about mix')).toBeNull();
  });

  it('"not just X": X does not narrow the question', () => {
    expect(factQuestionOf('What was worldwide revenue, not just North America?')).toMatchObject({ qualifiers: [], saysTotal: true });
  });

  it('a segment named by its usual short form matches the long one (ads ↔ advertising)', () => {
    expect(factQuestionOf('How much revenue did advertising generate?')!.qualifiers).toContainEqual(['advertis', 'ad']);
  });

  it('opinions and summaries are not fact questions', () => {
    for (const q of ['what did Jassy say about Trainium', 'how does management think about margins', 'aws backlog', 'What is Amazon Haul?']) {
      expect(factQuestionOf(q), q).toBeNull();
    }
  });
});

describe('refersToSomeone: role, group and first-name words', () => {
  const at = (q: string, word: string) => refersToSomeone(q, q.indexOf(word), q.indexOf(word) + word.length, { companyWords: new Set(['amazon']) });
  it.each([
    ['what did management say about tariffs', 'management', true],
    ['What did Amazon management say', 'management', true],
    ["management's view on margins", 'management', true],
    ['what did the operator say', 'operator', true],
    ['the analyst who asked about AI', 'analyst', true],
    ['Brian on capex', 'Brian', true],
    ['Brian', 'Brian', true],
    ['inventory management', 'management', false],
    ['which cable operator is growing', 'operator', false],
    ['Mark to market losses', 'Mark', false],
    ['Ross Stores competition', 'Ross', false],
    ['analyst day targets', 'analyst', false],
  ])('%s → %s refers to someone: %s', (q, word, expected) => {
    expect(at(q, word)).toBe(expected);
  });
});

describe('interpretation on another company’s call: nothing company-specific in the generic rules', () => {
  const widget = new LibraryDirectory([storedCall(parseTranscript(SMALL_CALL), 'small.txt')]);
  it('"<company> management" means the company side for any company', () => {
    expect(interpretQuery('what did Widget management say about factories', widget).side).toBe('company');
    expect(interpretQuery('what did Amazon management say about factories', widget).side).toBe('company');
    expect(interpretQuery('supply chain management costs', widget).side).toBeNull();
  });
  it('"US" in capitals is the country, not the pronoun the question frame drops', () => {
    expect(interpretQuery('What did Widget say about the US market?', widget).topic).toBe('US market');
    expect(interpretQuery('what did management tell us about factories', widget).topic).toBe('factories');
  });
  it('after "how", the degree asked about frames the question ("how fast", "how big")', () => {
    expect(interpretQuery('How fast does Widget expect its installed base to expand?', widget).topic).toBe('expect its installed base to expand');
    expect(interpretQuery("how big is Widget's backlog", widget).topic).toBe('backlog');
    expect(interpretQuery('fast charging demand', widget).topic).toBe('fast charging demand');
  });
  it('"the us" in lowercase is the country too: it stays in the topic', () => {
    expect(interpretQuery('what did Widget say about sales in the us', widget).topic).toBe('sales in the us');
    expect(interpretQuery('how much did Widget sell in the us', widget).topic).toBe('sell in the us');
  });
});

describe('finance vocabulary holds across companies', () => {
  it('ARR is annual recurring revenue', () => {
    expect(expandFinanceTerms('ARR growth')).toContain('annual recurring revenue');
    expect(expandFinanceTerms('ARR growth')).not.toContain('run rate');
  });
  it('acquisitions are M&A', () => {
    expect(expandFinanceTerms('what about acquisitions')).toContain('m&a');
    expect(expandFinanceTerms('M&A appetite')).toContain('acquisitions');
  });
  it('an outlook is the guidance a company gives ("why no outlook" finds "we took guidance off the table")', () => {
    expect(expandFinanceTerms('why no outlook for the year')).toContain('guidance');
    expect(expandFinanceTerms('full-year guidance')).toContain('outlook');
  });
  it('the model sees an abbreviation’s long form, not the reverse', () => {
    expect(expandAbbreviations('capex in 2026')).toBe('capex in 2026 capital expenditures');
    expect(expandAbbreviations('capital expenditures in 2026')).toBe('capital expenditures in 2026');
  });
});

describe('pasted questions', () => {
  const PASTED =
    'Hi, good morning everyone. So just one question for me. You touched in your opening comments on some pressure from ' +
    'higher input prices this quarter. So maybe Steve, could you give us a feel for whether shipping costs are still climbing?';

  it('read as pasted only when long and conversational', () => {
    expect(readsAsPastedQuestion(PASTED)).toBe(true);
    expect(readsAsPastedQuestion('what did Jassy say about Trainium')).toBe(false);
    expect(readsAsPastedQuestion('Who asked about return on invested capital in the Q&A?')).toBe(false);
    // One long typed question is a search; a lead-in sentence or words said to someone make it pasted.
    expect(readsAsPastedQuestion('Is Widget giving up on 10% of the US market given what its rivals spend on marketing and promotion?')).toBe(false);
    expect(readsAsPastedQuestion('Got it. And is Widget giving up on 10% of the US market given what its rivals spend on marketing?')).toBe(true);
    expect(readsAsPastedQuestion('Could you say whether Widget is giving up on 10% of the US market given what rivals spend on marketing')).toBe(true);
  });

  it('drop greetings, thanks and counting, keep every word of substance', () => {
    const out = dropFiller(PASTED);
    expect(out).not.toMatch(/good morning|just one question for me/i);
    expect(out).toMatch(/pressure from higher input prices/);
    expect(out).toMatch(/shipping costs are still climbing/);
    // Whole words only: "higher" and "Thanksgiving" hold no greeting or thanks.
    expect(dropFiller('Hello. So just one question: how is Thanksgiving demand at higher price points?')).toBe('how is Thanksgiving demand at higher price points?');
    expect(dropFiller('Thanks for taking my question, Perry and Tom. One last one. If the season is delayed, how should we think about it?')).toBe(
      'If the season is delayed, how should we think about it?',
    );
  });

  it('words inside a pasted question never become hard filters', () => {
    const q = PASTED.replace('Steve', 'Brian');
    const plan = interpretQuery(q, directory);
    expect(plan).toMatchObject({ pasted: true, intent: 'topic', section: null, side: null, speakerKeys: null });
    expect(plan.boosted.map((b) => b.person.name)).toEqual(['Brian Olsavsky', 'Brian Nowak']);
    expect(plan.topic).toMatch(/still climbing/);
  });
});

describe('the English word list, searched without parsing it', () => {
  it('finds every word of a sorted JSON list and nothing else', () => {
    const words = ['a', 'ab', 'abc', 'b', 'ba', 'd', 'dd', 'f', 'zz'];
    const list = sortedJsonWordList(JSON.stringify(words));
    for (const w of words) expect(list.has(w), w).toBe(true);
    for (const w of ['', 'aa', 'abd', 'c', 'e', 'g', 'z', 'zzz']) expect(list.has(w), w).toBe(false);
  });
  it('on the real list: English words yes, typos and product names no', () => {
    const english = englishWords();
    for (const w of ['a', 'inflation', 'robotics', 'tariffs', 'zyzzyvas']) expect(english.has(w), w).toBe(true);
    for (const w of ['robtics', 'tranium', 'kuiper', 'zzzzz']) expect(english.has(w), w).toBe(false);
  });
});

describe('Spelling', () => {
  const spelling = new Spelling([amazon.source]);
  it('corrects typos to the words the call uses', () => {
    expect(spelling.correct('robtics')).toBe('robotics');
    expect(spelling.correct('tranium')).toBe('trainium');
    expect(spelling.correctText('what about robtics and satelites').corrections).toEqual([
      { from: 'robtics', to: 'robotics' },
      { from: 'satelites', to: 'satellites' },
    ]);
  });
  it('leaves alone words the call uses, their prefixes, English words it does not use, and short words', () => {
    expect(spelling.correct('robotics')).toBeNull();
    expect(spelling.correct('trainium')).toBeNull(); // the call writes Trainium2, Trainium3…
    expect(spelling.correct('inflation')).toBeNull();
    expect(spelling.correct('zoox')).toBeNull();
  });
  it('gives the same answer for a word it has seen before (corrections are remembered, none included)', () => {
    const fresh = new Spelling([amazon.source]);
    for (const round of [1, 2]) {
      expect([round, fresh.correct('satelites'), fresh.correct('Satelites'), fresh.correct('qxzzyvw')]).toEqual([round, 'satellites', 'satellites', null]);
    }
  });
  it('interpretation reports the corrected topic and keeps the typed one', () => {
    const plan = interpretQuery('what did Jasy say about robtics', directory, {}, { spelling });
    expect(plan).toMatchObject({ topic: 'robotics', typedTopic: 'robtics', matchText: 'robotics' });
  });
});
