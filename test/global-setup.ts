import { ensureIndex } from '../src/index/ensure.js';
import { listTranscripts } from '../src/index/layout.js';
import { loadEmbedder } from '../src/model/embedder.js';
import { textEmbedder } from '../src/service/open-service.js';
import { TEST_INDEX_DIR } from './helpers/paths.js';

/** Build (or reuse, when current) the real index every integration test reads. */
export default async function setup(): Promise<void> {
  const embedder = await loadEmbedder();
  try {
    await ensureIndex({
      indexDir: TEST_INDEX_DIR,
      sources: await listTranscripts(),
      embedder: await textEmbedder(embedder, false),
      onRebuild: (r) => process.stderr.write(`[global-setup] building test index (${r.message})\n`),
    });
  } finally {
    await embedder.close?.();
  }
}
