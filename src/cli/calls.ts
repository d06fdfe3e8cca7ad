import { Command } from 'commander';
import { DEFAULT_INDEX_DIR, DEFAULT_TRANSCRIPTS_DIR } from '../index/layout.js';
import { listCalls, type CallListing } from '../api/call-listing.js';
import { weightsOption, type WeightsChoice } from './weights.js';

/** A plain-text table: one call per line, columns padded to their widest value. */
export function formatCallTable(calls: CallListing[]): string {
  const header = ['id', 'company', 'ticker', 'quarter', 'date', 'passages'];
  const rows = calls.map((c) => [c.id, c.company, c.ticker ?? '–', c.quarter ?? '–', c.date ?? '–', String(c.passages)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

export function createCallsCommand(): Command {
  const command = new Command('calls')
    .description('List the calls in the library: id, company, ticker, quarter, date and passages indexed.')
    .option('--json', 'print the list as one JSON array')
    .option('--index-dir <dir>', 'index to read (built there first if missing or stale)', process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR)
    .option('--library <dir>', 'transcript library folder', process.env.TRANSCRIPTS_DIR ?? DEFAULT_TRANSCRIPTS_DIR);
  return weightsOption(command).action(async (opts: { json?: boolean; indexDir: string; library: string } & WeightsChoice) => {
    const { openCliService } = await import('./open-cli-service.js');
    const service = await openCliService({ indexDir: opts.indexDir, library: opts.library, weights: opts });
    try {
      const calls = listCalls(service.engine.calls());
      process.stdout.write(`${opts.json ? JSON.stringify(calls, null, 2) : formatCallTable(calls)}\n`);
    } finally {
      await service.close();
    }
  });
}
