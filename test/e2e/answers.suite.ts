/**
 * Issue 11 on the page, in Chromium against the real app: key points above the cards, weaker
 * matches collapsed without a highlighted answer, relevance labels instead of the fused score, the
 * corrected topic, and chips that never claim a constraint the results do not meet.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTestsSkipped, screenshot } from '../helpers/browser.js';
import { resultsReady, usePageSession } from '../helpers/page-session.js';

describe.skipIf(browserTestsSkipped())('answers on the page', () => {
  const { open, apiSearch } = usePageSession();

  async function searchPage(q: string): Promise<Page> {
    const page = await open(`/?q=${encodeURIComponent(q)}`);
    await resultsReady(page);
    return page;
  }

  it('key points sit above the cards, each linking to its passage', async () => {
    const q = 'what did Jassy say about Trainium';
    const expected = await apiSearch(q);
    const page = await searchPage(q);
    // The top answer is the first key point; the page shows it once, in the top answer box.
    expect(expected.key_points[0]!.text).toBe(expected.answer!.text);
    const others = expected.key_points.slice(1);
    expect(others.length).toBeGreaterThan(0);
    const points = page.locator('.key-points .key-point');
    expect(await points.count()).toBe(others.length);
    expect(await points.first().locator('.key-point-text').textContent()).toBe(others[0]!.text.trim());
    const hrefs = await page.locator('.key-point-text').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).getAttribute('href')));
    others.forEach((k, i) => expect(decodeURIComponent(hrefs[i] ?? '')).toContain(k.passage_id));
    // Above the first card.
    const order = await page.evaluate(() => {
      const kp = document.querySelector('.key-points')!;
      const card = document.querySelector('#results-body .card')!;
      return kp.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    // Following a key point opens the transcript at that passage.
    await page.locator('.key-point-text').first().click();
    await page.waitForSelector('.t-passage.is-target');
    expect(await page.locator('.t-passage.is-target').getAttribute('data-id')).toBe(others[0]!.passage_id);
    await screenshot(page, 'key-points-followed');
  });

  it('weaker matches are collapsed under "N weaker matches", with no highlighted answer; labels, not scores', async () => {
    const q = 'how many satellites has Amazon launched';
    const expected = await apiSearch(q);
    const weak = expected.results.filter((r) => r.weak);
    expect(weak.length).toBeGreaterThan(0);
    const page = await searchPage(q);
    await screenshot(page, 'weaker-matches');
    const details = page.locator('details.weaker');
    expect(await details.getAttribute('open')).toBeNull();
    expect(await details.locator('summary').textContent()).toBe(`${weak.length} weaker match${weak.length === 1 ? '' : 'es'}`);
    expect(await page.locator('ol.results:not(.results-weaker) > li > .card').count()).toBe(expected.results.length - weak.length);
    expect(await details.locator('.card').count()).toBe(weak.length);
    expect(await details.locator('.card mark').count()).toBe(0);
    await details.locator('summary').click();
    expect(await details.locator('.card').first().isVisible()).toBe(true);
    expect(await page.locator('.card .relevance').first().textContent()).toMatch(/^#1 · (Strong match|Related)$/);
    expect(await details.locator('.relevance').first().textContent()).toMatch(/Weaker match$/);
    expect(await page.locator('.card').evaluateAll((els) => els.some((e) => /score \d/.test(e.textContent ?? '')))).toBe(false);
  });

  it('a misspelt topic: results for the corrected one, said so', async () => {
    const page = await searchPage('what did Jasy say about robtics');
    expect(await page.locator('.notice').textContent()).toContain('Showing results for "robotics"');
    expect(await page.locator('#summary').textContent()).toContain('robotics');
    expect(await page.locator('.top-answer').count()).toBe(1);
  });

  it('chips never claim a speaker the results do not come from', async () => {
    const page = await searchPage('what did Olsavsky say about Trainium');
    expect(await page.locator('.notice').textContent()).toContain('Brian Olsavsky did not discuss');
    expect(await page.locator('.active-chip[data-filter="speaker"]').count()).toBe(0);
    const names = await page.locator('#results-body .card .who-name').allTextContents();
    expect(names[0]).not.toBe('Brian Olsavsky');
    expect(await page.locator('#summary').textContent()).not.toContain('Brian Olsavsky said');
    expect(await page.locator('#summary').textContent()).toContain('from anyone');
  });
});
