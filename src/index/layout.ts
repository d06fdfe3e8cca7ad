import { promises as fs } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../model/model-files.js';

/** Default location of built index artifacts (git-ignored). */
export const DEFAULT_INDEX_DIR = path.join(REPO_ROOT, 'index');
/** The library of calls: every .txt here is indexed. Ships with the Amazon Q4 2025 call. */
export const DEFAULT_TRANSCRIPTS_DIR = path.join(REPO_ROOT, 'data/transcripts');

/** The transcripts of a library folder, in a stable order. */
export async function listTranscripts(dir: string = DEFAULT_TRANSCRIPTS_DIR): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    throw new Error(`transcripts folder ${dir} does not exist`);
  }
  const files = names.filter((n) => n.endsWith('.txt')).sort().map((n) => path.join(dir, n));
  if (files.length === 0) throw new Error(`no .txt transcripts in ${dir}`);
  return files;
}

export const MANIFEST_FILE = 'manifest.json';
export const FILES = {
  calls: 'calls.json',
  passages: 'passages.json',
  passageVectors: 'passage-vectors.f32',
  sentenceVectors: 'sentence-vectors.f32',
  hnsw: 'passages.hnsw',
  lexical: 'lexical.json',
} as const;
