import path from 'node:path';
import { listLibraryFiles } from '../library/library-files.js';
import { REPO_ROOT } from '../model/model-files.js';

/** Default location of built index artifacts (git-ignored). */
export const DEFAULT_INDEX_DIR = path.join(REPO_ROOT, 'index');
/** The library of calls (stored `.call.json` and raw transcripts). Ships with the Amazon Q4 2025 call. */
export const DEFAULT_TRANSCRIPTS_DIR = path.join(REPO_ROOT, 'data/transcripts');

/** The files of a library folder, in a stable order (see src/library/library-files.ts). */
export function listTranscripts(dir: string = DEFAULT_TRANSCRIPTS_DIR): Promise<string[]> {
  return listLibraryFiles(dir);
}

export const MANIFEST_FILE = 'manifest.json';
/** One immutable file per call (see call-shard.ts), shared by every build that has the call unchanged. */
export const SHARDS_DIR = 'shards';
/** Files of a build directory: the dense graph over every passage (dense-graph.ts), the global term and word tables (global-tables.ts). */
export const FILES = {
  graph: 'passages.hnsw',
  terms: 'terms.txt',
  termIds: 'terms-ids.u32',
  words: 'words.txt',
  wordIds: 'words-ids.u32',
  /** The words the library's calls write in lowercase, one a line (see vocabulary.ts lowercaseWords). */
  lowercase: 'lowercase.txt',
} as const;
