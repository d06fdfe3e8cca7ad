/**
 * Reads the library for a build: every file is checksummed over its raw bytes (the same bytes
 * load will hash), read (stored calls as stored, raw transcripts parsed), checked against the
 * limits and cut into passages. A file that fails any step is skipped and reported with why;
 * every other call is built. Only a library where nothing can be read is an error.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CallRejectedError, checkCall } from '../library/check-call.js';
import { describeReadError, readLibraryFile } from '../library/library-files.js';
import { isStoredCallFileName } from '../library/stored-call.js';
import { chunkCall, LEGACY_ID_CHUNKING, type ChunkOptions, type CountTokens } from '../passages/chunk.js';
import type { Passage } from '../passages/types.js';
import { describeLimit, type TranscriptLimits } from '../transcript/limits.js';
import { sha256, sha256File } from './checksum.js';
import { storedCall, type StoredCall } from './stored-call.js';

/** A stored call is JSON around the text (escapes, offsets): its file may be this many times the raw limit. */
export const STORED_CALL_SIZE_FACTOR = 4;

export interface LibraryFileRecord {
  path: string;
  sha256: string;
  bytes: number;
}

export interface AcceptedCall {
  call: StoredCall;
  passages: Passage[];
  /** Starts of the call's passages under the chunking that issued the old `<call id>:<n>` ids. */
  legacyStarts: number[];
  file: LibraryFileRecord;
}

export interface RejectedFile extends LibraryFileRecord {
  error: string;
}

/** Every file of the library was rejected: nothing to serve. */
export class EmptyLibraryError extends Error {
  constructor(readonly rejected: RejectedFile[]) {
    super(
      `no transcript in the library could be indexed (${rejected.length} rejected): ` +
        rejected.map((r) => `${r.path}: ${r.error}`).join('; '),
    );
    this.name = 'EmptyLibraryError';
  }
}

export interface ReadLibraryOptions {
  files: string[];
  countTokens: CountTokens;
  limits: TranscriptLimits;
  chunking: Required<Pick<ChunkOptions, 'maxTokens' | 'minTokens'>>;
  onFile?: (done: number, total: number) => void;
}

function sameAsLegacy(chunking: ReadLibraryOptions['chunking']): boolean {
  return chunking.maxTokens === LEGACY_ID_CHUNKING.maxTokens && chunking.minTokens === LEGACY_ID_CHUNKING.minTokens;
}

/** One library file as the index reads it: stat, checksum, and (when within the size limit) its bytes. */
export async function readLibraryFileRecord(file: string, limits: TranscriptLimits): Promise<{ record: LibraryFileRecord; mtimeMs: number; bytes: Buffer | null; tooLarge: string | null }> {
  const name = path.basename(file);
  const stat = await fs.stat(file);
  const limit = limits.maxFileBytes * (isStoredCallFileName(name) ? STORED_CALL_SIZE_FACTOR : 1);
  if (stat.size > limit) {
    // Not read into memory: hashed as a stream so load can tell it is unchanged.
    const error = `the file is ${stat.size.toLocaleString('en-US')} bytes; ${describeLimit('maxFileBytes', limits)}${limit !== limits.maxFileBytes ? ` (×${STORED_CALL_SIZE_FACTOR} for a stored call)` : ''}`;
    return { record: { path: name, sha256: await sha256File(file), bytes: stat.size }, mtimeMs: stat.mtimeMs, bytes: null, tooLarge: error };
  }
  const bytes = await fs.readFile(file);
  return { record: { path: name, sha256: sha256(bytes), bytes: bytes.length }, mtimeMs: stat.mtimeMs, bytes, tooLarge: null };
}

export interface ReadCallOptions {
  countTokens: CountTokens;
  limits: TranscriptLimits;
  chunking: Required<Pick<ChunkOptions, 'maxTokens' | 'minTokens'>>;
}

/**
 * A library file's call, checked and chunked (with its legacy id starts). Throws on a bad file.
 * `claim` sees the call id once parsed, before the checks (it throws when the id is taken).
 */
export async function readLibraryCall(name: string, bytes: Uint8Array, opts: ReadCallOptions, claim: (callId: string) => void = () => {}): Promise<Omit<AcceptedCall, 'file'>> {
  const { call } = await readLibraryFile(name, bytes);
  claim(call.meta.id);
  const passages = checkCall(call, opts.countTokens, opts.limits, opts.chunking);
  const legacyStarts = sameAsLegacy(opts.chunking) ? passages.map((p) => p.start) : chunkCall(call, opts.countTokens, LEGACY_ID_CHUNKING).map((p) => p.start);
  return { call: storedCall(call, name), passages, legacyStarts };
}

export async function readLibrary(opts: ReadLibraryOptions): Promise<{ accepted: AcceptedCall[]; rejected: RejectedFile[] }> {
  const accepted: AcceptedCall[] = [];
  const rejected: RejectedFile[] = [];
  const byId = new Map<string, string>();
  for (const [i, file] of opts.files.entries()) {
    const name = path.basename(file);
    const read = await readLibraryFileRecord(file, opts.limits);
    if (!read.bytes) {
      rejected.push({ ...read.record, error: read.tooLarge! });
      opts.onFile?.(i + 1, opts.files.length);
      continue;
    }
    try {
      const entry = await readLibraryCall(name, read.bytes, opts, (id) => {
        const holder = byId.get(id.toLowerCase());
        if (holder) throw new CallRejectedError(`call id ${id} is already taken by ${holder}`);
      });
      byId.set(entry.call.meta.id.toLowerCase(), name);
      accepted.push({ ...entry, file: read.record });
    } catch (err) {
      rejected.push({ ...read.record, error: describeReadError(name, err) });
    }
    opts.onFile?.(i + 1, opts.files.length);
  }
  if (accepted.length === 0) throw new EmptyLibraryError(rejected);
  return { accepted, rejected };
}
