/**
 * Embeddings already computed, by content: key = sha256(model checksum, text), so re-importing a
 * call, re-chunking, or rebuilding the index embeds only texts never seen with these weights.
 *
 * Two append-only files, record i of one belonging to row i of the other:
 *   embeddings-<dim>.keys  40-byte records: sha256 key (32) | crc32 of the vector | crc32 of the 36 bytes before
 *   embeddings-<dim>.f32   the vectors, dim float32 each
 * A vector is written before its key, neither is fsynced: a crash leaves at worst a torn or
 * unwritten tail, which the checksums expose and which is then ignored (a miss), never fatal and
 * never served. The cache belongs to one index directory and is only written under its build lock.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, ftruncateSync, fstatSync, openSync, promises as fs, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

const KEY_BYTES = 32;
const RECORD_BYTES = KEY_BYTES + 8;
/** Past this share of the vectors file, one whole read beats a read per hit. */
const WHOLE_READ_SHARE = 1 / 8;

export const EMBEDDING_CACHE_DIR = 'embeddings';

export function embeddingKey(modelChecksum: string, text: string): Buffer {
  return createHash('sha256').update(modelChecksum).update('\0').update(text).digest();
}

export interface CacheStats {
  hits: number;
  misses: number;
  appended: number;
  /** Records found unreadable (torn or damaged) and ignored. */
  damaged: number;
}

export class EmbeddingCache {
  /** key (32 bytes as latin1) → row. */
  private readonly rows = new Map<string, number>();
  /** Row → crc32 of its vector, as recorded with its key. */
  private readonly crcs: number[] = [];
  /** Record slots used, valid or not: the next record goes here. */
  private count = 0;
  private readonly keysFd: number;
  private readonly vectorsFd: number;
  private tailChecked = false;
  readonly stats: CacheStats = { hits: 0, misses: 0, appended: 0, damaged: 0 };
  private readonly vectorBytes: number;

  private constructor(
    readonly dir: string,
    readonly dimensions: number,
  ) {
    this.vectorBytes = dimensions * 4;
    // Not O_APPEND: Linux ignores the position of a write to a file opened for appending.
    const flags = constants.O_RDWR | constants.O_CREAT;
    this.keysFd = openSync(path.join(dir, `embeddings-${dimensions}.keys`), flags, 0o644);
    this.vectorsFd = openSync(path.join(dir, `embeddings-${dimensions}.f32`), flags, 0o644);
  }

  static async open(dir: string, dimensions: number): Promise<EmbeddingCache> {
    await fs.mkdir(dir, { recursive: true });
    const cache = new EmbeddingCache(dir, dimensions);
    cache.readKeys();
    return cache;
  }

  get size(): number {
    return this.rows.size;
  }

  /** The keys of every intact record, in no particular order (to copy a cache, or part of it). */
  keys(): Buffer[] {
    return [...this.rows.keys()].map((k) => Buffer.from(k, 'latin1'));
  }

  private readKeys(): void {
    const bytes = fstatSync(this.keysFd).size;
    const data = Buffer.alloc(bytes);
    if (bytes > 0) readSync(this.keysFd, data, 0, bytes, 0);
    this.count = Math.floor(bytes / RECORD_BYTES);
    for (let i = 0; i < this.count; i++) {
      const record = data.subarray(i * RECORD_BYTES, (i + 1) * RECORD_BYTES);
      if (crc32(record.subarray(0, RECORD_BYTES - 4)) !== record.readUInt32LE(RECORD_BYTES - 4)) {
        this.stats.damaged++;
        continue;
      }
      this.rows.set(record.subarray(0, KEY_BYTES).toString('latin1'), i);
      this.crcs[i] = record.readUInt32LE(KEY_BYTES);
    }
  }

  /** The vectors of `keys` (null where there is none, or it is damaged). */
  lookup(keys: readonly Buffer[]): (Float32Array | null)[] {
    const out: (Float32Array | null)[] = keys.map(() => null);
    const wanted: { at: number; row: number }[] = [];
    keys.forEach((k, at) => {
      const row = this.rows.get(k.toString('latin1'));
      if (row !== undefined) wanted.push({ at, row });
    });
    if (wanted.length > 0) {
      const fileBytes = fstatSync(this.vectorsFd).size;
      const whole = wanted.length * this.vectorBytes >= fileBytes * WHOLE_READ_SHARE ? Buffer.alloc(fileBytes) : null;
      if (whole) readSync(this.vectorsFd, whole, 0, fileBytes, 0);
      wanted.forEach(({ at, row }) => {
        const vector = new Float32Array(this.dimensions);
        const bytes = new Uint8Array(vector.buffer);
        const start = row * this.vectorBytes;
        let got = 0;
        if (whole) {
          if (start + this.vectorBytes <= fileBytes) {
            bytes.set(whole.subarray(start, start + this.vectorBytes));
            got = this.vectorBytes;
          }
        } else {
          got = readSync(this.vectorsFd, bytes, 0, this.vectorBytes, start);
        }
        if (got === this.vectorBytes && crc32(bytes) === this.crcs[row]) out[at] = vector;
        else this.stats.damaged++;
      });
    }
    for (const v of out) {
      if (v) this.stats.hits++;
      else this.stats.misses++;
    }
    return out;
  }

  /** Adds vectors (the model's output for these keys). Vectors first, then the keys that make them visible. */
  append(entries: readonly { key: Buffer; vector: Float32Array }[]): void {
    if (entries.length === 0) return;
    if (!this.tailChecked) {
      // A torn key record at the end (a crash mid-write) is cut off before appending after it.
      ftruncateSync(this.keysFd, this.count * RECORD_BYTES);
      this.tailChecked = true;
    }
    const vectors = Buffer.alloc(entries.length * this.vectorBytes);
    const records = Buffer.alloc(entries.length * RECORD_BYTES);
    entries.forEach(({ key, vector }, i) => {
      if (vector.length !== this.dimensions || key.length !== KEY_BYTES) throw new Error('embedding cache: wrong vector or key size');
      const bytes = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
      bytes.copy(vectors, i * this.vectorBytes);
      const record = records.subarray(i * RECORD_BYTES, (i + 1) * RECORD_BYTES);
      key.copy(record);
      record.writeUInt32LE(crc32(bytes), KEY_BYTES);
      record.writeUInt32LE(crc32(record.subarray(0, RECORD_BYTES - 4)), RECORD_BYTES - 4);
    });
    // Positional writes: rows stay aligned with records even after a torn vector tail.
    writeAll(this.vectorsFd, vectors, this.count * this.vectorBytes);
    writeAll(this.keysFd, records, this.count * RECORD_BYTES);
    entries.forEach(({ key }, i) => {
      this.rows.set(key.toString('latin1'), this.count + i);
      this.crcs[this.count + i] = records.readUInt32LE(i * RECORD_BYTES + KEY_BYTES);
    });
    this.count += entries.length;
    this.stats.appended += entries.length;
  }

  close(): void {
    closeSync(this.keysFd);
    closeSync(this.vectorsFd);
  }
}

function writeAll(fd: number, data: Buffer, position: number): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done, position + done);
}
