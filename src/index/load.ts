import { promises as fs } from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import type { Passage } from '../passages/types.js';
import { sha256 } from './checksum.js';
import { FILES, MANIFEST_FILE } from './layout.js';
import { loadLexicalIndex, type LexicalIndex } from './lexical.js';
import { LEXICAL_TOKENS_VERSION } from './lexical-tokens.js';
import { CHUNKER_VERSION } from '../passages/chunk.js';
import { INDEX_FORMAT_VERSION, Manifest } from './manifest.js';
import type { StoredCall } from './stored-call.js';

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
  /** Transcript files that should be indexed, in order; compared by content checksum. */
  sources?: string[];
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
  if (sources.length !== manifest.sources.length) throw new IndexUnusableError('stale', 'the set of transcripts changed');
  for (const [i, file] of sources.entries()) {
    const expected = manifest.sources[i];
    const actual = sha256(await fs.readFile(file));
    if (!expected || actual !== expected.sha256) throw new IndexUnusableError('stale', `${path.basename(file)} changed since the index was built`);
  }
}

/** Load and verify an index: every file's checksum, the model, the sources. Throws IndexUnusableError. */
export async function loadIndex(indexDir: string, expect: Expectations = {}): Promise<LoadedIndex> {
  const manifest = await readManifest(indexDir);
  // Code that shapes the stored data moved on: the data is out of date even if intact.
  for (const [what, built, now] of [
    ['keyword tokenizer', manifest.lexical_tokens, LEXICAL_TOKENS_VERSION],
    ['passage chunker', manifest.chunker, CHUNKER_VERSION],
  ] as const) {
    if (built !== now) throw new IndexUnusableError('format', `the index was built with ${what} v${built}; this version uses v${now}`);
  }
  if (expect.modelChecksum && manifest.model.checksum !== expect.modelChecksum) {
    throw new IndexUnusableError('model', 'the index was built with different model weights');
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
    const calls = JSON.parse((await read(FILES.calls)).toString('utf8')) as StoredCall[];
    const passages = JSON.parse((await read(FILES.passages)).toString('utf8')) as Passage[];
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
    return { manifest, calls, passages, passageVectors, sentenceVectors, sentenceStart, hnsw, lexical, dimensions };
  } catch (err) {
    if (err instanceof IndexUnusableError) throw err;
    throw new IndexUnusableError('corrupt', `index files could not be read: ${(err as Error).message}`);
  }
}
