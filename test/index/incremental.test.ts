/**
 * The index follows the library in place (real model, real HNSW, small calls): adding or removing
 * a call embeds only what is new, keeps every other call's shard and updates the published graph,
 * and serves exactly what a build from nothing over the same calls serves; texts embedded before
 * never reach the model again; a torn cache or shard is noticed, never served, and repaired; a
 * start re-hashes nothing it does not have to.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, DEFAULT_SENTENCE_VECTORS, type BuildSummary } from '../../src/index/build.js';
import type { TextEmbedder } from '../../src/index/embedder-port.js';
import { EmbeddingCache, embeddingKey } from '../../src/index/embedding-cache.js';
import { readGraph } from '../../src/index/dense-graph.js';
import { ensureIndex } from '../../src/index/ensure.js';
import { FILES, listTranscripts } from '../../src/index/layout.js';
import { addCalls, removeCalls, sha256Of, type LibraryUpdateOptions } from '../../src/index/library-update.js';
import { loadIndex, type LoadedIndex } from '../../src/index/load.js';
import { readManifest } from '../../src/index/manifest-file.js';
import { sentenceTerms } from '../../src/index/sentence-terms.js';
import { lowercaseWords } from '../../src/index/vocabulary.js';
import { SearchEngine } from '../../src/search/engine.js';
import { Spelling } from '../../src/search/interpret/spelling.js';
import { SentenceData } from '../../src/search/sentences/sentence-scores.js';
import { directoryOf } from '../../src/search/interpret/library-directory.js';
import { parseTranscriptBytes } from '../../src/transcript/read-source.js';
import { DEFAULT_LIMITS } from '../../src/transcript/limits.js';
import { TEST_INDEX_DIR } from '../helpers/paths.js';
import { embedder, model, scratchPath, useRealEmbedder } from '../helpers/real-embedder.js';
import { smallCallFor } from '../library/fixtures.js';


useRealEmbedder('incremental-test-');

/** Something each quarter's call says that no other does, so results tell the calls apart. */
const TOPICS = [
  'We signed a supply agreement for copper wiring with a mining partner in Chile.',
  'Our drone delivery pilot in Denmark reached eleven thousand households.',
  'The new solar roof tiles sold out within a week of the spring launch.',
  'Warranty claims on the older widget model fell by a third after the recall.',
  'We closed the acquisition of a small robotics startup based in Osaka.',
  'Freight costs rose sharply because of the canal closure in March.',
];
const callText = (quarter: number, year = 2024) => smallCallFor(quarter, year, `\nRobert Smith\nChief Financial Officer\n\n${TOPICS[(quarter - 1 + (year - 2024) * 4) % TOPICS.length]}\n`);
const QUERIES = ['copper wiring supply', 'drone delivery', 'solar roof tiles', 'warranty claims recall', 'robotics acquisition', 'free cash flow', 'factory capacity hiring'];

/** The real embedder, counting the texts that reach the model. */
function counting(inner: TextEmbedder): TextEmbedder & { texts: number } {
  const wrapped = {
    ...inner,
    texts: 0,
    embed: async (texts: string[]) => {
      wrapped.texts += texts.length;
      return inner.embed(texts);
    },
  };
  return wrapped;
}

async function freshDirs(): Promise<{ library: string; indexDir: string }> {
  const root = scratchPath('case');
  const library = path.join(root, 'library');
  await fs.mkdir(library, { recursive: true });
  return { library, indexDir: path.join(root, 'index') };
}

function updateOptions(library: string, indexDir: string, model: TextEmbedder = embedder): LibraryUpdateOptions {
  return { library, indexDir, limits: DEFAULT_LIMITS, countTokens: (t) => model.countTokens(t), embedder: async () => model };
}

function toAdd(name: string, text: string) {
  const bytes = Buffer.from(text);
  return { parsed: parseTranscriptBytes(bytes, { fileName: name }), file: name, original: sha256Of(bytes) };
}

/** What a user sees of an index: its passages, and the results of every query. */
async function served(index: LoadedIndex): Promise<unknown> {
  const engine = new SearchEngine({ index, directory: directoryOf(index), embedQuery: async (t) => (await model.embed([t]))[0]! });
  const results = [];
  for (const q of QUERIES) {
    const r = await engine.search({ q, k: 8 });
    results.push({ q, answer: r.answer?.text ?? null, results: r.results.map((x) => [x.id, x.score, x.relevance.score]) });
  }
  return { calls: index.calls.map((c) => c.meta.id), passages: index.passages.map((p) => [p.id, p.text, p.speaker.id, p.role]), results };
}

/** A build from nothing over the same files, in a directory of its own. */
async function fromScratch(library: string): Promise<LoadedIndex> {
  const indexDir = scratchPath('scratch');
  await buildIndex({ sources: await listTranscripts(library), indexDir, embedder, full: true });
  return loadIndex(indexDir);
}

/** What a scan of every call's text finds written in lowercase. */
function writtenInLowercase(index: LoadedIndex): Set<string> {
  const found = new Set<string>();
  for (const c of index.calls) lowercaseWords(c.source, found);
  return found;
}

describe('adding and removing calls', () => {
  it('updates the index in place and serves what a build from nothing serves', async () => {
    const { library, indexDir } = await freshDirs();
    const model = counting(embedder);
    const opts = updateOptions(library, indexDir, model);
    const first = await addCalls([1, 2, 3, 4].map((q) => toAdd(`wdgt-q${q}.txt`, callText(q))), opts);
    expect(first.added).toHaveLength(4);

    // One more call: only its own new texts reach the model, the other shards and the graph are kept.
    model.texts = 0;
    const added = await addCalls([toAdd('wdgt-q1-2025.txt', callText(1, 2025))], opts);
    const work = added.build!.work;
    expect(work).toMatchObject({ kept: 4, written: 1, removed: 0, graph: 'updated' });
    // Its texts are those of the other calls (cached) but for its title and its own topic sentence.
    expect(work.embedded).toBeGreaterThan(0);
    expect(model.texts).toBe(work.embedded);
    expect(work.embedded).toBeLessThan(work.cached);
    const kept = first.build!.manifest.sources;
    for (const s of kept) expect(added.build!.manifest.sources.find((x) => x.call_id === s.call_id)!.shard).toEqual(s.shard);
    const updated = await loadIndex(indexDir);
    expect(await served(updated)).toEqual(await served(await fromScratch(library)));
    // The lowercase words name matching guards: the published list extended by the new call's.
    expect([...updated.lowercaseWords].sort()).toEqual([...writtenInLowercase(updated)].sort());

    // And out again: its passages leave the graph (marked deleted), the rest stays as it was.
    model.texts = 0;
    const removed = await removeCalls(['wdgt-q2-2024'], opts);
    expect(removed.build!.work).toMatchObject({ kept: 4, written: 0, removed: 1, embedded: 0, graph: 'updated' });
    expect(removed.build!.manifest.graph.deleted).toBe(first.build!.manifest.sources[1]!.shard.passages);
    expect(model.texts).toBe(0);
    const index = await loadIndex(indexDir);
    expect(index.calls.map((c) => c.meta.id)).toEqual(['wdgt-q1-2024', 'wdgt-q1-2025', 'wdgt-q3-2024', 'wdgt-q4-2024']);
    expect(await served(index)).toEqual(await served(await fromScratch(library)));
  });

  it('rebuilds the graph from the shards once deletions pass a quarter of it, without the model', async () => {
    const { library, indexDir } = await freshDirs();
    const model = counting(embedder);
    const opts = updateOptions(library, indexDir, model);
    await addCalls([1, 2, 3].map((q) => toAdd(`wdgt-q${q}.txt`, callText(q))), opts);
    model.texts = 0;
    const removed = await removeCalls(['wdgt-q1-2024'], opts);
    expect(removed.build!.work).toMatchObject({ removed: 1, graph: 'built', embedded: 0 });
    expect(removed.build!.manifest.graph).toEqual({ labels: removed.build!.manifest.passages, deleted: 0 });
    expect(model.texts).toBe(0);
    expect(await served(await loadIndex(indexDir))).toEqual(await served(await fromScratch(library)));
  });
});

describe('the embedding cache', () => {
  it('spares the model every text it has embedded before: rebuilding from nothing, re-chunking', async () => {
    const { library, indexDir } = await freshDirs();
    await fs.writeFile(path.join(library, 'wdgt-q2-2024.txt'), callText(2));
    const sources = await listTranscripts(library);
    const model = counting(embedder);
    const first = await buildIndex({ sources, indexDir, embedder: model });
    expect(model.texts).toBe(first.work.embedded);
    expect(first.work.embedded).toBeGreaterThan(0);

    // Shards and manifest gone: every text still comes from the cache.
    await fs.rm(path.join(indexDir, 'shards'), { recursive: true });
    await fs.rm(path.join(indexDir, 'manifest.json'));
    model.texts = 0;
    const again = await buildIndex({ sources, indexDir, embedder: model });
    expect(model.texts).toBe(0);
    expect(again.work).toMatchObject({ written: 1, embedded: 0 });

    // Re-chunked into smaller passages: the sentences are the same texts, only new passage texts are embedded.
    const rechunked = await buildIndex({ sources, indexDir, embedder: model, maxTokens: 24 });
    expect(rechunked.passages).toBeGreaterThan(first.passages);
    expect(model.texts).toBe(rechunked.work.embedded);
    expect(rechunked.work.embedded).toBeLessThan(rechunked.passages);
  });

  it('ignores a torn tail or a damaged record, never serves it, and embeds those texts again', async () => {
    const dir = scratchPath('cache');
    const texts = ['Revenue grew twelve percent.', 'Margins expanded.', 'We hired engineers.'];
    const vectors = await model.embed(texts);
    const keys = texts.map((t) => embeddingKey(embedder.checksum, t));
    const cache = await EmbeddingCache.open(dir, embedder.dimensions);
    cache.append(keys.map((key, i) => ({ key, vector: vectors[i]! })));
    expect(cache.keys().map((k) => k.toString('hex')).sort()).toEqual(keys.map((k) => k.toString('hex')).sort());
    cache.close();
    const [keysFile, vectorsFile] = [path.join(dir, 'embeddings-384.keys'), path.join(dir, 'embeddings-384.f32')];
    // A crash mid-append: half a key record after the last one, and the last vector cut short.
    await fs.appendFile(keysFile, Buffer.alloc(17, 7));
    await fs.truncate(vectorsFile, (await fs.stat(vectorsFile)).size - 100);
    // And a flipped bit in the first vector.
    const data = await fs.readFile(vectorsFile);
    data[10] = data[10]! ^ 0x04;
    await fs.writeFile(vectorsFile, data);

    const reopened = await EmbeddingCache.open(dir, embedder.dimensions);
    const found = reopened.lookup(keys);
    expect(found.map((v) => v !== null)).toEqual([false, true, false]);
    expect(Array.from(found[1]!)).toEqual(Array.from(vectors[1]!));
    expect(reopened.stats.damaged).toBe(2);
    // Appending after the torn tail keeps records and vectors aligned.
    reopened.append([{ key: keys[0]!, vector: vectors[0]! }, { key: keys[2]!, vector: vectors[2]! }]);
    reopened.close();
    const third = await EmbeddingCache.open(dir, embedder.dimensions);
    expect(third.lookup(keys).map((v, i) => v && Array.from(v).every((x, j) => x === vectors[i]![j]))).toEqual([true, true, true]);
    third.close();
  });
});

describe('damage and starts', () => {
  async function built(): Promise<{ library: string; indexDir: string; sources: string[]; summary: BuildSummary }> {
    const { library, indexDir } = await freshDirs();
    await fs.writeFile(path.join(library, 'wdgt-q2-2024.txt'), callText(2));
    await fs.writeFile(path.join(library, 'wdgt-q3-2024.txt'), callText(3));
    const sources = await listTranscripts(library);
    return { library, indexDir, sources, summary: await buildIndex({ sources, indexDir, embedder }) };
  }

  it('a start hashes nothing untouched since the build: no shard, no library file of the same size and time, not the graph as published', async () => {
    const { indexDir, sources } = await built();
    const hashed: string[] = [];
    const load = async () => {
      hashed.length = 0;
      await loadIndex(indexDir, { modelChecksum: embedder.checksum, sources, onHash: (f) => hashed.push(path.basename(f)) });
      return [...hashed].sort();
    };
    expect(await load()).toEqual([]);
    // A library file touched (or copied) is hashed, found unchanged, and served without a rebuild.
    const later = new Date(Date.now() + 5_000);
    await fs.utimes(sources[0]!, later, later);
    expect(await load()).toEqual(['wdgt-q2-2024.txt']);
    // So is the graph once anything has touched it since it was published (its change time moves).
    const graph = path.join(indexDir, (await readManifest(indexDir)).build_dir, FILES.graph);
    await fs.utimes(graph, later, later);
    expect(await load()).toEqual(['passages.hnsw', 'wdgt-q2-2024.txt']);
  });

  it('a graph damaged in place (same size) is found at start and the index is unusable', async () => {
    const { indexDir } = await built();
    const graph = path.join(indexDir, (await readManifest(indexDir)).build_dir, FILES.graph);
    const bytes = await fs.readFile(graph);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    await fs.writeFile(graph, bytes);
    await expect(loadIndex(indexDir, { modelChecksum: embedder.checksum })).rejects.toThrow(/fails its checksum/);
  });

  it('a build takes the published graph as it was hashed while it is untouched on disk; rewritten since, even to its size and time, it is re-hashed and built afresh', async () => {
    const { library, indexDir } = await built();
    const graphFile = async () => path.join(indexDir, (await readManifest(indexDir)).build_dir, FILES.graph);
    let hashes = 0;
    const onHash = () => hashes++;
    await fs.writeFile(path.join(library, 'wdgt-q4-2024.txt'), callText(4));
    const sources = await listTranscripts(library);
    // Untouched since it was published: updated without being hashed; a verifying build hashes it (and each shard) all the same.
    expect((await buildIndex({ sources, indexDir, embedder, onHash })).work).toMatchObject({ written: 1, graph: 'updated' });
    expect(hashes).toBe(0);
    expect((await buildIndex({ sources, indexDir, embedder, onHash, verify: true })).work).toMatchObject({ kept: 3, graph: 'updated' });
    expect(hashes).toBe(3 + 1);

    // One bit of the first passage's vector changed: same size, and still a graph hnswlib reads, so only the digest tells.
    // The header is 96 bytes, then the element's 132 bytes of level-0 links; byte 800 of its vector is a low mantissa byte.
    const rewrite = async (file: string) => {
      const data = await fs.readFile(file);
      data[96 + 132 + 800] = data[96 + 132 + 800]! ^ 0x01;
      await fs.writeFile(file, data);
      expect((await readGraph(file, embedder.dimensions)).getCurrentCount()).toBe((await readManifest(indexDir)).graph.labels);
    };
    for (const keepTime of [false, true]) {
      const file = await graphFile();
      const before = await fs.stat(file, { bigint: true });
      await rewrite(file);
      // As a copy that keeps times would (cp -p, rsync -t): the modification time set back to the nanosecond.
      if (keepTime) execFileSync('touch', ['-m', '-d', `@${before.mtimeNs / 1_000_000_000n}.${String(before.mtimeNs % 1_000_000_000n).padStart(9, '0')}`, file]);
      const after = await fs.stat(file, { bigint: true });
      expect(after.size).toBe(before.size);
      expect(after.mtimeNs === before.mtimeNs).toBe(keepTime);
      hashes = 0;
      expect((await buildIndex({ sources, indexDir, embedder, onHash })).work).toMatchObject({ kept: 3, written: 0, graph: 'built' });
      expect(hashes).toBe(1);
    }
    // Built afresh, the graph serves what one built from nothing does.
    expect(await served(await loadIndex(indexDir))).toEqual(await served(await fromScratch(library)));
  });

  it('a shard damaged where a start does not look is found by the next verifying build and rewritten from the cache', async () => {
    const { indexDir, sources, summary } = await built();
    const shard = path.join(indexDir, summary.manifest.sources[1]!.shard.file);
    const data = await fs.readFile(shard);
    // Inside the vectors: sizes, digests as recorded and structure all unchanged.
    data[data.length - 5000] = data[data.length - 5000]! ^ 0x10;
    await fs.writeFile(shard, data);
    await loadIndex(indexDir, { modelChecksum: embedder.checksum, sources });
    const model = counting(embedder);
    const rebuilt = await buildIndex({ sources, indexDir, embedder: model, verify: true });
    expect(rebuilt.work).toMatchObject({ kept: 1, written: 1, embedded: 0 });
    expect(model.texts).toBe(0);
    // The same content as before the damage (same name), whole again: the next verifying build keeps it.
    expect(rebuilt.manifest.sources[1]!.shard).toEqual(summary.manifest.sources[1]!.shard);
    expect(await fs.readFile(shard)).not.toEqual(data);
    expect((await buildIndex({ sources, indexDir, embedder: model, verify: true })).work).toMatchObject({ kept: 2, written: 0 });
  });

  it('a torn shard (a crash, a full disk) is detected at start and rebuilt without the model', async () => {
    const { indexDir, sources, summary } = await built();
    const shard = path.join(indexDir, summary.manifest.sources[0]!.shard.file);
    await fs.truncate(shard, Math.floor((await fs.stat(shard)).size / 2));
    const model = counting(embedder);
    const reasons: string[] = [];
    const index = await ensureIndex({ indexDir, sources, embedder: model, onRebuild: (e) => reasons.push(e.reason) });
    expect(reasons).toEqual(['corrupt']);
    expect(model.texts).toBe(0);
    expect(index.calls.map((c) => c.meta.id)).toEqual(['wdgt-q2-2024', 'wdgt-q3-2024']);
  });
});

describe('facts computed at build, read at start', () => {
  it('each sentence’s terms, figure terms and length are what reading the sentence gives', async () => {
    const index = await loadIndex(TEST_INDEX_DIR);
    const data = new SentenceData(index);
    let row = 0;
    for (const p of index.passages) {
      for (const sentence of p.sentences) {
        const expected = sentenceTerms(sentence.text);
        const info = data.info(row++);
        expect([...info.terms]).toEqual(expected.terms);
        expect([...info.nearFigure]).toEqual(expected.nearFigure);
        expect([info.hasFigure, info.words]).toEqual([expected.hasFigure, expected.words]);
      }
    }
    expect(row).toBe(index.manifest.sentences);
  });

  it('the lowercase words are those the calls write in lowercase (name matching guards them)', async () => {
    const index = await loadIndex(TEST_INDEX_DIR);
    expect(index.lowercaseWords.size).toBeGreaterThan(100);
    expect([...index.lowercaseWords].sort()).toEqual([...writtenInLowercase(index)].sort());
    // "mark" written only as a name is not among them; "revenue" is.
    expect(index.lowercaseWords.has('revenue')).toBe(true);
  });

  it('the vocabulary is the words spelling would count in the passages', async () => {
    const index = await loadIndex(TEST_INDEX_DIR);
    const counted = new Map<string, number>();
    for (const p of index.passages) for (const m of p.text.toLowerCase().matchAll(/\p{L}+(?:['’]\p{L}+)*/gu)) counted.set(m[0], (counted.get(m[0]) ?? 0) + 1);
    expect(new Map([...index.vocabulary].sort())).toEqual(new Map([...counted].sort()));
    // And spelling corrects against it as it did against the texts.
    for (const typo of ['robtics', 'advertsing', 'Trainum', 'satelites']) expect(new Spelling(index.vocabulary).correct(typo)).toBe(new Spelling(index.passages.map((p) => p.text)).correct(typo));
  });
});

describe('sentence vectors', () => {
  it(`are stored as ${DEFAULT_SENTENCE_VECTORS} in the index every eval test reads (the chosen format keeps the eval targets)`, async () => {
    const index = await loadIndex(TEST_INDEX_DIR);
    expect(index.manifest.sentence_vectors).toBe(DEFAULT_SENTENCE_VECTORS);
    expect(index.sentenceVectors.format).toBe(DEFAULT_SENTENCE_VECTORS);
  });
});
