import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { OWN_PROCESS, UNIT_FILES } from './test/unit-files.js';

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
    // The files of a process of their own (short ones) before all others: vitest starts the
    // files of one project only once every file of the project before it has started.
    const own = sorted.filter((f) => f.project.name.startsWith(OWN));
    return [...own, ...suites, ...sorted.filter((f) => rank(f) < 0 && !own.includes(f))];
  }
}

/** The name of each project of one file, run in a fork of its own (OWN_PROCESS). */
const OWN = 'own:';

export default defineConfig({
  test: {
    // Real model + real index: loading takes ~1 s, building the index a minute on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    poolOptions: {
      // Two cores: more workers only fight over them. The integration files share two processes
      // and their loaded modules (isolate: false): each file's import of the app, the model
      // client and the test helpers costs nothing after the first, and the shared test service
      // (helpers/service.ts: model process and loaded index) is opened once a process, not once
      // a file. Each file therefore leaves what it found: it closes what it opened and never
      // closes or replaces the shared service. A file that cannot share a process (OWN_PROCESS)
      // is a project of its own below: vitest starts a new process for each project.
      forks: { maxForks: 2, minForks: 1, isolate: false },
      // The unit files, one after another in one thread beside the two forks: ~10 s of work in all,
      // most of it importing modules that the next file then finds loaded.
      threads: { singleThread: true, isolate: false },
    },
    globalSetup: ['test/global-setup.ts'],
    sequence: { sequencer: SuiteFilesFirst },
    projects: [
      { extends: true, test: { name: 'unit', include: [...UNIT_FILES], pool: 'threads' } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: [...UNIT_FILES, ...OWN_PROCESS], pool: 'forks' } },
      ...OWN_PROCESS.map((file) => ({ extends: true as const, test: { name: `${OWN}${file.replace(/^test\//, '')}`, include: [file], pool: 'forks' as const } })),
    ],
  },
});
