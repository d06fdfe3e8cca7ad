import { defineConfig } from 'vitest/config';

/**
 * Test files of pure functions: no model, no index, no server, no child process, no mocks. They
 * share one worker thread and its loaded modules (isolate: false), which saves each of them the
 * start of a process and a fresh import of the parser, tokenizer and search modules. A file that
 * needs the model, an index, a server, a browser, a child process or vi.mock/vi.spyOn belongs in
 * "integration" (see test/vitest-projects.test.ts).
 */
export const UNIT_FILES = [
  'test/api/citation.test.ts',
  'test/architecture.test.ts',
  'test/cli/ask-format.test.ts',
  'test/e2e/page-format.test.ts',
  'test/eval/*.test.ts',
  'test/index/lexical.test.ts',
  'test/library/read-source.test.ts',
  'test/library/stored-call.test.ts',
  'test/model/tokenize-pool.test.ts',
  'test/passages/*.test.ts',
  'test/search/figures.test.ts',
  'test/search/fuse.test.ts',
  'test/search/interpret/*.test.ts',
  'test/search/sentence-facts.test.ts',
  'test/transcript/*.test.ts',
];

export default defineConfig({
  test: {
    // Real model + real index: loading takes ~1 s, building the index a minute on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    poolOptions: {
      // Two cores: more workers only fight over them. Each integration file gets a fresh process.
      forks: { maxForks: 2, minForks: 1 },
      // The unit files, one after another in a single thread beside the two forks (they take ~10 s in all).
      threads: { singleThread: true, isolate: false },
    },
    globalSetup: ['test/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT_FILES, pool: 'threads' } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: UNIT_FILES, pool: 'forks' } },
    ],
  },
});
