/**
 * Companies, periods and people across a library of calls (issue 9), at the interpretation stage:
 * pure, no model. The calls are invented fixtures (test/library/library-fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { storedCall } from '../../../src/index/stored-call.js';
import { UnknownScopeError } from '../../../src/search/interpret/call-scope.js';
import { interpretQuery } from '../../../src/search/interpret/interpret-query.js';
import { LibraryDirectory } from '../../../src/search/interpret/library-directory.js';
import type { Filters } from '../../../src/search/interpret/query-plan.js';
import type { SpeakerDirectory } from '../../../src/search/interpret/speaker-directory.js';
import { parseTranscriptText } from '../../../src/transcript/read-source.js';
import { LIBRARY_FIXTURES } from '../../library/library-fixtures.js';
import { renderTranscript } from '../../transcript/fixtures.js';

const calls = Object.entries(LIBRARY_FIXTURES).map(([name, text]) => (storedCall(parseTranscriptText(text, { fileName: name }).call, name)));
const directory = new LibraryDirectory(calls);
const plan = (q: string, filters: Filters = {}) => interpretQuery(q, directory, filters);
const callIds = (q: string, filters: Filters = {}) => {
  const ids = plan(q, filters).callIds;
  return ids ? [...ids].sort() : null;
};
const names = (q: string, filters: Filters = {}) => plan(q, filters).speakers.map((s) => `${s.person.name} (${s.person.company.key})`);

/** An invented call of prepared remarks only: `execs` as "Name - Title", each remark [speaker, words]. */
const render = (title: string, execs: string[], remarks: [string, string][]) =>
  renderTranscript({
    title,
    company: execs,
    analysts: ['Nia Cole - Ridge Capital'],
    presentation: remarks.map(([speaker, text]) => ({ speaker, title: execs.find((e) => e.startsWith(speaker))!.split(' - ')[1]!, paragraphs: [text] })),
    qa: [],
  });
/** A directory over invented calls given as [file name, text]. */
const libraryOf = (files: readonly (readonly [string, string])[]) => new LibraryDirectory(files.map(([name, text]) => storedCall(parseTranscriptText(text, { fileName: name }).call, name)));

describe('companies in the question', () => {
  it('a possessive names the company and scopes the role to it', () => {
    const p = plan("What did Northwind's CFO say about margins?");
    expect(p.companies.map((c) => c.company.key)).toEqual(['nwr']);
    expect(names("What did Northwind's CFO say about margins?")).toEqual(['Brian Keller (nwr)']);
    expect(callIds("What did Northwind's CFO say about margins?")).toEqual(['nwr-q1-2024', 'nwr-q2-2023', 'nwr-q2-2024']);
    expect(p.topic).toBe('margins');
    // After a name ending in "s", the possessive is a bare apostrophe.
    const robotics = plan("What did Northwind Robotics' CFO say about margins?");
    expect(robotics.speakers.map((s) => s.person.key)).toEqual(['nwr/brian-keller']);
    expect(robotics.topic).toBe('margins');
  });

  it('a keyword query that opens with the company names where to look, not what about; a name that goes on stays', () => {
    for (const q of ['northwind robotics backlog outlook', 'Northwind backlog outlook', 'NWR backlog outlook']) {
      const p = plan(q);
      expect(p.companies.map((c) => c.company.key), q).toEqual(['nwr']);
      expect(p.topic, q).toBe('backlog outlook');
    }
    // "…, according to the CFO" / "…, per Northwind": what the name leaves behind goes too.
    expect(plan("Why is Northwind's tax rate so high, according to the CFO?").topic).toBe('Why is tax rate so high');
    expect(plan('How many forklifts shipped, per Northwind?').topic).toBe('forklifts shipped');
    // "share" before a subject is a noun of it; before "about" the frame's verb.
    expect(plan("What did Northwind's CFO say about the share buyback?").topic).toBe('share buyback');
    expect(plan('What did Northwind share about the Ohio plant?').topic).toBe('Ohio plant');
    // "How long will X last?" asks about X.
    expect(plan("How long will Northwind's cash last?").topic).toBe('cash');
    expect(plan('how long will the cash last at northwind').topic).toBe('cash');
    // A figure stays whole ("40s" is not the scaffold word "s").
    expect(plan('northwind gross margin in the mid 40s').topic).toBe('gross margin in the mid 40s');
    // …or closes it.
    expect(plan('backlog outlook northwind robotics').topic).toBe('backlog outlook');
    expect(plan('Ohio plant output Northwind').topic).toBe('Ohio plant output');
    // "Northwind Atlas shipments": a capitalised word going on is part of a name only if the calls say it so.
    expect(plan('Northwind Atlas shipments').topic).toBe('Atlas shipments');
  });

  it('tickers, short names and legal forms all name it; the company as the speaker means its management', () => {
    for (const q of ['What did NWR say about backlog?', 'what did northwind robotics say about backlog', 'What did Northwind Robotics, Inc. say about backlog?']) {
      const p = plan(q);
      expect(p.companies.map((c) => c.company.key), q).toEqual(['nwr']);
      expect(p.side, q).toBe('company');
      expect(p.topic, q).toBe('backlog');
    }
  });

  it('the same person on three calls of one company is one person, with every call', () => {
    const [keller] = plan('What did Brian Keller say about freight?').speakers;
    expect(keller?.person.key).toBe('nwr/brian-keller');
    expect(keller?.person.refs.map((r) => r.callId)).toEqual(['nwr-q2-2023', 'nwr-q1-2024', 'nwr-q2-2024']);
  });

  it('an analyst covering two companies is two people; the company in the question picks one', () => {
    expect(names('What did Priya Natarajan ask?').sort()).toEqual(['Priya Natarajan (blfn)', 'Priya Natarajan (nwr)']);
    expect(names('What did Priya Natarajan ask Bluefin about?')).toEqual(['Priya Natarajan (blfn)']);
  });

  it('a word naming both a person and a company is the person where someone speaks, the company where it is a company', () => {
    expect(names('What did Keller say about freight?')).toEqual(['Brian Keller (nwr)']);
    expect(plan('What did Keller say about freight?').companies).toEqual([]);
    const tools = plan('What did Keller Tools say about pricing?');
    expect(tools.companies.map((c) => c.company.key)).toEqual(['klt']);
    expect(tools.speakers).toEqual([]);
  });

  it("a company after another party's possessive is whom that party deals with, not where to look", () => {
    expect(plan("Why did the fabric maker's Northwind orders shrink?").companies).toEqual([]);
    expect(plan('How are its Northwind orders doing?').companies).toEqual([]);
    expect(plan("What's Northwind's outlook for freight?").companies.map((c) => c.company.key)).toEqual(['nwr']);
  });

  it('a company named as what was bought is the topic, not where to look', () => {
    expect(plan('Which group will run the newly bought Northwind Biopharma business?').companies).toEqual([]);
    expect(plan('How is the acquisition of Northwind going?').companies).toEqual([]);
    expect(plan('Did Bluefin say anything about acquiring Northwind?').companies.map((c) => c.company.key)).toEqual(['blfn']);
    expect(plan('What did Northwind say about the acquisition of new forklifts?').companies.map((c) => c.company.key)).toEqual(['nwr']);
  });

  it('a company that only appears in the topic does not scope a person who works elsewhere', () => {
    const p = plan('What did Mark Olander say about Northwind forklifts?');
    expect(names('What did Mark Olander say about Northwind forklifts?')).toEqual(['Mark Olander (blfn)']);
    expect(p.companies).toEqual([]);
    expect(p.topic).toMatch(/Northwind forklifts/);
  });
});

describe('people across companies', () => {
  it('"How is Brian doing?" asks how a business or product named so performs, not what Brian said', () => {
    expect(plan('How is Brian doing?').speakers).toEqual([]);
    expect(plan('How is Brian doing?').topic).toMatch(/Brian/);
    expect(names('What did Brian say about margins?').length).toBeGreaterThan(0);
  });

  it('a first name shared at two companies: both are candidates, the answer stage picks one', () => {
    const p = plan('What did Brian say about margins?');
    expect(p.choosePerson).toBe(true);
    expect(names('What did Brian say about margins?').sort()).toEqual(['Brian Castillo (blfn)', 'Brian Keller (nwr)']);
  });

  it('scoped by a company, the shared first name is that company\'s person', () => {
    expect(names('What did Brian at Bluefin say about margins?')).toEqual(['Brian Castillo (blfn)']);
    expect(plan('What did Brian at Bluefin say about margins?').choosePerson).toBe(false);
  });

  it('a shared first name beside a name only one of its companies has means that company\'s person', () => {
    // Brian works at Northwind and at Bluefin; Dana only at Northwind.
    expect(names("What did Brian say about Dana's plan for margins?").sort()).toEqual(['Brian Keller (nwr)', 'Dana Whitfield (nwr)']);
    expect(plan("What did Brian say about Dana's plan for margins?").choosePerson).toBe(false);
  });

  it('a role without a company means every company\'s, grouped by company; plurals too', () => {
    for (const q of ['What did the CFO say about liquidity?', 'What did the CFOs say about liquidity?']) {
      const p = plan(q);
      expect(p.groupByCompany, q).toBe(true);
      expect(names(q).sort(), q).toEqual(['Brian Castillo (blfn)', 'Brian Keller (nwr)', 'Victor Osei (klt)']);
    }
  });
});

describe('who asked an executive', () => {
  it('is the analysts asking on the calls that executive answers on, not every company\'s analysts', () => {
    const p = plan('Who asked Brian Keller about pricing?');
    expect([p.intent, p.speakers, p.topic]).toEqual(['who_asked', [], 'pricing']);
    expect(callIds('Who asked Brian Keller about pricing?')).toEqual(['nwr-q1-2024', 'nwr-q2-2023', 'nwr-q2-2024']);
    // A speaker filter says whose words: the question's executive then scopes nothing.
    expect(callIds('Who asked Brian Keller about pricing?', { speaker: 'any' })).toBeNull();
  });
});

describe('periods in the question', () => {
  it('a quarter with its year, in any common spelling, scopes the calls and leaves the topic', () => {
    for (const q of ['What did Northwind say in Q2 2024 about the Ohio plant?', 'Northwind 2024Q2 Ohio plant', "Northwind's 2Q24 call: the Ohio plant", 'What did Northwind say in the second quarter of 2024 about the Ohio plant?']) {
      expect(callIds(q), q).toEqual(['nwr-q2-2024']);
      expect(plan(q).topic, q).toMatch(/Ohio plant/);
    }
  });

  it('two periods named together are the calls of both, not silently the first', () => {
    const q = 'What did Northwind say in Q2 2023 and Q2 2024 about margins?';
    expect(callIds(q)).toEqual(['nwr-q2-2023', 'nwr-q2-2024']);
    expect(plan(q).period).toMatchObject({ matched: 'Q2 2023 and Q2 2024', label: 'Q2 2023 and Q2 2024' });
    expect(plan(q).topic).toBe('margins');
    expect(plan(q).droppedPeriod).toBeNull();
    // Compared, they leave nothing of the comparison behind in the topic.
    expect(plan('What did Northwind say about margins in Q2 2023 vs Q2 2024?').topic).toBe('margins');
    expect(plan('Northwind margins Q2 2023 versus Q2 2024').topic).toBe('margins');
    // The same period twice is one.
    expect(plan('Northwind Q2 2024 versus 2024Q2 margins').period?.label).toBe('Q2 2024');
    // One no call in scope has is dropped and reported, the other searched; named beside it, it said when too, not what about.
    const partly = plan('Northwind margins in Q2 2023 and Q3 2031');
    expect(callIds('Northwind margins in Q2 2023 and Q3 2031')).toEqual(['nwr-q2-2023']);
    expect([partly.period?.label, partly.droppedPeriod]).toEqual(['Q2 2023', 'Q3 2031']);
    expect(partly.topic).toBe('margins');
  });

  it('"last quarter" is the latest call of the company; "a year ago" the one four quarters before it', () => {
    expect(callIds('What did Northwind say last quarter about pricing?')).toEqual(['nwr-q2-2024']);
    expect(callIds('What did Northwind say a year ago about margins?')).toEqual(['nwr-q2-2023']);
    expect(plan('What did Northwind say a year ago about margins?').topic).toBe('margins');
  });

  it('without a company, "last quarter" is each company\'s latest call', () => {
    expect(callIds('What was said last quarter about pricing?')).toEqual(['blfn-q2-2024', 'klt-q3-2023', 'nwr-q2-2024']);
  });

  it('a period no call in scope has is dropped and reported, never an empty scope', () => {
    const p = plan('What did Bluefin say in Q1 2021 about shrimp?');
    expect(p.droppedPeriod).toBe('Q1 2021');
    expect(p.callIds && [...p.callIds]).toEqual(['blfn-q2-2024']);
    // Its words were then most likely what was asked about ("guidance for Q1 2026"): they stay in the topic.
    expect(p.topic).toContain('Q1 2021');
    expect(plan('What did Bluefin say about guidance for Q3 2031?').topic).toBe('guidance for Q3 2031');
    // A period some call has leaves the topic.
    expect(plan('What did Northwind say in Q1 2024 about pricing?').topic).toBe('pricing');
  });

  it('a quarter an outlook is for is given on the call before it; its words stay in the topic', () => {
    expect(callIds('Northwind revenue guidance for Q2 2024')).toEqual(['nwr-q1-2024']);
    expect(callIds('What did Northwind expect for the second quarter of 2024?')).toEqual(['nwr-q1-2024']);
    expect(callIds('Northwind Q3 2024 outlook for the Ohio plant')).toEqual(['nwr-q2-2024']);
    expect(plan('Northwind revenue guidance for Q2 2024').topic).toBe('revenue guidance for Q2 2024');
    // Said on that quarter's own call, it is that call.
    expect(callIds('What did Northwind say in Q2 2024 about guidance?')).toEqual(['nwr-q2-2024']);
    // No call before it in the library: every call of the company, and nothing to report as dropped.
    const p = plan('Bluefin shrimp guidance for Q3 2031');
    expect([p.droppedPeriod, p.callIds && [...p.callIds]]).toEqual([null, ['blfn-q2-2024']]);
  });

  it('a half or nine months is the call that closes it', () => {
    expect(callIds('What did Northwind say in the first half of 2024 about pricing?')).toEqual(['nwr-q2-2024']);
    expect(callIds('Northwind H1 2024 margins')).toEqual(['nwr-q2-2024']);
    // Its words say which figure too ("margins for H1", not the quarter's): they stay in the topic.
    expect(plan('Northwind H1 2024 margins').topic).toBe('H1 2024 margins');
    expect(callIds('What was said about pricing in the first nine months of 2023?')).toEqual(['klt-q3-2023']);
    // One no call closes stays in the topic ("second-half outlook").
    expect(plan('What did Northwind say about the second half of 2024?').topic).toBe('second half of 2024');
  });

  it('a full year or its annual results is that fiscal year\'s calls, and its words stay in the topic', () => {
    expect(callIds('Northwind full year 2023 margins')).toEqual(['nwr-q2-2023']);
    expect(plan('Northwind full year 2023 margins').topic).toBe('full year 2023 margins');
    expect(callIds('What did Northwind say about pricing on its 2024 full-year results call?')).toEqual(['nwr-q1-2024', 'nwr-q2-2024']);
    expect(callIds('pricing in the Northwind annual results for 2023')).toEqual(['nwr-q2-2023']);
    expect(callIds('Northwind 2023 annual results pricing')).toEqual(['nwr-q2-2023']);
    expect(callIds('Northwind pricing in its 2023 results')).toEqual(['nwr-q2-2023']);
    // An outlook's year first, then when it was given: the calls of when.
    expect(callIds('What capex did Northwind guide for 2025 with its 2023 results?')).toEqual(['nwr-q2-2023']);
    // What an outlook is for is not when it was said.
    expect(callIds('Northwind 2024 full year guidance')).toEqual(['nwr-q1-2024', 'nwr-q2-2023', 'nwr-q2-2024']);
    // No call of that year: the period is dropped and said so, not searched as nothing.
    expect(plan('Northwind full year 2031 margins').droppedPeriod).not.toBeNull();
  });

  it('a year right after the company\'s name is that company\'s year when it has a call of it; its words stay', () => {
    expect(callIds('Northwind 2023 margins')).toEqual(['nwr-q2-2023']);
    expect(callIds("Northwind's 2023 margins")).toEqual(['nwr-q2-2023']);
    expect(plan('Northwind 2023 margins').topic).toBe('2023 margins');
    // No call of that year, or a year an outlook is for: every call of the company.
    expect(callIds('Northwind 2031 margins')).toEqual(['nwr-q1-2024', 'nwr-q2-2023', 'nwr-q2-2024']);
    expect(callIds('Northwind 2023 margins outlook')).toEqual(['nwr-q1-2024', 'nwr-q2-2023', 'nwr-q2-2024']);
  });

  it('a bare year or a quarter without a year is a topic, not a period', () => {
    expect(plan('capex guidance for 2026').callIds).toBeNull();
    expect(plan('Q3 guidance').callIds).toBeNull();
  });

  it('a bare year saying when something was said is the calls of that fiscal year, and leaves the topic as "Q2 2023" does', () => {
    const p = plan('What did Northwind say in 2023 about margins?');
    expect(p.period).toMatchObject({ period: { kind: 'year', year: 2023 }, matched: '2023' });
    expect(callIds('What did Northwind say in 2023 about margins?')).toEqual(['nwr-q2-2023']);
    expect(p.topic).toBe('margins');
    expect(plan('What did Northwind say about margins in 2024?').topic).toBe('margins');
    expect(callIds('What did Northwind say about margins in 2024?')).toEqual(['nwr-q1-2024', 'nwr-q2-2024']);
    // Without a company: every company's calls of that year.
    expect(callIds('What was said during 2024 about pricing?')).toEqual(['blfn-q2-2024', 'nwr-q1-2024', 'nwr-q2-2024']);
    // Asking for a figure, the year also says which one (the year's): the calls of that year, its words kept.
    const figure = plan('What was Northwind gross margin in 2023?');
    expect(callIds('What was Northwind gross margin in 2023?')).toEqual(['nwr-q2-2023']);
    expect(figure.topic).toContain('2023');
    // A year no call in scope is of stays in the topic, with nothing dropped to report; so does one a question about what is to come names.
    const none = plan('What did Northwind say in 2031 about margins?');
    expect([none.period, none.droppedPeriod, none.topic]).toEqual([null, null, expect.stringContaining('2031')]);
    for (const q of ['What will Northwind margins be in 2024?', 'What does Northwind expect margins to be in 2024?']) {
      expect(plan(q).period, q).toBeNull();
      expect(plan(q).topic, q).toContain('2024');
    }
  });
});

describe('request filters', () => {
  it('company by name, short name, ticker or key, any case; quarter and year; a call id', () => {
    expect(callIds('margins', { company: 'nwr' })).toEqual(['nwr-q1-2024', 'nwr-q2-2023', 'nwr-q2-2024']);
    expect(callIds('margins', { company: 'BLUEFIN FOODS' })).toEqual(['blfn-q2-2024']);
    expect(callIds('margins', { company: 'Northwind', quarter: '2024Q1' })).toEqual(['nwr-q1-2024']);
    expect(callIds('margins', { year: 2023 })).toEqual(['klt-q3-2023', 'nwr-q2-2023']);
    expect(callIds('margins', { call: 'klt-q3-2023' })).toEqual(['klt-q3-2023']);
  });

  it('filters win over the question, and "any" lifts what the question implied', () => {
    expect(callIds("What did Northwind's CFO say about margins?", { company: 'Bluefin' })).toEqual(['blfn-q2-2024']);
    expect(names("What did Northwind's CFO say about margins?", { company: 'Bluefin' })).toEqual(['Brian Castillo (blfn)']);
    const lifted = plan('What did Northwind say in Q2 2024 about margins?', { company: 'any', quarter: 'any' });
    expect(lifted.callIds).toBeNull();
    expect(lifted.sources).toMatchObject({ company: 'request', period: 'request' });
  });

  it('a call filter is one company and period: what the question implied against it gives way, what the request gave against it scopes nothing', () => {
    // The question's company and period are not the call's: the call wins, and interpreted does not claim them.
    const implied = plan('What did Bluefin say in Q2 2024 about margins?', { call: 'klt-q3-2023' });
    expect([...implied.callIds!]).toEqual(['klt-q3-2023']);
    expect(implied.companies).toEqual([]);
    expect(implied.period).toBeNull();
    expect(implied.sources).toMatchObject({ company: 'none', period: 'none', call: 'request' });
    expect(implied.topic).toContain('Q2 2024');
    // The call's own company and period stay as asked.
    const own = plan('What did Northwind say in Q1 2024 about margins?', { call: 'nwr-q1-2024' });
    expect(own.companies.map((c) => c.company.key)).toEqual(['nwr']);
    expect(own.period?.label).toBe('Q1 2024');
    expect(callIds('margins', { call: 'nwr-q1-2024', company: 'NWR', quarter: 'Q1 2024', year: 2024 })).toEqual(['nwr-q1-2024']);
    // Two request filters no call meets together: nothing in scope (the notice names them), never one silently ignored.
    expect(callIds('margins', { call: 'klt-q3-2023', company: 'Northwind' })).toEqual([]);
    expect(callIds('margins', { call: 'nwr-q1-2024', quarter: 'Q2 2024' })).toEqual([]);
    expect(callIds('margins', { quarter: 'Q1 2024', year: 2023 })).toEqual([]);
    expect(callIds('margins', { quarter: 'Q1 2024', year: 2024 })).toEqual(['nwr-q1-2024']);
  });

  it('a speaker filter of another company than the question names lifts that company; against a company filter it is an error that says why', () => {
    const lifted = plan('What did Northwind say about margins?', { speaker: 'Brian Castillo' });
    expect(lifted.speakers.map((s) => s.person.key)).toEqual(['blfn/brian-castillo']);
    expect(lifted.companies).toEqual([]);
    expect(lifted.sources).toMatchObject({ speaker: 'request', company: 'request' });
    // Both given: they contradict. Brian Castillo exists; the error says he is not on Northwind's calls.
    expect(() => plan('margins', { company: 'Northwind', speaker: 'Brian Castillo' })).toThrow(/"Brian Castillo" is not on the calls in scope \(Northwind Robotics, Inc\.\).*Bluefin Foods Corp\./);
    expect(() => plan('margins', { company: 'Northwind', speaker: 'Zorblax' })).toThrow(/no participant matches speaker "Zorblax"/);
  });

  it('lifting the company the question named is done in one interpretation, with the plan company=any gives', () => {
    // The directory as interpretation sees it, counting how often the question's people are read (once an interpretation).
    let reads = 0;
    const counting: SpeakerDirectory = {
      companies: directory.companies,
      mentions: (text, scope) => (reads++, directory.mentions(text, scope)),
      resolve: (phrase, scope) => directory.resolve(phrase, scope),
      companyWords: () => directory.companyWords(),
      personOf: (callId, id) => directory.personOf(callId, id),
      saysName: (company, phrase) => directory.saysName(company, phrase),
    };
    const q = 'What did Northwind say about margins?';
    const readsFor = (filters: Filters) => {
      reads = 0;
      const p = interpretQuery(q, counting, filters);
      return { p, reads };
    };
    const lifted = readsFor({ speaker: 'Brian Castillo' });
    const plain = readsFor({});
    expect(lifted.reads).toBeLessThanOrEqual(plain.reads);
    expect(lifted.p).toEqual(plan(q, { speaker: 'Brian Castillo', company: 'any' }));
    // With no company named, the library-wide read serves the people too: one read.
    reads = 0;
    interpretQuery('What did Brian say about margins?', counting, {});
    expect(reads).toBe(1);
  });

  it('an unknown company, quarter or call is an error that lists what is known', () => {
    expect(() => plan('margins', { company: 'Initech' })).toThrow(UnknownScopeError);
    try {
      plan('margins', { company: 'Initech' });
    } catch (err) {
      expect((err as Error).message).toMatch(/Northwind Robotics, Inc\..*NWR.*Bluefin Foods Corp\./);
    }
    expect(() => plan('margins', { quarter: 'spring' })).toThrow(/quarter must look like/);
    expect(() => plan('margins', { call: 'nope' })).toThrow(/no call matches "nope".*nwr-q1-2024/);
  });

  it('an unknown company lists each known company once, as name with ticker, not names and bare tickers side by side', () => {
    let message = '';
    try {
      plan('margins', { company: 'Initech' });
    } catch (err) {
      message = (err as Error).message;
    }
    const listed = /\(known: (.*)\)$/.exec(message)?.[1]?.split('; ');
    expect(listed).toEqual(directory.companies.companies.map((c) => `${c.name} (${c.ticker})`));
    expect(listed).toContain('Northwind Robotics, Inc. (NWR)');
    expect(listed).not.toContain('NWR');
  });
});

describe('names the library does not know, and typos in company names', () => {
  it('reads a company name with one typo as that company, but not two typos', () => {
    for (const q of ['What did Northwnid say about backlog?', 'What did Nothwind say about backlog?']) {
      expect(plan(q).companies.map((c) => c.company.key), q).toEqual(['nwr']);
      expect(plan(q).topic, q).toBe('backlog');
    }
    expect(plan('What did Nrothwnid say about backlog?').companies).toEqual([]);
  });

  it('keeps the nouns that end a subject ("market share", "inventory management")', () => {
    expect(plan('What did Northwind say about market share').topic).toBe('market share');
    expect(plan('What did NWR say about earnings per share?').topic).toBe('earnings per share');
    expect(plan('what did the Bluefin CFO say about inventory management').topic).toBe('inventory management');
    expect(plan('How much cash did Keller Tools return to shareholders?').topic).toBe('cash return to shareholders');
    // Question and request words around the subject are not the subject.
    expect(plan("What are Keller Tools' capital expenditures for 2024?").topic).toBe('capital expenditures for 2024');
    expect(plan('Compare what the CFOs said about liquidity').topic).toBe('liquidity');
    expect(plan('What did Northwind say on the earnings call about backlog?').topic).toBe('backlog');
    expect(plan('Who from Crestline Securities asked a question on the Bluefin call?').topic).toBe('');
    expect(plan('Who from Crestline Securities asked a question on the Bluefin call?').companies.map((c) => c.company.key)).toEqual(['blfn']);
  });

  it('searches the subject of "what did X say about Y" when X names nobody, and reports X', () => {
    const acme = plan('What did ACME say about backlog?');
    expect(acme.topic).toBe('backlog');
    expect(acme.unmatched).toEqual(['ACME']);
    expect(acme.companies).toEqual([]);
    expect(plan('What did they say about backlog?').unmatched).toEqual([]);
    expect(plan('What did they say about backlog?').topic).toBe('backlog');
    // A surname after someone else's first name is someone else.
    const other = plan('What did Maria Castillo say about liquidity?');
    expect(other.speakers).toEqual([]);
    expect(other.unmatched).toEqual(['Maria Castillo']);
    expect(other.topic).toBe('liquidity');
    expect(plan('What did Maria Castillo say?').unmatched).toEqual(['Maria Castillo']);
    expect(plan('what did the the say about the').unmatched).toEqual([]);
    expect(names('What did Mr. Castillo say about liquidity?')).toEqual(['Brian Castillo (blfn)']);
    expect(plan('What did Mr. Castillo say about liquidity?').topic).toBe('liquidity');
    // Initials before a surname make another name ("MD Castillo", as "MD Anderson" is a cancer centre), unless the whole question is in capitals.
    expect(names('northwind trial with MD Castillo status')).toEqual([]);
    expect(plan('northwind trial with MD Castillo status').companies.map((c) => c.company.key)).toEqual(['nwr']);
    expect(names('WHAT DID CASTILLO SAY ABOUT LIQUIDITY')).toEqual(['Brian Castillo (blfn)']);
  });

  it('an analyst or firm nobody in the library matches is reported; their question is still looked for among the analysts\'', () => {
    const p = plan('What did Maria Castillo ask about liquidity?');
    expect([p.unmatched, p.intent, p.side, p.topic]).toEqual([['Maria Castillo'], 'who_asked', 'analyst', 'liquidity']);
    const firm = plan('What did the analyst from Stonegate Capital ask?');
    expect([firm.unmatched, firm.intent, firm.topic]).toEqual([['Stonegate Capital'], 'who_asked', '']);
    expect(plan('What did the Wells Fargo analyst ask about margins?').unmatched).toEqual(['Wells Fargo']);
    const wanted = plan('What did the Wells Fargo analyst want to know about margins?');
    expect([wanted.unmatched, wanted.intent, wanted.side, wanted.topic]).toEqual([['Wells Fargo'], 'who_asked', 'analyst', 'margins']);
    // A firm that is there is a speaker, not a name to report.
    const known = plan('What did the analyst from Crestline Securities ask?');
    expect(known.unmatched).toEqual([]);
    expect(known.speakers.map((s) => s.person.name)).toContain('Priya Natarajan');
  });

  it("reports a firm or role that nobody in the company's calls matches, instead of searching its words", () => {
    // Lakeshore Partners' analyst spoke only on Bluefin's call; the company addressed is the scope.
    const p = plan('What did the Lakeshore Partners analyst ask Northwind about margins?');
    expect(p.companies.map((c) => c.company.key)).toEqual(['nwr']);
    expect(p.speakers).toEqual([]);
    expect(p.unmatched).toEqual(['Lakeshore Partners']);
    expect(p.topic).toBe('margins');
  });

  it('a quarter without a year says when, for a company that has such calls', () => {
    expect(callIds('What did Northwind say in Q2 about backlog?')).toEqual(['nwr-q2-2023', 'nwr-q2-2024']);
    expect(plan('What did Northwind say during the second quarter about backlog?').topic).toBe('backlog');
    // No such call: the words stay in the topic; and "Q2 guidance" is a subject, not a time.
    expect(plan('What did Northwind say in the third quarter about backlog?').period).toBeNull();
    expect(plan('What did Northwind say about Q2 guidance?').period).toBeNull();
    expect(plan('What did Northwind say about Q2 guidance?').topic).toBe('Q2 guidance');
  });

  it('"did anyone ask about X" asks who asked', () => {
    for (const q of ['Did anyone ask about frozen shrimp?', 'Was there a question about frozen shrimp?', 'Any questions on frozen shrimp?', 'Has anyone raised the topic of frozen shrimp?']) {
      expect(plan(q).intent, q).toBe('who_asked');
      expect(plan(q).topic, q).toBe('frozen shrimp');
    }
  });

  it('a company named in the subject is what was talked about, not a call to search', () => {
    const p = plan('What did Northwind say about Bluefin?');
    expect(p.companies.map((c) => c.company.key)).toEqual(['nwr']);
    expect(p.topic).toBe('Bluefin');
    // Two companies before the say-verb both speak.
    expect(plan('What did Bluefin and Keller Tools say about prices?').companies.map((c) => c.company.key).sort()).toEqual(['blfn', 'klt']);
  });

  it('"the operator" is who spoke, not the topic', () => {
    expect([plan('What did the operator say?').side, plan('What did the operator say?').topic]).toEqual(['operator', '']);
  });

  it('takes "which company talked about X" and "who mentioned X" as asking about X', () => {
    expect(plan('Which company talked about frozen shrimp?').topic).toBe('frozen shrimp');
    expect(plan('Who mentioned steel costs?').topic).toBe('steel costs');
    expect(plan('Which companies discussed cordless drills?').embedText).toBe('cordless drills');
    expect(plan("Who said the price increase would stick?").topic).toBe('price increase would stick');
    expect(plan('Who said that shrimp prices fell this spring?').topic).toBe('shrimp prices fell this spring');
  });

  it('takes "which <description> said X" as asking about X, keeping the description to point to a company', () => {
    const p = plan('Which tool maker said steel costs fell?');
    expect([p.topic, p.described]).toEqual(['steel costs fell', 'tool maker']);
    expect(plan('what frozen food supplier expects shrimp prices to rise').described).toBe('frozen food supplier');
    // A question's own verb, a group word, a pronoun or a role is no description.
    for (const q of ['What did Bluefin say about shrimp?', 'Which company talked about frozen shrimp?', 'what they said about steel', 'Which CFO said steel costs fell?']) {
      expect(plan(q).described, q).toBeNull();
    }
  });

  it('"what did X say" with an X no company or person goes by: described when the calls say X (a company its source filed under a ticker), else unmatched', () => {
    // Bluefin's call says "cold chain"; nothing says "Zyqqo Corp".
    const said = plan('What did Cold Chain say about spending?');
    expect([said.described, said.unmatched, said.topic]).toEqual(['Cold Chain', [], 'spending']);
    const unsaid = plan('What did Zyqqo Corp say about steel?');
    expect([unsaid.described, unsaid.unmatched, unsaid.topic]).toEqual([null, ['Zyqqo Corp'], 'steel']);
  });
});

describe('a surname that is also the name of its bearer’s company', () => {
  // Invented calls: Harlan Steel's CEO is Ruth Harlan; Bluewater Foods' CFO is Tom Harlan.
  const two = [
    ['hrln-q1-2024.txt', render('Harlan Steel Inc. (HRLN) Q1 2024 Earnings Call Apr 25, 2024 9:00 AM ET', ['Ruth Harlan - Chief Executive Officer', 'Omar Bell - Chief Financial Officer'], [['Ruth Harlan', 'Rebar shipments rose and our mill in Ohio ran at full capacity.'], ['Omar Bell', 'Revenue was $410 million.']])],
    ['bwf-q1-2024.txt', render('Bluewater Foods Inc. (BWF) Q1 2024 Earnings Call Apr 30, 2024 9:00 AM ET', ['Ana Ruiz - Chief Executive Officer', 'Tom Harlan - Chief Financial Officer'], [['Ana Ruiz', 'Frozen fish sales grew.'], ['Tom Harlan', 'Liquidity is strong and we repaid our term loan.']])],
  ] as const;
  const lib = libraryOf(two);
  const who = (q: string) => interpretQuery(q, lib).speakers.map((s) => s.person.key).sort();

  it('names both Harlans where someone speaks, so the rest of the question chooses', () => {
    expect(who('What did Harlan say about rebar?')).toEqual(['bwf/tom-harlan', 'hrln/ruth-harlan']);
    expect(interpretQuery('What did Harlan say about rebar?', lib).choosePerson).toBe(true);
  });

  it('a word one of the calls says is not taken for a typo of a name', () => {
    // "Bellingham" is a place in a remark, one letter from no one; "Harlen" is nobody's word, one letter from Harlan.
    const said = new LibraryDirectory(
      [['hrln-q1-2024.txt', render('Harlan Steel Inc. (HRLN) Q1 2024 Earnings Call Apr 25, 2024 9:00 AM ET', ['Ruth Harlan - Chief Executive Officer', 'Omar Bellamy - Chief Financial Officer'], [['Ruth Harlan', 'Our Bellami plant near the coast ran at full capacity.'], ['Omar Bellamy', 'Revenue was $410 million.']])] as const].map(([name, text]) => (storedCall(parseTranscriptText(text, { fileName: name }).call, name))),
    );
    expect(interpretQuery('how is bellami plant capacity', said).speakers).toEqual([]);
    expect(interpretQuery('how is bellami plant capacity', said).topic).toMatch(/bellami/);
    expect(interpretQuery('what did bellamey say about revenue', said).speakers.map((s) => s.person.name)).toEqual(['Omar Bellamy']);
  });

  it('asked what it does, not what was said ("does Harlan have…"), the word is its company, whose calls hold its Harlan too', () => {
    for (const q of ['does Harlan have a plan for the Ohio mill', 'did Harlan raise rebar prices', 'will Harlan build another mill']) {
      const p = interpretQuery(q, lib);
      expect([q, p.companies.map((c) => c.company.key), p.speakers]).toEqual([q, ['hrln'], []]);
    }
    // A speech frame after the name keeps it the people, as above.
    expect(who('did Harlan say anything about rebar')).toEqual(['bwf/tom-harlan', 'hrln/ruth-harlan']);
    expect(who('Harlan on rebar pricing')).toEqual(['bwf/tom-harlan', 'hrln/ruth-harlan']);
  });

  it('within its own company the word is the company, not the person', () => {
    const p = interpretQuery('Harlan rebar shipments', lib);
    expect(p.companies.map((c) => c.company.key)).toEqual(['hrln']);
    expect(p.speakers).toEqual([]);
  });
});

describe("the name a call's welcome gives its company", () => {
  // Invented: the header gives the legal name, the call's opening the name people use.
  const oneCall = (title: string, exec: string, opening: { speaker: string; paragraphs: string[] }[], fileName: string) => {
    const text = renderTranscript({ title, company: [`Lucia Prado - ${exec}`], analysts: ['Nia Cole - Ridge Capital'], presentation: opening, qa: [] });
    return new LibraryDirectory([storedCall(parseTranscriptText(text, { fileName }).call, fileName)]);
  };
  const libraryOf = (title: string, spoken: string, remark: string, fileName: string) =>
    oneCall(
      title,
      'Chief Executive Officer',
      [
        { speaker: 'Operator', paragraphs: [`Good morning, and welcome to ${spoken}'s second quarter 2021 results conference call.`] },
        { speaker: 'Lucia Prado', paragraphs: [remark] },
      ],
      fileName,
    );
  const lib = libraryOf('Fomento Textil Andino (FTXA) Q2 2021 Earnings Call Jul 28, 2021 10:00 AM ET', 'FOTEXA', 'Cotton costs eased and our mills in Peru ran at full capacity.', 'ftxa-q2-2021.txt');

  it('names the company as well as its legal name', () => {
    expect(interpretQuery('What did FOTEXA say about cotton costs?', lib).companies.map((c) => c.company.key)).toEqual(['ftxa']);
    expect(interpretQuery('fotexa cotton costs', lib).companies.map((c) => c.company.key)).toEqual(['ftxa']);
    expect(interpretQuery('What did Fomento Textil Andino say about cotton?', lib).companies.map((c) => c.company.key)).toEqual(['ftxa']);
  });

  it('after a generic first word, the rest of the spoken name names it too', () => {
    const banco = libraryOf('Banco Norvald (BNVD) Q2 2021 Earnings Call Jul 28, 2021 10:00 AM ET', 'Banco Norvald México', 'Deposits grew and our branches in Monterrey reopened.', 'bnvd-q2-2021.txt');
    const p = interpretQuery('norvald mexico deposit growth', banco);
    expect(p.companies.map((c) => c.company.key)).toEqual(['bnvd']);
    expect(p.topic).toBe('deposit growth');
  });

  it('and the name its investor website goes by, read from the opening', () => {
    const site = oneCall(
      'Fenghuang Digital Media Ltd (FDML) Q3 2020 Earnings Call Nov 18, 2020 8:00 AM ET',
      'Chief Financial Officer',
      [
        { speaker: 'Operator', paragraphs: ['Welcome to the third quarter 2020 earnings call. The release is available on our website at ir.fhdm.com.'] },
        { speaker: 'Lucia Prado', paragraphs: ['Brand advertising recovered as offline campaigns resumed.'] },
      ],
      'fdml-q3-2020.txt',
    );
    const p = interpretQuery("what's hurting fhdm's brand advertising", site);
    expect(p.companies.map((c) => c.company.key)).toEqual(['fdml']);
    expect(p.topic).not.toContain('fhdm');
  });

  it('up to a gap in the words heard ("Kirazli [inaudible]"): what was heard of it names it', () => {
    const gap = libraryOf('Anadolu Dokuma Sanayi (ADKS) Q2 2021 Earnings Call Jul 28, 2021 10:00 AM ET', 'Kirazli [inaudible]', 'Cotton costs eased and our mills ran at full capacity.', 'adks-q2-2021.txt');
    const p = interpretQuery('kirazli cotton costs', gap);
    expect(p.companies.map((c) => c.company.key)).toEqual(['adks']);
    expect(p.topic).toBe('cotton costs');
  });

  // Invented openings that say the company's name only in passing: an executive's
  // self-introduction, the forward-looking-statements notice.
  it.each([
    ['an executive introducing themselves', "Thanks for joining. For those who don't know me, my name is Lucia Prado, I'm the CEO and co-founder of Velomar."],
    ['its forward-looking-statements notice', 'Before we begin: this call includes forward-looking statements. Velomar undertakes no obligation to update them.'],
  ])('and the name %s gives it', (_, opening) => {
    const own = oneCall('Pacific Harbour Mobility Corp (PHMC) Q4 2021 Earnings Call Feb 10, 2022 9:00 AM ET', 'Chief Executive Officer', [{ speaker: 'Lucia Prado', paragraphs: [`${opening} Our scooter fleet grew to 9,000 vehicles.`] }], 'phmc-q4-2021.txt');
    const p = interpretQuery('velomar scooter fleet size', own);
    expect(p.companies.map((c) => c.company.key)).toEqual(['phmc']);
    expect(p.topic).toBe('scooter fleet size');
  });

  it('and, when its source gives only a ticker, the name the call keeps saying that starts as the ticker does', () => {
    const text = renderTranscript({
      title: 'VLMRF Q4 2021 Earnings Call',
      company: ['Lucia Prado - Chief Executive Officer'],
      analysts: ['Nia Cole - Ridge Capital'],
      presentation: [{ speaker: 'Lucia Prado', paragraphs: ['Thank you for joining the results call of Velomar. Revenue at Velomar grew 12%, and the board of Velomar approved a dividend. Our scooter fleet grew to 9,000 vehicles.'] }],
      qa: [],
    });
    const parsed = parseTranscriptText(text, { fileName: 'vlmrf-q4-2021.txt' }).call;
    // As a source that carries only the ticker gives it.
    const tickerOnly = storedCall({ ...parsed, meta: { ...parsed.meta, company: 'VLMRF', ticker: 'VLMRF' } }, 'vlmrf-q4-2021.txt');
    const p = interpretQuery('velomar scooter fleet size', new LibraryDirectory([tickerOnly]));
    expect(p.companies.map((c) => c.company.name)).toEqual(['VLMRF']);
    expect(p.topic).toBe('scooter fleet size');
    // A call whose source names its company is not read this way.
    const named = storedCall({ ...parsed, meta: { ...parsed.meta, company: 'Pacific Harbour Mobility', ticker: 'VLMRF' } }, 'vlmrf-q4-2021.txt');
    expect(interpretQuery('velomar scooter fleet size', new LibraryDirectory([named])).companies).toEqual([]);
  });

  it('but not when the welcome gives one English word, which would name it wherever it is written', () => {
    const one = libraryOf('Andes Cordage Holdings (ACDH) Q2 2021 Earnings Call Jul 28, 2021 10:00 AM ET', 'Summit', 'Rope demand from ports was steady.', 'acdh-q2-2021.txt');
    expect(interpretQuery('Summit rope demand', one).companies).toEqual([]);
  });
});

describe('a speaker a call names by one word only', () => {
  // Invented: Quarry Lane's call lists its US head as plain "Bill"; Harbor Cement's question is about a law.
  const call = (title: string, exec: string, remark: string, fileName: string) => {
    const text = renderTranscript({
      title,
      company: [`${exec} - Vice President, US Division`],
      analysts: ['Nia Cole - Ridge Capital'],
      presentation: [{ speaker: exec, title: 'Vice President, US Division', paragraphs: [remark] }],
      qa: [],
    });
    return storedCall(parseTranscriptText(text, { fileName }).call, fileName);
  };
  const lib = new LibraryDirectory([
    call('Quarry Lane Aggregates (QLAG) Q3 2021 Earnings Call Oct 28, 2021 10:00 AM ET', 'Bill', 'Gravel volumes in Texas were steady.', 'qlag-q3-2021.txt'),
    call('Harbor Cement Inc. (HBCM) Q3 2021 Earnings Call Oct 29, 2021 10:00 AM ET', 'Ana Ruiz', 'The infrastructure bill should lift cement demand by 4% a year.', 'hbcm-q3-2021.txt'),
  ]);

  it('is an ordinary word where nothing frames it as a speaker ("infrastructure bill")', () => {
    const p = interpretQuery('Harbor US infrastructure bill cement demand', lib);
    expect(p.companies.map((c) => c.company.key)).toEqual(['hbcm']);
    expect(p.unmatched).toEqual([]);
    expect(p.topic).toContain('infrastructure bill cement demand');
  });

  it('still names them where a speech frame does', () => {
    expect(interpretQuery('What did Bill say about gravel volumes?', lib).speakers.map((s) => s.person.key)).toEqual(['qlag/bill']);
  });
});

describe("one word of an analyst's firm that is also an English word", () => {
  // Invented: an analyst from "Wolf Research"; the question is about a company called Arctic Wolf.
  const text = renderTranscript({
    title: 'Harbor Cement Inc. (HBCM) Q3 2021 Earnings Call Oct 29, 2021 10:00 AM ET',
    company: ['Ana Ruiz - Chief Executive Officer'],
    analysts: ['Sam Ortiz - Wolf Research'],
    presentation: [{ speaker: 'Ana Ruiz', title: 'Chief Executive Officer', paragraphs: ['Cement demand rose 4% in the quarter.'] }],
    qa: [
      { speaker: 'Sam Ortiz', paragraphs: ['How do you see cement pricing into next year?'] },
      { speaker: 'Ana Ruiz', paragraphs: ['We expect pricing to hold.'] },
    ],
  });
  const lib = new LibraryDirectory([storedCall(parseTranscriptText(text, { fileName: 'hbcm-q3-2021.txt' }).call, 'hbcm-q3-2021.txt')]);

  it('names nobody where nothing frames it as a speaker ("Arctic Wolf funding round")', () => {
    const p = interpretQuery('Arctic Wolf funding round valuation', lib);
    expect(p.speakers).toEqual([]);
    expect(p.topic).toBe('Arctic Wolf funding round valuation');
  });

  it('names the analyst where a speech frame does, as the whole firm name always does', () => {
    expect(interpretQuery('what did Wolf ask about cement pricing', lib).speakers.map((s) => s.person.name)).toEqual(['Sam Ortiz']);
    expect(interpretQuery('Wolf Research cement pricing', lib).speakers.map((s) => s.person.name)).toEqual(['Sam Ortiz']);
  });
});

describe('a firm before "analyst" is the firm, not an analyst it is the surname of', () => {
  // Invented: an analyst surnamed Goldman (of Ridge Capital) on one call, a Goldman Sachs analyst on another.
  const call = (title: string, file: string, analyst: string) => {
    const [name, firm] = analyst.split(' - ') as [string, string];
    const text = renderTranscript({
      title,
      company: ['Ana Ruiz - Chief Executive Officer'],
      analysts: [analyst],
      presentation: [{ speaker: 'Ana Ruiz', title: 'Chief Executive Officer', paragraphs: ['Cement demand rose 4% in the quarter.'] }],
      qa: [
        { speaker: name, title: firm, paragraphs: ['How do you see cement pricing into next year?'] },
        { speaker: 'Ana Ruiz', title: 'Chief Executive Officer', paragraphs: ['We expect pricing to hold.'] },
      ],
    });
    return storedCall(parseTranscriptText(text, { fileName: file }).call, file);
  };
  const lib = new LibraryDirectory([
    call('Harbor Cement Inc. (HBCM) Q3 2021 Earnings Call Oct 29, 2021 10:00 AM ET', 'hbcm-q3-2021.txt', 'Ken Goldman - Ridge Capital'),
    call('Orvane Telecom plc (ORV) Q3 2021 Earnings Call Oct 28, 2021 10:00 AM ET', 'orv-q3-2021.txt', 'Eric Sheridan - Goldman Sachs'),
  ]);
  const asked = (q: string, filters: Filters = {}) => interpretQuery(q, lib, filters).speakers.map((s) => s.person.name);

  it('in a question', () => {
    expect(asked('What did the Goldman analyst ask?')).toEqual(['Eric Sheridan']);
    expect(asked('what did the goldman analysts ask about cement pricing')).toEqual(['Eric Sheridan']);
  });

  it('as a speaker filter', () => {
    expect(asked('cement pricing', { speaker: 'the Goldman analyst' })).toEqual(['Eric Sheridan']);
  });

  it('the surname without "analyst" still names the analyst it is the surname of', () => {
    expect(asked('What did Ken Goldman ask?')).toEqual(['Ken Goldman']);
    expect(asked('What did Goldman ask?')).toContain('Ken Goldman');
  });
});

describe('a company named in the question is where to look; its name leaves the topic unless it is part of what is asked', () => {
  const two = [
    ['tlf-q3-2024.txt', render('Tallis Freight Inc. (TLF) Q3 2024 Earnings Call Oct 24, 2024 9:00 AM ET', ['Mara Quint - Chief Executive Officer', 'Leon Abt - Chief Financial Officer'], [['Mara Quint', 'Tallis Now same-day deliveries doubled, and our depots in Italy reopened.'], ['Leon Abt', 'Revenue was $880 million.']])],
    ['orv-q3-2024.txt', render('Orvane Telecom plc (ORV) Q3 2024 Earnings Call Oct 29, 2024 9:00 AM ET', ['Ines Vahl - Chief Executive Officer', 'Paul Dorr - Chief Financial Officer'], [['Ines Vahl', 'Fibre connections grew.'], ['Paul Dorr', 'Net debt fell.']])],
  ] as const;
  const lib = libraryOf(two);
  const read = (q: string) => {
    const p = interpretQuery(q, lib);
    return { companies: p.companies.map((c) => c.company.key), topic: p.topic };
  };

  it('anywhere in the question, opening it or not', () => {
    expect(read('Tallis Italy depots reopening')).toEqual({ companies: ['tlf'], topic: 'Italy depots reopening' });
    expect(read('tallis: how many depots reopened')).toEqual({ companies: ['tlf'], topic: 'depots reopened' });
    expect(read('what is driving tallis depot openings')).toEqual({ companies: ['tlf'], topic: 'driving depot openings' });
    expect(read('When might Tallis list its Italy depots?').topic).not.toMatch(/tallis/i);
  });

  it('stays as a name the calls say with the word after it, or in the subject of what someone said', () => {
    expect(read('Tallis Now deliveries')).toEqual({ companies: ['tlf'], topic: 'Tallis Now deliveries' });
    expect(read('What did Mara Quint say about rebranding Tallis depots?').topic).toBe('rebranding Tallis depots');
  });
});
