import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { UNIT_FILES } from './test/unit-files.js';

/**
 * The browser suites' file first. Without timings from an earlier run (a fresh `npm ci`), vitest
 * starts the largest files first, and test/e2e/pages.test.ts is a few lines that import the six
 * suites, yet the longest file of all: started last, it would run on alone at the end.
 */
class BrowserSuitesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (f: TestSpecification) => f.moduleId.endsWith('/test/e2e/pages.test.ts');
    return [...sorted.filter(first), ...sorted.filter((f) => !first(f))];
  }
}

export default defineConfig({
  test: {
    // Real model + real index: loading takes ~1 s, building the index a minute on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    poolOptions: {
      // Two cores: more workers only fight over them. Each integration file gets a process of its own.
      forks: { maxForks: 2, minForks: 1 },
      // The unit files, one after another in one thread beside the two forks: ~10 s of work in all,
      // most of it importing modules that the next file then finds loaded.
      threads: { singleThread: true, isolate: false },
    },
    globalSetup: ['test/global-setup.ts'],
    sequence: { sequencer: BrowserSuitesFirst },
    projects: [
      { extends: true, test: { name: 'unit', include: [...UNIT_FILES], pool: 'threads' } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: [...UNIT_FILES], pool: 'forks' } },
    ],
  },
});
