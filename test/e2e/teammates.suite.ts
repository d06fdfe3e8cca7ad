/**
 * The page as a team uses it, in real Chromium against the real app (real model, real index):
 * a teammate reaching it by the machine's name over plain HTTP, a page opened while the server
 * is still getting ready, the keyboard after Enter, copying a quote with its citation, and
 * transcript text carrying bidi controls. No assertion depends on timing: the tests wait for
 * states.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/api/schemas.js';
import { LoadingState } from '../../src/server/loading-state.js';
import { browserTestsSkipped, launchBrowser, screenshot, type TestBrowser } from '../helpers/browser.js';
import { cards, resultsSettled, searchFromBox, usePageSession } from '../helpers/page-session.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const CANONICAL = 'what did Jassy say about Trainium';
/** A name that is not loopback, mapped to 127.0.0.1 inside this browser only (no DNS, no network). */
const LAN_NAME = 'teammate-box.test';

const focusedRank = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rank ?? null);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

/** One browser for the file: it reaches the test servers by their loopback address and by LAN_NAME. */
let browser: TestBrowser;
beforeAll(async () => {
  if (!browserTestsSkipped()) browser = await launchBrowser([`--host-resolver-rules=MAP ${LAN_NAME} 127.0.0.1`]);
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(browserTestsSkipped())('the page for a team', () => {
  const session = usePageSession({
    server: () => ({ config: { ALLOWED_HOSTS: [LAN_NAME] } }),
    browser: () => browser,
  });
  const { open, apiSearch } = session;

  it(`a teammate opening http://${LAN_NAME}:<port>/ over plain HTTP gets the styled page, and it answers`, async () => {
    const lan = session.server.url.replace('127.0.0.1', LAN_NAME);
    const page = await open(`${lan}/`);
    // Not a secure context: exactly the case upgrade-insecure-requests broke (https://… for every asset).
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await page.waitForSelector('#call-info .call-company');
    // The stylesheet loaded over http and applies.
    const styled = await page.evaluate(() => ({
      sheets: Array.from(document.styleSheets).map((s) => ({ href: s.href, rules: s.cssRules.length })),
      font: getComputedStyle(document.body).fontFamily,
      card: getComputedStyle(document.querySelector('.search-field')!).display,
    }));
    expect(styled.sheets).toEqual([{ href: `${lan}/styles.css`, rules: expect.any(Number) }]);
    expect(styled.sheets[0]!.rules).toBeGreaterThan(50);
    expect(styled.font).toMatch(/system-ui|Arial|Roboto/);
    expect(styled.card).toBe('flex');

    await searchFromBox(page, CANONICAL);
    expect(await cards(page).first().locator('.who-name').textContent()).toBe('Andrew Jassy');
    await screenshot(page, 'lan-results');
  });

  it('after Enter, j/k and the arrows move between cards; Escape or / return to the box', async () => {
    const page = await open('/');
    await searchFromBox(page, 'aws backlog');
    // The box no longer has the keyboard: j is a move, not a letter.
    await page.keyboard.press('j');
    expect(await focusedRank(page)).toBe('1');
    await page.keyboard.press('j');
    expect(await focusedRank(page)).toBe('2');
    await page.keyboard.press('ArrowDown');
    expect(await focusedRank(page)).toBe('3');
    await page.keyboard.press('k');
    expect(await focusedRank(page)).toBe('2');
    await page.keyboard.press('ArrowUp');
    expect(await focusedRank(page)).toBe('1');
    expect(await page.locator('#q').inputValue()).toBe('aws backlog');

    await page.keyboard.press('Escape');
    expect(await focusedId(page)).toBe('q');
    // Typing now edits the question; Enter again hands the keyboard back to the results.
    await page.keyboard.type(' growth');
    expect(await page.locator('#q').inputValue()).toBe('aws backlog growth');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => new URL(u).searchParams.get('q') === 'aws backlog growth');
    await resultsSettled(page);
    await page.keyboard.press('ArrowDown');
    expect(await focusedRank(page)).toBe('1');
    await page.keyboard.press('/');
    expect(await focusedId(page)).toBe('q');
  });

  it('Copy quote puts the citation and a link to the passage on the clipboard; Copy link the link; the link opens the passage', async () => {
    await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
    const page = await open(`/?q=${encodeURIComponent(CANONICAL)}`);
    await resultsSettled(page);
    const expected = await apiSearch(CANONICAL);
    const first = cards(page).first();
    const top = expected.results[0]!;

    await first.getByRole('button', { name: 'Copy quote' }).click();
    await first.getByRole('button', { name: 'Copied' }).waitFor();
    const quote = await page.evaluate(() => navigator.clipboard.readText());
    const link = `${session.server.url}/#p=${top.id}`;
    expect(quote).toBe(`${top.citation}\n${link}`);
    expect(quote).toMatch(/^".+" — Andrew Jassy, President, CEO & Director, Amazon\.com, Inc\. Q4 2025 earnings call, February 5, 2026\n/);
    expect(await page.locator('#status').textContent()).toMatch(/copied/i);

    await cards(page).nth(1).getByRole('button', { name: 'Copy link' }).click();
    await cards(page).nth(1).getByRole('button', { name: 'Copied' }).waitFor();
    const second = await page.evaluate(() => navigator.clipboard.readText());
    expect(second).toBe(`${session.server.url}/#p=${expected.results[1]!.id}`);
    // Copying is not opening the card.
    expect(new URL(page.url()).hash).toBe('');

    const opened = await open(second);
    await opened.locator('.t-passage.is-target').waitFor();
    expect(await opened.locator('.t-passage.is-target').getAttribute('data-id')).toBe(expected.results[1]!.id);
    await screenshot(page, 'copy-quote');
  });

  it('Copy quote works over plain HTTP too (no clipboard API there): the older copy command is used', async () => {
    const lan = session.server.url.replace('127.0.0.1', LAN_NAME);
    const page = await open(`${lan}/?q=${encodeURIComponent(CANONICAL)}`);
    await resultsSettled(page);
    // Record what the page hands to the copy command (the system clipboard is not readable from an insecure page).
    await page.evaluate(() => {
      document.addEventListener('copy', (e) => {
        (window as unknown as { __copied: string }).__copied = String(window.getSelection() ?? (document.activeElement as HTMLTextAreaElement | null)?.value ?? '');
        const el = document.activeElement as HTMLTextAreaElement | null;
        if (el?.tagName === 'TEXTAREA') (window as unknown as { __copied: string }).__copied = el.value.slice(el.selectionStart, el.selectionEnd);
        void e;
      });
    });
    await cards(page).first().getByRole('button', { name: 'Copy quote' }).click();
    await cards(page).first().getByRole('button', { name: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => (window as unknown as { __copied?: string }).__copied);
    expect(copied).toMatch(new RegExp(`^".+" — Andrew Jassy, .+ earnings call, February 5, 2026\\n${lan.replace(/[.]/g, '\\.')}/#p=`));
    // The buffer is gone and focus is back where it was.
    expect(await page.locator('textarea.copy-buffer').count()).toBe(0);
  });

  it('bidi controls in transcript text do not reorder the page: they are shown neutralised, offsets intact', async () => {
    const page = await open('/');
    await page.route('**/api/search?**', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as SearchResponse;
      const r = body.results[0]!;
      // A right-to-left override inside the passage, after the answer sentence, and in the speaker's name.
      r.text = `${r.text} \u202Esdrawkcab\u202C and \u2067isolated\u2069.`;
      r.speaker = { ...r.speaker, name: `${r.speaker.name}\u202E` };
      await route.fulfill({ response: res, json: body });
    });
    await searchFromBox(page, CANONICAL);
    const first = cards(page).first();
    const shown = (await first.locator('.passage').textContent())!;
    expect(shown).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(shown).toContain('\uFFFDsdrawkcab\uFFFD and \uFFFDisolated\uFFFD.');
    expect(await first.locator('.who-name').textContent()).toBe('Andrew Jassy\uFFFD');
    // The answer sentence is still the one marked (offsets unchanged by the neutralising).
    const expected = await apiSearch(CANONICAL);
    expect(await first.locator('.passage mark').textContent()).toBe(expected.results[0]!.answer.text);
    // Every run of text on the card reads left to right as stored.
    expect(await first.evaluate((el) => getComputedStyle(el.querySelector('.passage')!).unicodeBidi)).toBe('isolate');
  });
});

describe.skipIf(browserTestsSkipped())('a page opened while the server is getting ready', () => {
  let server: TestServer;
  const loading = new LoadingState();
  let ready = false;

  beforeAll(async () => {
    server = await startTestServer({ ready: () => ready, loading: () => loading.snapshot() });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows what the server is doing and how far, not an error; carries on by itself once ready (search and header)', async () => {
    loading.update({ phase: 'passages', done: 40, total: 120 });
    const { page, errors } = await browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/?q=${encodeURIComponent(CANONICAL)}`);

    const waiting = page.locator('#results[data-state="waiting"] .state-waiting');
    await waiting.waitFor();
    expect(await waiting.getAttribute('role')).toBe('status');
    await page.locator('.loading-progress-text', { hasText: 'embedding passages — 40 of 120' }).waitFor();
    expect(await page.locator('.loading-bar').evaluate((el) => [(el as HTMLProgressElement).value, (el as HTMLProgressElement).max])).toEqual([40, 120]);
    expect(await page.locator('.state-error').count()).toBe(0);
    // The header says it is getting ready, not that something failed.
    expect(await page.locator('#call-info').textContent()).toBe('Getting ready…');
    expect(await page.locator('#call-info .call-error').count()).toBe(0);

    // Progress moves on the page as the server reports it.
    loading.update({ phase: 'sentences', done: 300, total: 450 });
    await page.locator('.loading-progress-text', { hasText: 'embedding sentences — 300 of 450' }).waitFor();
    await screenshot(page, 'waiting-for-server');

    ready = true;
    await resultsSettled(page);
    expect(await page.locator('#results').getAttribute('data-state')).toBe('ready');
    expect(await cards(page).first().locator('.who-name').textContent()).toBe('Andrew Jassy');
    await page.locator('#call-info .call-company').waitFor();
    expect(await page.locator('#call-info').textContent()).toContain('AMZN');
    expect(errors.filter((e) => !/status of 503/.test(e))).toEqual([]);
    await page.close();
  });
});
