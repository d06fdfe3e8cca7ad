/**
 * The app, the library search and the MCP server over the real model and the real indexes from
 * global setup, one test process for the suites that only read them (imported here): the app's
 * modules, the model process and the loaded indexes are started once instead of once a file.
 * Each suite's hooks run as before; those written outside a describe block run once for this
 * whole file. (error-contract and search-fast-path read the request log of servers they start,
 * so they stay files of their own; like every integration file they share the test process and
 * its test service, see vitest.config.ts.)
 */
import './api.suite.js';
import './serving.suite.js';
import '../library/library-search.suite.js';
import '../index/scoped-search.suite.js';
import '../mcp/mcp.suite.js';
