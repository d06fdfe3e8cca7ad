/**
 * Index build, load and self-repair with the real model. The full call is built once
 * (beforeAll) for the round trip, into a fresh directory holding only a copy of the shared test
 * index's embedding cache: everything but the model's work is done from nothing, and a sample of
 * the stored vectors is checked against the model itself. Corruption and rebuild cases use a short
 * call so every case can have its own fresh index without costing a full build.
 */
import { CHUNKER_VERSION } from '../../src/passages/chunk.js';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, type BuildSummary } from '../../src/index/build.js';
import { sha256, sha256File } from '../../src/index/checksum.js';
import type { TextEmbedder } from '../../src/index/embedder-port.js';
import { LOCK_FILE } from '../../src/index/build-lock.js';
import { ensureIndex } from '../../src/index/ensure.js';
import { FILES, MANIFEST_FILE } from '../../src/index/layout.js';
import { EMBEDDING_CACHE_DIR } from '../../src/index/embedding-cache.js';
import { LEXICAL_TOKENS_VERSION } from '../../src/index/lexical-tokens.js';
import { IndexUnusableError, loadIndex, type LoadedIndex } from '../../src/index/load.js';
import { HNSW_DEFAULTS, INDEX_FORMAT_VERSION, Manifest } from '../../src/index/manifest.js';
import { modelChecksum } from '../../src/model/embedder.js';
import { EMBEDDING_DIMENSIONS } from '../../src/model/model-files.js';
import { SearchEngine } from '../../src/search/engine.js';
import { directoryOf } from '../../src/search/interpret/library-directory.js';
import { BUNDLED_CALL, TEST_INDEX_DIR } from '../helpers/paths.js';
import { embedder, model, scratchPath, useRealEmbedder } from '../helpers/real-embedder.js';
import { SMALL_CALL } from './small-call.js';

let fullDir: string;
let full: BuildSummary;

useRealEmbedder('transcript-index-test-');
beforeAll(async () => {
  fullDir = scratchPath('full');
  // Global setup embedded these very texts with these weights (the cache is keyed by both), so the
  // model is not run over the whole call a second time.
  await fs.cp(path.join(TEST_INDEX_DIR, EMBEDDING_CACHE_DIR), path.join(fullDir, EMBEDDING_CACHE_DIR), { recursive: true });
  full = await buildIndex({ sources: [BUNDLED_CALL], indexDir: fullDir, embedder });
});

/** Positions spread over a list of n: first, last and every step in between. */
const spread = (n: number, count: number) => [...new Set(Array.from({ length: count }, (_, i) => Math.round((i * (n - 1)) / (count - 1))))];

/** The largest difference between stored unit vectors and the model's embeddings of their texts, computed now. */
async function maxDiffFromModel(texts: string[], vectors: Float32Array, rows: number[]): Promise<number> {
  const fresh = await model.embed(rows.map((r) => texts[r]!));
  let maxDiff = 0;
  rows.forEach((row, i) => {
    const stored = vectors.subarray(row * EMBEDDING_DIMENSIONS, (row + 1) * EMBEDDING_DIMENSIONS);
    for (let d = 0; d < EMBEDDING_DIMENSIONS; d++) maxDiff = Math.max(maxDiff, Math.abs(stored[d]! - fresh[i]![d]!));
  });
  return maxDiff;
}

/** Flip one bit of a file in place (default: its middle byte). */
async function flipByte(file: string, at?: number): Promise<void> {
  const data = await fs.readFile(file);
  const i = at ?? Math.floor(data.length / 2);
  data[i] = data[i]! ^ 0x01;
  await fs.writeFile(file, data);
}

const readManifest = async (dir: string): Promise<Manifest> => Manifest.parse(JSON.parse(await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8')));
const writeManifestJson = (dir: string, text: string) => fs.writeFile(path.join(dir, MANIFEST_FILE), text);
const editManifest = async (dir: string, edit: (m: Record<string, unknown>) => void) => {
  const m = JSON.parse(await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
  edit(m);
  await writeManifestJson(dir, JSON.stringify(m));
};

/** The first small index's embedding cache: later ones start from a copy, so the model embeds the short call once, not once a case. */
let smallCache: string | null = null;

/** A fresh library (one short call) and an index built over it, in their own directory. */
async function smallIndex(): Promise<{ dir: string; sources: string[]; manifest: Manifest }> {
  const root = scratchPath('small');
  const library = path.join(root, 'library');
  await fs.mkdir(library, { recursive: true });
  const source = path.join(library, 'wdgt-q2-2024.txt');
  await fs.writeFile(source, SMALL_CALL);
  const dir = path.join(root, 'index');
  if (smallCache) await fs.cp(smallCache, path.join(dir, EMBEDDING_CACHE_DIR), { recursive: true });
  const { manifest } = await buildIndex({ sources: [source], indexDir: dir, embedder });
  smallCache ??= path.join(dir, EMBEDDING_CACHE_DIR);
  return { dir, sources: [source], manifest };
}

async function expectUnusable(dir: string, sources: string[], reason: IndexUnusableError['reason'], expectChecksum = embedder.checksum): Promise<void> {
  const err = await loadIndex(dir, { modelChecksum: expectChecksum, sources }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IndexUnusableError);
  expect((err as IndexUnusableError).reason).toBe(reason);
}

/** ensureIndex must notice, rebuild once, and hand back an index that is complete and current. */
async function expectRebuilt(dir: string, sources: string[], reason: IndexUnusableError['reason'], previousBuild?: string): Promise<LoadedIndex> {
  const reasons: string[] = [];
  let built = 0;
  const index = await ensureIndex({ indexDir: dir, sources, embedder, onRebuild: (e) => reasons.push(e.reason), onBuilt: () => built++ });
  expect(reasons).toEqual([reason]);
  expect(built).toBe(1);
  expect(index.manifest.model.checksum).toBe(embedder.checksum);
  expect(index.passages.length).toBeGreaterThan(0);
  expect(index.manifest.sources.map((s) => s.sha256)).toEqual(await Promise.all(sources.map(async (s) => sha256(await fs.readFile(s)))));
  if (previousBuild) expect(index.manifest.build_dir).not.toBe(previousBuild);
  // What is on disk now loads on its own, and only the published build remains.
  const again = await loadIndex(dir, { modelChecksum: embedder.checksum, sources });
  expect(again.manifest.build_dir).toBe(index.manifest.build_dir);
  expect(await fs.readdir(path.join(dir, 'builds'))).toEqual([index.manifest.build_dir.replace(/^builds\//, '')]);
  // And a second ensure serves it without another build.
  await ensureIndex({ indexDir: dir, sources, embedder, onRebuild: () => expect.fail('rebuilt a good index') });
  return index;
}

describe('build and load round trip (full call)', () => {
  it('loads what was built: passages, vectors, HNSW', async () => {
    const loaded = await loadIndex(fullDir, { modelChecksum: embedder.checksum, sources: [BUNDLED_CALL] });
    expect(loaded.passages).toHaveLength(full.passages);
    expect(loaded.dimensions).toBe(EMBEDDING_DIMENSIONS);
    expect(loaded.passageVectors).toHaveLength(full.passages * EMBEDDING_DIMENSIONS);
    expect(loaded.sentenceVectors.data).toHaveLength(full.sentences * EMBEDDING_DIMENSIONS);
    expect(loaded.hnsw.getCurrentCount()).toBe(full.passages);
    expect(loaded.calls.map((c) => c.meta.id)).toEqual(['amzn-q4-2025']);
    // Every text came from the cache: the build asked the model for nothing.
    expect(full.work).toMatchObject({ embedded: 0, written: 1, graph: 'built' });
    expect(full.work.cached).toBeGreaterThan(full.passages);
    // Stored vectors are the model's embeddings of the passage texts (unit length).
    const [first] = await model.embed([loaded.passages[0]!.text]);
    const stored = loaded.passageVectors.subarray(0, EMBEDDING_DIMENSIONS);
    let dot = 0;
    for (let i = 0; i < EMBEDDING_DIMENSIONS; i++) dot += stored[i]! * first![i]!;
    expect(dot).toBeCloseTo(1, 4);
  });

  it("stores, row by row, the model's embedding of that row's passage, first to last", async () => {
    const loaded = await loadIndex(fullDir);
    const rows = spread(loaded.passages.length, 12);
    expect(rows).toHaveLength(12);
    expect(await maxDiffFromModel(loaded.passages.map((p) => p.text), loaded.passageVectors, rows)).toBeLessThan(1e-5);
  });

  it('matches the shared test index: same passages, same vectors, same top result', async () => {
    const mine = await loadIndex(fullDir);
    const shared = await loadIndex(TEST_INDEX_DIR);
    expect(mine.passages.map((p) => p.id)).toEqual(shared.passages.map((p) => p.id));
    expect(mine.passages.map((p) => p.text)).toEqual(shared.passages.map((p) => p.text));
    expect(mine.passageVectors.length).toBe(shared.passageVectors.length);
    let maxDiff = 0;
    for (let i = 0; i < mine.passageVectors.length; i++) maxDiff = Math.max(maxDiff, Math.abs(mine.passageVectors[i]! - shared.passageVectors[i]!));
    expect(maxDiff).toBeLessThan(1e-5);

    const engine = (index: LoadedIndex) =>
      new SearchEngine({ index, directory: directoryOf(index), embedQuery: async (t) => (await model.embed([t]))[0]! });
    for (const q of ['what did Jassy say about Trainium', 'free cash flow', 'who asked about advertising']) {
      const [a, b] = await Promise.all([engine(mine).search({ q, k: 3 }), engine(shared).search({ q, k: 3 })]);
      expect(a.results.map((r) => r.id)).toEqual(b.results.map((r) => r.id));
      expect(a.results[0]!.id).toBeDefined();
    }
  });

  it('writes a manifest that describes the build exactly', async () => {
    const raw = JSON.parse(await fs.readFile(path.join(fullDir, MANIFEST_FILE), 'utf8')) as unknown;
    const m = Manifest.parse(raw);
    expect(m.format).toBe(INDEX_FORMAT_VERSION);
    expect(m.model).toEqual({ id: model.modelId, checksum: await modelChecksum(), dimensions: EMBEDDING_DIMENSIONS });
    const source = await fs.readFile(BUNDLED_CALL);
    expect(m.sources).toEqual([
      {
        call_id: 'amzn-q4-2025',
        path: path.basename(BUNDLED_CALL),
        sha256: sha256(source),
        bytes: source.length,
        mtime_ms: (await fs.stat(BUNDLED_CALL)).mtimeMs,
        shard: { file: expect.stringMatching(/^shards\/amzn-q4-2025\.[0-9a-f]{16}\.shard$/), key: expect.stringMatching(/^[0-9a-f]{64}$/), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), header_sha256: expect.stringMatching(/^[0-9a-f]{64}$/), bytes: expect.any(Number), passages: full.passages, sentences: full.sentences, terms: expect.any(Number), words: expect.any(Number), label_start: 0 },
      },
    ]);
    const shard = m.sources[0]!.shard;
    expect((await fs.stat(path.join(fullDir, shard.file))).size).toBe(shard.bytes);
    expect(m.graph).toEqual({ labels: full.passages, deleted: 0 });
    expect(m.passages).toBe(full.passages);
    expect(m.sentences).toBe(full.sentences);
    expect(m.hnsw).toEqual({
      space: HNSW_DEFAULTS.space,
      m: HNSW_DEFAULTS.m,
      ef_construction: HNSW_DEFAULTS.efConstruction,
      ef_search: HNSW_DEFAULTS.efSearch,
      seed: HNSW_DEFAULTS.seed,
    });
    expect(m.chunking.max_tokens).toBeGreaterThan(0);
    expect(m.lexical_tokens).toBe(LEXICAL_TOKENS_VERSION);
    expect(m.chunker).toBe(CHUNKER_VERSION);
    expect(m.build_dir).toMatch(/^builds\/[\w-]+$/);
    expect(m.files.map((f) => f.name).sort()).toEqual(Object.values(FILES).sort());
    const buildDir = path.join(fullDir, m.build_dir);
    expect((await fs.readdir(buildDir)).sort()).toEqual(Object.values(FILES).sort());
    for (const f of m.files) {
      expect(f.sha256).toBe(await sha256File(path.join(buildDir, f.name)));
      expect(f.bytes).toBe((await fs.stat(path.join(buildDir, f.name))).size);
    }
    // Nothing else is left behind: one build, no temp files.
    expect(await fs.readdir(path.join(fullDir, 'builds'))).toEqual([m.build_dir.replace(/^builds\//, '')]);
    expect((await fs.readdir(fullDir)).sort()).toEqual(['builds', 'embeddings', MANIFEST_FILE, 'shards']);
    expect(await fs.readdir(path.join(fullDir, 'shards'))).toEqual([path.basename(shard.file)]);
  });
});

describe('an unusable index is refused by loadIndex and rebuilt by ensureIndex', () => {
  it('no index at all → missing → built', async () => {
    const { dir, sources } = await smallIndex();
    await fs.rm(dir, { recursive: true });
    await expectUnusable(dir, sources, 'missing');
    await expectRebuilt(dir, sources, 'missing');
  });

  it.each([
    ['garbage', 'this is not json {'],
    ['truncated', '{"format": 1, "build_dir": "builds/'],
    ['empty', ''],
  ])('manifest.json %s → corrupt → rebuilt', async (_name, text) => {
    const { dir, sources, manifest } = await smallIndex();
    await writeManifestJson(dir, text);
    await expectUnusable(dir, sources, 'corrupt');
    await expectRebuilt(dir, sources, 'corrupt', manifest.build_dir);
  });

  it.each([
    ['an older format', (m: Record<string, unknown>) => (m.format = INDEX_FORMAT_VERSION - 1)],
    ['a newer format', (m: Record<string, unknown>) => (m.format = INDEX_FORMAT_VERSION + 1)],
    ['a format given as text', (m: Record<string, unknown>) => (m.format = String(INDEX_FORMAT_VERSION))],
    ['no format', (m: Record<string, unknown>) => delete m.format],
    ['another keyword tokenizer', (m: Record<string, unknown>) => (m.lexical_tokens = LEXICAL_TOKENS_VERSION - 1)],
    ['another passage chunker', (m: Record<string, unknown>) => (m.chunker = CHUNKER_VERSION + 1)],
  ])('manifest with %s → format → rebuilt', async (_name, edit) => {
    const { dir, sources, manifest } = await smallIndex();
    await editManifest(dir, edit);
    await expectUnusable(dir, sources, 'format');
    await expectRebuilt(dir, sources, 'format', manifest.build_dir);
  });

  it.each([
    ['JSON null', 'null'],
    ['a JSON array', '[1]'],
  ])('manifest that is %s → refused → rebuilt', async (_name, text) => {
    const { dir, sources } = await smallIndex();
    await writeManifestJson(dir, text);
    await expectUnusable(dir, sources, 'format');
    await expectRebuilt(dir, sources, 'format');
  });

  it.each([
    ['a build_dir escaping the index', (m: Record<string, unknown>) => (m.build_dir = '../../etc')],
    ['an absolute build_dir', (m: Record<string, unknown>) => (m.build_dir = '/tmp')],
    ['a file name with a path', (m: Record<string, unknown>) => ((m.files as { name: string }[])[0]!.name = '../calls.json')],
    ['a short checksum', (m: Record<string, unknown>) => ((m.files as { sha256: string }[])[0]!.sha256 = 'abc')],
    ['a negative passage count', (m: Record<string, unknown>) => (m.passages = -1)],
    ['no model', (m: Record<string, unknown>) => delete m.model],
    ['no sources', (m: Record<string, unknown>) => (m.sources = [])],
    ['files not a list', (m: Record<string, unknown>) => (m.files = 'all of them')],
  ])('manifest with %s → corrupt → rebuilt', async (_name, edit) => {
    const { dir, sources, manifest } = await smallIndex();
    await editManifest(dir, edit);
    await expectUnusable(dir, sources, 'corrupt');
    await expectRebuilt(dir, sources, 'corrupt', manifest.build_dir);
  });

  it('a manifest that omits a data file → corrupt → rebuilt', async () => {
    const { dir, sources, manifest } = await smallIndex();
    await editManifest(dir, (m) => (m.files = (m.files as { name: string }[]).filter((f) => f.name !== FILES.graph)));
    await expectUnusable(dir, sources, 'corrupt');
    await expectRebuilt(dir, sources, 'corrupt', manifest.build_dir);
  });

  it('a passage count that disagrees with the files → corrupt → rebuilt', async () => {
    const { dir, sources, manifest } = await smallIndex();
    await editManifest(dir, (m) => (m.passages = (m.passages as number) + 1));
    await expectUnusable(dir, sources, 'corrupt');
    await expectRebuilt(dir, sources, 'corrupt', manifest.build_dir);
  });

  it('the dense graph with one byte flipped → checksum fails → rebuilt', async () => {
    const { dir, sources, manifest } = await smallIndex();
    await flipByte(path.join(dir, manifest.build_dir, FILES.graph));
    await expectUnusable(dir, sources, 'corrupt');
    await expectRebuilt(dir, sources, 'corrupt', manifest.build_dir);
  });

  it.each([
    ['its header', 20],
    ['its call record', 700],
  ])('a shard with a byte flipped in %s → corrupt → rebuilt', async (_where, at) => {
    const { dir, sources, manifest } = await smallIndex();
    await flipByte(path.join(dir, manifest.sources[0]!.shard.file), at);
    await expectUnusable(dir, sources, 'corrupt');
    await expectRebuilt(dir, sources, 'corrupt', manifest.build_dir);
  });

  it('a shard truncated, or deleted, or the build directory gone → corrupt → rebuilt', async () => {
    const truncated = await smallIndex();
    const shard = path.join(truncated.dir, truncated.manifest.sources[0]!.shard.file);
    await fs.truncate(shard, (await fs.stat(shard)).size - 4);
    await expectUnusable(truncated.dir, truncated.sources, 'corrupt');
    await expectRebuilt(truncated.dir, truncated.sources, 'corrupt', truncated.manifest.build_dir);

    const deleted = await smallIndex();
    await fs.rm(path.join(deleted.dir, deleted.manifest.sources[0]!.shard.file));
    await expectUnusable(deleted.dir, deleted.sources, 'corrupt');
    await expectRebuilt(deleted.dir, deleted.sources, 'corrupt', deleted.manifest.build_dir);

    const gone = await smallIndex();
    await fs.rm(path.join(gone.dir, gone.manifest.build_dir), { recursive: true });
    await expectUnusable(gone.dir, gone.sources, 'corrupt');
    await expectRebuilt(gone.dir, gone.sources, 'corrupt', gone.manifest.build_dir);
  });

  it('a source transcript edited after the build → stale → rebuilt from the new text', async () => {
    const { dir, sources, manifest } = await smallIndex();
    await fs.appendFile(sources[0]!, 'Robert Smith\nChief Financial Officer\n\nAnd we are raising the dividend to forty cents a share.\n');
    await expectUnusable(dir, sources, 'stale');
    const index = await expectRebuilt(dir, sources, 'stale', manifest.build_dir);
    expect(index.passages.some((p) => p.text.includes('raising the dividend'))).toBe(true);
  });

  it('a transcript added to the library → stale → rebuilt with both calls', async () => {
    const { dir, sources } = await smallIndex();
    const second = path.join(path.dirname(sources[0]!), 'wdgt-q3-2024.txt');
    await fs.writeFile(second, SMALL_CALL.replace('Q2 2024 Earnings Call Jul 30, 2024', 'Q3 2024 Earnings Call Oct 29, 2024'));
    const both = [...sources, second];
    await expectUnusable(dir, both, 'stale');
    const index = await expectRebuilt(dir, both, 'stale');
    expect(index.calls.map((c) => c.meta.id)).toEqual(['wdgt-q2-2024', 'wdgt-q3-2024']);
  });

  it('built with other model weights → model → rebuilt with these', async () => {
    const { dir, sources, manifest } = await smallIndex();
    await editManifest(dir, (m) => ((m.model as { checksum: string }).checksum = 'f'.repeat(64)));
    await expectUnusable(dir, sources, 'model');
    await expectRebuilt(dir, sources, 'model', manifest.build_dir);
  });

  it('loading with other weights than the build used → model', async () => {
    const { dir, sources } = await smallIndex();
    await expectUnusable(dir, sources, 'model', '0'.repeat(64));
  });
});

describe('abandoned builds', () => {
  /** What a build killed mid-write leaves: a build directory with some files, and no manifest change. */
  async function abandon(dir: string, name: string, copyFrom?: string): Promise<string> {
    const target = path.join(dir, 'builds', name);
    await fs.mkdir(target, { recursive: true });
    if (copyFrom) await fs.copyFile(path.join(copyFrom, FILES.graph), path.join(target, FILES.graph));
    await fs.writeFile(path.join(target, `.${FILES.graph}.123.abcd.tmp`), Buffer.alloc(100));
    return target;
  }

  it('is never served, and the next build cleans it up', async () => {
    const { dir, sources, manifest } = await smallIndex();
    const manifestBefore = await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8');
    // Named to sort after the real build, so "latest directory wins" would pick it.
    const partial = await abandon(dir, 'zzzz-partial', path.join(dir, manifest.build_dir));

    const loaded = await loadIndex(dir, { modelChecksum: embedder.checksum, sources });
    expect(loaded.manifest.build_dir).toBe(manifest.build_dir);
    const served = await ensureIndex({ indexDir: dir, sources, embedder, onRebuild: () => expect.fail('a usable index was rebuilt') });
    expect(served.manifest.build_dir).toBe(manifest.build_dir);
    expect(await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8')).toBe(manifestBefore);

    const next = await buildIndex({ sources, indexDir: dir, embedder });
    await expect(fs.stat(partial)).rejects.toThrow();
    expect(await fs.readdir(path.join(dir, 'builds'))).toEqual([next.manifest.build_dir.replace(/^builds\//, '')]);
  });

  it('with no manifest at all, a half-written build is ignored and replaced', async () => {
    const { dir, sources, manifest } = await smallIndex();
    await fs.rm(path.join(dir, MANIFEST_FILE));
    const partial = await abandon(dir, 'xyz');
    await expectUnusable(dir, sources, 'missing');
    const index = await expectRebuilt(dir, sources, 'missing', manifest.build_dir);
    expect(index.manifest.build_dir).not.toBe('builds/xyz');
    await expect(fs.stat(partial)).rejects.toThrow();
  });

  it('a build that fails midway leaves the published index in force', async () => {
    const { dir, sources, manifest } = await smallIndex();
    // Two new sentences and their passage: three texts no cache holds, three model calls of one text.
    await fs.appendFile(sources[0]!, 'Jane Roe\nChief Executive Officer\n\nOne more thing about widgets.\n\nAnd another about gadgets.\n');
    let calls = 0;
    // The real model, failing on its second batch the way an out-of-memory or a kill would.
    const failing: TextEmbedder = {
      ...embedder,
      embed: async (texts) => {
        if (++calls === 2) throw new Error('embedding failed');
        return embedder.embed(texts);
      },
    };
    await expect(buildIndex({ sources, indexDir: dir, embedder: failing, batchSize: 1 })).rejects.toThrow('embedding failed');
    expect((await readManifest(dir)).build_dir).toBe(manifest.build_dir);
    // Still loadable as what it was (the old text), so a server started with the old library keeps working.
    await loadIndex(dir, { modelChecksum: embedder.checksum });
    await expectUnusable(dir, sources, 'stale');
  });
});

describe('builds sharing one index directory', () => {
  async function library(): Promise<{ dir: string; sources: string[] }> {
    const root = scratchPath('shared');
    await fs.mkdir(root, { recursive: true });
    const source = path.join(root, 'wdgt-q2-2024.txt');
    await fs.writeFile(source, SMALL_CALL);
    return { dir: path.join(root, 'index'), sources: [source] };
  }

  async function expectOneGoodBuild(dir: string, sources: string[]): Promise<Manifest> {
    const index = await loadIndex(dir, { modelChecksum: embedder.checksum, sources });
    expect(await fs.readdir(path.join(dir, 'builds'))).toEqual([index.manifest.build_dir.replace(/^builds\//, '')]);
    expect(await fs.readdir(dir)).not.toContain(LOCK_FILE);
    return index.manifest;
  }

  it('three services starting at once on no index: all get the same good index, built once', async () => {
    const { dir, sources } = await library();
    let builds = 0;
    const loaded = await Promise.all([0, 1, 2].map(() => ensureIndex({ indexDir: dir, sources, embedder, onBuilt: () => builds++ })));
    expect(builds).toBe(1);
    expect(new Set(loaded.map((l) => l.manifest.build_dir)).size).toBe(1);
    const manifest = await expectOneGoodBuild(dir, sources);
    expect(manifest.build_dir).toBe(loaded[0]!.manifest.build_dir);
  });

  it('two explicit builds at once both succeed and leave one complete, published build', async () => {
    const { dir, sources } = await library();
    const [a, b] = await Promise.all([buildIndex({ sources, indexDir: dir, embedder }), buildIndex({ sources, indexDir: dir, embedder })]);
    const manifest = await expectOneGoodBuild(dir, sources);
    expect([a.manifest.build_dir, b.manifest.build_dir]).toContain(manifest.build_dir);
  });

  it('a lock left by a build whose process died is taken over', async () => {
    const { dir, sources } = await library();
    const dead = spawn(process.execPath, ['-e', '']);
    const pid = dead.pid!;
    await new Promise((resolve) => dead.on('exit', resolve));
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, LOCK_FILE), String(pid));
    await ensureIndex({ indexDir: dir, sources, embedder });
    await expectOneGoodBuild(dir, sources);
  });

  it('a lock nobody has refreshed for an hour is taken over', async () => {
    const { dir, sources } = await library();
    await fs.mkdir(dir, { recursive: true });
    const lock = path.join(dir, LOCK_FILE);
    await fs.writeFile(lock, String(process.pid));
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await fs.utimes(lock, anHourAgo, anHourAgo);
    await buildIndex({ sources, indexDir: dir, embedder });
    await expectOneGoodBuild(dir, sources);
  });
});
