/**
 * The page in real Chromium against the real app, one test process for all its suites: the six
 * suites (test/e2e/*.suite.ts) are imported here, so the browser driver, the app's modules and the
 * shared test service (real model process, real index from global setup) are started once instead
 * of once a file, and so is Chromium: the suites open their pages in one shared browser
 * (sharedBrowser), closed below once they have all run. Each suite keeps its own servers, started
 * and closed by its own hooks; a suite's hooks written outside its describe blocks (teammates: a
 * browser of its own, with a LAN name, for its two describes; recording-times: its own library's
 * service) run once for this whole file.
 */
import { afterAll } from 'vitest';
import { closeSharedBrowser } from '../helpers/browser.js';
import './web.suite.js';
import './answers.suite.js';
import './library.suite.js';
import './teammates.suite.js';
import './recording-times.suite.js';
import './legacy-deep-link.suite.js';

afterAll(closeSharedBrowser);
