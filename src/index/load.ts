/**
 * Loading the published index for search. What a start costs is reading: the manifest; the
 * library's file list compared by size and modification time (a file whose time changed is hashed
 * and compared, so a copy or a touch is not a rebuild); the dense graph, checked against its
 * sha256 (native code reads it); and each call's shard, checked against the size and digest the
 * manifest records and for internal consistency — not re-hashed (see verifyIndex for that). Every
 * per-passage and per-sentence fact was computed at build; load only places them side by side.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PARSER_VERSION } from '../transcript/read-source.js';
import { STORED_CALL_FORMAT } from '../library/stored-call.js';
import { CHUNKER_VERSION } from '../passages/chunk.js';
import type { Passage } from '../passages/types.js';
import type { TranscriptLimits } from '../transcript/limits.js';
import { SENTENCE_TERMS_VERSION, SHARD_FORMAT } from './call-shard.js';
import { sha256, sha256File } from './checksum.js';
import { readGraph, type Graph } from './dense-graph.js';
import { IndexUnusableError } from './index-errors.js';
import { FILES } from './layout.js';
import { readTable, TableError, type GlobalTable } from './global-tables.js';
import { LexicalIndexBuilder, type LexicalIndex } from './lexical.js';
import { LEXICAL_TOKENS_VERSION } from './lexical-tokens.js';
import { readLowercaseWords } from './vocabulary.js';
import { readManifest } from './manifest-file.js';
import { limitsRecord, untouchedSincePublished, type Manifest } from './manifest.js';
import { readShard } from './shard-store.js';
import { ShardFormatError } from './shard-format.js';
import type { StoredCall } from './stored-call.js';
import type { VectorFormat } from './vector-codec.js';

export { IndexUnusableError } from './index-errors.js';

/** Sentence vectors as stored (vector-codec.ts): row r is data[r·dim … (r+1)·dim), times scales[r] for int8. */
export interface StoredVectors {
  format: VectorFormat;
  data: Float32Array | Uint16Array | Int8Array;
  scales: Float32Array | null;
}

/** Compressed rows of global term ids: row r's ids are items[offsets[r]..offsets[r+1]). */
export interface TermRows {
  offsets: Uint32Array;
  items: Uint32Array;
}

/** Everything search needs, read-only once loaded. */
export interface LoadedIndex {
  manifest: Manifest;
  calls: StoredCall[];
  /** All passages of all calls, call by call in library order; a passage's position here is its index everywhere in search. */
  passages: Passage[];
  /** Passage position range of each call. */
  callPassages: Map<string, { first: number; count: number }>;
  /** Row i = passage i, float32: a passage's own cosine and exact search over a small scope read them. */
  passageVectors: Float32Array;
  sentenceVectors: StoredVectors;
  /** sentenceStart[i] = row of passage i's first sentence. */
  sentenceStart: Int32Array;
  /** Per sentence, computed at build: its lexical terms, the terms next to its figures, words, flags (bit 0: states a figure). */
  sentenceTerms: TermRows;
  figureTerms: TermRows;
  sentenceWords: Uint16Array;
  sentenceFlags: Uint8Array;
  hnsw: Graph;
  /** Graph label → passage position (−1: a removed call's deleted label). */
  positionOfLabel: Int32Array;
  lexical: LexicalIndex;
  /** Global term ids (of sentenceTerms, figureTerms) → term. */
  term(id: number): string;
  /** Words of the calls' passages with how often they occur (for spelling). */
  vocabulary: Map<string, number>;
  /** Words the calls write in lowercase (name matching guards them), computed at build. */
  lowercaseWords: ReadonlySet<string>;
  dimensions: number;
  /** Per call, passage starts under the chunking that issued the old `<call id>:<n>` ids. */
  legacyStarts: Map<string, number[]>;
}

export interface Expectations {
  /** Checksum of the weights that will embed queries; vectors from other weights are meaningless. */
  modelChecksum?: string;
  /** The library's files; compared with those the index was built from (indexed or rejected), by size and time, else checksum. */
  sources?: string[];
  /** The transcript limits in force; an index built under others is stale. */
  limits?: TranscriptLimits;
  /** Called for every file hashed in full (tests count them). */
  onHash?: (file: string) => void;
}

async function checkSources(manifest: Manifest, sources: string[], onHash?: (file: string) => void): Promise<void> {
  const built = new Map([...manifest.sources, ...manifest.rejected].map((s) => [s.path, s]));
  if (sources.length !== built.size) throw new IndexUnusableError('stale', 'the set of transcripts changed');
  for (const file of sources) {
    const name = path.basename(file);
    const expected = built.get(name);
    if (expected === undefined) throw new IndexUnusableError('stale', `${name} is new since the index was built`);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat || stat.size !== expected.bytes) throw new IndexUnusableError('stale', `${name} changed since the index was built`);
    if (stat.mtimeMs === expected.mtime_ms) continue;
    // Touched or copied: the raw bytes decide, exactly as the build hashed them (never a decoded string).
    onHash?.(file);
    if (sha256(await fs.readFile(file)) !== expected.sha256) throw new IndexUnusableError('stale', `${name} changed since the index was built`);
  }
}

/** Checks the manifest describes an index this code and these settings can serve. */
function checkVersions(manifest: Manifest, expect: Expectations): void {
  // Code that shapes the stored data moved on: the data is out of date even if intact.
  for (const [what, built, now] of [
    ['keyword tokenizer', manifest.lexical_tokens, LEXICAL_TOKENS_VERSION],
    ['passage chunker', manifest.chunker, CHUNKER_VERSION],
    ['transcript parser', manifest.parser, PARSER_VERSION],
    ['stored call format', manifest.stored_call, STORED_CALL_FORMAT],
    ['shard format', manifest.shard, SHARD_FORMAT],
    ['sentence terms', manifest.sentence_terms, SENTENCE_TERMS_VERSION],
  ] as const) {
    if (built !== now) throw new IndexUnusableError('format', `the index was built with ${what} v${built}; this version uses v${now}`);
  }
  if (expect.modelChecksum && manifest.model.checksum !== expect.modelChecksum) {
    throw new IndexUnusableError('model', 'the index was built with different model weights');
  }
  if (expect.limits && JSON.stringify(limitsRecord(expect.limits)) !== JSON.stringify(manifest.limits)) {
    throw new IndexUnusableError('stale', 'the transcript limits changed since the index was built');
  }
}

/**
 * The dense graph, after checking it is the file that was written (native code must not read a
 * damaged one): by its digest, unless it is, untouched, the very file whose digest that is (as a
 * build reuses it; re-hashing it cost ~0.1 s of every start at 1,000 calls).
 */
async function loadGraph(indexDir: string, manifest: Manifest, onHash?: (file: string) => void): Promise<Graph> {
  const entry = manifest.files.find((f) => f.name === FILES.graph);
  if (!entry) throw new IndexUnusableError('corrupt', `manifest lists no ${FILES.graph}`);
  const file = path.join(indexDir, manifest.build_dir, FILES.graph);
  const stat = await fs.stat(file).catch(() => null);
  if (!stat) throw new IndexUnusableError('corrupt', `${FILES.graph} is missing`);
  if (stat.size !== entry.bytes) throw new IndexUnusableError('corrupt', `${FILES.graph} fails its checksum`);
  if (!untouchedSincePublished(stat, entry)) {
    onHash?.(file);
    if ((await sha256File(file)) !== entry.sha256) throw new IndexUnusableError('corrupt', `${FILES.graph} fails its checksum`);
  }
  const graph = await readGraph(file, manifest.model.dimensions);
  if (graph.getCurrentCount() !== manifest.graph.labels) throw new IndexUnusableError('corrupt', `${FILES.graph} disagrees with the manifest on its labels`);
  graph.setEf(manifest.hnsw.ef_search);
  return graph;
}

/** Load an index for search. Throws IndexUnusableError when it cannot be served as it is. */
export async function loadIndex(indexDir: string, expect: Expectations = {}): Promise<LoadedIndex> {
  const manifest = await readManifest(indexDir);
  checkVersions(manifest, expect);
  if (expect.sources) await checkSources(manifest, expect.sources, expect.onHash);
  const dim = manifest.model.dimensions;
  // Hashed and read (off the main thread, mostly) while the shards are placed.
  const graphLoad = loadGraph(indexDir, manifest, expect.onHash);
  graphLoad.catch(() => {});

  const n = manifest.passages;
  const m = manifest.sentences;
  if (manifest.sources.reduce((s, x) => s + x.shard.passages, 0) !== n || manifest.sources.reduce((s, x) => s + x.shard.sentences, 0) !== m) {
    throw new IndexUnusableError('corrupt', 'the manifest disagrees with itself on the number of passages');
  }
  const format = manifest.sentence_vectors;
  const passageVectors = new Float32Array(n * dim);
  const sentenceVectors: StoredVectors = {
    format,
    data: format === 'f32' ? new Float32Array(m * dim) : format === 'f16' ? new Uint16Array(m * dim) : new Int8Array(m * dim),
    scales: format === 'int8' ? new Float32Array(m) : null,
  };
  const sentenceStart = new Int32Array(n + 1);
  const sentenceWords = new Uint16Array(m);
  const sentenceFlags = new Uint8Array(m);
  const positionOfLabel = new Int32Array(manifest.graph.labels).fill(-1);
  const calls: StoredCall[] = [];
  const passages: Passage[] = new Array(n);
  const callPassages = new Map<string, { first: number; count: number }>();
  const legacyStarts = new Map<string, number[]>();
  const buildDir = path.join(indexDir, manifest.build_dir);
  let termTable: GlobalTable;
  let wordTable: GlobalTable;
  let lowercaseWords: Set<string>;
  try {
    [termTable, wordTable, lowercaseWords] = await Promise.all([
      readTable(buildDir, 'terms', manifest.sources.map((x) => x.shard.terms)),
      readTable(buildDir, 'words', manifest.sources.map((x) => x.shard.words)),
      readLowercaseWords(buildDir).catch(() => {
        throw new TableError(`${FILES.lowercase} is missing`);
      }),
    ]);
  } catch (err) {
    if (err instanceof TableError) throw new IndexUnusableError('corrupt', err.message);
    throw err;
  }
  const lexical = new LexicalIndexBuilder(termTable.list);
  const wordCounts = new Uint32Array(wordTable.list.length);
  const termParts: { sentence: Uint32Array; sentenceOffsets: Uint32Array; figure: Uint32Array; figureOffsets: Uint32Array }[] = [];

  let p = 0;
  let s = 0;
  for (const [i, source] of manifest.sources.entries()) {
    let shard;
    try {
      shard = await readShard(indexDir, source.shard, { callId: source.call_id, dimensions: dim });
    } catch (err) {
      if (err instanceof ShardFormatError) throw new IndexUnusableError('corrupt', `the shard of ${source.call_id}: ${err.message}`);
      throw err;
    }
    if (shard.sentenceVectors.format !== format) throw new IndexUnusableError('corrupt', `the shard of ${source.call_id} stores its vectors as ${shard.sentenceVectors.format}, not ${format}`);
    if (callPassages.has(shard.call.meta.id)) throw new IndexUnusableError('corrupt', `call ${shard.call.meta.id} is in the index twice`);
    if (source.shard.label_start + shard.passages.length > manifest.graph.labels) throw new IndexUnusableError('corrupt', `the labels of ${source.call_id} lie outside the graph`);
    calls.push(shard.call);
    callPassages.set(shard.call.meta.id, { first: p, count: shard.passages.length });
    legacyStarts.set(shard.call.meta.id, shard.legacyStarts);
    passageVectors.set(shard.passageVectors, p * dim);
    sentenceVectors.data.set(shard.sentenceVectors.data, s * dim);
    if (sentenceVectors.scales) sentenceVectors.scales.set(shard.sentenceVectors.scales!, s);
    sentenceWords.set(shard.sentenceWords, s);
    sentenceFlags.set(shard.sentenceFlags, s);
    for (const [j, passage] of shard.passages.entries()) {
      passages[p + j] = passage;
      sentenceStart[p + j + 1] = sentenceStart[p + j]! + shard.sentenceRows[j + 1]! - shard.sentenceRows[j]!;
      positionOfLabel[source.shard.label_start + j] = p + j;
    }
    if (shard.termCount !== source.shard.terms || shard.vocabulary.counts.length !== source.shard.words) {
      throw new IndexUnusableError('corrupt', `the shard of ${source.call_id} disagrees with the manifest on its dictionaries`);
    }
    // Copies: nothing may keep the shard's read buffer alive once it has been placed.
    const global = termTable.segments[i]!;
    lexical.addShard(global, { ...shard.forward, freqs: shard.forward.freqs.slice() });
    const mapped = (ids: Uint32Array) => {
      const out = new Uint32Array(ids.length);
      for (let k = 0; k < ids.length; k++) out[k] = global[ids[k]!]!;
      return out;
    };
    termParts.push({
      sentence: mapped(shard.sentenceTerms.items),
      sentenceOffsets: shard.sentenceTerms.offsets.slice(),
      figure: mapped(shard.figureTerms.items),
      figureOffsets: shard.figureTerms.offsets.slice(),
    });
    const wordIds = wordTable.segments[i]!;
    const { counts } = shard.vocabulary;
    for (let k = 0; k < counts.length; k++) wordCounts[wordIds[k]!] = wordCounts[wordIds[k]!]! + counts[k]!;
    p += shard.passages.length;
    s += shard.sentences;
    // Let the event loop answer (health checks report loading) between shards.
    if (i % 32 === 31) await new Promise((resolve) => setImmediate(resolve));
  }
  if (p !== n || s !== m) throw new IndexUnusableError('corrupt', 'the shards disagree with the manifest on the number of passages');

  const concatRows = (parts: { items: Uint32Array; offsets: Uint32Array }[]): TermRows => {
    const total = parts.reduce((t, x) => t + x.items.length, 0);
    const items = new Uint32Array(total);
    const offsets = new Uint32Array(m + 1);
    let row = 0;
    let at = 0;
    for (const part of parts) {
      items.set(part.items, at);
      for (let r = 1; r < part.offsets.length; r++) offsets[row + r] = at + part.offsets[r]!;
      row += part.offsets.length - 1;
      at += part.items.length;
    }
    return { offsets, items };
  };
  const hnsw = await graphLoad;
  const sentenceTerms = concatRows(termParts.map((t) => ({ items: t.sentence, offsets: t.sentenceOffsets })));
  const figureTerms = concatRows(termParts.map((t) => ({ items: t.figure, offsets: t.figureOffsets })));
  const terms = termTable.list;
  // Words only removed calls used stay in the table with no count: not part of the vocabulary.
  const vocabulary = new Map<string, number>();
  wordTable.list.forEach((w, k) => {
    if (wordCounts[k]! > 0) vocabulary.set(w, wordCounts[k]!);
  });
  return {
    manifest,
    calls,
    passages,
    callPassages,
    passageVectors,
    sentenceVectors,
    sentenceStart,
    sentenceTerms,
    figureTerms,
    sentenceWords,
    sentenceFlags,
    hnsw,
    positionOfLabel,
    lexical: lexical.build(),
    term: (id) => terms[id]!,
    vocabulary,
    lowercaseWords,
    dimensions: dim,
    legacyStarts,
  };
}
