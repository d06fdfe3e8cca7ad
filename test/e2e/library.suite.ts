/**
 * The page over a library of several calls, in Chromium against the real app (real model, real
 * index of the bundled call and the invented calls of test/library/library-fixtures.ts): the home
 * lists the calls grouped by company, company and quarter filters restrict the results, every card
 * names its call, the reader opens the right call with its own participants, and a company or a
 * period the question names shows as a chip that can be cleared.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallListResponse, CallResponse } from '../../src/api/schemas.js';
import { browserTestsSkipped, screenshot } from '../helpers/browser.js';
import { cards, resultsReady, usePageSession } from '../helpers/page-session.js';
import { libraryService } from '../helpers/service.js';

const PHONE = { width: 390, height: 844 };

let library: CallListResponse;

const cardCalls = (page: Page) => cards(page).locator('.card-call-name').allTextContents();
const cardIds = (page: Page) => cards(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
/** "Northwind Robotics, Inc. · Q1 2024", as a card names its call. */
const label = (c: { company: string; quarter: string | null }) => `${c.company} · ${c.quarter}`;

describe.skipIf(browserTestsSkipped())('the page over a library of calls', () => {
  const { open, api, apiSearch } = usePageSession({ server: async () => ({ service: await libraryService() }) });

  beforeAll(async () => {
    library = await api<CallListResponse>('/api/calls');
    expect(library.calls.length).toBe(6);
  });

  it('a brand named instead of its company is said above the results, and its company leads', async () => {
    const page = await open(`/?q=${encodeURIComponent('Trainium chips demand')}`);
    await resultsReady(page);
    expect(await page.locator('.notice-brand').textContent()).toContain('“Trainium” is Amazon.com, Inc.\'s: its calls come first.');
    expect((await cardCalls(page))[0]).toMatch(/^Amazon\.com, Inc\./);
    const plain = await open(`/?q=${encodeURIComponent('gross margin outlook')}`);
    await resultsReady(plain);
    expect(await plain.locator('.notice-brand').count()).toBe(0);
  });

  it('home lists every call grouped by company, newest first, with quarter, date, speakers and passages', async () => {
    const page = await open('/');
    await page.waitForSelector('#home[data-state="ready"]');
    expect(await page.locator('#call-info .library-summary').textContent()).toBe('6 earnings calls');
    expect(await page.locator('#call-info .call-meta').textContent()).toContain('4 companies');

    const groups = page.locator('.company-group');
    expect(await groups.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.company))).toEqual(['amzn', 'blfn', 'klt', 'nwr']);
    const nwr = page.locator('.company-group[data-company="nwr"]');
    expect(await nwr.locator('.company-name').textContent()).toContain('Northwind Robotics, Inc.');
    expect(await nwr.locator('.company-count').textContent()).toBe('3 calls');
    expect(await nwr.locator('.call-row').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.call))).toEqual(['nwr-q2-2024', 'nwr-q1-2024', 'nwr-q2-2023']);
    for (const call of library.calls) {
      const row = page.locator(`.call-row[data-call="${call.id}"]`);
      expect(await row.locator('.call-quarter').textContent()).toBe(call.quarter);
      expect(await row.locator('.call-date').textContent()).toMatch(new RegExp(`\\b${call.date!.slice(0, 4)}$`));
      expect(await row.locator('.call-counts').textContent()).toBe(`${call.counts.participants} speakers · ${call.counts.passages} passages`);
    }

    // The examples are made from the library: every person they name speaks on one of its calls.
    const examples = await page.locator('[data-example]').allTextContents();
    expect(examples.length).toBeGreaterThanOrEqual(4);
    const details = await Promise.all(library.calls.map((c) => api<CallResponse>(`/api/calls/${c.id}`)));
    const surnames = new Set(details.flatMap((d) => d.participants.map((p) => p.name.split(' ').at(-1)!)));
    const named = examples.flatMap((q) => [...q.matchAll(/what did (\p{Lu}\p{Ll}+) say/giu)].map((m) => m[1]!)).filter((w) => !['Amazon', 'Bluefin', 'Keller', 'Northwind'].includes(w));
    for (const name of named) expect(surnames, name).toContain(name);
    expect(examples.some((q) => /Northwind|Bluefin|Keller|Amazon/.test(q))).toBe(true);
    await screenshot(page, 'library-home');

    // A call opens in the reader; "All calls" comes back.
    await page.locator('.call-row[data-call="nwr-q1-2024"] a').click();
    await page.waitForURL((u) => new URL(u).hash === '#call=nwr-q1-2024');
    await page.waitForSelector('#transcript[data-state="ready"]');
    expect(await page.locator('.reader').getAttribute('data-call')).toBe('nwr-q1-2024');
    expect(await page.locator('#transcript-title').textContent()).toBe('Northwind Robotics, Inc. Q1 2024 earnings call');
    await page.locator('.reader .back', { hasText: 'All calls' }).click();
    await page.waitForSelector('#home:not([hidden])');

    // On a phone, the library fits.
    const phone = await open('/', PHONE);
    await phone.waitForSelector('#home[data-state="ready"]');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(phone, 'library-home-phone', true);
  });

  it('every card names its call (company and quarter), as the API does', async () => {
    const q = 'gross margin';
    const expected = await apiSearch(q);
    expect(new Set(expected.results.map((r) => r.call.company)).size).toBeGreaterThan(1);
    const page = await open(`/?q=${encodeURIComponent(q)}`);
    await resultsReady(page);
    expect(await cardIds(page)).toEqual(expected.results.map((r) => r.id));
    expect(await cardCalls(page)).toEqual(expected.results.map((r) => label(r.call)));
    // The top answer says which call it is from too.
    if (expected.answer) expect(await page.locator('.top-answer-call').textContent()).toBe(` · ${label(expected.answer.call)}`);
  });

  it('company and quarter filters restrict the results, are sent as company/quarter, and can be cleared', async () => {
    const page = await open(`/?q=${encodeURIComponent('gross margin')}`);
    await resultsReady(page);
    const companies = await page.locator('#f-company option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(companies).toEqual(['', 'amzn', 'blfn', 'klt', 'nwr']);
    // Every quarter of the library, newest first.
    expect(await page.locator('#f-quarter option').allTextContents()).toEqual(['Any quarter', 'Q4 2025', 'Q2 2024', 'Q1 2024', 'Q3 2023', 'Q2 2023']);

    const sent = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/search' && new URL(r.url()).searchParams.get('company') === 'nwr');
    await page.locator('#f-company').selectOption('nwr');
    await sent;
    await page.waitForURL((u) => new URL(u).searchParams.get('company') === 'nwr');
    await resultsReady(page);
    const nwrCalls = await cardCalls(page);
    expect(nwrCalls.length).toBeGreaterThan(0);
    for (const c of nwrCalls) expect(c).toMatch(/^Northwind Robotics, Inc\. · Q[12] 202[34]$/);
    expect(await page.locator('#f-company').inputValue()).toBe('nwr');
    const companyChip = page.locator('.active-chip[data-filter="company"]');
    expect(await companyChip.locator('.active-chip-label').textContent()).toBe('Northwind Robotics, Inc.');
    expect(await companyChip.getAttribute('class')).not.toContain('is-inferred');
    // The quarters offered are that company's; the speakers its people's.
    expect(await page.locator('#f-quarter option').allTextContents()).toEqual(['Any quarter', 'Q2 2024', 'Q1 2024', 'Q2 2023']);
    const speakers = await page.locator('#f-speaker option').allTextContents();
    expect(speakers).toContain('Dana Whitfield');
    expect(speakers).not.toContain('Mark Olander');

    await page.locator('#f-quarter').selectOption('Q1 2024');
    await page.waitForURL((u) => new URL(u).searchParams.get('quarter') === 'Q1 2024');
    await resultsReady(page);
    expect(param(page, 'company')).toBe('nwr');
    expect(new Set(await cardCalls(page))).toEqual(new Set(['Northwind Robotics, Inc. · Q1 2024']));
    const expected = await apiSearch('gross margin', '&company=nwr&quarter=Q1+2024');
    expect(await cardIds(page)).toEqual(expected.results.map((r) => r.id));
    await screenshot(page, 'library-filtered');

    // Clearing the quarter keeps the company; clearing the company searches every call again.
    await page.locator('.active-chip[data-filter="period"] .chip-clear').click();
    await page.waitForURL((u) => !new URL(u).searchParams.has('quarter'));
    await resultsReady(page);
    expect(new Set((await cardCalls(page)).map((c) => c.split(' · ')[0]))).toEqual(new Set(['Northwind Robotics, Inc.']));
    await companyChip.locator('.chip-clear').click();
    await page.waitForURL((u) => !new URL(u).searchParams.has('company'));
    await resultsReady(page);
    expect(new Set((await cardCalls(page)).map((c) => c.split(' · ')[0])).size).toBeGreaterThan(1);
    expect(await page.locator('.active-chip').count()).toBe(0);
  });

  it('a company and a period the question names show as inferred chips, and each can be cleared (any)', async () => {
    const q = 'What did Northwind Robotics say about pricing in Q1 2024?';
    const asked = await apiSearch(q);
    expect(asked.interpreted.sources.company).toBe('query');
    expect(asked.interpreted.sources.period).toBe('query');
    const page = await open(`/?q=${encodeURIComponent(q)}`);
    await resultsReady(page);
    const company = page.locator('.active-chip[data-filter="company"]');
    const period = page.locator('.active-chip[data-filter="period"]');
    for (const [chip, text] of [[company, 'Northwind Robotics, Inc.'], [period, 'Q1 2024']] as const) {
      expect(await chip.getAttribute('class')).toContain('is-inferred');
      expect(await chip.locator('.active-chip-label').textContent()).toBe(text);
      expect(await chip.locator('.active-chip-note').textContent()).toBe('from your question');
    }
    expect(await page.locator('#f-company').inputValue()).toBe('nwr');
    expect(await page.locator('#f-company').getAttribute('class')).toContain('is-inferred');
    expect(await page.locator('#f-quarter').inputValue()).toBe('Q1 2024');
    expect(new Set(await cardCalls(page))).toEqual(new Set(['Northwind Robotics, Inc. · Q1 2024']));
    expect(await page.locator('#summary').textContent()).toContain('in Northwind Robotics, Inc., Q1 2024');
    await screenshot(page, 'library-inferred');

    // The period: any quarter of Northwind's, the question unchanged.
    await period.locator('.chip-clear').click();
    await page.waitForURL((u) => new URL(u).searchParams.get('quarter') === 'any');
    await resultsReady(page);
    expect(param(page, 'q')).toBe(q);
    expect(await page.locator('#q').inputValue()).toBe(q);
    expect(await period.count()).toBe(0);
    expect(await company.getAttribute('class')).toContain('is-inferred');
    const lifted = await apiSearch(q, '&quarter=any');
    expect(await cardIds(page)).toEqual(lifted.results.map((r) => r.id));
    expect(new Set(lifted.results.map((r) => r.call.quarter)).size).toBeGreaterThan(1);

    // The company: every company's calls.
    await company.locator('.chip-clear').click();
    await page.waitForURL((u) => new URL(u).searchParams.get('company') === 'any');
    await resultsReady(page);
    expect(param(page, 'quarter')).toBe('any');
    expect(await page.locator('.active-chip[data-filter="company"]').count()).toBe(0);
    expect(await page.locator('#f-company').inputValue()).toBe('');
    const everywhere = await apiSearch(q, '&quarter=any&company=any');
    expect(await cardIds(page)).toEqual(everywhere.results.map((r) => r.id));
  });

  it('the reader opens the call a passage is from, with that call\'s participants and contents', async () => {
    const { results } = await apiSearch('shrimp prices', '&company=blfn');
    const target = results[0]!;
    expect(target.call_id).toBe('blfn-q2-2024');
    const page = await open(`/#p=${target.id}`);
    await page.locator('.t-passage.is-target').waitFor();
    expect(await page.locator('.reader').getAttribute('data-call')).toBe('blfn-q2-2024');
    expect(await page.locator('#transcript-title').textContent()).toBe('Bluefin Foods Corp. Q2 2024 earnings call');
    expect(await page.locator('.t-passage.is-target').getAttribute('data-id')).toBe(target.id);
    // Opened by a shared link: back leads to the library.
    expect(await page.locator('.reader .back').textContent()).toBe('All calls');
    const call = await api<CallResponse>('/api/calls/blfn-q2-2024');
    const listed = await page.locator('.reader-people [data-person] .person-name').allTextContents();
    expect(listed.sort()).toEqual(call.participants.filter((p) => p.side === 'company' || p.side === 'analyst').map((p) => p.name).sort());
    expect(listed).not.toContain('Dana Whitfield');
    // Its contents: the Q&A lists this call's analysts.
    expect(await page.locator('.toc-numbered .toc-label').allTextContents()).toEqual(call.exchanges.map((e) => e.analyst.name.split(' ').at(-1)));

    // From results spanning calls, a card of another call opens that call's reader.
    const q = 'gross margin';
    const spread = await apiSearch(q);
    const other = spread.results.find((r) => r.call_id !== 'blfn-q2-2024' && r.call_id !== 'amzn-q4-2025')!;
    const results2 = await open(`/?q=${encodeURIComponent(q)}`);
    await resultsReady(results2);
    await results2.locator(`.card[data-id="${other.id}"] .passage`).click();
    await results2.waitForURL((u) => new URL(u).hash === `#p=${other.id}`);
    await results2.locator('.t-passage.is-target').waitFor();
    expect(await results2.locator('.reader').getAttribute('data-call')).toBe(other.call_id);
    expect(await results2.locator('#transcript-title').textContent()).toBe(`${other.call.company} ${other.call.quarter} earnings call`);
    await screenshot(results2, 'library-reader');
  });

  it('a quarter no call has: the empty state says where it looked and why; an old #transcript link lists the library', async () => {
    const expected = await apiSearch('pricing', '&quarter=Q1+2030');
    expect(expected.results).toEqual([]);
    const page = await open(`/?q=pricing&quarter=${encodeURIComponent('Q1 2030')}`);
    await resultsReady(page);
    expect(await page.locator('.state-empty .state-title').textContent()).toBe('Nothing about “pricing” in Q1 2030');
    expect(await page.locator('.state-empty .state-text').textContent()).toContain(expected.notice!);
    await page.locator('.state-empty button', { hasText: 'Clear filters' }).click();
    await page.waitForURL((u) => new URL(u).searchParams.get('quarter') !== 'Q1 2030');
    await resultsReady(page);
    expect(await cards(page).count()).toBeGreaterThan(0);

    // `#transcript` opened the one call there was; with several, the library lists them instead of picking one.
    const old = await open('/#transcript');
    await old.waitForURL((u) => new URL(u).hash === '');
    await old.waitForSelector('#home:not([hidden])[data-state="ready"]');
    expect(await old.locator('.call-row').count()).toBe(6);
  });
});
