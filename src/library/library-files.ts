/**
 * What the library folder (TRANSCRIPTS_DIR) holds: stored calls (`<call id>.call.json`, written
 * by the import command) and raw transcripts dropped in by hand (`.txt`, `.vtt`, `.srt`, `.nlp`, any
 * supported layout, or a `.pdf`, `.docx` or `.html` document), both read at build. Hidden files (temp files of atomic writes) and folders
 * are not part of it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Call } from '../transcript/types.js';
import { describeFailure, failureFrom } from './failures.js';
import { parseTranscriptFile, TRANSCRIPT_EXTENSIONS, type ImportWarning } from '../transcript/read-source.js';
import { callFromStored, isStoredCallFileName, parseStoredCall } from './stored-call.js';


export function isLibraryFileName(name: string): boolean {
  if (name.startsWith('.')) return false;
  return isStoredCallFileName(name) || TRANSCRIPT_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** A library folder that cannot be used at all (missing, or holding no transcript). */
export class LibraryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibraryError';
  }
}

/** The library's files, in a stable (sorted) order. Throws LibraryError when there are none. */
export async function listLibraryFiles(dir: string): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    throw new LibraryError(`transcripts folder ${dir} does not exist`);
  }
  const files = entries.filter((e) => e.isFile() && isLibraryFileName(e.name)).map((e) => path.join(dir, e.name)).sort();
  if (files.length === 0) throw new LibraryError(`no transcripts in ${dir} (expected .call.json, ${TRANSCRIPT_EXTENSIONS.join(', ')} files)`);
  return files;
}

/** Why a library file could not be read, as one line ("line 12: unknown speaker …"); other errors are rethrown. */
export function describeReadError(name: string, err: unknown): string {
  return describeFailure(failureFrom(name, err));
}

/** One library file's call: a stored call as stored (structure re-derived), a raw transcript parsed. Throws on a bad file. */
export async function readLibraryFile(name: string, bytes: Uint8Array): Promise<{ call: Call; warnings: ImportWarning[] }> {
  if (isStoredCallFileName(name)) return { call: callFromStored(parseStoredCall(bytes, name)), warnings: [] };
  const parsed = await parseTranscriptFile(bytes, { fileName: name });
  return { call: parsed.call, warnings: parsed.warnings };
}
