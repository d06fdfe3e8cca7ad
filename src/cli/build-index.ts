import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { DEFAULT_INDEX_DIR, DEFAULT_TRANSCRIPTS_DIR, listTranscripts } from '../index/layout.js';
import { parseTranscript, TranscriptFormatError } from '../transcript/parse.js';
import type { Call } from '../transcript/types.js';
import { buildProgressReporter, formatBuildSummary } from './progress.js';
import { isEntryModule, runCommand } from './run-command.js';
import { quantizedFrom, weightsOption, type WeightsChoice } from './weights.js';

/**
 * Check new transcripts parse and do not repeat a call the library already holds, then copy
 * them into the library folder (the server indexes that folder). Nothing is copied unless
 * every file passes, so a bad file leaves the library as it was.
 */
async function addToLibrary(files: string[], library: string): Promise<void> {
  const staged: { file: string; target: string; callId: string; label: string }[] = [];
  for (const file of files) {
    const text = await fs.readFile(file, 'utf8').catch(() => {
      throw new Error(`cannot read ${file}`);
    });
    let call: Call;
    try {
      call = parseTranscript(text);
    } catch (err) {
      if (err instanceof TranscriptFormatError) err.message = `${path.relative(process.cwd(), file)}: ${err.message}`;
      throw err;
    }
    const target = path.join(library, path.basename(file).endsWith('.txt') ? path.basename(file) : `${path.basename(file)}.txt`);
    staged.push({ file, target, callId: call.meta.id, label: `${call.meta.company} ${call.meta.quarter} (${call.meta.id})` });
  }
  // Two files with one call id would make every later build fail.
  const holder = new Map<string, string>();
  for (const name of await fs.readdir(library).catch(() => [] as string[])) {
    const file = path.join(library, name);
    if (!name.endsWith('.txt') || staged.some((s) => s.target === file)) continue;
    try {
      holder.set(parseTranscript(await fs.readFile(file, 'utf8')).meta.id, name);
    } catch {
      // An unreadable library file is reported by the build itself.
    }
  }
  for (const s of staged) {
    const other = holder.get(s.callId);
    if (other) throw new Error(`${path.relative(process.cwd(), s.file)}: call ${s.callId} is already in the library as ${other}`);
    holder.set(s.callId, path.basename(s.target));
  }
  for (const s of staged) {
    if (path.resolve(s.file) === path.resolve(s.target)) continue;
    await fs.mkdir(library, { recursive: true });
    await fs.copyFile(s.file, s.target);
    process.stderr.write(`Added ${s.label} to ${path.relative(process.cwd(), s.target)}\n`);
  }
}

export function createBuildIndexCommand(): Command {
  const command = new Command('build-index')
    .description('Build the search index over the transcript library (data/transcripts/). Files given are checked and added to the library first.')
    .argument('[transcripts...]', 'transcript text files to add to the library')
    .option('--library <dir>', 'transcript library folder', process.env.TRANSCRIPTS_DIR ?? DEFAULT_TRANSCRIPTS_DIR)
    .option('--index-dir <dir>', 'where to write the index', process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR);
  return weightsOption(command).action(async (added: string[], opts: { library: string; indexDir: string } & WeightsChoice) => {
    const quantized = quantizedFrom(opts);
    const library = path.resolve(opts.library);
    await addToLibrary(added.map((f) => path.resolve(f)), library);
    const sources = await listTranscripts(library);
    // The model and the index builder load only once there is something to build.
    const [{ buildIndex }, { loadEmbedder }, { textEmbedder }] = await Promise.all([
      import('../index/build.js'),
      import('../model/embedder.js'),
      import('../service/open-service.js'),
    ]);
    const embedder = await loadEmbedder({ quantized });
    const progress = buildProgressReporter();
    try {
      const summary = await buildIndex({
        sources,
        indexDir: path.resolve(opts.indexDir),
        embedder: await textEmbedder(embedder),
        onProgress: progress.onProgress,
      });
      progress.stop();
      process.stdout.write(`${formatBuildSummary(summary)}\n`);
    } finally {
      progress.stop();
      await embedder.close?.();
    }
  });
}

if (isEntryModule(import.meta.url)) runCommand(new Command().addCommand(createBuildIndexCommand(), { isDefault: true }));
