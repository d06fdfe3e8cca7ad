import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { SearchResponse } from '../../src/api/schemas.js';
import { sharedBrowser, type TestBrowser } from './browser.js';
import { startTestServer, type TestServer, type TestServerOptions } from './server.js';

/** The results view once it shows the outcome of a search: a ready state only. */
const RESULTS_READY = '#results:not([hidden])[data-state="ready"]';

/** Wait until the results view is ready (a search that errors keeps waiting, so the test fails). */
export async function resultsReady(page: Page): Promise<void> {
  await page.waitForSelector(RESULTS_READY);
}

/** Wait until the results view shows the outcome of the search, ready or an error. */
export async function resultsSettled(page: Page): Promise<void> {
  await page.waitForSelector(`${RESULTS_READY}, #results:not([hidden])[data-state="error"]`);
}

/** The result cards on the page. */
export const cards = (page: Page) => page.locator('#results-body .card');

/** Type a question into the box, press Enter, and wait for its outcome (q= in the URL, results settled). */
export async function searchFromBox(page: Page, q: string): Promise<void> {
  await page.locator('#q').fill(q);
  await page.locator('#q').press('Enter');
  await page.waitForURL((u) => new URL(u).searchParams.get('q') === q);
  await resultsSettled(page);
}

export interface PageSession {
  /** The server the pages talk to (valid inside tests, after the session's beforeAll). */
  readonly server: TestServer;
  readonly browser: TestBrowser;
  /** A fresh page at `target` (a path on the server, or a full URL) whose console errors fail the test. */
  open(target: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** GET a JSON body from the server, expecting 200. */
  api<T>(path: string): Promise<T>;
  /** What /api/search answers for `q` with k=10 (plus `params`, e.g. "&company=nwr"), expecting 200. */
  apiSearch(q: string, params?: string): Promise<SearchResponse>;
}

export interface PageSessionOptions {
  /** Options of the test server, asked in beforeAll (so they may use what earlier hooks set up). */
  server?: () => TestServerOptions | Promise<TestServerOptions>;
  /** A browser the caller launched and closes (e.g. one with extra switches); default: the process's shared browser (sharedBrowser), which the test file closes. */
  browser?: () => TestBrowser;
}

/**
 * Registers, in the enclosing describe, a test server for its tests (started before them, closed
 * after) and a browser (the process's shared one unless `opts.browser`); after each test its
 * pages are closed and their console errors or CSP violations, if any, fail it.
 */
export function usePageSession(opts: PageSessionOptions = {}): PageSession {
  let server: TestServer | undefined;
  let browser: TestBrowser | undefined;
  let pageErrors: string[][] = [];

  beforeAll(async () => {
    server = await startTestServer((await opts.server?.()) ?? {});
    browser = opts.browser ? opts.browser() : await sharedBrowser();
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    const errors = pageErrors.flat();
    for (const page of browser!.context.pages()) await page.close();
    pageErrors = [];
    expect(errors, 'console errors or CSP violations').toEqual([]);
  });

  const session: PageSession = {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    async open(target, viewport) {
      const { page, errors } = await browser!.newPage(viewport);
      page.setDefaultTimeout(60_000);
      pageErrors.push(errors);
      await page.goto(/^https?:/.test(target) ? target : server!.url + target);
      return page;
    },
    async api<T>(path: string): Promise<T> {
      const res = await fetch(server!.url + path);
      expect(res.status, path).toBe(200);
      return (await res.json()) as T;
    },
    apiSearch: (q, params = '') => session.api<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}&k=10${params}`),
  };
  return session;
}
