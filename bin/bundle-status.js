// Is dist/bundle/ (scripts/bundle.mjs) built from the sources as they are now? Every source file the
// bundle was built from must still have the size and modification time it had then; a missing or
// unreadable record means no. One stat per source file (a few milliseconds), no hashing.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// Here in bin/, or inside the bundle (dist/bundle/) when a bundled script imports this module.
const ROOT = path.basename(HERE) === 'bin' ? path.resolve(HERE, '..') : path.resolve(HERE, '../..');
export const BUNDLE_DIR = path.join(ROOT, 'dist/bundle');

/** Why the bundle in `dir` (sources relative to `root`) cannot be used, or null when it is current. */
export function bundleStaleReason(dir = BUNDLE_DIR, root = ROOT) {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(path.join(dir, 'inputs.json'), 'utf8'));
  } catch {
    return 'not built';
  }
  for (const [file, [size, mtimeMs]] of Object.entries(inputs)) {
    let stat;
    try {
      stat = statSync(path.join(root, file));
    } catch {
      return `${file} is gone`;
    }
    if (stat.size !== size || stat.mtimeMs !== mtimeMs) return `${file} changed`;
  }
  return null;
}
