/**
 * How people write company names that carry "&", "+", an apostrophe or a descriptive last word,
 * against how sources store them (datasets often strip the punctuation: "Pilgrims Pride Corp").
 * Pure: invented companies, no index.
 */
import { describe, expect, it } from 'vitest';
import { CompanyDirectory } from '../../../src/search/interpret/companies.js';
import type { CallMeta } from '../../../src/transcript/types.js';

function meta(id: string, company: string, ticker: string | null = null): CallMeta {
  return { id, title: `${company} Q2 2021 Earnings Call`, company, ticker, quarter: 'Q2 2021', fiscalQuarter: 2, fiscalYear: 2021, date: null, time: null, layout: 'standard', sector: null };
}

const directory = new CompanyDirectory([
  meta('hb-q2-2021', 'Harlow and Birch Outfitters Inc'),
  meta('bk-q2-2021', 'Brandt Keller International'),
  meta('oo-q2-2021', 'Osgoods Orchards Corp'),
  meta('tw-q2-2021', "Tamsin's Woolens plc"),
  meta('sf-q2-2021', 'Stonefield Energy Inc', 'SFE'),
  meta('dl-q2-2021', "Dr. Lund's"),
]);
const named = (q: string) => directory.mentions(q).map((m) => m.companies.map((c) => c.key).join('|'));

describe('company names as people write them', () => {
  it('"&", "+" and "and" are the same connector, or none', () => {
    for (const q of ['What did Harlow & Birch say about stores?', 'What did Harlow and Birch say?', 'Harlow + Birch Outfitters margins']) {
      expect(named(q), q).toEqual(['harlow-and-birch-outfitters']);
    }
    expect(named('What did Brandt + Keller say about air freight?')).toEqual(['brandt-keller-international']);
    // The whole name is the mention (nothing of it is left in the topic).
    expect(directory.mentions('What did Harlow & Birch say?').map((m) => m.matched)).toEqual(['Harlow & Birch']);
    expect(directory.mentions('What did Brandt + Keller say?').map((m) => m.matched)).toEqual(['Brandt + Keller']);
  });

  it('its leading words name it (a descriptive last word left out); the first word alone still names it', () => {
    expect(named('Brandt Keller air freight')).toEqual(['brandt-keller-international']);
    expect(named('What did Brandt say?')).toEqual(['brandt-keller-international']);
  });

  it('an apostrophe the source dropped, or kept, and a possessive after it', () => {
    expect(named("What was Osgood's Orchards' revenue?")).toEqual(['osgoods-orchards']);
    expect(named("What was Osgood's Orchards's revenue?")).toEqual(['osgoods-orchards']);
    expect(named('Osgoods Orchards revenue')).toEqual(['osgoods-orchards']);
    expect(named("Tamsin's Woolens guidance")).toEqual(['tamsin-woolens']);
  });

  it('a possessive typed without its apostrophe ("dr lunds"), too short a name to pass for a typo', () => {
    expect(named('dr lunds exposure to russia')).toEqual(['dr-lund']);
    expect(named("Dr. Lund's exposure to russia")).toEqual(['dr-lund']);
    // A plural is no possessive of a name that is not there.
    expect(named('brandt keller air freight rates')).toEqual(['brandt-keller-international']);
  });

  it('"and" between two companies joins nothing', () => {
    expect(named('What did Stonefield and Harlow & Birch say about tariffs?')).toEqual(['sfe', 'harlow-and-birch-outfitters']);
  });

  it('filters resolve the same spellings', () => {
    expect(directory.resolve('Harlow & Birch').map((c) => c.key)).toEqual(['harlow-and-birch-outfitters']);
    expect(directory.resolve('brandt + keller').map((c) => c.key)).toEqual(['brandt-keller-international']);
  });
});

describe('a generic first word, and typos', () => {
  const more = new CompanyDirectory([
    meta('bv-q2-2021', 'Banco Veridia SA'),
    meta('ge-q2-2021', 'General Turbine Corp'),
    meta('sf-q2-2021', 'Stonefield Energy Inc', 'SFE'),
    meta('kg-q2-2021', 'Kestrel Group Inc'),
  ]);
  const found = (q: string) => more.mentions(q).map((m) => m.companies.map((c) => c.key).join('|'));

  it('names the company by its last word after a generic first one, unless that word is a word', () => {
    expect(found('What did Veridia say about loan deferrals?')).toEqual(['banco-veridia']);
    expect(found('What did Turbine say about orders?')).toEqual([]);
  });

  it('a name that is one English word (a ticker standing in for it: "COST") names it only as written, never the word', () => {
    const tickers = new CompanyDirectory([meta('cost-q2-2021', 'COST', 'COST'), meta('sp-q2-2021', 'Spindle', null)]);
    const keys = (q: string) => tickers.mentions(q).map((m) => m.companies.map((c) => c.key).join('|'));
    expect(keys('Who asked about cost to serve savings in retail?')).toEqual([]);
    expect(keys('What did COST say about membership fees?')).toEqual(['cost']);
    expect(keys('Who asked about the spindle speed?')).toEqual([]);
    expect(keys('What did Spindle say about yarn?')).toEqual(['spindle']);
  });

  it('a dictionary word the calls never write in lowercase names its company in any case; an ordinary one only as a name', () => {
    // The calls write "spindle" in lowercase (the part), never "cantor" (only the company, "Cantor Mills").
    const lowercase = new Set(['the', 'spindle', 'speed', 'yarn']);
    const mills = new CompanyDirectory([meta('cm-q2-2021', 'Cantor Mills Inc'), meta('sp-q2-2021', 'Spindle', null)], new Map(), lowercase);
    const keys = (q: string) => mills.mentions(q).map((m) => m.companies.map((c) => c.key).join('|'));
    expect(keys('can cantor expand the dye house')).toEqual(['cantor-mills']);
    expect(keys('Who asked about the spindle speed?')).toEqual([]);
    // Without the calls' words, every dictionary word is guarded.
    expect(new CompanyDirectory([meta('cm-q2-2021', 'Cantor Mills Inc')]).mentions('can cantor expand the dye house')).toEqual([]);
  });

  it('a typo in a short word of a longer name: the rest of the name carries it, and the typo leaves the topic', () => {
    const forwarders = new CompanyDirectory([meta('hn-q2-2021', 'Haldor Nagel Logistics')]);
    expect(forwarders.mentions('does haldor nagle offer longer payment terms').map((m) => m.matched)).toEqual(['haldor nagle']);
    expect(forwarders.mentions('Haldor Nagle freight margins').map((m) => m.matched)).toEqual(['Haldor Nagle']);
  });

  it('an industry word in another language is a generic first word too ("Cementos Argos" is Argos)', () => {
    const cement = new CompanyDirectory([meta('cv-q2-2021', 'Cementos Valdora'), meta('iq-q2-2021', 'Industrias Quelmar SA')]);
    const keys = (q: string) => cement.mentions(q).map((m) => m.companies.map((c) => c.key).join('|'));
    expect(keys('What is Valdora saving on fuel?')).toEqual(['cementos-valdora']);
    expect(keys('quelmar chicken volumes')).toEqual(['industrias-quelmar']);
  });

  it('takes the legal form written after a name into the mention ("Kestrel Group\'s")', () => {
    expect(more.mentions("What was Kestrel Group's backlog?").map((m) => m.matched)).toEqual(['Kestrel Group']);
    expect(more.mentions('What did Stonefield Energy Inc. say?').map((m) => m.matched)).toEqual(['Stonefield Energy Inc']);
  });

  it('reads a distinctive name with one typo, never an English word or a short name', () => {
    expect(found('What did Stonefeld say about drilling?')).toEqual(['sfe']);
    expect(found('What did Veridai say?')).toEqual(['banco-veridia']);
    expect(found('What did Stonefield say?')).toEqual(['sfe']);
    // Lowercase in a question that has capitals: a typo of a word, not a name.
    expect(found('Drilling plans at stonefeld')).toEqual([]);
  });

  it('typed all in lowercase, a name counts where a company is named: first, possessive, after "did"/"at"', () => {
    expect(found('stonefeld drilling')).toEqual(['sfe']);
    expect(found("what was kestrel's backlog")).toEqual(['kestrel']);
    expect(found('kestrel group backlog')).toEqual(['kestrel']);
    expect(found('kestrel backlog')).toEqual(['kestrel']);
    expect(found('what did kestrel say about pricing')).toEqual(['kestrel']);
    // Elsewhere a lowercase word is the word ("kestrel" is a bird).
    expect(found('nesting sites of the kestrel')).toEqual([]);
    // …but a long typo of a name (eight letters or more, no English word) is the name wherever it stands.
    expect(found('drilling plans stonefeld')).toEqual(['sfe']);
    expect(found('what year is stonefeild targeting for net zero')).toEqual(['sfe']);
    expect(found('nesting sites of the kestral')).toEqual([]);
    // A question with capitals keeps the capital rule.
    expect(found('Kestrel nesting sites')).toEqual(['kestrel']);
    expect(found('How is the kestrel doing, Jane?')).toEqual([]);
  });

  it('a first word the name writes in capitals names it, written in capitals', () => {
    const acronyms = new CompanyDirectory([meta('ats-q3-2021', 'ATS Automation'), meta('gen-q3-2021', 'Gen Foods Inc')]);
    const keys = (q: string) => acronyms.mentions(q).map((m) => m.companies.map((c) => c.key).join('|'));
    expect(keys('Why is ATS converting backlog faster?')).toEqual(['ats-automation']);
    expect(keys('ats backlog')).toEqual([]);
    // An acronym that is no word names it in a question typed all in lowercase, where a company is named
    // (its start, "what did … say"), as a name would; a word-like one ("ats", "gen") never.
    const kvt = new CompanyDirectory([meta('kvt-q3-2021', 'KVT Automation'), meta('gen-q3-2021', 'Gen Foods Inc')]);
    const kvtKeys = (q: string) => kvt.mentions(q).map((m) => m.companies.map((c) => c.key).join('|'));
    expect(kvtKeys('kvt: which line fell 37% in the spring')).toEqual(['kvt-automation']);
    expect(kvtKeys('what did kvt say about backlog')).toEqual(['kvt-automation']);
    expect(kvtKeys('what did gen say')).toEqual([]);
    expect(kvtKeys('Why is the kvt backlog growing?')).toEqual([]);
    expect(keys('What did GEN say?')).toEqual([]);
  });

  it('initials write "and" as "&" or "+"', () => {
    expect(named('H&BO store count')).toEqual(['harlow-and-birch-outfitters']);
    expect(named('H+BO store count')).toEqual(['harlow-and-birch-outfitters']);
    expect(named('What did HBO say?')).toEqual([]);
    expect(named('h&bo store count')).toEqual([]);
  });

  it('initials typed with their connector name a company whose recorded name lost it ("K+N" for "Kuehne Nagel")', () => {
    const lost = new CompanyDirectory([meta('kn-q2-2021', 'Kessler Nordholm Corp')]);
    for (const q of ['K+N contract logistics volumes', 'how did K&N air freight do']) expect(lost.mentions(q).map((m) => m.companies[0]!.key), q).toEqual(['kessler-nordholm']);
  });

  it('a line item written as joined initials ("G&A", "R&D") is never a company\'s initials', () => {
    const ga = new CompanyDirectory([meta('ga-q2-2021', 'Gannet Airways'), meta('rd-q2-2021', 'Rolling Dunes')]);
    const keys = (q: string) => ga.mentions(q).map((m) => m.companies[0]!.key);
    expect(keys('What was G&A in the quarter?')).toEqual([]);
    expect(keys('SG&A as a share of sales')).toEqual([]);
    expect(keys('Gannet R&D spending')).toEqual(['gannet-airways']);
    // Initials that are no line item still name the company, and so does "+" ("K+N").
    expect(keys('GA cargo volumes')).toEqual(['gannet-airways']);
    expect(keys('G+A cargo volumes')).toEqual(['gannet-airways']);
  });

  it('reads a name of several words with one typo in a long word, written as a name', () => {
    const words = new CompanyDirectory([meta('ti-q3-2021', 'Tessaly Instruments', 'TSLY'), meta('mm-q3-2021', 'Marble Mountain Mining')]);
    const keys = (q: string) => words.mentions(q).map((m) => [m.matched, m.companies.map((c) => c.key).join('|')]);
    expect(keys("What did Tessaly Instrumets' CFO say?")).toEqual([['Tessaly Instrumets', 'tsly']]);
    expect(keys('Marble Mountian Mining results')).toEqual([['Marble Mountian Mining', 'marble-mountain-mining']]);
    // Written in lowercase it is no name, unless the whole question is lowercase and it opens it.
    expect(keys('Results of marble mountian mining')).toEqual([]);
    expect(keys('marble mountian mining results')).toEqual([['marble mountian mining', 'marble-mountain-mining']]);
  });
});
