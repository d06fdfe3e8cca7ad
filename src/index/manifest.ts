import { z } from 'zod';

/**
 * Bump when the on-disk layout or any stored record changes shape: older indexes are rebuilt.
 * v2: passage ids are `<call id>@<offset>` (legacy-ids.json resolves the old ones), rejected
 * library files and the parser, stored-call and limit settings are recorded.
 */
export const INDEX_FORMAT_VERSION = 2;

/** HNSW parameters. M/efConstruction are hnswlib's defaults; the corpus is small, so recall is ~exact. */
export const HNSW_DEFAULTS = { space: 'cosine', m: 16, efConstruction: 200, efSearch: 64, seed: 100 } as const;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const FileEntry = z.object({ name: z.string().regex(/^[\w.-]+$/), sha256: Sha256, bytes: z.number().int().nonnegative() });
/** A library file by name, with the checksum of its raw bytes (hashed the same way at build and at load). */
const LibraryFile = { path: z.string().min(1), sha256: Sha256, bytes: z.number().int().nonnegative() };

export const Manifest = z.object({
  format: z.literal(INDEX_FORMAT_VERSION),
  built_at: z.string(),
  /** Subdirectory of index/ holding this build's files; the manifest is written last, so it only ever names a complete build. */
  build_dir: z.string().regex(/^builds\/[\w-]+$/),
  model: z.object({ id: z.string(), checksum: Sha256, dimensions: z.number().int().positive() }),
  /** Library files indexed, one call each. */
  sources: z.array(z.object({ call_id: z.string(), ...LibraryFile })).min(1),
  /** Library files skipped, and why; kept so load can tell the library is unchanged and health can report them. */
  rejected: z.array(z.object({ ...LibraryFile, error: z.string() })),
  passages: z.number().int().nonnegative(),
  sentences: z.number().int().nonnegative(),
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
  files: z.array(FileEntry),
});
export type Manifest = z.infer<typeof Manifest>;
export type ManifestFile = z.infer<typeof FileEntry>;

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
