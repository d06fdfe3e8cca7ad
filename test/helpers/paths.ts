import path from 'node:path';
import { REPO_ROOT } from '../../src/model/model-files.js';

/** Built once per test run by test/global-setup.ts, shared read-only by every test file. */
export const TEST_INDEX_DIR = path.join(REPO_ROOT, 'test-artifacts/index');
export const BUNDLED_CALL = path.join(REPO_ROOT, 'data/transcripts/amzn-q4-2025-earnings-call.txt');
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');
/** The multi-call library (test/library/library-fixtures.ts and the bundled call) and its index, also built by global setup. */
export const LIBRARY_DIR = path.join(ARTIFACTS_DIR, 'library');
export const LIBRARY_INDEX_DIR = path.join(ARTIFACTS_DIR, 'library-index');
