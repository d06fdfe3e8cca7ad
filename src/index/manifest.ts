import { z } from 'zod';
import { VECTOR_FORMATS } from './vector-codec.js';

/**
 * Bump when the on-disk layout or any stored record changes shape: older indexes are rebuilt.
 * v2: passage ids are `<call id>@<offset>` (legacy-ids.json resolves the old ones), rejected
 * library files and the parser, stored-call and limit settings are recorded.
 * v3: one immutable shard per call (shards/), a dense graph updated in place, library files
 * recognised by size and modification time before any checksum.
 */
export const INDEX_FORMAT_VERSION = 4;

/** HNSW parameters. M/efConstruction are hnswlib's defaults; the corpus is small, so recall is ~exact. */
export const HNSW_DEFAULTS = { space: 'cosine', m: 16, efConstruction: 200, efSearch: 64, seed: 100 } as const;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/**
 * A build file's identity on disk once published (its size aside): the next build takes a file
 * whose inode, modification time and change time are all still these as the very file that was
 * hashed, and skips re-hashing it. Any write, touch, copy or replacement changes at least one of
 * them (a change time cannot be set back), so such a file is hashed again. Recorded for the dense
 * graph only, the one large file a build reads back; manifests without it get the full hash.
 */
const Published = z.object({ ino: z.number().nonnegative(), mtime_ms: z.number().nonnegative(), ctime_ms: z.number().nonnegative() });
const FileEntry = z.object({ name: z.string().regex(/^[\w.-]+$/), sha256: Sha256, bytes: z.number().int().nonnegative(), published: Published.optional() });
/**
 * A library file by name, with the checksum of its raw bytes (hashed the same way at build and at
 * load) and its modification time: a file of the same size and time is taken as unchanged without
 * reading it; any other is hashed and compared.
 */
const LibraryFile = { path: z.string().min(1), sha256: Sha256, bytes: z.number().int().nonnegative(), mtime_ms: z.number().nonnegative() };

/** A call's shard (see call-shard.ts): where it is, what it was computed from, and its graph labels. */
const ShardEntry = z.object({
  file: z.string().regex(/^shards\/[\w.-]+\.shard$/),
  key: Sha256,
  /** sha256 of the shard body, also written in the shard's own header. */
  sha256: Sha256,
  /** sha256 of the shard's header as written (a start that finds it so need not validate it again); absent in older manifests. */
  header_sha256: Sha256.optional(),
  bytes: z.number().int().positive(),
  passages: z.number().int().positive(),
  sentences: z.number().int().nonnegative(),
  /** Sizes of the shard's own term and word dictionaries (its segments of the build's global tables). */
  terms: z.number().int().nonnegative(),
  words: z.number().int().nonnegative(),
  /** The call's passages are graph labels label_start … label_start + passages − 1. */
  label_start: z.number().int().nonnegative(),
});

export const Manifest = z.object({
  format: z.literal(INDEX_FORMAT_VERSION),
  built_at: z.string(),
  /** Subdirectory of index/ holding this build's own files (the dense graph); the manifest is written last, so it only ever names a complete build. */
  build_dir: z.string().regex(/^builds\/[\w-]+$/),
  model: z.object({ id: z.string(), checksum: Sha256, dimensions: z.number().int().positive() }),
  /** Library files indexed, one call and one shard each, in library order (the order passages are served in). */
  sources: z.array(z.object({ call_id: z.string(), ...LibraryFile, shard: ShardEntry })).min(1),
  /** Library files skipped, and why; kept so load can tell the library is unchanged and health can report them. */
  rejected: z.array(z.object({ ...LibraryFile, error: z.string() })),
  passages: z.number().int().nonnegative(),
  sentences: z.number().int().nonnegative(),
  /** How sentence vectors are stored (vector-codec.ts). */
  sentence_vectors: z.enum(VECTOR_FORMATS),
  /** The dense graph (`graph` in files): labels handed out so far, and how many of them are deleted (removed calls). */
  graph: z.object({ labels: z.number().int().nonnegative(), deleted: z.number().int().nonnegative() }),
  hnsw: z.object({
    space: z.literal('cosine'),
    m: z.number().int().positive(),
    ef_construction: z.number().int().positive(),
    ef_search: z.number().int().positive(),
    seed: z.number().int(),
  }),
  chunking: z.object({ max_tokens: z.number().int().positive(), min_tokens: z.number().int().nonnegative(), max_chars: z.number().int().positive() }),
  /** The transcript limits in force (a change may admit or refuse files, so it rebuilds). */
  limits: z.object({
    max_file_bytes: z.number().int().positive(),
    max_paragraph_chars: z.number().int().positive(),
    max_passage_chars: z.number().int().positive(),
    max_participants: z.number().int().positive(),
    max_turns: z.number().int().positive(),
  }),
  /** LEXICAL_TOKENS_VERSION the BM25 index was built with. */
  lexical_tokens: z.number().int(),
  /** CHUNKER_VERSION the passages were cut with. */
  chunker: z.number().int(),
  /** PARSER_VERSION that read the library's calls (and derived their roles and exchanges). */
  parser: z.number().int(),
  /** STORED_CALL_FORMAT of the library's stored calls. */
  stored_call: z.number().int(),
  /** SHARD_FORMAT and SENTENCE_TERMS_VERSION the shards were written with. */
  shard: z.number().int(),
  sentence_terms: z.number().int(),
  /** The build directory's files (graph, global term and word tables) with their sha256 and size (and the graph's identity on disk). */
  files: z.array(FileEntry),
});
export type Manifest = z.infer<typeof Manifest>;
export type ManifestFile = z.infer<typeof FileEntry>;
export type PublishedFile = z.infer<typeof Published>;

/** What a later build or start compares to take a published file as the one that was hashed. */
export function publishedIdentity(stat: { ino: number; mtimeMs: number; ctimeMs: number }): PublishedFile {
  return { ino: stat.ino, mtime_ms: stat.mtimeMs, ctime_ms: stat.ctimeMs };
}

/** Is the file, by its size, inode, modification and change times, the very one whose digest `entry` records? */
export function untouchedSincePublished(stat: { size: number; ino: number; mtimeMs: number; ctimeMs: number }, entry: Pick<ManifestFile, 'bytes' | 'published'>): boolean {
  const was = entry.published;
  return was !== undefined && stat.size === entry.bytes && stat.ino === was.ino && stat.mtimeMs === was.mtime_ms && stat.ctimeMs === was.ctime_ms;
}
export type ManifestSource = Manifest['sources'][number];
export type ManifestShard = z.infer<typeof ShardEntry>;

/** The manifest's record of a set of limits. */
export function limitsRecord(l: import('../transcript/limits.js').TranscriptLimits): Manifest['limits'] {
  return {
    max_file_bytes: l.maxFileBytes,
    max_paragraph_chars: l.maxParagraphChars,
    max_passage_chars: l.maxPassageChars,
    max_participants: l.maxParticipants,
    max_turns: l.maxTurns,
  };
}
