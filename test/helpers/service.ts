import { listTranscripts } from '../../src/index/layout.js';
import { openSearchService, type SearchService } from '../../src/service/open-service.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeLibraryFixtures } from '../library/library-fixtures.js';
import { ARTIFACTS_DIR, BUNDLED_CALL, TEST_INDEX_DIR } from './paths.js';

let shared: Promise<SearchService> | null = null;

/** The real model and the real index built by global-setup, opened once per test file (worker). */
export function testService(): Promise<SearchService> {
  shared ??= listTranscripts().then((sources) => openSearchService({ indexDir: TEST_INDEX_DIR, sources }));
  return shared;
}

let library: Promise<SearchService> | null = null;

/**
 * The real model over a small library: the bundled call and the invented multi-call fixtures
 * (test/library/library-fixtures.ts), indexed once into test-artifacts/ and reused while current.
 */
export function libraryService(): Promise<SearchService> {
  library ??= (async () => {
    const dir = path.join(ARTIFACTS_DIR, 'library');
    const files = [...(await writeLibraryFixtures(dir)), path.join(dir, path.basename(BUNDLED_CALL))];
    await fs.copyFile(BUNDLED_CALL, files.at(-1)!);
    return openSearchService({ indexDir: path.join(ARTIFACTS_DIR, 'library-index'), sources: files.sort() });
  })();
  return library;
}
