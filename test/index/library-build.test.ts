/**
 * The index over a library (real model, small calls): a bad file is skipped and reported, never
 * fatal; checksums are taken over the same bytes at build and at load (a Latin-1 file no longer
 * rebuilds on every start); a parser or stored-format change, a corrupt store that passes its
 * checksums, or new limits rebuild; stored calls index like the raw file they came from.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { HealthResponse, SearchResponse } from '../../src/api/schemas.js';
import { buildIndex } from '../../src/index/build.js';
import { sha256 } from '../../src/index/checksum.js';
import { ensureIndex } from '../../src/index/ensure.js';
import { listTranscripts, MANIFEST_FILE } from '../../src/index/layout.js';
import { decodeShard, encodeShard, shardHeaderSha256, type SectionArray } from '../../src/index/shard-format.js';
import { EmptyLibraryError } from '../../src/index/library-reader.js';
import { IndexUnusableError, loadIndex } from '../../src/index/load.js';
import { PARSER_VERSION, parseTranscriptBytes } from '../../src/transcript/read-source.js';
import { serializeStoredCall, STORED_CALL_FORMAT, toStoredCall } from '../../src/library/stored-call.js';
import { createApp } from '../../src/server/app.js';
import { readConfig } from '../../src/server/config.js';
import { openSearchService } from '../../src/service/open-service.js';
import { DEFAULT_LIMITS } from '../../src/transcript/limits.js';
import { embedder, scratchPath, useRealEmbedder } from '../helpers/real-embedder.js';
import { ACCENTED_CALL, encodeCp1252, SMALL_CALL, smallCallFor } from '../library/fixtures.js';


useRealEmbedder('library-build-test-');

/** A fresh library folder holding these files (name → content) and an index folder beside it. */
async function library(files: Record<string, string | Uint8Array>): Promise<{ lib: string; dir: string; sources: () => Promise<string[]> }> {
  const root = scratchPath('lib');
  const lib = path.join(root, 'library');
  await fs.mkdir(lib, { recursive: true });
  for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(lib, name), content);
  return { lib, dir: path.join(root, 'index'), sources: () => listTranscripts(lib) };
}

const editJson = async (file: string, edit: (json: any) => void): Promise<void> => {
  const json = JSON.parse(await fs.readFile(file, 'utf8'));
  edit(json);
  await fs.writeFile(file, JSON.stringify(json));
};

async function reasonOf(dir: string, sources: string[], limits = DEFAULT_LIMITS): Promise<IndexUnusableError['reason'] | null> {
  return loadIndex(dir, { modelChecksum: embedder.checksum, sources, limits }).then(
    () => null,
    (e: unknown) => {
      expect(e).toBeInstanceOf(IndexUnusableError);
      return (e as IndexUnusableError).reason;
    },
  );
}

async function expectRebuiltOnce(dir: string, sources: string[], reason: IndexUnusableError['reason'], limits = DEFAULT_LIMITS): Promise<void> {
  const reasons: string[] = [];
  await ensureIndex({ indexDir: dir, sources, embedder, limits, onRebuild: (e) => reasons.push(e.reason) });
  expect(reasons).toEqual([reason]);
  await ensureIndex({ indexDir: dir, sources, embedder, limits, onRebuild: () => expect.fail('rebuilt a current index') });
}

describe('a library with bad files', () => {
  it('skips and records them, serves every other call, and does not rebuild for them at the next start', async () => {
    const { dir, sources } = await library({
      'wdgt-q2-2024.txt': SMALL_CALL,
      'minutes.txt': 'Minutes of the board meeting\n',
      'broken.call.json': '{"format": 1, "meta": ',
      'empty.vtt': '',
    });
    const summary = await buildIndex({ sources: await sources(), indexDir: dir, embedder });
    expect(summary.manifest.sources.map((s) => s.call_id)).toEqual(['wdgt-q2-2024']);
    expect(summary.rejected.map((r) => [r.path, r.error])).toEqual([
      ['broken.call.json', expect.stringMatching(/not UTF-8 JSON/)],
      ['empty.vtt', expect.stringMatching(/empty/)],
      ['minutes.txt', expect.stringMatching(/^line 1: not in any supported layout \(closest: standard, expected a title line/)],
    ]);
    const manifest = JSON.parse(await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8'));
    expect(manifest.rejected.map((r: { path: string }) => r.path)).toEqual(['broken.call.json', 'empty.vtt', 'minutes.txt']);
    // Unchanged library: served as built, bad files and all.
    expect(await reasonOf(dir, await sources())).toBeNull();
    // A bad file fixed (or replaced) is news: rebuilt, and then indexed.
    await fs.writeFile(path.join(path.dirname(dir), 'library', 'minutes.txt'), smallCallFor(3));
    expect(await reasonOf(dir, await sources())).toBe('stale');
    const index = await ensureIndex({ indexDir: dir, sources: await sources(), embedder });
    expect(index.calls.map((c) => c.meta.id)).toEqual(['wdgt-q3-2024', 'wdgt-q2-2024']);
  });

  it('the server starts, answers, and lists the skipped files in /api/health', async () => {
    const { lib, dir } = await library({ 'wdgt-q2-2024.txt': SMALL_CALL, 'zz-garbage.txt': Buffer.from([0, 1, 2, 3, 255]) });
    const service = await openSearchService({ indexDir: dir, sources: await listTranscripts(lib) });
    try {
      const app = createApp({ engine: () => service.engine, config: readConfig({}), logger: pino({ level: 'silent' }), modelId: service.embedder.modelId });
      const health = HealthResponse.parse((await request(app).get('/api/health').expect(200)).body);
      expect(health.calls).toEqual(['wdgt-q2-2024']);
      expect(health.rejected).toEqual([{ file: 'zz-garbage.txt', error: expect.stringMatching(/binary/) }]);
      const found = SearchResponse.parse((await request(app).get('/api/search').query({ q: 'factory capacity', k: '1' }).expect(200)).body);
      expect(found.results[0]?.call_id).toBe('wdgt-q2-2024');
    } finally {
      await service.close();
    }
  });

  it('two files holding one call: the first is indexed, the second rejected with the reason', async () => {
    const { dir, sources } = await library({ 'a.txt': SMALL_CALL, 'b.txt': SMALL_CALL.replace('12%', '13%') });
    const summary = await buildIndex({ sources: await sources(), indexDir: dir, embedder });
    expect(summary.manifest.sources.map((s) => s.path)).toEqual(['a.txt']);
    expect(summary.rejected).toEqual([expect.objectContaining({ path: 'b.txt', error: 'call id wdgt-q2-2024 is already taken by a.txt' })]);
  });

  it('a library where nothing can be read is a clear error naming every file, not a crash', async () => {
    const { dir, sources } = await library({ 'a.txt': 'hello\n', 'b.call.json': '[]' });
    const err = await ensureIndex({ indexDir: dir, sources: await sources(), embedder }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmptyLibraryError);
    expect((err as Error).message).toMatch(/^no transcript in the library could be indexed \(2 rejected\): a\.txt: line 1: .*; b\.call\.json: stored call format null/);
    await expect(fs.stat(path.join(dir, MANIFEST_FILE))).rejects.toThrow();
  });
});

describe('checksums over the same bytes at build and at load (issue 13)', () => {
  it('a Windows-1252 file is indexed once and served at every later start, not rebuilt', async () => {
    const { dir, sources } = await library({ 'gadget-q3-2024.txt': encodeCp1252(ACCENTED_CALL) });
    const built = await buildIndex({ sources: await sources(), indexDir: dir, embedder });
    const raw = await fs.readFile((await sources())[0]!);
    expect(built.manifest.sources[0]!.sha256).toBe(sha256(raw));
    expect(await reasonOf(dir, await sources())).toBeNull();
    await ensureIndex({ indexDir: dir, sources: await sources(), embedder, onRebuild: (e) => expect.fail(`rebuilt: ${e.message}`) });
    const index = await loadIndex(dir);
    expect(index.calls[0]!.participants.map((p) => p.name)).toContain('Davé Fïldes');
    expect(index.passages.map((p) => p.text).join(' ')).toContain('Our “smart gadget” line');
  });
});

describe('versions and corrupt stores rebuild', () => {
  async function built(): Promise<{ dir: string; sources: string[]; buildDir: string }> {
    const lib = await library({ 'wdgt-q2-2024.txt': SMALL_CALL });
    const summary = await buildIndex({ sources: await lib.sources(), indexDir: lib.dir, embedder });
    return { dir: lib.dir, sources: await lib.sources(), buildDir: path.join(lib.dir, summary.manifest.build_dir) };
  }

  it.each([
    ['the parser', 'parser', PARSER_VERSION],
    ['the stored call format', 'stored_call', STORED_CALL_FORMAT],
  ])('built by another version of %s → format → rebuilt', async (_what, field, now) => {
    const { dir, sources } = await built();
    await editJson(path.join(dir, MANIFEST_FILE), (m) => (m[field] = now - 1));
    expect(await reasonOf(dir, sources)).toBe('format');
    await expectRebuiltOnce(dir, sources, 'format');
  });

  /**
   * Rewrite a shard's sections and fix its digests (header and manifest), as a buggy writer would:
   * only validation can tell. `keepCallDigest`: leave the call record's own digest as it was, as
   * damage on disk would (the body's digest, not re-hashed at start, is fixed).
   */
  async function corruptShard(dir: string, edit: (sections: Record<string, SectionArray>, call: any) => void, keepCallDigest = false): Promise<void> {
    const manifestFile = path.join(dir, MANIFEST_FILE);
    const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8'));
    const entry = manifest.sources[0].shard;
    const decoded = decodeShard(await fs.readFile(path.join(dir, entry.file)));
    const sections: Record<string, SectionArray> = {};
    for (const [name, { type }] of Object.entries(decoded.header.sections)) sections[name] = decoded.section(name, type).slice();
    const call = JSON.parse(Buffer.from(sections.call!).toString('utf8'));
    edit(sections, call);
    sections.call = new Uint8Array(Buffer.from(JSON.stringify(call), 'utf8'));
    const { format, key, callId, counts } = decoded.header;
    let bytes = encodeShard({ format, key, callId, counts }, sections, Object.keys(decoded.header.digests));
    if (keepCallDigest) {
      const header = decodeShard(bytes).header;
      const headerJson = JSON.stringify(header);
      const kept = headerJson.replace(header.digests.call!, decoded.header.digests.call!);
      expect(kept.length).toBe(headerJson.length);
      bytes = Buffer.concat([bytes.subarray(0, 12), Buffer.from(kept, 'utf8'), bytes.subarray(12 + headerJson.length)]);
    }
    await fs.writeFile(path.join(dir, entry.file), bytes);
    entry.sha256 = decodeShard(bytes).header.bodySha256;
    entry.bytes = bytes.length;
    await fs.writeFile(manifestFile, JSON.stringify(manifest));
  }

  it.each<[string, (sections: Record<string, SectionArray>, call: any) => void]>([
    ['a passage that ends past its call text', (s) => ((s.passages as Int32Array)[1] = 10_000_000)],
    ['passages out of order', (s) => ((s.passages as Int32Array)[0] = (s.passages as Int32Array)[6]! + 1)],
    ['a sentence outside its passage', (s) => ((s.sentences as Int32Array)[0] = 0)],
    ['a turn by nobody', (_s, call) => (call.turns[0].speakerId = 'ghost')],
    ['a call record that is not an object', (_s, call) => Object.assign(call, { meta: 'call' })],
    ['another call than the manifest names', (_s, call) => (call.meta.id = 'ghost-q1-2020')],
    ['a term outside the dictionary', (s) => ((s.forwardTerms as Uint32Array)[0] = 1_000_000)],
    ['a legacy id start past the text', (s) => ((s.legacy as Int32Array)[0] = 10_000_000)],
  ])('a shard with %s (digests fine) → corrupt → rebuilt', async (_name, edit) => {
    const { dir, sources } = await built();
    await corruptShard(dir, edit);
    expect(await reasonOf(dir, sources)).toBe('corrupt');
    await expectRebuiltOnce(dir, sources, 'corrupt');
  });

  it('shard headers are trusted by the digests the manifest records; a manifest without them (an older build) loads all the same', async () => {
    const { dir, sources } = await built();
    const manifest = JSON.parse(await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8'));
    const entry = manifest.sources[0].shard;
    const bytes = await fs.readFile(path.join(dir, entry.file));
    expect(entry.header_sha256).toBe(shardHeaderSha256(bytes));
    await editJson(path.join(dir, MANIFEST_FILE), (m) => delete m.sources[0].shard.header_sha256);
    expect(await reasonOf(dir, sources)).toBeNull();
  });

  it('a call record changed on disk under its digest (no schema check at start) → corrupt → rebuilt', async () => {
    const { dir, sources } = await built();
    await corruptShard(dir, (_s, call) => (call.participants[0].name = 'Someone Else'), true);
    expect(await reasonOf(dir, sources)).toBe('corrupt');
    await expectRebuiltOnce(dir, sources, 'corrupt');
  });

  it('other transcript limits → stale → rebuilt under them', async () => {
    const { dir, sources } = await built();
    const stricter = { ...DEFAULT_LIMITS, maxTurns: 100 };
    expect(await reasonOf(dir, sources, stricter)).toBe('stale');
    await expectRebuiltOnce(dir, sources, 'stale', stricter);
    expect((await loadIndex(dir)).manifest.limits.max_turns).toBe(100);
  });
});

describe('stored calls in the library', () => {
  it('index exactly like the raw transcript they were imported from, roles and exchanges derived at build', async () => {
    const parsed = parseTranscriptBytes(Buffer.from(SMALL_CALL), { fileName: 'wdgt.txt' });
    const raw = await library({ 'wdgt-q2-2024.txt': SMALL_CALL });
    const stored = await library({ 'wdgt-q2-2024.call.json': serializeStoredCall(toStoredCall(parsed, null, PARSER_VERSION)) });
    await buildIndex({ sources: await raw.sources(), indexDir: raw.dir, embedder });
    await buildIndex({ sources: await stored.sources(), indexDir: stored.dir, embedder });
    const [a, b] = await Promise.all([loadIndex(raw.dir), loadIndex(stored.dir)]);
    const shape = (i: typeof a) => i.passages.map((p) => [p.id, p.text, p.speaker.id, p.section, p.role, p.exchange]);
    expect(shape(b)).toEqual(shape(a));
    expect(b.calls[0]!.exchanges).toEqual(a.calls[0]!.exchanges);
    expect(b.calls[0]!.exchanges.length).toBe(1);
    expect(b.calls[0]!.sourcePath).toBe('wdgt-q2-2024.call.json');
  });
});
