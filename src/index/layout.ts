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
export const FILES = {
  calls: 'calls.json',
  passages: 'passages.json',
  passageVectors: 'passage-vectors.f32',
  sentenceVectors: 'sentence-vectors.f32',
  hnsw: 'passages.hnsw',
  lexical: 'lexical.json',
  legacyIds: 'legacy-ids.json',
} as const;
