import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { buildIndex } from '../index/build.js';
import { DEFAULT_INDEX_DIR, DEFAULT_TRANSCRIPTS_DIR, listTranscripts } from '../index/layout.js';
import { loadEmbedder } from '../model/embedder.js';
import { textEmbedder } from '../service/open-service.js';
import { parseTranscript } from '../transcript/parse.js';
import { failAndExit } from './fail.js';
import { buildProgressReporter, formatBuildSummary } from './progress.js';

/** Check a new transcript parses, then copy it into the library folder (the server indexes that folder). */
async function addToLibrary(file: string, library: string): Promise<string> {
  const text = await fs.readFile(file, 'utf8').catch(() => {
    throw new Error(`cannot read ${file}`);
  });
  const call = parseTranscript(text);
  const target = path.join(library, path.basename(file).endsWith('.txt') ? path.basename(file) : `${path.basename(file)}.txt`);
  if (path.resolve(file) !== path.resolve(target)) {
    await fs.mkdir(library, { recursive: true });
    await fs.copyFile(file, target);
    process.stderr.write(`Added ${call.meta.company} ${call.meta.quarter} (${call.meta.id}) to ${path.relative(process.cwd(), target)}\n`);
  }
  return target;
}

const program = new Command()
  .name('build-index')
  .description('Build the search index over the transcript library (data/transcripts/). Files given are checked and added to the library first.')
  .argument('[transcripts...]', 'transcript text files to add to the library')
  .option('--library <dir>', 'transcript library folder', process.env.TRANSCRIPTS_DIR ?? DEFAULT_TRANSCRIPTS_DIR)
  .option('--index-dir <dir>', 'where to write the index', process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR)
  .option('--int8', 'embed with the int8 weights', process.env.MODEL_WEIGHTS === 'int8')
  .action(async (added: string[], opts: { library: string; indexDir: string; int8: boolean }) => {
    const library = path.resolve(opts.library);
    for (const file of added) await addToLibrary(path.resolve(file), library);
    const sources = await listTranscripts(library);
    const embedder = await loadEmbedder({ quantized: opts.int8 });
    const progress = buildProgressReporter();
    try {
      const summary = await buildIndex({
        sources,
        indexDir: path.resolve(opts.indexDir),
        embedder: await textEmbedder(embedder, opts.int8),
        onProgress: progress.onProgress,
      });
      progress.stop();
      process.stdout.write(`${formatBuildSummary(summary)}\n`);
    } finally {
      progress.stop();
      await embedder.close?.();
    }
  });

program.parseAsync().catch((err) => failAndExit(err));
