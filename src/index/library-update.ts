/**
 * Changing the library: adding parsed calls (each checked and chunked completely first, then
 * written as one stored file, atomically) or removing calls, then updating the index: only the
 * added calls are embedded (the embedding cache first) and get a shard, removed calls' passages
 * leave the dense graph, every other call keeps its shard (see build.ts). Both run under the index
 * directory's build lock, so two imports (or an import and a server's startup build) never
 * interleave their duplicate checks, writes and builds.
 */
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { checkCall } from '../library/check-call.js';
import { failureFrom, type ImportFailure } from '../library/failures.js';
import { listLibraryFiles, LibraryError, readLibraryFile } from '../library/library-files.js';
import { PARSER_VERSION, type ParsedCall } from '../transcript/read-source.js';
import { isStoredCallFileName, serializeStoredCall, STORED_CALL_SUFFIX, storedCallFileName, toStoredCall } from '../library/stored-call.js';
import type { CountTokens } from '../passages/chunk.js';
import type { TranscriptLimits } from '../transcript/limits.js';
import { writeFileAtomic } from './atomic-write.js';
import { buildIndexLocked, type BuildProgress, type BuildSummary } from './build.js';
import { withBuildLock } from './build-lock.js';
import { sha256 } from './checksum.js';
import type { TextEmbedder } from './embedder-port.js';
import { readManifest } from './manifest-file.js';

/** A parsed call to add, with what is known of the file it came from. */
export interface CallToAdd {
  parsed: ParsedCall;
  /** The original file (to label failures and record its checksum); null when unknown. */
  file: string | null;
  original: { sha256: string; bytes: number } | null;
}

export interface LibraryUpdateOptions {
  library: string;
  indexDir: string;
  limits: TranscriptLimits;
  countTokens: CountTokens;
  /** Loaded only when a rebuild is due. */
  embedder: () => Promise<TextEmbedder>;
  onProgress?: (p: BuildProgress) => void;
  /** The embedding cache's folder (default: the index directory's own, see BuildOptions). */
  cacheDir?: string;
}

export interface AddResult {
  added: { callId: string; from: string; stored: string }[];
  failures: ImportFailure[];
  /** The rebuild over the library; null when nothing was added. */
  build: BuildSummary | null;
}

export interface RemoveResult {
  removed: { callId: string; file: string }[];
  failures: { callId: string; message: string }[];
  build: BuildSummary | null;
}

export function sha256Of(bytes: Uint8Array): { sha256: string; bytes: number } {
  return { sha256: sha256(bytes), bytes: bytes.length };
}

/**
 * Every library file with the call it holds (null when it cannot be read: the build reports those).
 * Known without reading the library: a file the published index holds unchanged (same size and
 * time) by its manifest entry, a stored call by its name (`<call id>.call.json`); only other raw
 * transcripts are parsed.
 */
async function scanLibrary(library: string, indexDir: string): Promise<{ file: string; callId: string | null }[]> {
  let files: string[];
  try {
    files = await listLibraryFiles(library);
  } catch (err) {
    if (err instanceof LibraryError) return [];
    throw err;
  }
  const manifest = await readManifest(indexDir).catch(() => null);
  const indexed = new Map((manifest?.sources ?? []).map((s) => [s.path, s]));
  const out: { file: string; callId: string | null }[] = [];
  for (const file of files) {
    const name = path.basename(file);
    const known = indexed.get(name);
    if (known) {
      // Synchronous: one stat per library file, and a trip through the thread pool costs several times the stat.
      const stat = statSync(file);
      if (stat.size === known.bytes && stat.mtimeMs === known.mtime_ms) {
        out.push({ file, callId: known.call_id });
        continue;
      }
    }
    if (isStoredCallFileName(name)) {
      out.push({ file, callId: name.slice(0, -STORED_CALL_SUFFIX.length) });
      continue;
    }
    try {
      out.push({ file, callId: (await readLibraryFile(name, await fs.readFile(file))).call.meta.id });
    } catch {
      out.push({ file, callId: null });
    }
  }
  return out;
}

function labelOf(c: CallToAdd): string {
  return c.file ?? c.parsed.source;
}

/**
 * One id, one call per batch: the same text given twice (a file named twice, or inside a folder
 * also named) is one call; different texts under one id are all refused — which one is right
 * cannot be told.
 */
export function refuseBatchDuplicates(calls: CallToAdd[]): { unique: CallToAdd[]; failures: ImportFailure[] } {
  const byId = new Map<string, CallToAdd[]>();
  for (const c of calls) {
    const key = c.parsed.call.meta.id.toLowerCase();
    const group = byId.get(key) ?? [];
    if (!group.some((g) => g.parsed.call.source === c.parsed.call.source)) group.push(c);
    byId.set(key, group);
  }
  const unique: CallToAdd[] = [];
  const failures: ImportFailure[] = [];
  for (const group of byId.values()) {
    if (group.length === 1) {
      unique.push(group[0]!);
      continue;
    }
    const names = group.map(labelOf).join(', ');
    for (const c of group) {
      failures.push({ file: labelOf(c), line: null, lineText: null, message: `call id ${c.parsed.call.meta.id} comes from ${group.length} different files in this import (${names}); none of them was added` });
    }
  }
  return { unique, failures };
}

/**
 * Adds calls: each is checked against the limits and chunked completely, refused if its id is
 * already in the library or comes from two different files of this batch, otherwise stored;
 * then the index is rebuilt once. A refused call adds nothing and is listed in `failures`.
 */
export async function addCalls(calls: CallToAdd[], opts: LibraryUpdateOptions): Promise<AddResult> {
  const failures: ImportFailure[] = [];
  const checked: CallToAdd[] = [];
  for (const c of calls) {
    try {
      checkCall(c.parsed.call, opts.countTokens, opts.limits);
      checked.push(c);
    } catch (err) {
      failures.push(failureFrom(labelOf(c), err));
    }
  }

  const { unique, failures: duplicates } = refuseBatchDuplicates(checked);
  failures.push(...duplicates);
  // Nothing to add: touch nothing (not even the lock or the folders).
  if (unique.length === 0) return { added: [], failures, build: null };

  return withBuildLock(opts.indexDir, async () => {
    await fs.mkdir(opts.library, { recursive: true });
    const existing = new Map<string, string>();
    for (const entry of await scanLibrary(opts.library, opts.indexDir)) {
      if (entry.callId) existing.set(entry.callId.toLowerCase(), path.basename(entry.file));
    }
    const added: AddResult['added'] = [];
    for (const c of unique) {
      const { id } = c.parsed.call.meta;
      const holder = existing.get(id.toLowerCase());
      if (holder) {
        failures.push({ file: labelOf(c), line: null, lineText: null, message: `call ${id} is already in the library (${holder}); remove it first: npm run -s import -- --remove ${id}` });
        continue;
      }
      const stored = path.join(opts.library, storedCallFileName(id));
      await writeFileAtomic(stored, serializeStoredCall(toStoredCall(c.parsed, c.original, PARSER_VERSION)));
      existing.set(id.toLowerCase(), path.basename(stored));
      added.push({ callId: id, from: labelOf(c), stored });
    }
    const build = added.length > 0 ? await rebuild(opts) : null;
    return { added, failures, build };
  });
}

/** Removes calls by id (their stored file, or the raw transcript holding them), then rebuilds. Refuses to empty the library. */
export async function removeCalls(ids: string[], opts: LibraryUpdateOptions): Promise<RemoveResult> {
  return withBuildLock(opts.indexDir, async () => {
    const entries = await scanLibrary(opts.library, opts.indexDir);
    const failures: RemoveResult['failures'] = [];
    const targets: { callId: string; file: string }[] = [];
    for (const id of new Set(ids)) {
      const entry = entries.find((e) => e.callId?.toLowerCase() === id.toLowerCase());
      if (entry) targets.push({ callId: entry.callId!, file: entry.file });
      else failures.push({ callId: id, message: `no call ${id} in the library ${opts.library}` });
    }
    const remaining = entries.filter((e) => e.callId !== null && !targets.some((t) => t.file === e.file));
    if (targets.length > 0 && remaining.length === 0) {
      for (const t of targets) failures.push({ callId: t.callId, message: 'not removed: the library would have no call left to serve (add another call first)' });
      return { removed: [], failures, build: null };
    }
    for (const t of targets) await fs.rm(t.file);
    const build = targets.length > 0 ? await rebuild(opts) : null;
    return { removed: targets, failures, build };
  });
}

async function rebuild(opts: LibraryUpdateOptions): Promise<BuildSummary> {
  return buildIndexLocked({
    sources: await listLibraryFiles(opts.library),
    indexDir: opts.indexDir,
    embedder: await opts.embedder(),
    limits: opts.limits,
    onProgress: opts.onProgress,
    cacheDir: opts.cacheDir,
  });
}
