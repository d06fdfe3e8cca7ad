import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './paths.js';

/** Debian's Chromium (`npx playwright install` cannot run offline). CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const INSTALL_HINT = 'sudo apt-get install -y chromium';
export const SCREENSHOTS_DIR = path.join(ARTIFACTS_DIR, 'screenshots');

const isCI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

/**
 * Whether the browser tests can run. Without Chromium they are skipped with the install command,
 * except under CI=true, where they run and fail (launchBrowser throws) so a broken CI image is noticed.
 */
export function browserTestsSkipped(): boolean {
  if (existsSync(CHROMIUM_PATH)) return false;
  if (isCI) return false;
  process.stderr.write(`\n[e2e] Chromium not found at ${CHROMIUM_PATH}: browser tests skipped. Install it with:\n  ${INSTALL_HINT}\n\n`);
  return true;
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  /** A fresh page at the given viewport, with console errors and CSP violations collected. */
  newPage(viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/**
 * Chromium with a throwaway profile. `extraArgs`: more command-line switches, e.g.
 * `--host-resolver-rules=MAP teammate-box.test 127.0.0.1` to reach the test server by a
 * non-loopback name, as a teammate on the LAN would.
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (CI=true, so browser tests must run). Install it with: ${INSTALL_HINT}`);
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'transcript-search-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...ARGS, ...extraArgs],
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  // The persistent context opens with one blank page; tests make their own.
  for (const p of context.pages()) await p.close();
  return {
    context,
    async newPage(viewport = { width: 1280, height: 900 }) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        // A failed API request is logged by the browser as a console error; the tests that provoke one expect it.
        if (msg.type() === 'error' && !/status of [45]\d\d/.test(msg.text())) errors.push(`console: ${msg.text()}`);
      });
      return { page, errors };
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

let shared: Promise<TestBrowser> | null = null;

/**
 * One Chromium for the page suites of a test process (test/e2e/pages.test.ts runs them all in
 * one), launched by the first suite that asks and closed by closeSharedBrowser once the last has
 * run: a launch costs a second or more of CPU. Each suite still gets fresh pages (its session
 * closes them after every test); the app keeps nothing in the browser (no cookies or storage) and
 * each suite's server listens on a port of its own.
 */
export function sharedBrowser(): Promise<TestBrowser> {
  shared ??= launchBrowser();
  return shared;
}

/** Close the shared browser, if one was launched (a file's afterAll, after all its suites). */
export async function closeSharedBrowser(): Promise<void> {
  const browser = shared;
  shared = null;
  await (await browser)?.close();
}

/** Save a full-page screenshot under test-artifacts/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
