import { listTranscripts } from '../../src/index/layout.js';
import { openSearchService, type SearchService } from '../../src/service/open-service.js';
import { TEST_INDEX_DIR } from './paths.js';

let shared: Promise<SearchService> | null = null;

/** The real model and the real index built by global-setup, opened once per test file (worker). */
export function testService(): Promise<SearchService> {
  shared ??= listTranscripts().then((sources) => openSearchService({ indexDir: TEST_INDEX_DIR, sources }));
  return shared;
}
