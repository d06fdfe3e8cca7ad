/**
 * Bundles the command-line program and the model process into dist/bundle/ (run by `npm install`
 * after the model is prepared, and by `npm run bundle`). Plain JavaScript: it runs before anything
 * can compile TypeScript.
 *
 * Why: run through tsx, every one of the program's few hundred modules is resolved and loaded
 * through tsx's loader thread, which costs more of a cold start than anything the server itself
 * does. The bundle is what bin/transcript-search.js runs while it is current; once a source file it
 * was built from changes, the binary runs the sources through tsx again (bin/bundle-status.js).
 *
 * Layout: dist/bundle/ sits two levels below the repository, as src/<folder>/ does, so code that
 * finds the repository from its own location (model-files.ts) finds it from the bundle too; the
 * model process's entry sits beside the program, where model-process.ts looks for it. Packages
 * stay in node_modules (native addons, the model); commands' dynamic imports stay separate chunks,
 * so a command loads only what it uses.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
/** `--out <dir>`: another folder two levels below the repository (tests build one there). */
const OUT = path.resolve(ROOT, args.includes('--out') ? args[args.indexOf('--out') + 1] : 'dist/bundle');
/** `--optional` (npm install): a failed bundle is reported and the install goes on; the binary then runs the sources. */
const OPTIONAL = args.includes('--optional');
/** Written last, listing every source file with its size and modification time: the bundle's freshness check. */
const INPUTS_FILE = 'inputs.json';

async function main() {
  // Where the bundle's modules find the repository from (model-files.ts): two levels up.
  if (path.resolve(OUT, '../..') !== ROOT) throw new Error(`${OUT} must be two folders below ${ROOT}`);
  const started = performance.now();
  // Built beside the published one and swapped in by a rename: a half-written bundle is never run.
  const staging = `${OUT}.tmp-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { cli: 'src/cli/main.ts', 'model-process-entry': 'src/model/model-process-entry.ts' },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const stat = await fs.stat(path.join(ROOT, file));
    inputs[file] = [stat.size, stat.mtimeMs];
  }
  await fs.writeFile(path.join(staging, INPUTS_FILE), JSON.stringify(inputs));
  const old = `${OUT}.old-${process.pid}`;
  await fs.rename(OUT, old).catch(() => {});
  await fs.rename(staging, OUT);
  await fs.rm(old, { recursive: true, force: true });
  const ms = Math.round(performance.now() - started);
  process.stderr.write(`bundle: ${Object.keys(inputs).length} source files → ${path.relative(ROOT, OUT)}/ in ${ms} ms\n`);
}

main().catch((err) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(OPTIONAL ? `bundle: not built (${message}); transcript-search will run from the TypeScript sources (slower to start)\n` : `bundle: ${message}\n`);
  process.exitCode = OPTIONAL ? 0 : 1;
});
