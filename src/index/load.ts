import { promises as fs } from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import { PARSER_VERSION } from '../transcript/read-source.js';
import { STORED_CALL_FORMAT } from '../library/stored-call.js';
import { CHUNKER_VERSION } from '../passages/chunk.js';
import type { Passage } from '../passages/types.js';
import type { TranscriptLimits } from '../transcript/limits.js';
import { sha256 } from './checksum.js';
import { FILES, MANIFEST_FILE } from './layout.js';
import { loadLexicalIndex, type LexicalIndex } from './lexical.js';
import { LEXICAL_TOKENS_VERSION } from './lexical-tokens.js';
import { INDEX_FORMAT_VERSION, limitsRecord, Manifest } from './manifest.js';
import { LegacyIdsRecord, PassageRecord } from './passage-record.js';
import { StoredCallRecord, type StoredCall } from './stored-call.js';

/** Everything search needs, read-only once loaded. */
export interface LoadedIndex {
  manifest: Manifest;
  calls: StoredCall[];
  /** All passages of all calls; a passage's position here is its label in every index. */
  passages: Passage[];
  passageVectors: Float32Array;
  sentenceVectors: Float32Array;
  /** sentenceStart[i] = position of passage i's first sentence in sentenceVectors. */
  sentenceStart: Int32Array;
  hnsw: hnswlib.HierarchicalNSW;
  lexical: LexicalIndex;
  dimensions: number;
  /** Per call, passage starts under the chunking that issued the old `<call id>:<n>` ids. */
  legacyStarts: Map<string, number[]>;
}

/** Why an index on disk cannot be served; the caller rebuilds. */
export class IndexUnusableError extends Error {
  constructor(
    readonly reason: 'missing' | 'corrupt' | 'format' | 'model' | 'stale',
    message: string,
  ) {
    super(message);
    this.name = 'IndexUnusableError';
  }
}

export interface Expectations {
  /** Checksum of the weights that will embed queries; vectors from other weights are meaningless. */
  modelChecksum?: string;
  /** The library's files; compared by name and checksum of their bytes with those the index was built from (indexed or rejected). */
  sources?: string[];
  /** The transcript limits in force; an index built under others is stale. */
  limits?: TranscriptLimits;
}

async function readManifest(indexDir: string): Promise<Manifest> {
  let raw: string;
  try {
    raw = await fs.readFile(path.join(indexDir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new IndexUnusableError('missing', `no index at ${indexDir}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new IndexUnusableError('corrupt', 'manifest.json is not valid JSON');
  }
  if ((json as { format?: unknown })?.format !== INDEX_FORMAT_VERSION) {
    throw new IndexUnusableError('format', `index format ${(json as { format?: unknown })?.format} is not ${INDEX_FORMAT_VERSION}`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) throw new IndexUnusableError('corrupt', `manifest.json is malformed: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

async function checkSources(manifest: Manifest, sources: string[]): Promise<void> {
  const built = new Map([...manifest.sources, ...manifest.rejected].map((s) => [s.path, s.sha256]));
  if (sources.length !== built.size) throw new IndexUnusableError('stale', 'the set of transcripts changed');
  for (const file of sources) {
    const expected = built.get(path.basename(file));
    if (expected === undefined) throw new IndexUnusableError('stale', `${path.basename(file)} is new since the index was built`);
    // The raw bytes, exactly as the build hashed them (never a decoded string).
    if (sha256(await fs.readFile(file)) !== expected) throw new IndexUnusableError('stale', `${path.basename(file)} changed since the index was built`);
  }
}

/** Parse a JSON store with its schema; anything else means the store is corrupt. */
function parseStore<T>(name: string, data: Buffer, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch {
    throw new IndexUnusableError('corrupt', `${name} is not valid JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IndexUnusableError('corrupt', `${name} is malformed: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Passages point into their calls' text, call by call in order: checked so search never reads past a source. */
function checkPassages(calls: StoredCall[], passages: Passage[], legacy: Record<string, number[]>): void {
  const byId = new Map(calls.map((c) => [c.meta.id, c]));
  const seen = new Set<string>();
  let previous: Passage | undefined;
  for (const p of passages) {
    const call = byId.get(p.callId);
    const fail = (why: string): never => {
      throw new IndexUnusableError('corrupt', `passages.json: passage ${p.id} ${why}`);
    };
    if (!call) fail('belongs to no indexed call');
    if (p.end > call!.source.length || p.start >= p.end || call!.source.slice(p.start, p.end) !== p.text) fail('does not match its call text');
    if (previous?.callId === p.callId ? p.start < previous.end : seen.has(p.callId)) fail('is out of order');
    if (!call!.turns[p.turn]) fail('names no turn of its call');
    seen.add(p.callId);
    previous = p;
  }
  for (const c of calls) if (!legacy[c.meta.id]) throw new IndexUnusableError('corrupt', `legacy-ids.json lacks call ${c.meta.id}`);
}

/** Load and verify an index: every file's checksum, the model, the sources. Throws IndexUnusableError. */
export async function loadIndex(indexDir: string, expect: Expectations = {}): Promise<LoadedIndex> {
  const manifest = await readManifest(indexDir);
  // Code that shapes the stored data moved on: the data is out of date even if intact.
  for (const [what, built, now] of [
    ['keyword tokenizer', manifest.lexical_tokens, LEXICAL_TOKENS_VERSION],
    ['passage chunker', manifest.chunker, CHUNKER_VERSION],
    ['transcript parser', manifest.parser, PARSER_VERSION],
    ['stored call format', manifest.stored_call, STORED_CALL_FORMAT],
  ] as const) {
    if (built !== now) throw new IndexUnusableError('format', `the index was built with ${what} v${built}; this version uses v${now}`);
  }
  if (expect.modelChecksum && manifest.model.checksum !== expect.modelChecksum) {
    throw new IndexUnusableError('model', 'the index was built with different model weights');
  }
  if (expect.limits && JSON.stringify(limitsRecord(expect.limits)) !== JSON.stringify(manifest.limits)) {
    throw new IndexUnusableError('stale', 'the transcript limits changed since the index was built');
  }
  if (expect.sources) await checkSources(manifest, expect.sources);

  const dir = path.join(indexDir, manifest.build_dir);
  const read = async (name: string): Promise<Buffer> => {
    const entry = manifest.files.find((f) => f.name === name);
    if (!entry) throw new IndexUnusableError('corrupt', `manifest lists no ${name}`);
    let data: Buffer;
    try {
      data = await fs.readFile(path.join(dir, name));
    } catch {
      throw new IndexUnusableError('corrupt', `${name} is missing`);
    }
    if (data.length !== entry.bytes || sha256(data) !== entry.sha256) throw new IndexUnusableError('corrupt', `${name} fails its checksum`);
    return data;
  };

  try {
    const calls: StoredCall[] = parseStore(FILES.calls, await read(FILES.calls), z.array(StoredCallRecord));
    const passages: Passage[] = parseStore(FILES.passages, await read(FILES.passages), z.array(PassageRecord));
    const legacy = parseStore(FILES.legacyIds, await read(FILES.legacyIds), LegacyIdsRecord);
    checkPassages(calls, passages, legacy);
    const toF32 = (b: Buffer) => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    const passageVectors = toF32(await read(FILES.passageVectors));
    const sentenceVectors = toF32(await read(FILES.sentenceVectors));
    const lexical = loadLexicalIndex((await read(FILES.lexical)).toString('utf8'));
    await read(FILES.hnsw);
    const dimensions = manifest.model.dimensions;
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dimensions);
    await hnsw.readIndex(path.join(dir, FILES.hnsw));
    hnsw.setEf(manifest.hnsw.ef_search);

    const sentenceStart = new Int32Array(passages.length + 1);
    passages.forEach((p, i) => (sentenceStart[i + 1] = sentenceStart[i]! + p.sentences.length));
    if (
      passages.length !== manifest.passages ||
      passageVectors.length !== passages.length * dimensions ||
      sentenceVectors.length !== sentenceStart[passages.length]! * dimensions ||
      hnsw.getCurrentCount() !== passages.length
    ) {
      throw new IndexUnusableError('corrupt', 'index files disagree on the number of passages');
    }
    if (calls.length !== manifest.sources.length) throw new IndexUnusableError('corrupt', 'calls.json disagrees with the manifest');
    const legacyStarts = new Map(calls.map((c) => [c.meta.id, legacy[c.meta.id]!]));
    return { manifest, calls, passages, passageVectors, sentenceVectors, sentenceStart, hnsw, lexical, dimensions, legacyStarts };
  } catch (err) {
    if (err instanceof IndexUnusableError) throw err;
    throw new IndexUnusableError('corrupt', `index files could not be read: ${(err as Error).message}`);
  }
}
