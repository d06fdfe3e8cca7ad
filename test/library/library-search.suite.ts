/**
 * A library of calls (issue 9) end to end: the real model and index over the bundled call and the
 * invented fixture calls, through the engine and the HTTP API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallListResponse, CallResponse, ErrorResponse, SearchResponse, TranscriptResponse } from '../../src/api/schemas.js';
import type { SearchService } from '../../src/service/open-service.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { libraryService, testService } from '../helpers/service.js';

let service: SearchService;
let server: TestServer;

beforeAll(async () => {
  service = await libraryService();
  server = await startTestServer({ service });
});
afterAll(async () => {
  await server?.close();
});

const search = (q: string, filters: Record<string, string | number> = {}, k = 5) => service.engine.search({ q, k, ...filters });
async function get<T>(path: string, schema: { parse(x: unknown): T }): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: schema.parse(await res.json()) };
}

describe('every result says which call it is from', () => {
  it('results, the top answer and key points carry their call; citations name company and quarter', async () => {
    const r = await search('What did Northwind say about the Ohio plant?');
    expect(r.results.length).toBeGreaterThan(0);
    for (const res of r.results) expect(res.call.id).toBe(res.call_id);
    expect(r.results[0]!.call).toMatchObject({ id: 'nwr-q2-2024', company: 'Northwind Robotics, Inc.', ticker: 'NWR', quarter: 'Q2 2024', year: 2024, date: '2024-08-01' });
    expect(r.answer?.call.id).toBe('nwr-q2-2024');
    expect(r.results[0]!.citation).toMatch(/Northwind Robotics, Inc\. Q2 2024 earnings call, August 1, 2024$/);
    for (const k of r.key_points) expect(k.call.id).toMatch(/^nwr-/);
  });
});

describe('scope from the question', () => {
  it("a company's role: its own CFO, over its calls; the topic without the company's name", async () => {
    const r = await search("What did Northwind's CFO say about freight costs?");
    expect(r.interpreted.companies.map((c) => c.key)).toEqual(['nwr']);
    expect(r.interpreted.speakers.map((s) => s.id)).toEqual(['nwr/brian-keller']);
    expect(r.interpreted.speakers[0]!.calls).toEqual(['nwr-q2-2023', 'nwr-q1-2024', 'nwr-q2-2024']);
    expect(r.interpreted.topic).toBe('freight costs');
    expect(new Set(r.results.map((x) => x.speaker.id))).toEqual(new Set(['nwr/brian-keller']));
    expect(r.results[0]!.text).toMatch(/freight/);
  });

  it('a period: only that call; "last quarter" is the latest call of the company', async () => {
    const q2 = await search('What did Northwind say in Q2 2023 about margins?');
    expect(q2.interpreted.period).toEqual({ label: 'Q2 2023', matched: 'Q2 2023' });
    expect(new Set(q2.results.map((x) => x.call_id))).toEqual(new Set(['nwr-q2-2023']));
    expect(q2.results[0]!.text).toMatch(/36%/);
    const last = await search('What did Northwind say last quarter about margins?');
    expect(new Set(last.results.map((x) => x.call_id))).toEqual(new Set(['nwr-q2-2024']));
  });

  it("a person and a period, no company: the period is of the person's company, also for what others said", async () => {
    // Brian Keller (Northwind) never discussed restaurants; Bluefin's 2024 call did. Without a period
    // the broader results stay in Northwind's calls: with one, they stay in Northwind's calls of it.
    const r = await search('What did Brian Keller say about restaurants in 2024?');
    expect(r.interpreted.period).toEqual({ label: 'fiscal 2024', matched: '2024' });
    expect(r.results.length).toBeGreaterThan(0);
    expect(new Set(r.results.map((x) => x.call_id))).toEqual(new Set(['nwr-q1-2024', 'nwr-q2-2024']));
  });

  it('two periods named: the calls of both; of a period no call has, the notice says the other was searched alone', async () => {
    const both = await search('What did Northwind say in Q2 2023 and Q2 2024 about margins?', {}, 10);
    expect(both.interpreted.period).toEqual({ label: 'Q2 2023 and Q2 2024', matched: 'Q2 2023 and Q2 2024' });
    expect(new Set(both.results.map((x) => x.call_id))).toEqual(new Set(['nwr-q2-2023', 'nwr-q2-2024']));
    expect(both.notice).toBeNull();
    const partly = await search('What did Northwind say in Q2 2023 and Q3 2031 about margins?');
    expect(partly.notice).toMatch(/No call in scope is from "Q3 2031"; searched Q2 2023 only\./);
    expect(partly.interpreted.period?.label).toBe('Q2 2023');
    expect(partly.interpreted.relaxed).not.toContain('period');
    expect(new Set(partly.results.map((x) => x.call_id))).toEqual(new Set(['nwr-q2-2023']));
  });

  it('"how many analysts asked about X" asks who asked: no notice that the answer is one company\'s figure', async () => {
    const r = await search('how many analysts asked about pricing');
    expect(r.interpreted.intent).toBe('who_asked');
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.notice ?? '').not.toMatch(/figure/);
    // A figure asked of no company still says whose it is.
    expect((await search('How many forklifts did they ship?')).notice ?? '').toMatch(/^No company named: this is .*'s figure/);
  });

  it('filters that leave nothing in scope: no results, and a notice that claims no constraint was dropped to show some', async () => {
    const r = await search('What did Brian Keller say about margins?', { year: 2031 });
    expect(r.results).toEqual([]);
    expect(r.interpreted.relaxed).toEqual([]);
    expect(r.notice).toBe('No passage fits the period filter; drop it to see results.');
  });

  it('a shared first name picks the person the rest of the question fits, and says so', async () => {
    const r = await search('What did Brian say about shrimp inventory and cold chain spending?');
    expect(r.interpreted.speakers.map((s) => s.id)).toEqual(['blfn/brian-castillo']);
    // Brians: Amazon's CFO and an analyst on its call, Northwind's CFO, Bluefin's CFO.
    expect(r.notice).toMatch(/"Brian" matched 4 people; showing Brian Castillo \(Bluefin Foods Corp\., Chief Financial Officer\)/);
    expect(new Set(r.results.map((x) => x.speaker.id))).toEqual(new Set(['blfn/brian-castillo']));
  });

  it('with nothing else to choose by, the person of the newest call is the one shown', async () => {
    // Two Tom Alvarezes of Harbor Point Capital: Keller Tools' (Q3 2023) and Northwind's (Q2 2024).
    const r = await search('What did Tom Alvarez ask?');
    expect(r.interpreted.speakers.map((s) => s.id)).toEqual(['nwr/tom-alvarez']);
    expect(r.results[0]!.call_id).toBe('nwr-q2-2024');
    expect(r.notice).toMatch(/matched 2 people; showing Tom Alvarez \(Northwind Robotics, Inc\./);
  });

  it('when the person chosen among namesakes never discussed the topic, the notice speaks of that one person and their calls', async () => {
    const r = await search('What did Brian say about restaurants?');
    const chosen = /showing (Brian \w+) \(([^,]+),/.exec(r.notice ?? '');
    expect(chosen, r.notice ?? '').not.toBeNull();
    expect(r.notice).toContain(`${chosen![1]} did not discuss "restaurants" in ${chosen![2]}`);
    expect(r.notice).not.toMatch(/ or Brian/);
    expect(r.results[0]!.text).toMatch(/restaurants/i);
  });

  it("a role without a company: every company's, results grouped by company", async () => {
    const r = await search('What did the CFOs say about gross margin?', {}, 10);
    expect(r.interpreted.speakers.map((s) => s.id).sort()).toEqual(['amzn/brian-olsavsky', 'blfn/brian-castillo', 'klt/victor-osei', 'nwr/brian-keller']);
    const companies = r.results.filter((x) => !x.weak).map((x) => x.call.company);
    expect(new Set(companies).size).toBeGreaterThan(1);
    // Grouped: once a company's answers end, it does not come back (weaker matches follow, collapsed).
    const seen: string[] = [];
    for (const c of companies) if (seen.at(-1) !== c) seen.push(c);
    expect(new Set(seen).size).toBe(seen.length);
    expect(r.notice).toMatch(/^"CFOs" means 4 people at 4 companies; their results are grouped by company/);
  });

  it("a company described rather than named (\"which tool maker said…\") puts that company's passages first, and says so", async () => {
    // "tool" and "maker" are ordinary words, but Keller Tools' few passages say them far more than the others' do.
    const r = await search('Which tool maker said steel costs fell?');
    expect(r.interpreted.preferred_company).toMatchObject({ key: 'klt', matched: 'tool maker' });
    expect(r.interpreted.topic).toBe('steel costs fell');
    expect(r.results[0]!.call.id).toMatch(/^klt-/);
  });

  it("a brand named instead of its company puts that company's passages first, and says so", async () => {
    // "Trainium" is no English word and only Amazon's call says it; "chips" and "demand" are every company's words.
    const r = await search('Trainium chips demand');
    expect(r.interpreted.preferred_company).toEqual({ key: 'amzn', name: 'Amazon.com, Inc.', matched: 'Trainium' });
    expect(r.interpreted.companies).toEqual([]);
    expect(r.results[0]!.call.id).toBe('amzn-q4-2025');
    // A company named, or no word only one company says: no preference.
    expect((await search('What did Amazon say about Trainium chips?')).interpreted.preferred_company).toBeNull();
    expect((await search('gross margin outlook')).interpreted.preferred_company).toBeNull();
    const api = await get(`/api/search?q=${encodeURIComponent('Trainium chips demand')}`, SearchResponse);
    expect(api.body.interpreted.preferred_company?.key).toBe('amzn');
    // A library of one company's calls has nothing to prefer.
    const single = await testService();
    expect((await single.engine.search({ q: 'Trainium chips demand', k: 5 })).interpreted.preferred_company).toBeNull();
  });

  it('notices name the call or company searched, not "this call"', async () => {
    const r = await search('What did Brian Keller say about the backlog?', { quarter: 'Q1 2024' });
    expect(r.notice).toMatch(/Brian Keller did not discuss "backlog" in Northwind Robotics, Inc\. Q1 2024; showing what others said/);
    expect(r.results[0]!.speaker.name).toBe('Dana Whitfield');
    expect(r.notice).not.toMatch(/this call/);
  });

  it('a name that is a person and also a company: the person, and the company when the person never discussed it', async () => {
    // "Keller": Northwind's CFO Brian Keller, and Keller Tools.
    const r = await search('What did Keller say about warranty coverage?');
    expect(r.interpreted.speakers.map((s) => s.id)).toEqual(['nwr/brian-keller']);
    expect(r.notice).toMatch(/Brian Keller did not discuss "warranty coverage"/);
    expect(r.results[0]!.call.company).toMatch(/^Keller Tools/);
    expect(r.results[0]!.text).toMatch(/warranty coverage/);
    // When the person did discuss it, the person's words come first, as before.
    const own = await search('What did Keller say about expedited freight?');
    expect(own.notice).toBeNull();
    expect(own.results[0]!.speaker.id).toBe('nwr/brian-keller');
  });

  it('an over-constrained company + person says which constraint it dropped, never an empty page', async () => {
    const r = await search('What did Bluefin say in Q3 2019 about shrimp?');
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.notice).toMatch(/No call in scope is from "Q3 2019"/);
    expect(r.interpreted.relaxed).toContain('period');
  });

  it('a figure asked of no company says whose figure it is; asked of one, it does not', async () => {
    const r = await search('What was operating margin?');
    expect(r.answer).not.toBeNull();
    expect(r.notice).toMatch(new RegExp(`^No company named: this is ${r.answer!.call.company.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'s figure`));
    const named = await search("What was Keller Tools' operating margin?");
    expect(named.answer?.text).toMatch(/15%/);
    expect(named.notice).toBeNull();
  });

  it('a name the library does not know is reported and left out, and the subject is searched', async () => {
    const r = await search('What did Acme Widgets say about frozen shrimp?');
    expect(r.interpreted.unmatched).toEqual(['Acme Widgets']);
    expect(r.interpreted.topic).toBe('frozen shrimp');
    expect(r.notice).toMatch(/^Nothing in the library matches "Acme Widgets"; searched without it\./);
    expect(r.results[0]!.text).toMatch(/frozen shrimp/);
    // A firm whose analysts never spoke on the company's calls: said so, not searched as words.
    const firm = await search('What did the Lakeshore Partners analyst ask Northwind?');
    expect(firm.interpreted.unmatched).toEqual(['Lakeshore Partners']);
    expect(firm.notice).toMatch(/matches "Lakeshore Partners"; searched without it/);
    expect(firm.results.every((x) => x.call.company.startsWith('Northwind'))).toBe(true);
  });

  it('when the unknown name was all the question asked, nothing arbitrary is shown', async () => {
    const r = await search('What did Acme Widgets say?');
    expect(r.interpreted.unmatched).toEqual(['Acme Widgets']);
    expect(r.results).toEqual([]);
    expect(r.answer).toBeNull();
    expect(r.notice).toBe('Nothing in the library matches "Acme Widgets", and the question names nothing else to search for.');
    // Over HTTP it is an answer like any other (200), not an error.
    const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent('What did Acme Widgets say?')}`);
    expect(res.status).toBe(200);
    expect(SearchResponse.parse(await res.json()).results).toEqual([]);
  });
});

describe('the API', () => {
  it('GET /api/calls lists every call with company, ticker, quarter, year and counts, newest first per company', async () => {
    const { status, body } = await get('/api/calls', CallListResponse);
    expect(status).toBe(200);
    expect(body.total).toBe(6);
    const nwr = body.calls.filter((c) => c.company_key === 'nwr').map((c) => c.id);
    expect(nwr).toEqual(['nwr-q2-2024', 'nwr-q1-2024', 'nwr-q2-2023']);
    const amzn = body.calls.find((c) => c.id === 'amzn-q4-2025')!;
    expect(amzn).toMatchObject({ company: 'Amazon.com, Inc.', ticker: 'AMZN', quarter: 'Q4 2025', year: 2025, layout: 'standard' });
    expect(amzn.counts.passages).toBeGreaterThan(50);
    expect(amzn.counts.exchanges).toBe(6);
  });

  it('GET /api/calls filters by company (any spelling), ticker and year; an unknown company is a 400 naming the known ones', async () => {
    expect((await get('/api/calls?company=northwind', CallListResponse)).body.calls.map((c) => c.id)).toEqual(['nwr-q2-2024', 'nwr-q1-2024', 'nwr-q2-2023']);
    expect((await get('/api/calls?ticker=klt', CallListResponse)).body.calls.map((c) => c.id)).toEqual(['klt-q3-2023']);
    expect((await get('/api/calls?year=2023', CallListResponse)).body.calls.map((c) => c.id).sort()).toEqual(['klt-q3-2023', 'nwr-q2-2023']);
    const bad = await get('/api/calls?company=Initech', ErrorResponse);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/no company matches "Initech" \(known: .*Keller Tools Inc\./);
  });

  it('GET /api/calls/:id and /api/calls/:id/transcript; unknown ids are 404', async () => {
    const call = await get('/api/calls/blfn-q2-2024', CallResponse);
    expect(call.status).toBe(200);
    expect(call.body.participants.map((p) => p.id)).toEqual(expect.arrayContaining(['blfn/brian-castillo', 'blfn/priya-natarajan']));
    expect(call.body.exchanges).toHaveLength(2);
    const transcript = await get('/api/calls/blfn-q2-2024/transcript', TranscriptResponse);
    expect(transcript.body.passages.every((p) => p.call_id === 'blfn-q2-2024')).toBe(true);
    expect((await fetch(`${server.url}/api/calls/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/calls/nope/transcript`)).status).toBe(404);
  });

  it('the old single-call routes need an id once the library holds several calls', async () => {
    const res = await get('/api/call', ErrorResponse);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/id is required: the library holds 6 calls/);
    expect((await fetch(`${server.url}/api/call?id=klt-q3-2023`)).status).toBe(200);
  });

  it('search filters company, quarter, year and call (GET and POST); unknown values are 400s', async () => {
    const viaGet = await get(`/api/search?q=${encodeURIComponent('pricing')}&company=KLT&k=3`, SearchResponse);
    expect(viaGet.body.results.every((r) => r.call_id === 'klt-q3-2023')).toBe(true);
    expect(viaGet.body.interpreted.sources.company).toBe('request');
    const viaPost = await fetch(`${server.url}/api/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: 'margins', quarter: '2024Q1', company: 'Northwind', k: 3 }),
    });
    expect(SearchResponse.parse(await viaPost.json()).results.every((r) => r.call_id === 'nwr-q1-2024')).toBe(true);
    const byYear = await get('/api/search?q=margins&year=2023&k=10', SearchResponse);
    expect(new Set(byYear.body.results.map((r) => r.call.year))).toEqual(new Set([2023]));
    for (const [param, message] of [
      ['company=Initech', /no company matches/],
      ['quarter=spring', /quarter must look like/],
      ['call=nope', /no call matches "nope"/],
      ['year=20', /year must be a four-digit year/],
    ] as const) {
      const res = await get(`/api/search?q=margins&${param}`, ErrorResponse);
      expect(res.status, param).toBe(400);
      expect(res.body.error.message, param).toMatch(message);
    }
  });
});
