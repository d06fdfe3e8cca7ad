import { Command, InvalidArgumentError } from 'commander';
import type { CallRef, SearchResponse } from '../api/schemas.js';
import { DEFAULT_INDEX_DIR, DEFAULT_TRANSCRIPTS_DIR } from '../index/layout.js';
import { UsageError } from './fail.js';
import { asUsageError } from './usage-errors.js';
import { isEntryModule, runCommand } from './run-command.js';
import { weightsOption } from './weights.js';

const SECTION_LABEL = { prepared_remarks: 'Prepared remarks', qa: 'Q&A' } as const;
const RELEVANCE_LABEL = { strong: 'strong match', related: 'related', weak: 'weaker match' } as const;

export interface FormatOptions {
  color: boolean;
  /** Follow each result with its citation line. */
  cite?: boolean;
}

/** "1:02:03" past an hour, else "12:34": where a passage starts in the call's recording. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Which call a result is from, as a person names it: "Amazon.com, Inc. Q4 2025" (the date when the quarter is unknown). */
export function callLabel(call: CallRef): string {
  return [call.company, call.quarter ?? call.date].filter(Boolean).join(' ');
}

/** Human-readable results: speaker, title, call, section, score, with the answering sentence marked. */
export function formatResults(r: SearchResponse, opts: FormatOptions): string {
  const { color } = opts;
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const mark = (s: string) => (color ? `\x1b[1;33m${s}\x1b[0m` : `»${s}«`);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  const lines: string[] = [];
  if (r.notice) lines.push(`note: ${r.notice}`, '');
  const preferred = r.interpreted.preferred_company;
  if (preferred) lines.push(dim(`"${preferred.matched}" is ${preferred.name}'s: its calls first (name a company for another's).`), '');
  if (r.answer) lines.push(`${bold('Answer')} — ${r.answer.speaker.name} (${callLabel(r.answer.call)}): ${r.answer.text}`, '');
  if (r.key_points.length > 1) {
    lines.push(bold('Key points'));
    for (const k of r.key_points) lines.push(`  • ${k.speaker.name} (${callLabel(k.call)}): ${k.text.trim()} ${dim(`(${k.passage_id})`)}`);
    lines.push('');
  }
  if (r.results.length === 0) lines.push('No passages matched.');
  const weaker = r.results.filter((res) => res.weak).length;
  for (const res of r.results) {
    if (res.weak && res === r.results.find((x) => x.weak) && weaker < r.results.length) lines.push(dim(`— ${weaker} weaker match${weaker === 1 ? '' : 'es'} —`), '');
    const who = [res.speaker.name, res.speaker.title ?? res.speaker.firm, res.speaker.side].filter(Boolean).join(' · ');
    const at = res.start_time !== null ? ` at ${formatClock(res.start_time)}` : '';
    const where = `${callLabel(res.call)} · ${SECTION_LABEL[res.section]}${res.exchange !== null ? `, exchange ${res.exchange}` : ''}${at}`;
    lines.push(`${bold(`${res.rank}. ${who}`)}  ${dim(`${where} · ${RELEVANCE_LABEL[res.relevance.label]} (${Math.round(res.relevance.score * 100)}) · ${res.id}`)}`);
    const t = res.text;
    // A weaker match is not claimed to answer: no marked sentence.
    lines.push(res.weak ? `   ${t}` : `   ${t.slice(0, res.answer.start)}${mark(t.slice(res.answer.start, res.answer.end))}${t.slice(res.answer.end)}`);
    if (opts.cite) lines.push(`   ${dim('cite:')} ${res.citation}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** A four-digit year, or "any"; anything else goes to the schema as text, which refuses it with the API's message. */
function parseYear(v: string): number | string {
  return /^\d{4}$/.test(v.trim()) ? Number(v) : v.trim();
}

function parseK(v: string): number {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError('k must be a whole number');
  return Number(v);
}

interface AskOptions {
  k: number;
  json?: boolean;
  cite?: boolean;
  speaker?: string;
  side?: string;
  section?: string;
  company?: string;
  quarter?: string;
  year?: number | string;
  call?: string;
  int8?: boolean;
  fp32?: boolean;
  indexDir: string;
  library: string;
}

export function createAskCommand(): Command {
  const command = new Command('ask')
    .description('Search the indexed calls from the command line (no server, no network).')
    .argument('<question...>', 'the question or keywords')
    .option('-k, --k <n>', 'number of results (1–50)', parseK, 5)
    .option('--json', "print the API's JSON response (one document on stdout; progress goes to stderr)")
    .option('--cite', 'print each result with its citation: "quote" — speaker, title or firm, company quarter earnings call, date');
  weightsOption(command);
  return command
    .option('--speaker <name>', 'only this speaker (name, surname, role or firm)')
    .option('--side <side>', 'company | analyst | operator')
    .option('--section <section>', 'prepared_remarks | qa')
    .option('--company <company>', 'only this company: name, short name or ticker, any case ("any" lifts one the question names)')
    .option('--quarter <quarter>', 'only this fiscal quarter: "Q4 2025" or "2025Q4" ("any" lifts one the question names)')
    .option('--year <year>', 'only this fiscal year, e.g. 2025 ("any" lifts one the question names)', parseYear)
    .option('--call <id>', 'only this call, by id (`transcript-search calls` lists them)')
    .option('--index-dir <dir>', 'index to search (built there first if missing or stale)', process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR)
    // The library the index must cover, as for the server: otherwise an index of another library looks stale and is rebuilt.
    .option('--library <dir>', 'transcript library folder', process.env.TRANSCRIPTS_DIR ?? DEFAULT_TRANSCRIPTS_DIR)
    .action(async (words: string[], opts: AskOptions) => {
      // The same schema as the API, so the CLI refuses exactly what the server refuses (before loading anything).
      const { speaker, side, section, company, quarter, year, call } = opts;
      // Loaded here, not at start: `--help` and argument errors answer without building the schemas.
      const { SearchBody } = await import('../api/schemas.js');
      const parsed = SearchBody.safeParse({ q: words.join(' '), k: opts.k, speaker, side, section, company, quarter, year, call });
      if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
      const { openCliService } = await import('./open-cli-service.js');
      const service = await openCliService({ indexDir: opts.indexDir, library: opts.library, weights: opts });
      try {
        const response = await service.engine.search(parsed.data).catch(async (err: unknown) => {
          throw await asUsageError(err);
        });
        const out = opts.json
          ? JSON.stringify(response, null, 2)
          : formatResults(response, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, cite: opts.cite });
        process.stdout.write(`${out}\n`);
      } finally {
        await service.close();
      }
    });
}

if (isEntryModule(import.meta.url)) runCommand(new Command().addCommand(createAskCommand(), { isDefault: true }));
