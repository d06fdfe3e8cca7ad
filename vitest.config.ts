import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { UNIT_FILES } from './test/unit-files.js';

/**
 * The files that import suites (the *.suite.ts files) first, the longest (the browser's) first of all.
 * Without timings from an earlier run (a fresh `npm ci`), vitest starts the largest files first,
 * and these are a few lines each, yet among the longest: started last, they would run on alone
 * at the end.
 */
const SUITE_FILES = ['test/e2e/pages.test.ts', 'test/server/shared-service.test.ts', 'test/search/shared-service.test.ts'];

class SuiteFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => SUITE_FILES.findIndex((s) => f.moduleId.endsWith(`/${s}`));
    const suites = sorted.filter((f) => rank(f) >= 0).sort((a, b) => rank(a) - rank(b));
    return [...suites, ...sorted.filter((f) => rank(f) < 0)];
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
    sequence: { sequencer: SuiteFilesFirst },
    projects: [
      { extends: true, test: { name: 'unit', include: [...UNIT_FILES], pool: 'threads' } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: [...UNIT_FILES], pool: 'forks' } },
    ],
  },
});
