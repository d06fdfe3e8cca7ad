import path from 'node:path';
import { REPO_ROOT } from '../model/model-files.js';

/** Default location of built index artifacts (git-ignored). */
export const DEFAULT_INDEX_DIR = path.join(REPO_ROOT, 'index');
/** The call that ships with the app. */
export const BUNDLED_TRANSCRIPTS = [path.join(REPO_ROOT, 'data/transcripts/amzn-q4-2025-earnings-call.txt')];

export const MANIFEST_FILE = 'manifest.json';
export const FILES = {
  calls: 'calls.json',
  passages: 'passages.json',
  passageVectors: 'passage-vectors.f32',
  sentenceVectors: 'sentence-vectors.f32',
  hnsw: 'passages.hnsw',
  lexical: 'lexical.json',
} as const;
