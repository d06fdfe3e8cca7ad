/**
 * Building the index = bringing the published index in line with the library, doing only the work
 * the differences need:
 * - a library file unchanged since the published build (same name and size, and the same
 *   modification time or failing that the same sha256) keeps its call's shard as it is;
 * - any other file is read, checked and chunked; its texts are embedded through the embedding
 *   cache (only texts never embedded with these weights reach the model) and its shard written;
 * - the published dense graph is updated in place (new calls' passages added, removed calls'
 *   passages marked deleted) and written into the new build, hashed as it is written and flushed
 *   to disk — or built afresh when there is no usable published graph, with `full`, or once
 *   deletions pass REBUILD_DELETED_SHARE. The published graph is re-hashed before it is read
 *   unless it is untouched since it was published (same size, inode, modification and change
 *   time), the one file of a build large enough for that to matter; `verify` re-hashes it always;
 * - publishing is one atomic manifest rename; until then the previous manifest, its build and its
 *   shards stay in force, and a build killed anywhere leaves them so. Shards and builds no
 *   manifest names are deleted after publishing.
 * Builds into one directory take turns (withBuildLock).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { PARSER_VERSION } from '../transcript/read-source.js';
import { STORED_CALL_FORMAT } from '../library/stored-call.js';
import { CHUNKER_VERSION, DEFAULT_MIN_TOKENS } from '../passages/chunk.js';
import { MODEL_MAX_TOKENS } from '../model/model-files.js';
import { transcriptLimits, type TranscriptLimits } from '../transcript/limits.js';
import { CallRejectedError } from '../library/check-call.js';
import { describeReadError } from '../library/library-files.js';
import { syncFile, writeFileAtomic } from './atomic-write.js';
import { throwIfInterrupted } from './build-interrupt.js';
import { assertBuildLockHeld, withBuildLock } from './build-lock.js';
import { decodeCallShard, encodeCallShard, SENTENCE_TERMS_VERSION, SHARD_FORMAT, shardKey } from './call-shard.js';
import { readTable, TableBuilder, type TableName } from './global-tables.js';
import { sha256, sha256File } from './checksum.js';
import { createGraph, readGraph, REBUILD_DELETED_SHARE, updateGraph, writeGraph, type Graph, type GraphPoints } from './dense-graph.js';
import type { TextEmbedder } from './embedder-port.js';
import { embedTexts, type EmbedCounts } from './embed-texts.js';
import { EMBEDDING_CACHE_DIR, EmbeddingCache } from './embedding-cache.js';
import { lowercaseWords, readLowercaseWords } from './vocabulary.js';
import { FILES, MANIFEST_FILE } from './layout.js';
import { LEXICAL_TOKENS_VERSION } from './lexical-tokens.js';
import { EmptyLibraryError, readLibraryCall, readLibraryFileRecord, type AcceptedCall, type RejectedFile } from './library-reader.js';
import { readManifest } from './manifest-file.js';
import { HNSW_DEFAULTS, INDEX_FORMAT_VERSION, limitsRecord, publishedIdentity, untouchedSincePublished, type Manifest, type ManifestSource } from './manifest.js';
import { readShard, removeShardsExcept, writeShard } from './shard-store.js';
import type { VectorFormat } from './vector-codec.js';

export interface BuildProgress {
  phase: 'parse' | 'passages' | 'sentences' | 'write';
  done: number;
  total: number;
}

/** How sentence vectors are stored unless a build says otherwise (README "Memory" has the measurements). */
export const DEFAULT_SENTENCE_VECTORS: VectorFormat = 'int8';

export interface BuildOptions {
  /** The library's files (see listTranscripts); a file that cannot be read is skipped and reported. */
  sources: string[];
  indexDir: string;
  embedder: TextEmbedder;
  onProgress?: (p: BuildProgress) => void;
  /** Passages per model call (sentences: four times as many); default BUILD_BATCH_SIZES. */
  batchSize?: number;
  /** Default: transcriptLimits() (the environment, else the defaults). */
  limits?: TranscriptLimits;
  /** Passage size in model tokens; default the model window (MODEL_MAX_TOKENS). */
  maxTokens?: number;
  /** Start from nothing: no shard or graph of the published build is reused, and every text is embedded anew. */
  full?: boolean;
  /** Re-hash every shard and the graph reused from the published build; what fails is rebuilt. */
  verify?: boolean;
  /** The embedding cache's folder; default `<indexDir>/embeddings`. Written only under the index directory's build lock. */
  cacheDir?: string;
  /** Default DEFAULT_SENTENCE_VECTORS. */
  sentenceVectors?: VectorFormat;
  /** Counts every full re-hash of an index file (tests). */
  onHash?: () => void;
  /**
   * Stop the build (SIGTERM/SIGINT): checked between model calls and steps, it rejects with
   * BuildInterruptedError and publishes nothing. The model call in progress (a fraction of a
   * second) is let finish.
   */
  signal?: AbortSignal;
}

export interface BuildWork {
  /** Calls whose shard was kept from the published build. */
  kept: number;
  /** Calls read, embedded and written anew. */
  written: number;
  /** Calls of the published build no longer in the library. */
  removed: number;
  /** Distinct texts the model embedded, and those the cache already had. */
  embedded: number;
  cached: number;
  graph: 'updated' | 'built';
}

export interface BuildSummary {
  manifest: Manifest;
  passages: number;
  sentences: number;
  seconds: number;
  passagesPerSecond: number;
  /** Library files skipped, and why (also in the manifest). */
  rejected: RejectedFile[];
  work: BuildWork;
}

/**
 * Texts per model call. Texts are embedded shortest first (see embedTexts), so a batch holds
 * texts of about one length and padding costs little; sentences are short, so more fit a call.
 */
export const BUILD_BATCH_SIZES = { passages: 8, sentences: 32 } as const;

/** Parse, chunk and embed what changed, then publish by atomically replacing manifest.json. Builds into one directory take turns. */
export function buildIndex(opts: BuildOptions): Promise<BuildSummary> {
  return withBuildLock(opts.indexDir, () => buildIndexLocked(opts), { signal: opts.signal });
}

/** The versions every shard and the manifest record: another version anywhere means a rebuild. */
function versions(): Pick<Manifest, 'lexical_tokens' | 'chunker' | 'parser' | 'stored_call' | 'shard' | 'sentence_terms'> {
  return {
    lexical_tokens: LEXICAL_TOKENS_VERSION,
    chunker: CHUNKER_VERSION,
    parser: PARSER_VERSION,
    stored_call: STORED_CALL_FORMAT,
    shard: SHARD_FORMAT,
    sentence_terms: SENTENCE_TERMS_VERSION,
  };
}

/** The published manifest, when this build may start from it (same model, versions, settings). */
async function usableBase(indexDir: string, expect: Pick<Manifest, 'model' | 'chunking' | 'limits' | 'sentence_vectors'>): Promise<Manifest | null> {
  const manifest = await readManifest(indexDir).catch(() => null);
  if (!manifest) return null;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const v = versions();
  const versionsMatch = (Object.keys(v) as (keyof typeof v)[]).every((k) => manifest[k] === v[k]);
  const hnswMatch = manifest.hnsw.m === HNSW_DEFAULTS.m && manifest.hnsw.ef_construction === HNSW_DEFAULTS.efConstruction;
  return versionsMatch && hnswMatch && same(manifest.model, expect.model) && same(manifest.chunking, expect.chunking) && same(manifest.limits, expect.limits) && manifest.sentence_vectors === expect.sentence_vectors ? manifest : null;
}

/** A call in the new build: kept from the published one, or read now. */
type Entry = { kind: 'kept'; source: ManifestSource } | { kind: 'new'; accepted: AcceptedCall; mtimeMs: number; key: string };

/** buildIndex for a caller already holding the directory's build lock. */
export async function buildIndexLocked(opts: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const { embedder, indexDir } = opts;
  const dim = embedder.dimensions;
  const progress = opts.onProgress ?? (() => {});
  const limits = opts.limits ?? transcriptLimits();
  const chunking = { maxTokens: opts.maxTokens ?? MODEL_MAX_TOKENS, minTokens: DEFAULT_MIN_TOKENS };
  const settings = {
    model: { id: embedder.modelId, checksum: embedder.checksum, dimensions: dim },
    chunking: { max_tokens: chunking.maxTokens, min_tokens: chunking.minTokens, max_chars: limits.maxPassageChars },
    limits: limitsRecord(limits),
    sentence_vectors: opts.sentenceVectors ?? DEFAULT_SENTENCE_VECTORS,
  };
  const base = opts.full ? null : await usableBase(indexDir, settings);
  const baseByPath = new Map((base?.sources ?? []).map((s) => [s.path, s]));

  // 1. Which calls are unchanged, which are read anew, which files are rejected.
  const entries: Entry[] = [];
  const rejected: (RejectedFile & { mtime_ms: number })[] = [];
  const byId = new Map<string, string>();
  const claim = (id: string, name: string) => {
    const holder = byId.get(id.toLowerCase());
    if (holder) throw new CallRejectedError(`call id ${id} is already taken by ${holder}`);
    byId.set(id.toLowerCase(), name);
  };
  for (const [i, file] of opts.sources.entries()) {
    const name = path.basename(file);
    const kept = await keptSource(file, baseByPath.get(name), byId, indexDir, dim, opts);
    if (kept) {
      claim(kept.call_id, name);
      entries.push({ kind: 'kept', source: kept });
    } else {
      const read = await readLibraryFileRecord(file, limits);
      if (!read.bytes) rejected.push({ ...read.record, mtime_ms: read.mtimeMs, error: read.tooLarge! });
      else {
        try {
          const call = await readLibraryCall(name, read.bytes, { countTokens: (t) => embedder.countTokens(t), limits, chunking }, (id) => claim(id, name));
          const key = shardKey({ file: read.record, versions: versions(), limits: settings.limits, chunking: settings.chunking, model: { checksum: embedder.checksum, dimensions: dim }, vectorFormat: settings.sentence_vectors });
          entries.push({ kind: 'new', accepted: { ...call, file: read.record }, mtimeMs: read.mtimeMs, key });
        } catch (err) {
          rejected.push({ ...read.record, mtime_ms: read.mtimeMs, error: describeReadError(name, err) });
        }
      }
    }
    progress({ phase: 'parse', done: i + 1, total: opts.sources.length });
  }
  if (entries.length === 0) throw new EmptyLibraryError(rejected);

  // 2. Embed the new calls' texts (the cache first) and write their shards.
  const fresh = entries.filter((e): e is Extract<Entry, { kind: 'new' }> => e.kind === 'new');
  const counts: EmbedCounts = { embedded: 0, cached: 0 };
  const written = new Map<
    Extract<Entry, { kind: 'new' }>,
    { shard: Awaited<ReturnType<typeof writeShard>>; passageVectors: Float32Array; sentences: number; terms: string[]; words: string[] }
  >();
  if (fresh.length > 0) {
    const cache = await EmbeddingCache.open(opts.cacheDir ?? path.join(indexDir, EMBEDDING_CACHE_DIR), dim);
    try {
      const passageBatch = opts.batchSize ?? BUILD_BATCH_SIZES.passages;
      const embedOpts = { embedder, cache, readCache: !opts.full, signal: opts.signal };
      const passageTexts = fresh.flatMap((e) => e.accepted.passages.map((p) => p.text));
      const passageVectors = await embedTexts(passageTexts, { ...embedOpts, batchSize: passageBatch, report: (done) => progress({ phase: 'passages', done, total: passageTexts.length }) }, counts);
      const sentenceTexts = fresh.flatMap((e) => e.accepted.passages.flatMap((p) => p.sentences.map((s) => s.text)));
      const sentenceVectors = await embedTexts(
        sentenceTexts,
        { ...embedOpts, batchSize: opts.batchSize ? opts.batchSize * 4 : BUILD_BATCH_SIZES.sentences, report: (done) => progress({ phase: 'sentences', done, total: sentenceTexts.length }) },
        counts,
      );
      progress({ phase: 'write', done: 0, total: 1 });
      let p = 0;
      let s = 0;
      for (const e of fresh) {
        const np = e.accepted.passages.length;
        const ns = e.accepted.passages.reduce((n, x) => n + x.sentences.length, 0);
        const mine = passageVectors.subarray(p * dim, (p + np) * dim);
        const bytes = encodeCallShard({
          key: e.key,
          accepted: e.accepted,
          passageVectors: mine,
          sentenceVectors: sentenceVectors.subarray(s * dim, (s + ns) * dim),
          dimensions: dim,
          vectorFormat: settings.sentence_vectors,
        });
        const own = decodeCallShard(bytes, { key: e.key, callId: e.accepted.call.meta.id, dimensions: dim });
        written.set(e, { shard: await writeShard(indexDir, e.accepted.call.meta.id, bytes), passageVectors: mine, sentences: ns, terms: own.terms(), words: own.vocabulary.words() });
        p += np;
        s += ns;
      }
    } finally {
      cache.close();
    }
  } else {
    progress({ phase: 'write', done: 0, total: 1 });
  }

  // 3. The dense graph: the published one updated, or a new one.
  const keptPaths = new Set(entries.flatMap((e) => (e.kind === 'kept' ? [e.source.path] : [])));
  const removed = (base?.sources ?? []).filter((s) => !keptPaths.has(s.path));
  const addedPassages = fresh.reduce((n, e) => n + e.accepted.passages.length, 0);
  const removedPassages = removed.reduce((n, s) => n + s.shard.passages, 0);
  let graph: Graph | null = null;
  let graphMode: BuildWork['graph'] = 'built';
  let nextLabel = 0;
  let deleted = 0;
  const labelStart = new Map<Entry, number>();
  let tables: Record<TableName, TableBuilder> | null = null;
  let lowercase = new Set<string>();
  if (base && (base.graph.deleted + removedPassages) <= REBUILD_DELETED_SHARE * (base.graph.labels + addedPassages)) {
    const baseDir = path.join(indexDir, base.build_dir);
    const [baseGraph, baseTerms, baseWords, baseLowercase] = await Promise.all([
      readBaseGraph(indexDir, base, dim, opts),
      readTable(baseDir, 'terms', base.sources.map((x) => x.shard.terms)).catch(() => null),
      readTable(baseDir, 'words', base.sources.map((x) => x.shard.words)).catch(() => null),
      readLowercaseWords(baseDir).catch(() => null),
    ]);
    if (baseGraph && baseTerms && baseWords && baseLowercase) {
      // Words only removed calls wrote stay (as the word table's do) until the next build from nothing.
      lowercase = baseLowercase;
      graph = baseGraph;
      graphMode = 'updated';
      nextLabel = base.graph.labels;
      tables = { terms: new TableBuilder(baseTerms.list), words: new TableBuilder(baseWords.list) };
      const basePosition = new Map(base.sources.map((x, i) => [x.path, i]));
      const add: GraphPoints[] = [];
      for (const e of entries) {
        if (e.kind === 'kept') {
          labelStart.set(e, e.source.shard.label_start);
          const at = basePosition.get(e.source.path)!;
          tables.terms.addSegment(baseTerms.segments[at]!);
          tables.words.addSegment(baseWords.segments[at]!);
        } else {
          const w = written.get(e)!;
          labelStart.set(e, nextLabel);
          add.push({ vectors: w.passageVectors, labelStart: nextLabel });
          nextLabel += e.accepted.passages.length;
          tables.terms.addLocal(w.terms);
          tables.words.addLocal(w.words);
          lowercaseWords(e.accepted.call.source, lowercase);
        }
      }
      const removeLabels = removed.flatMap((x) => Array.from({ length: x.shard.passages }, (_, i) => x.shard.label_start + i));
      updateGraph(graph, add, removeLabels, dim);
      deleted = base.graph.deleted + removeLabels.length;
    }
  }
  if (!graph || !tables) {
    tables = { terms: new TableBuilder(), words: new TableBuilder() };
    lowercase = new Set();
    const points: GraphPoints[] = [];
    for (const e of entries) {
      labelStart.set(e, nextLabel);
      if (e.kind === 'new') {
        const w = written.get(e)!;
        points.push({ vectors: w.passageVectors, labelStart: nextLabel });
        tables.terms.addLocal(w.terms);
        tables.words.addLocal(w.words);
        lowercaseWords(e.accepted.call.source, lowercase);
      } else {
        const shard = await readShard(indexDir, e.source.shard, { callId: e.source.call_id, dimensions: dim });
        points.push({ vectors: shard.passageVectors, labelStart: nextLabel });
        tables.terms.addLocal(shard.terms());
        tables.words.addLocal(shard.vocabulary.words());
        lowercaseWords(shard.call.source, lowercase);
      }
      nextLabel += points.at(-1)!.vectors.length / dim;
    }
    graph = await createGraph(points, dim, () => throwIfInterrupted(opts.signal));
  }

  throwIfInterrupted(opts.signal);

  // 4. Write the build, then publish it.
  await fs.mkdir(path.join(indexDir, 'builds'), { recursive: true });
  const buildDir = `builds/${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const dir = path.join(indexDir, buildDir);
  await fs.mkdir(dir);
  const graphFile = path.join(dir, FILES.graph);
  const tmpGraph = path.join(dir, `.${FILES.graph}.tmp`);
  const graphDigest = await writeGraph(graph, tmpGraph);
  // On disk before a manifest names it: the next build may take it by its identity alone (readBaseGraph).
  await syncFile(tmpGraph);
  await fs.rename(tmpGraph, graphFile);
  // Taken after the rename, which sets the change time the next build compares.
  const graphStat = await fs.stat(graphFile);
  if (graphStat.size !== graphDigest.bytes) throw new Error(`${FILES.graph} is ${graphStat.size} bytes on disk, ${graphDigest.bytes} were hashed`);
  const lowercaseBytes = Buffer.from([...lowercase].sort().join('\n'));
  await writeFileAtomic(path.join(dir, FILES.lowercase), lowercaseBytes);
  const buildFiles: Manifest['files'] = [
    { name: FILES.graph, ...graphDigest, published: publishedIdentity(graphStat) },
    ...(await tables.terms.write(dir, 'terms')),
    ...(await tables.words.write(dir, 'words')),
    { name: FILES.lowercase, sha256: sha256(lowercaseBytes), bytes: lowercaseBytes.length },
  ];
  const files = Object.values(FILES).map((name) => buildFiles.find((f) => f.name === name)!);

  const sources: ManifestSource[] = entries.map((e) => {
    if (e.kind === 'kept') return { ...e.source, shard: { ...e.source.shard, label_start: labelStart.get(e)! } };
    const w = written.get(e)!;
    return {
      call_id: e.accepted.call.meta.id,
      ...e.accepted.file,
      mtime_ms: e.mtimeMs,
      shard: { ...w.shard, key: e.key, passages: e.accepted.passages.length, sentences: w.sentences, terms: w.terms.length, words: w.words.length, label_start: labelStart.get(e)! },
    };
  });
  const passages = sources.reduce((n, s) => n + s.shard.passages, 0);
  const sentences = sources.reduce((n, s) => n + s.shard.sentences, 0);
  const manifest: Manifest = {
    format: INDEX_FORMAT_VERSION,
    built_at: new Date().toISOString(),
    build_dir: buildDir,
    model: settings.model,
    sources,
    rejected: rejected.map((r) => ({ path: r.path, sha256: r.sha256, bytes: r.bytes, mtime_ms: r.mtime_ms, error: r.error })),
    passages,
    sentences,
    sentence_vectors: settings.sentence_vectors,
    graph: { labels: nextLabel, deleted },
    hnsw: {
      space: HNSW_DEFAULTS.space,
      m: HNSW_DEFAULTS.m,
      ef_construction: HNSW_DEFAULTS.efConstruction,
      ef_search: HNSW_DEFAULTS.efSearch,
      seed: HNSW_DEFAULTS.seed,
    },
    chunking: settings.chunking,
    limits: settings.limits,
    ...versions(),
    files,
  };
  // Interrupted, or (should another build have taken the lock over) no longer ours to publish:
  // leave the previous manifest in force and remove only this build's directory (shards written
  // are content-addressed and unlisted; the next publish removes them).
  try {
    throwIfInterrupted(opts.signal);
    await assertBuildLockHeld(indexDir);
  } catch (err) {
    await fs.rm(dir, { recursive: true, force: true });
    throw err;
  }
  // The commit point: until this rename the previous manifest, its build and its shards stay in force.
  await writeFileAtomic(path.join(indexDir, MANIFEST_FILE), JSON.stringify(manifest, null, 1));
  progress({ phase: 'write', done: 1, total: 1 });
  await removeOtherBuilds(indexDir, buildDir);
  await removeShardsExcept(indexDir, new Set(sources.map((s) => s.shard.file)));

  const seconds = (performance.now() - started) / 1000;
  const work: BuildWork = {
    kept: entries.length - fresh.length,
    written: fresh.length,
    removed: removed.length,
    embedded: counts.embedded,
    cached: counts.cached,
    graph: graphMode,
  };
  return { manifest, passages, sentences, seconds, passagesPerSecond: passages / seconds, rejected, work };
}

/**
 * The published source record for a library file that has not changed (and whose shard may be
 * kept), or null when the file must be read: new, changed, its call id taken by an earlier file,
 * or (when verifying) its shard damaged.
 */
async function keptSource(file: string, published: ManifestSource | undefined, byId: ReadonlyMap<string, string>, indexDir: string, dim: number, opts: BuildOptions): Promise<ManifestSource | null> {
  if (!published || byId.has(published.call_id.toLowerCase())) return null;
  // Synchronous stats: a build over a large library makes two per call, and a trip through the
  // thread pool costs several times the stat itself.
  const stat = statSync(file);
  if (stat.size !== published.bytes) return null;
  if (stat.mtimeMs !== published.mtime_ms && sha256(await fs.readFile(file)) !== published.sha256) return null;
  if (opts.verify) {
    try {
      await readShard(indexDir, published.shard, { callId: published.call_id, dimensions: dim, verify: true, onHash: opts.onHash });
    } catch {
      return null;
    }
  } else {
    // Not re-read: but a shard that is gone or cut short is rebuilt rather than published again.
    let shardBytes: number | null = null;
    try {
      shardBytes = statSync(path.join(indexDir, published.shard.file)).size;
    } catch {
      // gone: the call is read anew
    }
    if (shardBytes !== published.shard.bytes) return null;
  }
  return { ...published, mtime_ms: stat.mtimeMs };
}

/** The published graph, to update; null when it is missing or damaged (or, if not verifying, changed since it was published). */
async function readBaseGraph(indexDir: string, base: Manifest, dim: number, opts: BuildOptions): Promise<Graph | null> {
  const entry = base.files.find((f) => f.name === FILES.graph);
  const file = path.join(indexDir, base.build_dir, FILES.graph);
  try {
    const stat = await fs.stat(file).catch(() => null);
    if (!entry || !stat || stat.size !== entry.bytes) return null;
    // The graph is read by native code: never without checking it is the file that was written —
    // by its digest, or (not verifying) by it being, untouched, the very file whose digest that is.
    if (opts.verify || !untouchedSincePublished(stat, entry)) {
      opts.onHash?.();
      if ((await sha256File(file)) !== entry.sha256) return null;
    }
    const graph = await readGraph(file, dim);
    return graph.getCurrentCount() === base.graph.labels ? graph : null;
  } catch {
    return null;
  }
}

/** Old and abandoned (killed) builds are garbage once a new manifest is in place. */
async function removeOtherBuilds(indexDir: string, keep: string): Promise<void> {
  const buildsDir = path.join(indexDir, 'builds');
  for (const entry of await fs.readdir(buildsDir)) {
    if (`builds/${entry}` !== keep) await fs.rm(path.join(buildsDir, entry), { recursive: true, force: true });
  }
}
