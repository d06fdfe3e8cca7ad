import type { BuildProgress, BuildSummary } from '../index/build.js';
import type { TextEmbedder } from '../index/embedder-port.js';
import { ensureIndex } from '../index/ensure.js';
import { DEFAULT_INDEX_DIR, listTranscripts } from '../index/layout.js';
import { IndexUnusableError, loadIndex, type LoadedIndex } from '../index/load.js';
import { DEFAULT_QUANTIZED, loadEmbedder, modelChecksum, type Embedder } from '../model/embedder.js';
import { MicroBatcher, type QueueStats } from '../model/micro-batcher.js';
import type { ModelUnavailableError } from '../model/model-errors.js';
import type { ModelStatus } from '../model/model-process.js';
import { SearchEngine } from '../search/engine.js';
import { transcriptLimits, type TranscriptLimits } from '../transcript/limits.js';
import { directoryOf } from '../search/interpret/library-directory.js';

export interface ServiceOptions {
  indexDir?: string;
  /** Transcript files to serve; default: every .txt in data/transcripts/. */
  sources?: string[];
  /** int8 weights instead of the fp32 reference; default DEFAULT_QUANTIZED. */
  quantized?: boolean;
  /** Transcript limits; default transcriptLimits() (environment, else defaults). */
  limits?: TranscriptLimits;
  onRebuild?: (reason: IndexUnusableError) => void;
  onProgress?: (p: BuildProgress) => void;
  onBuilt?: (summary: BuildSummary) => void;
  /** Model tokens that may wait for the model before searches are refused (503 busy); default DEFAULT_MAX_QUEUE_TOKENS. */
  maxQueueTokens?: number;
  /** Stop a build in progress (SIGTERM/SIGINT): the open fails with BuildInterruptedError, the previous index untouched. */
  signal?: AbortSignal;
}

/** The model as an operator sees it: its process's state and the queue in front of it. */
export interface ModelReport extends ModelStatus {
  queue: QueueStats;
}

export interface SearchService {
  engine: SearchEngine;
  embedder: Embedder;
  batcher: MicroBatcher;
  model(): ModelReport;
  /**
   * Why a search for `q` would be refused by the model now (model process not ready, queue full: counted),
   * or null: checked before the search spends anything on it.
   */
  refusal(q: string): ModelUnavailableError | null;
  close(): Promise<void>;
}

/**
 * The index builder's view of an embedder. The checksum is that of the weights the embedder
 * actually runs (the second argument, once needed, is ignored): recording another checksum
 * would let an index of int8 vectors pass for fp32 ones, or the reverse.
 */
export async function textEmbedder(embedder: Embedder, _quantized?: boolean): Promise<TextEmbedder> {
  const checksum = await modelChecksum({ quantized: embedder.quantized });
  return {
    modelId: embedder.modelId,
    dimensions: embedder.dimensions,
    checksum,
    embed: (texts) => embedder.embed(texts),
    countTokens: (t) => embedder.countTokens(t),
  };
}

/**
 * Model + index (built if missing or stale) + engine: what the server, the CLI, eval and bench all run.
 * The index on disk is read and verified while the model loads in its own process; a build, when one
 * is needed, waits for the model.
 */
export async function openSearchService(opts: ServiceOptions = {}): Promise<SearchService> {
  const quantized = opts.quantized ?? DEFAULT_QUANTIZED;
  const indexDir = opts.indexDir ?? DEFAULT_INDEX_DIR;
  const limits = opts.limits ?? transcriptLimits();
  const embedderP = loadEmbedder({ quantized });
  embedderP.catch(() => {}); // awaited below
  let sources: string[];
  let ready: LoadedIndex | null = null;
  try {
    sources = opts.sources ?? (await listTranscripts());
    ready = await loadIndex(indexDir, { modelChecksum: await modelChecksum({ quantized }), sources, limits });
  } catch (err) {
    // A missing model explains itself first; an unusable index is rebuilt below.
    await embedderP;
    if (!(err instanceof IndexUnusableError)) throw err;
    sources ??= opts.sources ?? (await listTranscripts());
  }
  const embedder = await embedderP;
  try {
    const index =
      ready ??
      (await ensureIndex({
        indexDir,
        sources,
        embedder: await textEmbedder(embedder, quantized),
        limits,
        onRebuild: opts.onRebuild,
        onProgress: opts.onProgress,
        onBuilt: opts.onBuilt,
        signal: opts.signal,
      }));
    const batcher = new MicroBatcher((texts) => embedder.embed(texts), { maxQueueTokens: opts.maxQueueTokens });
    const engine = new SearchEngine({
      index,
      directory: directoryOf(index),
      embedQuery: (t, signal) => batcher.embed(t, { signal }),
    });
    return {
      engine,
      embedder,
      batcher,
      model: () => ({ ...embedder.status(), queue: batcher.stats() }),
      refusal: (q) => embedder.unavailable() ?? batcher.refusal(q),
      close: async () => embedder.close?.(),
    };
  } catch (err) {
    await embedder.close?.();
    throw err;
  }
}
