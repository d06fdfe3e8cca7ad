import type { TextEmbedder } from './embedder-port.js';
import { buildIndexLocked, type BuildProgress, type BuildSummary } from './build.js';
import { withBuildLock } from './build-lock.js';
import { IndexUnusableError, loadIndex, type LoadedIndex } from './load.js';
import { transcriptLimits, type TranscriptLimits } from '../transcript/limits.js';

export interface EnsureOptions {
  indexDir: string;
  sources: string[];
  embedder: TextEmbedder;
  /** Default: transcriptLimits(); an index built under other limits is rebuilt. */
  limits?: TranscriptLimits;
  /** Called once when the index on disk cannot be served and a build starts. */
  onRebuild?: (reason: IndexUnusableError) => void;
  onProgress?: (p: BuildProgress) => void;
  onBuilt?: (summary: BuildSummary) => void;
  /** Stops waiting for the lock or building (BuildInterruptedError); the previous index stays in force. */
  signal?: AbortSignal;
}

/** The index on disk when ensureIndex would serve it as it is (complete and current), else null: it would build first. */
export async function currentIndex(indexDir: string, expect: { modelChecksum: string; sources: string[]; limits?: TranscriptLimits }): Promise<LoadedIndex | null> {
  try {
    return await loadIndex(indexDir, { ...expect, limits: expect.limits ?? transcriptLimits() });
  } catch (err) {
    if (err instanceof IndexUnusableError) return null;
    throw err;
  }
}

/** Serve the index on disk when it is complete and current; otherwise rebuild it first. Never serves a bad one. */
export async function ensureIndex(opts: EnsureOptions): Promise<LoadedIndex> {
  const limits = opts.limits ?? transcriptLimits();
  const expect = { modelChecksum: opts.embedder.checksum, sources: opts.sources, limits };
  const current = await currentIndex(opts.indexDir, expect);
  if (current) return current;
  return withBuildLock(opts.indexDir, async () => {
    // Another process may have built it while we waited for the lock (or published a new build while we were reading the old one).
    let reason: IndexUnusableError;
    try {
      return await loadIndex(opts.indexDir, expect);
    } catch (err) {
      if (!(err instanceof IndexUnusableError)) throw err;
      opts.onRebuild?.(err);
      reason = err;
    }
    // Something on disk is damaged: the build re-checks every part it would reuse, and rebuilds what fails.
    const verify = reason.reason === 'corrupt';
    const summary = await buildIndexLocked({ sources: opts.sources, indexDir: opts.indexDir, embedder: opts.embedder, limits, onProgress: opts.onProgress, verify, signal: opts.signal });
    opts.onBuilt?.(summary);
    return loadIndex(opts.indexDir, expect);
  }, { signal: opts.signal });
}
