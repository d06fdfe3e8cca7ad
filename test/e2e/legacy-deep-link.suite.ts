/**
 * Deep links shared before passage ids became offsets keep working in the page: `/#p=<call>:<n>`
 * opens the transcript at that passage and the address bar takes its stable `<call>@<offset>` id;
 * an offset inside a passage opens that passage. Real Chromium, real app, shared index.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptResponse } from '../../src/api/schemas.js';
import { browserTestsSkipped, sharedBrowser, type TestBrowser } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let browser: TestBrowser;

async function open(path: string): Promise<Page> {
  const { page } = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(server.url + path);
  return page;
}

describe.skipIf(browserTestsSkipped())('deep links in Chromium', () => {
  let passages: TranscriptResponse['passages'];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await sharedBrowser();
    passages = ((await (await fetch(`${server.url}/api/transcript`)).json()) as TranscriptResponse).passages;
  });
  afterAll(async () => {
    for (const page of browser?.context.pages() ?? []) await page.close();
    await server?.close();
  });

  it('an old /#p=<call>:<n> link opens the same passage and the URL takes its stable id', async () => {
    const target = passages[17]!;
    const page = await open('/#p=amzn-q4-2025:17');
    await page.waitForURL((u) => new URL(u).hash === `#p=${target.id}`);
    const shown = page.locator('.t-passage.is-target');
    await shown.waitFor();
    expect(await shown.getAttribute('data-id')).toBe(target.id);
    expect(await shown.textContent()).toContain(target.text.slice(0, 60));
    expect(await page.locator('.reader-missing').count()).toBe(0);
  });

  it('an offset inside a passage opens that passage', async () => {
    const target = passages[30]!;
    const page = await open(`/#p=amzn-q4-2025@${target.start + 25}`);
    await page.waitForURL((u) => new URL(u).hash === `#p=${target.id}`);
    expect(await page.locator('.t-passage.is-target').getAttribute('data-id')).toBe(target.id);
  });

  it('an id that names nothing still says so', async () => {
    const page = await open('/#p=amzn-q4-2025:9999');
    await page.locator('.reader-missing').waitFor();
    expect(await page.locator('.reader-missing').textContent()).toContain('amzn-q4-2025:9999');
  });
});
