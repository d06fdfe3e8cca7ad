import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_INDEX_DIR, DEFAULT_TRANSCRIPTS_DIR } from '../index/layout.js';
import type { CallListing } from '../api/call-listing.js';
import { asUsageError } from './usage-errors.js';
import { weightsOption, type WeightsChoice } from './weights.js';

/** A plain-text table: one call per line, columns padded to their widest value. */
export function formatCallTable(calls: CallListing[]): string {
  const header = ['id', 'company', 'ticker', 'quarter', 'date', 'passages'];
  const rows = calls.map((c) => [c.id, c.company, c.ticker ?? '–', c.quarter ?? '–', c.date ?? '–', String(c.passages)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function parseCompany(v: string): string {
  if (!v.trim()) throw new InvalidArgumentError('company must not be empty');
  return v.trim();
}

function parseYear(v: string): number {
  if (!/^\d{4}$/.test(v.trim())) throw new InvalidArgumentError('year must be a four-digit year');
  return Number(v);
}

interface CallsOptions extends WeightsChoice {
  json?: boolean;
  company?: string;
  year?: number;
  indexDir: string;
  library: string;
}

export function createCallsCommand(): Command {
  const command = new Command('calls')
    .description('List the calls in the library: id, company, ticker, quarter, date and passages indexed; companies in alphabetical order, newest call first.')
    .option('--json', 'print the list as one JSON array')
    .option('--company <company>', 'only this company: name, short name or ticker, any case', parseCompany)
    .option('--year <year>', 'only calls of this fiscal year', parseYear)
    .option('--index-dir <dir>', 'index to read (built there first if missing or stale)', process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR)
    .option('--library <dir>', 'transcript library folder', process.env.TRANSCRIPTS_DIR ?? DEFAULT_TRANSCRIPTS_DIR);
  return weightsOption(command).action(async (opts: CallsOptions) => {
    const { openCliService } = await import('./open-cli-service.js');
    const service = await openCliService({ indexDir: opts.indexDir, library: opts.library, weights: opts });
    try {
      // The API's listing (GET /api/calls): the same order, the same filters, the same error for an unknown company.
      let listed: ReturnType<typeof service.engine.callList>;
      try {
        listed = service.engine.callList({ company: opts.company, year: opts.year });
      } catch (err) {
        throw await asUsageError(err);
      }
      const { listCalls } = await import('../api/call-listing.js');
      const calls = listCalls(listed.calls);
      if (calls.length === 0) process.stderr.write(`no call matches (the library holds ${listed.total})\n`);
      process.stdout.write(`${opts.json ? JSON.stringify(calls, null, 2) : formatCallTable(calls)}\n`);
    } finally {
      await service.close();
    }
  });
}
