import { z } from 'zod';

/** Bump when the on-disk layout or any stored record changes shape: older indexes are rebuilt. */
export const INDEX_FORMAT_VERSION = 1;

/** HNSW parameters. M/efConstruction are hnswlib's defaults; the corpus is small, so recall is ~exact. */
export const HNSW_DEFAULTS = { space: 'cosine', m: 16, efConstruction: 200, efSearch: 64, seed: 100 } as const;

const FileEntry = z.object({ name: z.string().regex(/^[\w.-]+$/), sha256: z.string().length(64), bytes: z.number().int().nonnegative() });

export const Manifest = z.object({
  format: z.literal(INDEX_FORMAT_VERSION),
  built_at: z.string(),
  /** Subdirectory of index/ holding this build's files; the manifest is written last, so it only ever names a complete build. */
  build_dir: z.string().regex(/^builds\/[\w-]+$/),
  model: z.object({ id: z.string(), checksum: z.string().length(64), dimensions: z.number().int().positive() }),
  sources: z.array(z.object({ call_id: z.string(), path: z.string(), sha256: z.string().length(64), bytes: z.number().int() })).min(1),
  passages: z.number().int().nonnegative(),
  sentences: z.number().int().nonnegative(),
  hnsw: z.object({
    space: z.literal('cosine'),
    m: z.number().int().positive(),
    ef_construction: z.number().int().positive(),
    ef_search: z.number().int().positive(),
    seed: z.number().int(),
  }),
  chunking: z.object({ max_tokens: z.number().int().positive() }),
  /** LEXICAL_TOKENS_VERSION the BM25 index was built with. */
  lexical_tokens: z.number().int(),
  /** CHUNKER_VERSION the passages were cut with. */
  chunker: z.number().int(),
  files: z.array(FileEntry),
});
export type Manifest = z.infer<typeof Manifest>;
export type ManifestFile = z.infer<typeof FileEntry>;
