import { promises as fs } from 'node:fs';
import path from 'node:path';
import { IndexUnusableError } from './index-errors.js';
import { MANIFEST_FILE } from './layout.js';
import { INDEX_FORMAT_VERSION, Manifest } from './manifest.js';

/** The published manifest, validated. Throws IndexUnusableError (missing, format, corrupt). */
export async function readManifest(indexDir: string): Promise<Manifest> {
  let raw: string;
  try {
    raw = await fs.readFile(path.join(indexDir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new IndexUnusableError('missing', `no index at ${indexDir}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new IndexUnusableError('corrupt', 'manifest.json is not valid JSON');
  }
  if ((json as { format?: unknown })?.format !== INDEX_FORMAT_VERSION) {
    throw new IndexUnusableError('format', `index format ${(json as { format?: unknown })?.format} is not ${INDEX_FORMAT_VERSION}`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) throw new IndexUnusableError('corrupt', `manifest.json is malformed: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
