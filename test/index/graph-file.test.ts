/**
 * The dense graph's file: its digest is taken while hnswlib writes it (no second read of a file of
 * hundreds of MB), and must be the digest of the file as it lies on disk — what load and a
 * verifying build compare. A real HNSW graph over seeded vectors (no model needed for a file test).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../src/index/checksum.js';
import { createGraph, readGraph, writeGraph } from '../../src/index/dense-graph.js';
import { prng } from '../helpers/seeded.js';

const DIM = 384;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'graph-file-'));
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

function vectors(rows: number, seed: number): Float32Array {
  const rnd = prng(seed);
  return Float32Array.from({ length: rows * DIM }, () => rnd() - 0.5);
}

describe('writing the dense graph', () => {
  it('returns the sha256 and size of the file as written (several MB: written and hashed in many steps)', async () => {
    const graph = await createGraph([{ vectors: vectors(3_000, 1), labelStart: 0 }], DIM);
    const file = path.join(dir, 'graph.hnsw');
    const written = await writeGraph(graph, file);
    expect(written.bytes).toBe((await fs.stat(file)).size);
    expect(written.bytes).toBeGreaterThan(4 << 20);
    expect(written.sha256).toBe(await sha256File(file));
    expect((await readGraph(file, DIM)).getCurrentCount()).toBe(3_000);
  });

  it('fails, rather than hashing nothing, when the file cannot be written', async () => {
    const graph = await createGraph([{ vectors: vectors(10, 2), labelStart: 0 }], DIM);
    await expect(writeGraph(graph, path.join(dir, 'no-such-folder', 'graph.hnsw'))).rejects.toThrow(/ENOENT/);
  });
});
