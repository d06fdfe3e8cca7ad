/**
 * `npm run -s import -- [--check] [--json] <file-or-folder>...` and `--remove <call-id>...`:
 * the one way calls enter (or leave) the library. Reports go to stdout, progress and failures to
 * stderr; any failed file makes the exit code 1 (the good files of a batch still go in).
 * `createImportCommand()` is mounted by the `transcript-search` binary as its `import` subcommand;
 * the work itself (import-run.ts) loads only when the command runs.
 */
import { Command } from 'commander';
import { DEFAULT_INDEX_DIR, DEFAULT_TRANSCRIPTS_DIR } from '../index/layout.js';
import { UsageError } from './fail.js';
import type { ImportOptions } from './import-run.js';
import { isEntryModule, runCommand } from './run-command.js';

export function createImportCommand(): Command {
  return new Command('import')
    .description(
      'Add transcripts to the library (data/transcripts/, one stored .call.json per call) and update the index. ' +
        'A folder imports every transcript in it (a dataset folder: every call). A file that fails adds nothing and is listed with file:line; the rest go in.',
    )
    .argument('[paths...]', 'transcript files or folders')
    .option('--check', 'parse and check only: report each call (layout and why, metadata, participants, turns, warnings); change nothing')
    .option('--json', 'JSON on stdout (with --check: exactly one array, one element per call)')
    .option('--remove <call-id...>', 'remove these calls from the library and update the index')
    .option('--library <dir>', 'library folder', process.env.TRANSCRIPTS_DIR ?? DEFAULT_TRANSCRIPTS_DIR)
    .option('--index-dir <dir>', 'index folder to update', process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR)
    .option('--int8', 'embed with the int8 weights (MODEL_WEIGHTS=int8 makes them the default)')
    .option('--fp32', 'embed with the fp32 reference weights (the default)')
    .action(async (paths: string[], opts: ImportOptions) => {
      if (opts.remove && (paths.length > 0 || opts.check)) throw new UsageError('--remove takes call ids only; import files and remove calls in separate runs');
      if (!opts.remove && paths.length === 0) throw new UsageError('give transcript files or folders to import (or --remove <call-id>...)');
      const { runImport } = await import('./import-run.js');
      process.exitCode = await runImport(paths, opts);
    });
}

if (isEntryModule(import.meta.url)) runCommand(new Command().addCommand(createImportCommand(), { isDefault: true }));
