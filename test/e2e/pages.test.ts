/**
 * The page in real Chromium against the real app, one test process for all its suites: the six
 * suites (test/e2e/*.suite.ts) are imported here, so the browser driver, the app's modules and the
 * shared test service (real model process, real index from global setup) are started once instead
 * of once a file. Each suite keeps its own servers and browsers, started and closed by its own
 * hooks; a suite's hooks written outside its describe blocks (teammates: one browser for its two
 * describes; recording-times: its own library's service) run once for this whole file.
 */
import './web.suite.js';
import './answers.suite.js';
import './library.suite.js';
import './teammates.suite.js';
import './recording-times.suite.js';
import './legacy-deep-link.suite.js';
