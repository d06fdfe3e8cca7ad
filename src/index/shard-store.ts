/**
 * Shards on disk: `shards/<call id>.<first 16 hex of the file's sha256>.shard`, written atomically
 * and never rewritten (a file's name changes with its content), so a manifest in force never sees
 * its shards change under it. Reading checks the size and the digest the manifest records against
 * the shard's own header — cheap — and re-hashes the body only when asked to verify. A header that
 * hashes to the digest the manifest recorded for it is not validated again (see decodeShard).
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { sha256 } from './checksum.js';
import { decodeCallShard, type CallShard } from './call-shard.js';
import { SHARDS_DIR } from './layout.js';
import type { ManifestShard } from './manifest.js';
import { decodeShard, shardHeaderSha256, ShardFormatError, verifyShardBody } from './shard-format.js';

export function shardFileName(callId: string, fileSha256: string): string {
  return `${SHARDS_DIR}/${callId}.${fileSha256.slice(0, 16)}.shard`;
}

/** Writes encoded shard bytes unless the very same bytes are already there; returns its manifest entry fields. */
export async function writeShard(indexDir: string, callId: string, bytes: Buffer): Promise<Pick<ManifestShard, 'file' | 'sha256' | 'header_sha256' | 'bytes'>> {
  const { header } = decodeShard(bytes);
  const file = shardFileName(callId, sha256(bytes));
  const full = path.join(indexDir, file);
  await fs.mkdir(path.dirname(full), { recursive: true });
  const existing = await fs.readFile(full).catch(() => null);
  // Same name: the same content, unless damaged since — then it is replaced.
  if (!existing?.equals(bytes)) await writeFileAtomic(full, bytes);
  return { file, sha256: header.bodySha256, header_sha256: shardHeaderSha256(bytes), bytes: bytes.length };
}

export interface ReadShardOptions {
  callId: string;
  dimensions: number;
  /** Re-hash the body against its digest (a full verification). */
  verify?: boolean;
  /** Counts every full verification (tests check that a start does none). */
  onHash?: () => void;
}

/** The shard a manifest entry names, checked against it. Throws ShardFormatError. */
export async function readShard(indexDir: string, entry: ManifestShard, opts: ReadShardOptions): Promise<CallShard> {
  let data: Buffer;
  try {
    // One synchronous read: a shard is a few hundred KB, and fs.promises.readFile's chunked reads cost several times more.
    data = readFileSync(path.join(indexDir, entry.file));
  } catch {
    throw new ShardFormatError(`${entry.file} is missing`);
  }
  if (data.length !== entry.bytes) throw new ShardFormatError(`${entry.file} is ${data.length} bytes, not ${entry.bytes}`);
  const shard = decodeCallShard(data, { key: entry.key, callId: opts.callId, dimensions: opts.dimensions, headerSha256: opts.verify ? undefined : entry.header_sha256 });
  if (shard.decoded.header.bodySha256 !== entry.sha256) throw new ShardFormatError(`${entry.file} is not the shard the manifest names`);
  if (shard.passages.length !== entry.passages || shard.sentences !== entry.sentences) throw new ShardFormatError(`${entry.file} disagrees with the manifest on its counts`);
  if (opts.verify) {
    opts.onHash?.();
    if (!verifyShardBody(shard.decoded)) throw new ShardFormatError(`${entry.file} fails its checksum`);
  }
  return shard;
}

/** Shard files (and temp files) no manifest entry in `keep` names. */
export async function removeShardsExcept(indexDir: string, keep: ReadonlySet<string>): Promise<void> {
  const dir = path.join(indexDir, SHARDS_DIR);
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of entries) {
    if (!keep.has(`${SHARDS_DIR}/${name}`)) await fs.rm(path.join(dir, name), { force: true });
  }
}
