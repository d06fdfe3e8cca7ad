/**
 * The web page in a real browser (Debian's Chromium through playwright-core) against the real
 * app: real model, real index from global setup. Screenshots of the main states go to
 * test-artifacts/screenshots/. No assertion depends on how long anything takes: the tests wait
 * for states (data-state on the views, the URL), never for durations.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/api/schemas.js';
import { browserTestsSkipped, screenshot } from '../helpers/browser.js';
import { cards, resultsSettled, searchFromBox, usePageSession } from '../helpers/page-session.js';

const CANONICAL = 'what did Jassy say about Trainium';
const INJECTION = '<img src=x onerror="window.__pwned=1">';
const PHONE = { width: 390, height: 844 };

/** The page never scrolls sideways. */
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.skipIf(browserTestsSkipped())('web page in Chromium', () => {
  const { open, api, apiSearch } = usePageSession();

  it('home: the search box has focus, the header names the call, examples made from the call are offered and run', async () => {
    const page = await open('/');
    await page.waitForSelector('#call-info .call-company');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    const call = await api<{ company: string; ticker: string; quarter: string; participants: { name: string; title: string | null; side: string }[] }>('/api/calls/amzn-q4-2025');
    expect(await page.locator('#call-info').textContent()).toContain(call.company);
    expect(await page.locator('#call-info').textContent()).toContain(call.ticker);
    // The examples come from the library: its CEO by name, its quarter; nothing is written in the page for one call.
    await page.waitForSelector('#home[data-state="ready"]');
    const examples = await page.locator('[data-example]').allTextContents();
    expect(examples.length).toBeGreaterThanOrEqual(4);
    const ceo = call.participants.find((p) => p.side === 'company' && /chief executive|\bCEO\b/i.test(p.title ?? ''))!;
    const surname = ceo.name.split(' ').at(-1)!;
    expect(examples.some((q) => q.includes(surname))).toBe(true);
    expect(examples.some((q) => q.includes(call.quarter))).toBe(true);
    expect(await page.locator('#q').getAttribute('placeholder')).toContain(examples[0]);
    // One call: the library lists it, and it opens in the reader.
    expect(await page.locator('.company-group').count()).toBe(1);
    expect(await page.locator('.call-row').getAttribute('data-call')).toBe('amzn-q4-2025');
    // Landmarks and a label for the box.
    expect(await page.locator('header, main, footer, [role="search"]').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('label[for="q"]').count()).toBe(1);
    await screenshot(page, 'home');

    // An example naming the CEO finds the CEO.
    await page.locator('[data-example]', { hasText: surname }).first().click();
    await resultsSettled(page);
    expect(await cards(page).first().locator('.who-name').textContent()).toBe(ceo.name);
  });

  it('the canonical question: first card is Andrew Jassy on Trainium with the answer highlighted, q= in the URL', async () => {
    const page = await open('/');
    await searchFromBox(page, CANONICAL);
    expect(new URL(page.url()).searchParams.get('q')).toBe(CANONICAL);

    const first = cards(page).first();
    expect(await first.locator('.who-name').textContent()).toBe('Andrew Jassy');
    expect(await first.locator('.passage').textContent()).toMatch(/Trainium/);
    const mark = first.locator('.passage mark');
    expect(await mark.count()).toBe(1);
    expect((await mark.textContent())?.trim().length).toBeGreaterThan(0);
    expect(await first.locator('.chip').textContent()).toBe('Company');
    expect(await first.locator('.badge').textContent()).toMatch(/^(Q&A|Prepared remarks)$/);
    expect(await first.locator('.relevance').textContent()).toMatch(/^#1 · (Strong match|Related)$/);
    // Each card names its call; a transcript without timestamps gives no recording time.
    expect(await first.locator('.card-call-name').textContent()).toBe('Amazon.com, Inc. · Q4 2025');
    expect(await cards(page).locator('.card-time').count()).toBe(0);

    // The top answer line, and the speaker the question named shown as an inferred filter.
    expect(await page.locator('.top-answer-who').textContent()).toBe('Jassy:');
    expect(await page.locator('#f-speaker').inputValue()).toBe('amzn/andrew-jassy');
    const chip = page.locator('.active-chip[data-filter="speaker"]');
    expect(await chip.textContent()).toContain('Andrew Jassy');
    expect(await chip.getAttribute('class')).toContain('is-inferred');

    // The result count is announced.
    expect(await page.locator('#status').textContent()).toMatch(/^\d+ results? for what Andrew Jassy said about “Trainium”/);
    await screenshot(page, 'results');
  });

  it('a /?q= link reproduces the search, filters included', async () => {
    const expected = await apiSearch(CANONICAL);
    const page = await open(`/?q=${encodeURIComponent(CANONICAL)}`);
    await resultsSettled(page);
    expect(await page.locator('#q').inputValue()).toBe(CANONICAL);
    const ids = await cards(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
    expect(ids).toEqual(expected.results.map((r) => r.id));

    const filtered = await open(`/?q=aws+backlog&side=analyst`);
    await resultsSettled(filtered);
    expect(await filtered.locator('input[name="side"][value="analyst"]').isChecked()).toBe(true);
    const sides = await cards(filtered).evaluateAll((els) => els.map((e) => e.className));
    expect(sides.length).toBeGreaterThan(0);
    for (const cls of sides) expect(cls).toContain('side-analyst');
  });

  it('the top answer and the notice are shown word for word as the API gave them', async () => {
    const q = 'what did Fildes say about Trainium';
    const expected = await apiSearch(q);
    // Dave Fildes (investor relations) never discusses Trainium: results come from others, with a notice.
    expect(expected.notice).not.toBeNull();
    const page = await open(`/?q=${encodeURIComponent(q)}`);
    await resultsSettled(page);
    expect(await page.locator('.notice .notice-text').textContent()).toBe(expected.notice);
    // An answer from others is still an answer: the notice stays a plain note above it.
    expect(await page.locator('.notice-strong').count()).toBe(0);
    expect(await page.locator('.top-answer-text q').textContent()).toBe(expected.answer!.text.trim());
    expect(await page.locator('.top-answer-who').textContent()).toBe(`${expected.answer!.speaker.name.split(' ').at(-1)}:`);
    await screenshot(page, 'results-notice');
  });

  it('a deep link /#p=<id> opens the transcript at that passage, visible and highlighted', async () => {
    const { results } = await api<SearchResponse>(`/api/search?q=${encodeURIComponent('aws backlog')}&k=1`);
    const id = results[0]!.id;
    const page = await open(`/#p=${id}`);
    const target = page.locator('.t-passage.is-target');
    await target.waitFor();
    expect(await target.getAttribute('data-id')).toBe(id);
    expect(await target.textContent()).toContain(results[0]!.text.slice(0, 60));
    // Scrolled into view.
    const inView = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('is-target'))).toBe(true);
    // Turns are grouped under speaker headings; both sections are marked.
    expect(await page.locator('.t-section').allTextContents()).toEqual(['Prepared remarks', 'Questions & answers']);
    expect(await page.locator('.turn').count()).toBeLessThan(await page.locator('.t-passage').count());
    await screenshot(page, 'transcript');
  });

  it('clicking a card opens the transcript there; back returns to the same results', async () => {
    const page = await open(`/?q=${encodeURIComponent(CANONICAL)}`);
    await resultsSettled(page);
    const second = cards(page).nth(1);
    const id = await second.getAttribute('data-id');
    await second.locator('.passage').click();
    await page.waitForURL((u) => new URL(u).hash === `#p=${id}`);
    await page.locator('.t-passage.is-target').waitFor();
    expect(await page.locator('.t-passage.is-target').getAttribute('data-id')).toBe(id);
    // Opened from a result, the answering sentence is marked in context too.
    expect(await page.locator('.t-passage.is-target mark').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe(CANONICAL);

    await page.goBack();
    await page.waitForSelector('#results:not([hidden])[data-state="ready"]');
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id)).toBe(id);

    await page.goForward();
    await page.locator('.t-passage.is-target').waitFor();
    expect(await page.locator('#transcript').isVisible()).toBe(true);
  });

  it('keyboard: / focuses the box, j/k and arrows move between cards, Enter opens, Escape comes back', async () => {
    const page = await open(`/?q=${encodeURIComponent('aws backlog')}`);
    await resultsSettled(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');

    const focusedRank = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rank ?? null);
    await page.keyboard.press('ArrowDown');
    expect(await focusedRank()).toBe('1');
    await page.keyboard.press('j');
    expect(await focusedRank()).toBe('2');
    await page.keyboard.press('ArrowDown');
    expect(await focusedRank()).toBe('3');
    await page.keyboard.press('k');
    expect(await focusedRank()).toBe('2');
    // A "/" typed into the box is text, not a shortcut.
    const id = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => new URL(u).hash === `#p=${id}`);
    await page.locator('.t-passage.is-target').waitFor();

    await page.keyboard.press('Escape');
    await page.waitForURL((u) => new URL(u).hash === '');
    await page.waitForSelector('#results:not([hidden])[data-state="ready"]');
    expect(await focusedRank()).toBe('2');

    await page.keyboard.press('/');
    await page.keyboard.type('a/b');
    expect(await page.locator('#q').inputValue()).toBe('a/b');
  });

  it('HTML in the query is shown as text and runs nothing', async () => {
    const page = await open('/');
    await searchFromBox(page, INJECTION);
    // Typed query and deep link alike.
    const linked = await open(`/?q=${encodeURIComponent(INJECTION)}`);
    await resultsSettled(linked);
    for (const p of [page, linked]) {
      expect(await p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await p.locator('img[src="x"]').count()).toBe(0);
      expect(await p.locator('main img').count()).toBe(0);
      expect(await p.locator('#q').inputValue()).toBe(INJECTION);
      expect(await p.locator('#summary').textContent()).toContain('<img');
      expect(await p.title()).toContain('<img');
    }
  });

  it('a filter click narrows the results: side = Analysts gives only analyst cards', async () => {
    const page = await open('/');
    await searchFromBox(page, 'aws backlog');
    const before = await cards(page).evaluateAll((els) => els.map((e) => e.className));
    expect(before.some((c) => !c.includes('side-analyst'))).toBe(true);

    // The radio is visually hidden inside its label, as a person sees it: click the label.
    await page.locator('label.seg', { hasText: 'Analysts' }).click();
    expect(await page.getByRole('radio', { name: 'Analysts' }).isChecked()).toBe(true);
    await page.waitForURL((u) => new URL(u).searchParams.get('side') === 'analyst');
    await resultsSettled(page);
    const after = await cards(page).evaluateAll((els) => els.map((e) => e.className));
    expect(after.length).toBeGreaterThan(0);
    for (const cls of after) expect(cls).toContain('side-analyst');
    // Chosen, not inferred; and clearing it widens again.
    const chip = page.locator('.active-chip[data-filter="side"]');
    expect(await chip.getAttribute('class')).not.toContain('is-inferred');
    await chip.locator('.chip-clear').click();
    await page.waitForURL((u) => !new URL(u).searchParams.has('side'));
    await resultsSettled(page);
    expect(await cards(page).evaluateAll((els) => els.some((e) => !e.className.includes('side-analyst')))).toBe(true);
  });

  it('an inferred speaker can be replaced by another, or cleared', async () => {
    const page = await open(`/?q=${encodeURIComponent(CANONICAL)}`);
    await resultsSettled(page);
    await page.locator('#f-speaker').selectOption('amzn/brian-olsavsky');
    await page.waitForURL((u) => new URL(u).searchParams.get('speaker') === 'amzn/brian-olsavsky');
    await resultsSettled(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe(CANONICAL);
    const chip = page.locator('.active-chip[data-filter="speaker"]');
    expect(await chip.textContent()).toContain('Brian Olsavsky');
    expect(await chip.getAttribute('class')).not.toContain('is-inferred');
    // Either Olsavsky's own words, or a notice that he did not discuss it.
    const names = await cards(page).locator('.who-name').allTextContents();
    if (await page.locator('.notice').count()) expect(await page.locator('.notice').textContent()).toContain('Brian Olsavsky');
    else for (const n of names) expect(n).toBe('Brian Olsavsky');

    // Back to the question as asked, then clear the inferred Jassy: the same question, from anyone.
    await page.goBack();
    await resultsSettled(page);
    expect(await page.locator('#f-speaker').inputValue()).toBe('amzn/andrew-jassy');
    const sent = page.waitForRequest((req) => {
      const u = new URL(req.url());
      return u.pathname === '/api/search' && u.searchParams.get('speaker') === 'any';
    });
    await page.locator('.active-chip[data-filter="speaker"] .chip-clear').click();
    expect(new URL((await sent).url()).searchParams.get('q')).toBe(CANONICAL);
    await page.waitForURL((u) => new URL(u).searchParams.get('speaker') === 'any');
    await resultsSettled(page);
    // The query stays what was typed, in the box and the URL; the select says anyone, no chip is left.
    expect(new URL(page.url()).searchParams.get('q')).toBe(CANONICAL);
    expect(await page.locator('#q').inputValue()).toBe(CANONICAL);
    expect(await page.locator('#f-speaker').inputValue()).toBe('');
    expect(await page.locator('.active-chip[data-filter="speaker"]').count()).toBe(0);
    expect(await page.locator('#summary').textContent()).toContain('from anyone');
    const lifted = await apiSearch(CANONICAL, '&speaker=any');
    expect(lifted.interpreted.sources.speaker).toBe('request');
    expect(await cards(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id))).toEqual(lifted.results.map((r) => r.id));

    // A copied link reproduces it.
    const linked = await open(`/?q=${encodeURIComponent(CANONICAL)}&speaker=any`);
    await resultsSettled(linked);
    expect(await linked.locator('#f-speaker').inputValue()).toBe('');
    expect(await linked.locator('.active-chip[data-filter="speaker"]').count()).toBe(0);
  });

  it('an inferred side and section ("who asked…" means analysts, in the Q&A) can each be cleared', async () => {
    const q = 'Who asked about return on invested capital?';
    const asked = await apiSearch(q);
    expect(asked.interpreted.topic).not.toBe('');
    expect(asked.interpreted.sources).toEqual({ speaker: 'none', side: 'query', section: 'query', company: 'none', period: 'none', call: 'none' });
    const page = await open(`/?q=${encodeURIComponent(q)}`);
    await resultsSettled(page);
    const side = page.locator('.active-chip[data-filter="side"]');
    const section = page.locator('.active-chip[data-filter="section"]');
    for (const [chip, label] of [[side, 'Analysts'], [section, 'Q&A']] as const) {
      expect(await chip.getAttribute('class')).toContain('is-inferred');
      expect(await chip.locator('.active-chip-label').textContent()).toBe(label);
      expect(await chip.locator('.active-chip-note').textContent()).toBe('from your question');
      expect(await chip.locator('.chip-clear').getAttribute('aria-label')).toContain(label);
    }
    expect(await cards(page).evaluateAll((els) => els.every((e) => e.className.includes('side-analyst')))).toBe(true);

    // Side: analysts and the company alike now; the section stays as the question put it.
    await side.locator('.chip-clear').click();
    await page.waitForURL((u) => new URL(u).searchParams.get('side') === 'any');
    await resultsSettled(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe(q);
    expect(new URL(page.url()).searchParams.has('section')).toBe(false);
    expect(await page.locator('#q').inputValue()).toBe(q);
    expect(await side.count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Any' }).first().isChecked()).toBe(true);
    expect(await section.getAttribute('class')).toContain('is-inferred');
    expect(await cards(page).evaluateAll((els) => els.some((e) => !e.className.includes('side-analyst')))).toBe(true);

    // Section: the whole call.
    await section.locator('.chip-clear').click();
    await page.waitForURL((u) => new URL(u).searchParams.get('section') === 'any');
    await resultsSettled(page);
    expect(new URL(page.url()).searchParams.get('side')).toBe('any');
    expect(await page.locator('.active-chip').count()).toBe(0);
    const lifted = await apiSearch(q, '&side=any&section=any');
    expect(await cards(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id))).toEqual(lifted.results.map((r) => r.id));

    // Question or answer is the passage's role, not the speaker's side: questions offer their answers,
    // answers their question, remarks (a company closing in the Q&A, the prepared remarks) neither.
    const shown = await cards(page).evaluateAll((els) =>
      els.map((e) => ({ role: (e as HTMLElement).dataset.role, context: e.querySelector('.thread-context')?.textContent ?? null })),
    );
    expect(shown.map((x) => x.role)).toEqual(lifted.results.map((r) => r.role));
    for (const { role, context } of shown) {
      if (role === 'question') expect(context).toMatch(/^(Question \d+ of the Q&A|Asked in the Q&A)$/);
      else if (role === 'answer') expect(context).toMatch(/^In reply to /);
      else expect(context).toBeNull();
    }
    expect(lifted.results.some((r) => r.role === 'remarks' && r.section === 'qa' && r.speaker.side === 'company')).toBe(true);
    await screenshot(page, 'results-lifted');
  });

  it('when nothing on the call is about the query: the notice, no top answer, the closest passages as such', async () => {
    const q = 'zxqv flurble wombat';
    const expected = await apiSearch(q);
    expect(expected.answer).toBeNull();
    expect(expected.notice).toMatch(/^Nothing on this call is clearly about /);
    expect(expected.results.length).toBeGreaterThan(0);
    const page = await open('/');
    await searchFromBox(page, q);
    const notice = page.locator('.notice-strong');
    expect(await notice.locator('.notice-text').textContent()).toBe(expected.notice);
    expect(await notice.locator('.notice-title').textContent()).toBe('No clear answer on this call');
    expect(await page.locator('.top-answer').count()).toBe(0);
    // The notice comes first, then the passages, labelled as the closest matches.
    const order = await page.locator('#results-body > *').evaluateAll((els) => els.map((e) => e.className));
    expect(order[0]).toContain('notice-strong');
    expect(await page.locator('.results-heading').textContent()).toBe('Closest matches');
    expect(await page.locator('ol.results').getAttribute('aria-labelledby')).toBe(await page.locator('.results-heading').getAttribute('id'));
    expect(await cards(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id))).toEqual(expected.results.map((r) => r.id));
    expect(await page.locator('#summary .summary-count').textContent()).toBe(`${expected.results.length} closest passages`);
    expect(await page.locator('#status').textContent()).toMatch(/^No clear answer for “zxqv flurble wombat”/);
    await screenshot(page, 'results-no-answer');
  });

  it('a Q&A answer opens the question it replies to, in place', async () => {
    const page = await open(`/?q=${encodeURIComponent(CANONICAL)}`);
    await resultsSettled(page);
    const reply = cards(page).filter({ hasText: 'In reply to' }).first();
    const analyst = await reply.locator('.thread-context strong').textContent();
    const toggle = reply.locator('.thread-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await reply.locator('.thread-body .quote').first().waitFor();
    expect(await reply.locator('.thread-body .quote-who strong').first().textContent()).toBe(analyst);
    // Opening the thread is not opening the card.
    expect(new URL(page.url()).hash).toBe('');
    await screenshot(page, 'results-thread');
  });

  it('empty state says what found nothing', async () => {
    const page = await open('/?q=robotics&side=analyst&section=prepared_remarks');
    await resultsSettled(page);
    expect(await cards(page).count()).toBe(0);
    const title = await page.locator('.state-empty .state-title').textContent();
    expect(title).toBe('Nothing about “robotics” from analysts in the prepared remarks');
    expect(await page.locator('#status').textContent()).toMatch(/^No results/);
    await screenshot(page, 'empty');
    await page.locator('.state-empty button', { hasText: 'Clear filters' }).click();
    // Whether this query implies a side of its own is unknown from this page: "any" says no filter either way.
    await page.waitForURL((u) => new URL(u).searchParams.get('side') !== 'analyst');
    await resultsSettled(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe('robotics');
    expect(new URL(page.url()).searchParams.get('section')).not.toBe('prepared_remarks');
    expect(await cards(page).count()).toBeGreaterThan(0);
    expect(await page.locator('.active-chip').count()).toBe(0);
  });

  it('error state shows the API error message, and retry works', async () => {
    const page = await open('/?q=capex&speaker=nobody');
    await resultsSettled(page);
    const error = page.locator('.state-error');
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.locator('.error-message').textContent()).toBe('no participant matches speaker "nobody"');
    await screenshot(page, 'error');

    // A search that failed on the server (here: timed out): its error message is shown, and "Try again" recovers.
    // (A server still loading is not an error: see teammates.suite.ts.)
    const down = await open('/');
    let failing = true;
    await down.route('**/api/search?**', (route) =>
      failing
        ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'timeout', message: 'request took longer than 10000 ms' } }) })
        : route.continue(),
    );
    await searchFromBox(down, 'aws backlog');
    expect(await down.locator('.state-error .error-message').textContent()).toBe('request took longer than 10000 ms');
    failing = false;
    await down.locator('.state-error button', { hasText: 'Try again' }).click();
    await down.waitForSelector('#results[data-state="ready"]');
    expect(await cards(down).count()).toBeGreaterThan(0);
  });

  it('works at 390×844: no horizontal overflow on home, results or transcript', async () => {
    const page = await open('/', PHONE);
    await page.waitForSelector('#call-info .call-company');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-home');

    await searchFromBox(page, CANONICAL);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await cards(page).count()).toBeGreaterThan(0);
    // Filters sit behind a toggle on a phone.
    expect(await page.locator('#filter-form').isVisible()).toBe(false);
    await page.locator('.filters-toggle').click();
    expect(await page.locator('#filter-form').isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.locator('.filters-toggle').click();
    await screenshot(page, 'phone-results');

    await cards(page).first().locator('.passage').click();
    await page.locator('.t-passage.is-target').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'phone-transcript');

    // The no-answer notice fits too.
    await searchFromBox(page, 'zxqv flurble wombat');
    await page.locator('.notice-strong').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-no-answer');
  });
});
