import { promises as fs } from 'node:fs';
import path from 'node:path';
import { listLibraryFiles, readLibraryFile } from '../library/library-files.js';
import { isStoredCallFileName, parseStoredCall } from '../library/stored-call.js';

/** A file name without folders or extension: "4341191.nlp" and ".../4341191.txt" name the same call. */
export const sourceStem = (file: string): string => file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '').toLowerCase();

/**
 * Which call each source file became in a library folder: a stored call by the file it was
 * imported from (`origin.file`), a raw transcript by its own name. Question sets name calls by
 * source file ("4341191.nlp"), which stays true whatever id the importer gave the call.
 */
export async function librarySources(dir: string): Promise<Map<string, string>> {
  const bySource = new Map<string, string>();
  for (const file of await listLibraryFiles(dir)) {
    const name = path.basename(file);
    const bytes = await fs.readFile(file);
    try {
      if (isStoredCallFileName(name)) {
        const stored = parseStoredCall(bytes, name);
        bySource.set(sourceStem(stored.origin.file), stored.meta.id);
        bySource.set(sourceStem(name), stored.meta.id);
      } else {
        bySource.set(sourceStem(name), (await readLibraryFile(name, bytes)).call.meta.id);
      }
    } catch {
      // A file the build rejects answers no question; the runner counts those questions as left out.
    }
  }
  return bySource;
}

/** The same map from an index's own calls (their library file names): enough for raw transcripts. */
export function indexSources(calls: readonly { meta: { id: string }; sourcePath: string }[]): Map<string, string> {
  return new Map(calls.map((c) => [sourceStem(c.sourcePath), c.meta.id]));
}
