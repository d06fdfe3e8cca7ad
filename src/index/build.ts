import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { PARSER_VERSION } from '../transcript/read-source.js';
import { STORED_CALL_FORMAT } from '../library/stored-call.js';
import { CHUNKER_VERSION, DEFAULT_MIN_TOKENS } from '../passages/chunk.js';
import type { Passage } from '../passages/types.js';
import { MODEL_MAX_TOKENS } from '../model/model-files.js';
import { transcriptLimits, type TranscriptLimits } from '../transcript/limits.js';
import { writeFileAtomic } from './atomic-write.js';
import { throwIfInterrupted } from './build-interrupt.js';
import { assertBuildLockHeld, withBuildLock } from './build-lock.js';
import { sha256File } from './checksum.js';
import type { TextEmbedder } from './embedder-port.js';
import { FILES, MANIFEST_FILE } from './layout.js';
import { buildLexicalIndex, serializeLexicalIndex } from './lexical.js';
import { LEXICAL_TOKENS_VERSION } from './lexical-tokens.js';
import { readLibrary, type RejectedFile } from './library-reader.js';
import { HNSW_DEFAULTS, INDEX_FORMAT_VERSION, limitsRecord, type Manifest } from './manifest.js';
import type { StoredCall } from './stored-call.js';

export interface BuildProgress {
  phase: 'parse' | 'passages' | 'sentences' | 'write';
  done: number;
  total: number;
}

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
  /**
   * Stop the build (SIGTERM/SIGINT): checked between model calls and steps, it rejects with
   * BuildInterruptedError and publishes nothing. The model call in progress (a fraction of a
   * second) is let finish.
   */
  signal?: AbortSignal;
}

export interface BuildSummary {
  manifest: Manifest;
  passages: number;
  sentences: number;
  seconds: number;
  passagesPerSecond: number;
  /** Library files skipped, and why (also in the manifest). */
  rejected: RejectedFile[];
}

/**
 * Texts per model call. Texts are embedded shortest first (see embedAll), so a batch holds
 * texts of about one length and padding costs little; sentences are short, so more fit a call.
 */
export const BUILD_BATCH_SIZES = { passages: 8, sentences: 32 } as const;
/** HNSW points added between two looks at the event loop (signals), about 50 ms of work. */
const HNSW_YIELD_EVERY = 2_000;

/**
 * Embed `texts` into one row-major Float32Array, in the order given. The model pads every text
 * of a call to the longest one, so texts are embedded in order of token count and written back
 * to their own rows: the vectors are the same (a text's vector does not depend on its batch
 * companions), the padding is not paid.
 */
async function embedAll(
  embedder: TextEmbedder,
  texts: string[],
  tokens: number[],
  batchSize: number,
  report: (done: number) => void,
  signal: AbortSignal | undefined,
): Promise<Float32Array> {
  const dim = embedder.dimensions;
  const out = new Float32Array(texts.length * dim);
  const order = texts.map((_, i) => i).sort((a, b) => tokens[a]! - tokens[b]! || a - b);
  for (let i = 0; i < order.length; i += batchSize) {
    throwIfInterrupted(signal);
    const rows = order.slice(i, i + batchSize);
    const vectors = await embedder.embed(rows.map((r) => texts[r]!));
    vectors.forEach((v, j) => out.set(v, rows[j]! * dim));
    report(Math.min(i + batchSize, texts.length));
  }
  return out;
}

/**
 * Parse, chunk and embed the sources, then write a complete build into a fresh
 * directory and publish it by atomically replacing manifest.json. A build killed
 * midway leaves the previous manifest (and its files) untouched. Builds into one
 * directory take turns (see withBuildLock).
 */
export function buildIndex(opts: BuildOptions): Promise<BuildSummary> {
  return withBuildLock(opts.indexDir, () => buildIndexLocked(opts), { signal: opts.signal });
}

/** buildIndex for a caller already holding the directory's build lock. */
export async function buildIndexLocked(opts: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const { embedder, indexDir } = opts;
  const passageBatch = opts.batchSize ?? BUILD_BATCH_SIZES.passages;
  const sentenceBatch = opts.batchSize ? opts.batchSize * 4 : BUILD_BATCH_SIZES.sentences;
  const progress = opts.onProgress ?? (() => {});

  const limits = opts.limits ?? transcriptLimits();
  const chunking = { maxTokens: opts.maxTokens ?? MODEL_MAX_TOKENS, minTokens: DEFAULT_MIN_TOKENS };
  const { accepted, rejected } = await readLibrary({
    files: opts.sources,
    countTokens: (t) => embedder.countTokens(t),
    limits,
    chunking,
    onFile: (done, total) => progress({ phase: 'parse', done, total }),
  });
  const calls: StoredCall[] = accepted.map((a) => a.call);
  const passages: Passage[] = accepted.flatMap((a) => a.passages);
  const legacyIds = Object.fromEntries(accepted.map((a) => [a.call.meta.id, a.legacyStarts]));
  const sources: Manifest['sources'] = accepted.map((a) => ({ call_id: a.call.meta.id, ...a.file }));

  throwIfInterrupted(opts.signal);
  const passageVectors = await embedAll(
    embedder,
    passages.map((p) => p.text),
    passages.map((p) => p.tokens),
    passageBatch,
    (done) => progress({ phase: 'passages', done, total: passages.length }),
    opts.signal,
  );
  const sentenceTexts = passages.flatMap((p) => p.sentences.map((s) => s.text));
  const sentenceTokens = sentenceTexts.map((t) => embedder.countTokens(t));
  const sentenceVectors = await embedAll(
    embedder,
    sentenceTexts,
    sentenceTokens,
    sentenceBatch,
    (done) => progress({ phase: 'sentences', done, total: sentenceTexts.length }),
    opts.signal,
  );

  const hnsw = new hnswlib.HierarchicalNSW(HNSW_DEFAULTS.space, embedder.dimensions);
  hnsw.initIndex(Math.max(1, passages.length), HNSW_DEFAULTS.m, HNSW_DEFAULTS.efConstruction, HNSW_DEFAULTS.seed);
  for (let i = 0; i < passages.length; i++) {
    hnsw.addPoint(Array.from(passageVectors.subarray(i * embedder.dimensions, (i + 1) * embedder.dimensions)), i);
    // A large graph takes a while to build: let a signal in now and then.
    if (i % HNSW_YIELD_EVERY === HNSW_YIELD_EVERY - 1) {
      await new Promise((resolve) => setImmediate(resolve));
      throwIfInterrupted(opts.signal);
    }
  }
  throwIfInterrupted(opts.signal);

  progress({ phase: 'write', done: 0, total: 1 });
  await fs.mkdir(path.join(indexDir, 'builds'), { recursive: true });
  const buildDir = `builds/${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const dir = path.join(indexDir, buildDir);
  await fs.mkdir(dir);
  const write = (name: string, data: string | Uint8Array) => writeFileAtomic(path.join(dir, name), data);
  await write(FILES.calls, JSON.stringify(calls));
  await write(FILES.passages, JSON.stringify(passages));
  await write(FILES.passageVectors, new Uint8Array(passageVectors.buffer));
  await write(FILES.sentenceVectors, new Uint8Array(sentenceVectors.buffer));
  await write(FILES.lexical, serializeLexicalIndex(buildLexicalIndex(passages.map((p) => p.text))));
  await write(FILES.legacyIds, JSON.stringify(legacyIds));
  await hnsw.writeIndex(path.join(dir, FILES.hnsw));

  const files: Manifest['files'] = [];
  for (const name of Object.values(FILES)) {
    const full = path.join(dir, name);
    files.push({ name, sha256: await sha256File(full), bytes: (await fs.stat(full)).size });
  }
  const manifest: Manifest = {
    format: INDEX_FORMAT_VERSION,
    built_at: new Date().toISOString(),
    build_dir: buildDir,
    model: { id: embedder.modelId, checksum: embedder.checksum, dimensions: embedder.dimensions },
    sources,
    rejected: rejected.map((r) => ({ path: r.path, sha256: r.sha256, bytes: r.bytes, error: r.error })),
    passages: passages.length,
    sentences: sentenceTexts.length,
    hnsw: {
      space: HNSW_DEFAULTS.space,
      m: HNSW_DEFAULTS.m,
      ef_construction: HNSW_DEFAULTS.efConstruction,
      ef_search: HNSW_DEFAULTS.efSearch,
      seed: HNSW_DEFAULTS.seed,
    },
    chunking: { max_tokens: chunking.maxTokens, min_tokens: chunking.minTokens, max_chars: limits.maxPassageChars },
    limits: limitsRecord(limits),
    lexical_tokens: LEXICAL_TOKENS_VERSION,
    chunker: CHUNKER_VERSION,
    parser: PARSER_VERSION,
    stored_call: STORED_CALL_FORMAT,
    files,
  };
  // Interrupted, or (should another build have taken the lock over) no longer ours to publish:
  // leave the previous manifest in force and remove only what this build wrote.
  try {
    throwIfInterrupted(opts.signal);
    await assertBuildLockHeld(indexDir);
  } catch (err) {
    await fs.rm(dir, { recursive: true, force: true });
    throw err;
  }
  // The commit point: until this rename the previous manifest and build stay in force.
  await writeFileAtomic(path.join(indexDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  progress({ phase: 'write', done: 1, total: 1 });
  await assertBuildLockHeld(indexDir);
  await removeOtherBuilds(indexDir, buildDir);

  const seconds = (performance.now() - started) / 1000;
  return { manifest, passages: passages.length, sentences: sentenceTexts.length, seconds, passagesPerSecond: passages.length / seconds, rejected };
}

/** Old and abandoned (killed) builds are garbage once a new manifest is in place. */
async function removeOtherBuilds(indexDir: string, keep: string): Promise<void> {
  const buildsDir = path.join(indexDir, 'builds');
  for (const entry of await fs.readdir(buildsDir)) {
    if (`builds/${entry}` !== keep) await fs.rm(path.join(buildsDir, entry), { recursive: true, force: true });
  }
}
