import path from 'node:path';
import { listTranscripts } from '../index/layout.js';
import { openSearchService, type SearchService } from '../service/open-service.js';
import { buildProgressReporter, formatBuildSummary } from './progress.js';
import { quantizedFrom, type WeightsChoice } from './weights.js';

export interface CliServiceOptions {
  indexDir: string;
  library: string;
  weights: WeightsChoice;
}

/**
 * Model + index for a one-shot command (ask, calls, eval): built first when missing or stale,
 * with the build's progress and summary on stderr so stdout carries only the command's output.
 */
export async function openCliService(opts: CliServiceOptions): Promise<SearchService> {
  const progress = buildProgressReporter();
  return openSearchService({
    indexDir: path.resolve(opts.indexDir),
    sources: await listTranscripts(path.resolve(opts.library)),
    quantized: quantizedFrom(opts.weights),
    onRebuild: (reason) => process.stderr.write(`Index unusable (${reason.message}); building it first.\n`),
    onProgress: progress.onProgress,
    onBuilt: (s) => {
      progress.stop();
      process.stderr.write(`${formatBuildSummary(s)}\n`);
    },
  });
}
