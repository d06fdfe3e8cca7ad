/**
 * The search over the real model and the real indexes from global setup, one test process for
 * the suites that only read them (test/search/*.suite.ts imported here): the app's modules, the
 * model process and the loaded indexes are started once instead of once a file. Each suite's
 * hooks run as before; those written outside a describe block run once for this whole file.
 * (pipeline and search-overlap spy on the retrievers, so they stay files of their own, restoring
 * the spies after each test; like every integration file they share the test process and its test
 * service, see vitest.config.ts.)
 */
import './answer.suite.js';
import './answers.suite.js';
import './engine.suite.js';
import './eval-targets.suite.js';
import './retriever-contract.suite.js';
import './respond-citations.suite.js';
