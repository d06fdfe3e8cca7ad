/**
 * The words the calls use and how often, counted per call at build and stored in its shard, so a
 * start merges counts instead of reading every passage again. Spelling (search/interpret/spelling.ts)
 * corrects query words against them; the word pattern and lower-casing are the ones it reads text with.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FILES } from './layout.js';

/** The lowercase-word list of a build directory (FILES.lowercase). */
export async function readLowercaseWords(buildDir: string): Promise<Set<string>> {
  const text = await fs.readFile(path.join(buildDir, FILES.lowercase), 'utf8');
  return new Set(text.length === 0 ? [] : text.split('\n'));
}

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

/**
 * Words a text writes in lowercase: ordinary words in that text, whatever they name elsewhere
 * ("mark", "will"). Name matching (search/interpret) guards them; the build stores the library's
 * set (FILES.lowercase) so a start does not scan every call's text for it.
 */
export function lowercaseWords(text: string, into: Set<string> = new Set()): Set<string> {
  for (const match of text.matchAll(/(?<![\p{L}\p{N}'\u2019])[a-z]+(?![\p{L}\p{N}])/gu)) into.add(match[0]);
  return into;
}

/** Add the words of `text` to `counts`. */
export function countWords(text: string, counts: Map<string, number>): void {
  for (const m of text.toLowerCase().matchAll(WORD)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
}
