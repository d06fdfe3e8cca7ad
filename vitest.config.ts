import { defineConfig } from 'vitest/config';
import { UNIT_FILES } from './test/unit-files.js';

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
    projects: [
      { extends: true, test: { name: 'unit', include: [...UNIT_FILES], pool: 'threads' } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: [...UNIT_FILES], pool: 'forks' } },
    ],
  },
});
