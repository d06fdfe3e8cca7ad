import type { BuildProgress, BuildSummary } from '../index/build.js';
import type { TextEmbedder } from '../index/embedder-port.js';
import { ensureIndex } from '../index/ensure.js';
import { DEFAULT_INDEX_DIR, listTranscripts } from '../index/layout.js';
import type { IndexUnusableError } from '../index/load.js';
import { loadEmbedder, modelChecksum, type Embedder } from '../model/embedder.js';
import { MicroBatcher } from '../model/micro-batcher.js';
import { SearchEngine } from '../search/engine.js';
import { ParticipantDirectory } from '../search/participant-directory.js';

export interface ServiceOptions {
  indexDir?: string;
  /** Transcript files to serve; default: every .txt in data/transcripts/. */
  sources?: string[];
  /** int8 weights instead of the fp32 reference. */
  quantized?: boolean;
  onRebuild?: (reason: IndexUnusableError) => void;
  onProgress?: (p: BuildProgress) => void;
  onBuilt?: (summary: BuildSummary) => void;
}

export interface SearchService {
  engine: SearchEngine;
  embedder: Embedder;
  batcher: MicroBatcher;
  close(): Promise<void>;
}

export async function textEmbedder(embedder: Embedder, quantized: boolean): Promise<TextEmbedder> {
  const checksum = await modelChecksum({ quantized });
  return {
    modelId: embedder.modelId,
    dimensions: embedder.dimensions,
    checksum,
    embed: (texts) => embedder.embed(texts),
    countTokens: (t) => embedder.countTokens(t),
  };
}

/** Model + index (built if missing or stale) + engine: what the server, the CLI, eval and bench all run. */
export async function openSearchService(opts: ServiceOptions = {}): Promise<SearchService> {
  const quantized = opts.quantized ?? false;
  const embedder = await loadEmbedder({ quantized });
  try {
    const index = await ensureIndex({
      indexDir: opts.indexDir ?? DEFAULT_INDEX_DIR,
      sources: opts.sources ?? (await listTranscripts()),
      embedder: await textEmbedder(embedder, quantized),
      onRebuild: opts.onRebuild,
      onProgress: opts.onProgress,
      onBuilt: opts.onBuilt,
    });
    const batcher = new MicroBatcher((texts) => embedder.embed(texts));
    const engine = new SearchEngine({ index, directory: new ParticipantDirectory(index.calls), embedQuery: (t) => batcher.embed(t) });
    return { engine, embedder, batcher, close: async () => embedder.close?.() };
  } catch (err) {
    await embedder.close?.();
    throw err;
  }
}
