import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { EMBEDDING_CACHE_DIR } from '../src/index/embedding-cache.js';
import { currentIndex, ensureIndex } from '../src/index/ensure.js';
import { listTranscripts } from '../src/index/layout.js';
import { loadEmbedder, modelChecksum } from '../src/model/embedder.js';
import { textEmbedder } from '../src/service/open-service.js';
import { LIBRARY_INDEX_DIR, TEST_INDEX_DIR } from './helpers/paths.js';
import { libraryFiles } from './helpers/service.js';

/**
 * Build (or reuse, when current) the real indexes the integration tests read: the bundled call's,
 * and the multi-call library's (libraryService). Built here, one after the other, rather than by
 * the first test files that open them, which would each wait on the other's build lock.
 */
export default async function setup(): Promise<void> {
  // Both current (the usual case): nothing to embed, so no model is loaded; the tests start sooner.
  if (await current(TEST_INDEX_DIR, await listTranscripts()) && (await current(LIBRARY_INDEX_DIR, await libraryFiles()))) return;
  const embedder = await loadEmbedder();
  try {
    const text = await textEmbedder(embedder, false);
    const onRebuild = (name: string) => (r: { message: string }) => process.stderr.write(`[global-setup] building the ${name} index (${r.message})\n`);
    await ensureIndex({ indexDir: TEST_INDEX_DIR, sources: await listTranscripts(), embedder: text, onRebuild: onRebuild('test') });
    // A first library build starts from the test index's embedding cache (keyed by weights and
    // text): the bundled call it also holds is not embedded twice, only the invented calls are.
    const cache = path.join(TEST_INDEX_DIR, EMBEDDING_CACHE_DIR);
    if (!existsSync(LIBRARY_INDEX_DIR) && existsSync(cache)) await fs.cp(cache, path.join(LIBRARY_INDEX_DIR, EMBEDDING_CACHE_DIR), { recursive: true });
    await ensureIndex({ indexDir: LIBRARY_INDEX_DIR, sources: await libraryFiles(), embedder: text, onRebuild: onRebuild('library') });
  } finally {
    await embedder.close?.();
  }
}

/** Whether ensureIndex would serve the index in `indexDir` as it is, without a build. */
async function current(indexDir: string, sources: string[]): Promise<boolean> {
  return (await currentIndex(indexDir, { modelChecksum: await modelChecksum(), sources })) !== null;
}
