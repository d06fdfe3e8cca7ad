/**
 * The container every shard is written in: one file, read with one read, whose numeric sections
 * become typed-array views of the read buffer (no parsing, no copies).
 *
 *   magic "TSSHARD1" | u32 header length | header JSON (UTF-8) | zero padding to 8 | body
 *
 * The header names each body section's element type, offset and length (every section starts on
 * an 8-byte boundary) and carries the body's sha256: the manifest records the same digest, so a
 * start compares sizes and digests as written (cheap) and a full verification re-hashes the body
 * (on demand, or when a build reuses the shard).
 */
import { z } from 'zod';
import { sha256 } from './checksum.js';

const MAGIC = Buffer.from('TSSHARD1', 'latin1');
const ALIGN = 8;

const ELEMENT = { u8: Uint8Array, i8: Int8Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array, f32: Float32Array } as const;
export type ElementType = keyof typeof ELEMENT;
export type SectionArray = Uint8Array | Int8Array | Uint16Array | Int32Array | Uint32Array | Float32Array;

const SectionEntry = z.strictObject({
  type: z.enum(Object.keys(ELEMENT) as [ElementType, ...ElementType[]]),
  offset: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
});

export const ShardHeader = z.strictObject({
  /** SHARD_FORMAT of the writer (see call-shard.ts). */
  format: z.number().int(),
  /** What the shard was computed from (see shardKey): the same key means interchangeable content. */
  key: z.string().regex(/^[0-9a-f]{64}$/),
  callId: z.string().min(1),
  /** sha256 of the body (everything after the header and its padding). */
  bodySha256: z.string().regex(/^[0-9a-f]{64}$/),
  bodyBytes: z.number().int().nonnegative(),
  /** Counts the sections are checked against. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** sha256 of sections a reader checks by digest (see sectionIntact) rather than by re-validating what they hold. */
  digests: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  sections: z.record(z.string(), SectionEntry),
});
export type ShardHeader = z.infer<typeof ShardHeader>;

/** Why a shard file cannot be used. */
export class ShardFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardFormatError';
  }
}

const typeOf = (a: SectionArray): ElementType => {
  for (const [name, ctor] of Object.entries(ELEMENT)) if (a instanceof ctor) return name as ElementType;
  throw new Error('unsupported section array');
};
const pad = (n: number) => (ALIGN - (n % ALIGN)) % ALIGN;

/** The bytes of a shard: header (with the body's digest, and those of the `digested` sections) and its sections, each aligned. */
export function encodeShard(meta: Pick<ShardHeader, 'format' | 'key' | 'callId' | 'counts'>, sections: Record<string, SectionArray>, digested: readonly string[] = []): Buffer {
  const entries: ShardHeader['sections'] = {};
  const digests: ShardHeader['digests'] = {};
  const parts: Buffer[] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(sections)) {
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    entries[name] = { type: typeOf(array), offset, length: array.length };
    if (digested.includes(name)) digests[name] = sha256(bytes);
    parts.push(bytes, Buffer.alloc(pad(bytes.length)));
    offset += bytes.length + pad(bytes.length);
  }
  const body = Buffer.concat(parts, offset);
  const header: ShardHeader = { ...meta, bodySha256: sha256(body), bodyBytes: body.length, digests, sections: entries };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(MAGIC.length + 4);
  MAGIC.copy(head);
  head.writeUInt32LE(json.length, MAGIC.length);
  return Buffer.concat([head, json, Buffer.alloc(pad(head.length + json.length)), body]);
}

/** A shard as read: its header and its sections as views of the one read buffer. */
export interface DecodedShard {
  header: ShardHeader;
  /** The body, for a full verification (sha256 against header.bodySha256). */
  body: Uint8Array;
  section<T extends ElementType>(name: string, type: T): InstanceType<(typeof ELEMENT)[T]>;
}

/** The header's JSON bytes, with where they start; throws when the container is not a shard. */
function headerBytes(data: Buffer): { start: number; length: number } {
  if (data.length < MAGIC.length + 4 || !data.subarray(0, MAGIC.length).equals(MAGIC)) throw new ShardFormatError('not a shard file');
  const length = data.readUInt32LE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (start + length > data.length) throw new ShardFormatError('the shard header is cut short');
  return { start, length };
}

/** sha256 of a shard's header (the manifest records it: see decodeShard). */
export function shardHeaderSha256(data: Buffer): string {
  const { start, length } = headerBytes(data);
  return sha256(data.subarray(start, start + length));
}

/**
 * Reads a shard's container (not its body's digest: see verifyShardBody). Throws ShardFormatError.
 * The header is validated, unless it hashes to `trustedHeaderSha256` (the digest the manifest
 * recorded when the shard was written): then it is what the writer wrote, and validating it again
 * for every call of a large library costs more at start than the digest.
 */
export function decodeShard(data: Buffer, trustedHeaderSha256?: string): DecodedShard {
  const { start: jsonStart, length: jsonBytes } = headerBytes(data);
  const json = data.subarray(jsonStart, jsonStart + jsonBytes);
  let header: ShardHeader;
  try {
    const parsed: unknown = JSON.parse(json.toString('utf8'));
    header = trustedHeaderSha256 !== undefined && sha256(json) === trustedHeaderSha256 ? (parsed as ShardHeader) : ShardHeader.parse(parsed);
  } catch {
    throw new ShardFormatError('the shard header is malformed');
  }
  const bodyStart = jsonStart + jsonBytes + pad(jsonStart + jsonBytes);
  if (data.length - bodyStart !== header.bodyBytes) throw new ShardFormatError(`the shard body is ${data.length - bodyStart} bytes, not ${header.bodyBytes}`);
  // Typed views need their element alignment in the underlying ArrayBuffer.
  const aligned = (data.byteOffset + bodyStart) % ALIGN === 0 ? data : Buffer.from(data);
  const body = aligned.subarray(bodyStart);
  return {
    header,
    body,
    section(name, type) {
      const entry = header.sections[name];
      if (!entry || entry.type !== type) throw new ShardFormatError(`the shard has no ${type} section "${name}"`);
      const ctor = ELEMENT[type];
      const bytes = entry.length * ctor.BYTES_PER_ELEMENT;
      if (entry.offset % ALIGN !== 0 || entry.offset + bytes > body.length) throw new ShardFormatError(`section "${name}" lies outside the shard`);
      return new ctor(body.buffer as ArrayBuffer, body.byteOffset + entry.offset, entry.length) as InstanceType<(typeof ELEMENT)[typeof type]>;
    },
  };
}

/**
 * Does a section hash to the digest the header records for it? A section that does is exactly what
 * the writer wrote: a reader may trust its structure without validating it again (which, for every
 * call of a large library, costs more at start than the digest).
 */
export function sectionIntact(shard: DecodedShard, name: string, bytes: Uint8Array): boolean {
  const digest = shard.header.digests[name];
  return digest !== undefined && sha256(bytes) === digest;
}

/** Does the body hash to the digest its header (and the manifest) records? */
export function verifyShardBody(shard: DecodedShard): boolean {
  return sha256(shard.body) === shard.header.bodySha256;
}
