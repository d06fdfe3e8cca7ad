/**
 * Dictionaries shared by every call of a build — the lexical terms and the spelling vocabulary —
 * each stored in the build directory as one list (`<name>.txt`, a term per line) and, per call in
 * manifest order, its shard's own ids mapped onto that list (`<name>-ids.u32`). A start then reads
 * two files and maps ids through typed arrays, instead of looking every call's words up in a map.
 * A build that adds calls extends the published list (new words at the end); words only removed
 * calls used stay, unused, until the graph is next built afresh.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { sha256 } from './checksum.js';
import type { ManifestFile } from './manifest.js';

export const TABLES = ['terms', 'words'] as const;
export type TableName = (typeof TABLES)[number];
export const tableFiles = (name: TableName) => ({ list: `${name}.txt`, ids: `${name}-ids.u32` });

export class TableBuilder {
  private readonly ids = new Map<string, number>();
  readonly list: string[];
  readonly segments: Uint32Array[] = [];

  /** `base`: the published list to extend (its ids stay valid). */
  constructor(base: readonly string[] = []) {
    this.list = [...base];
    this.list.forEach((t, i) => this.ids.set(t, i));
  }

  /** A call whose shard's own dictionary is `local`. */
  addLocal(local: readonly string[]): void {
    const segment = new Uint32Array(local.length);
    local.forEach((t, i) => {
      let id = this.ids.get(t);
      if (id === undefined) {
        id = this.list.length;
        this.ids.set(t, id);
        this.list.push(t);
      }
      segment[i] = id;
    });
    this.segments.push(segment);
  }

  /** A call kept from the published build, with its published mapping. */
  addSegment(segment: Uint32Array): void {
    this.segments.push(segment);
  }

  /** Writes the list and the ids; returns their manifest entries (hashed from the bytes written, not read back). */
  async write(dir: string, name: TableName): Promise<ManifestFile[]> {
    const files = tableFiles(name);
    const list = Buffer.from(this.list.join('\n'));
    await writeFileAtomic(path.join(dir, files.list), list);
    const ids = new Uint32Array(this.segments.reduce((n, s) => n + s.length, 0));
    let at = 0;
    for (const s of this.segments) {
      ids.set(s, at);
      at += s.length;
    }
    const idBytes = new Uint8Array(ids.buffer);
    await writeFileAtomic(path.join(dir, files.ids), idBytes);
    return [
      { name: files.list, sha256: sha256(list), bytes: list.length },
      { name: files.ids, sha256: sha256(idBytes), bytes: idBytes.length },
    ];
  }
}

/** A table as read back: the list, and each call's mapping (given each call's dictionary size, in order). */
export interface GlobalTable {
  list: string[];
  segments: Uint32Array[];
}

/** Why a table cannot be used. */
export class TableError extends Error {}

export async function readTable(dir: string, name: TableName, sizes: readonly number[]): Promise<GlobalTable> {
  const files = tableFiles(name);
  let text: string;
  let bytes: Buffer;
  try {
    [text, bytes] = await Promise.all([fs.readFile(path.join(dir, files.list), 'utf8'), fs.readFile(path.join(dir, files.ids))]);
  } catch {
    throw new TableError(`${files.list} or ${files.ids} is missing`);
  }
  const list = text.length === 0 ? [] : text.split('\n');
  if (bytes.length % 4 !== 0) throw new TableError(`${files.ids} is not a list of ids`);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  const ids = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
  if (ids.length !== sizes.reduce((n, s) => n + s, 0)) throw new TableError(`${files.ids} disagrees with the shards' dictionaries`);
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= list.length) throw new TableError(`${files.ids} names a word outside ${files.list}`);
  const segments: Uint32Array[] = [];
  let at = 0;
  for (const size of sizes) {
    segments.push(ids.subarray(at, at + size));
    at += size;
  }
  return { list, segments };
}
