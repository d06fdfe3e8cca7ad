import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { BuildInterruptedError } from '../index/build-interrupt.js';
import { DEFAULT_INDEX_DIR, DEFAULT_TRANSCRIPTS_DIR, listTranscripts } from '../index/layout.js';
import { buildProgressReporter, formatBuildSummary } from './progress.js';
import { isEntryModule, runCommand } from './run-command.js';
import { quantizedFrom, weightsOption, type WeightsChoice } from './weights.js';

export function createBuildIndexCommand(): Command {
  const command = new Command('build-index')
    .description(
      'Bring the search index in line with the transcript library (data/transcripts/): calls whose file is unchanged keep their shard, others are embedded (texts embedded before come from the cache). Files given are imported first, exactly as `import` does.',
    )
    .argument('[transcripts...]', 'transcript files or folders to import into the library first')
    .option('--library <dir>', 'transcript library folder', process.env.TRANSCRIPTS_DIR ?? DEFAULT_TRANSCRIPTS_DIR)
    .option('--index-dir <dir>', 'where to write the index', process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR)
    .option('--full', 'rebuild from nothing: reuse no shard or graph, embed every text anew (the embedding cache is refreshed, not read)');
  return weightsOption(command).action(async (added: string[], opts: { library: string; indexDir: string; full?: boolean } & WeightsChoice) => {
    const quantized = quantizedFrom(opts);
    const library = path.resolve(opts.library);
    if (added.length > 0) {
      // One way into the library: the import command checks, stores and indexes the files.
      const { importFiles } = await import('./import-run.js');
      process.exitCode = await importFiles(added, { library, indexDir: opts.indexDir, int8: quantized, fp32: !quantized });
      return;
    }
    const sources = await listTranscripts(library);
    // The model and the index builder load only once there is something to build.
    const [{ buildIndex }, { loadEmbedder }, { textEmbedder }] = await Promise.all([
      import('../index/build.js'),
      import('../model/embedder.js'),
      import('../service/open-service.js'),
    ]);
    // SIGINT/SIGTERM: stop at the next step, after the model call in progress, publish nothing,
    // release the lock, exit 128 + the signal's number.
    const interrupt = new AbortController();
    let received: NodeJS.Signals | null = null;
    const onSignal = (signal: NodeJS.Signals) => {
      if (!received) process.stderr.write(`\n${signal}: stopping the build after the model call in progress…\n`);
      received ??= signal;
      interrupt.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const embedder = await loadEmbedder({ quantized });
    const progress = buildProgressReporter();
    try {
      const summary = await buildIndex({
        sources,
        indexDir: path.resolve(opts.indexDir),
        embedder: await textEmbedder(embedder),
        onProgress: progress.onProgress,
        // An explicit build re-checks every shard it keeps (a damaged one is rebuilt), unless it starts from nothing.
        full: opts.full,
        verify: !opts.full,
        signal: interrupt.signal,
      });
      progress.stop();
      process.stdout.write(`${formatBuildSummary(summary)}\n`);
    } catch (err) {
      if (!(err instanceof BuildInterruptedError) || !received) throw err;
      progress.stop();
      await embedder.close?.();
      process.stderr.write(`interrupted (${received}): ${err.message}\n`);
      process.exit(128 + os.constants.signals[received]);
    } finally {
      progress.stop();
      await embedder.close?.();
    }
  });
}

if (isEntryModule(import.meta.url)) runCommand(new Command().addCommand(createBuildIndexCommand(), { isDefault: true }));
