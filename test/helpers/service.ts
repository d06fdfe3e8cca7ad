import { listTranscripts } from '../../src/index/layout.js';
import { openSearchService, type SearchService } from '../../src/service/open-service.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeLibraryFixtures } from '../library/library-fixtures.js';
import { BUNDLED_CALL, LIBRARY_DIR, LIBRARY_INDEX_DIR, TEST_INDEX_DIR } from './paths.js';

let shared: Promise<SearchService> | null = null;

/**
 * A service shared by the test files of a process (the integration forks run many files each,
 * vitest.config.ts): released when the process exits, never by a file, whose close() would take
 * it from the files after it. close() fails instead, so such a file fails wherever it runs.
 */
function sharedByTheProcess(service: SearchService): SearchService {
  return {
    ...service,
    close: async () => {
      throw new Error('the shared test service belongs to the test process: a test file must not close it');
    },
  };
}

/** The real model and the real index built by global-setup, opened once per test process. */
export function testService(): Promise<SearchService> {
  shared ??= listTranscripts().then((sources) => openSearchService({ indexDir: TEST_INDEX_DIR, sources })).then(sharedByTheProcess);
  return shared;
}

/**
 * The library's transcripts in LIBRARY_DIR: the invented multi-call fixtures and a copy of the
 * bundled call, each written only when it differs from what is there.
 */
export async function libraryFiles(): Promise<string[]> {
  const copy = path.join(LIBRARY_DIR, path.basename(BUNDLED_CALL));
  const files = [...(await writeLibraryFixtures(LIBRARY_DIR)), copy];
  const bundled = await fs.readFile(BUNDLED_CALL);
  if (!bundled.equals(await fs.readFile(copy).catch(() => Buffer.alloc(0)))) await fs.writeFile(copy, bundled);
  return files.sort();
}

let library: Promise<SearchService> | null = null;

/**
 * The real model over a small library: the bundled call and the invented multi-call fixtures
 * (test/library/library-fixtures.ts), indexed into test-artifacts/ by global setup and reused while current.
 */
export function libraryService(): Promise<SearchService> {
  library ??= libraryFiles().then((sources) => openSearchService({ indexDir: LIBRARY_INDEX_DIR, sources })).then(sharedByTheProcess);
  return library;
}
