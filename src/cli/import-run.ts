/**
 * What `import` does once its arguments are read: check, add or remove calls (see import.ts for
 * the command). Loaded only when the command runs, so `--help` and argument errors stay quick.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { addCalls, refuseBatchDuplicates, removeCalls, sha256Of, type CallToAdd, type LibraryUpdateOptions } from '../index/library-update.js';
import { checkCall } from '../library/check-call.js';
import { CheckReport, checkReportItem, formatCheckReport, type CheckReportItem } from '../library/check-report.js';
import { failureFrom, type ImportFailure } from '../library/failures.js';
import { readTranscriptPath } from '../transcript/read-source.js';
import { loadEmbedder, quantizedFromEnv, type Embedder } from '../model/embedder.js';
import { loadTokenizer } from '../model/tokenizer.js';
import { textEmbedder } from '../service/open-service.js';
import { describeLimit, transcriptLimits, type TranscriptLimits } from '../transcript/limits.js';
import { buildProgressReporter, formatBuildSummary } from './progress.js';

export interface ImportOptions {
  check?: boolean;
  json?: boolean;
  remove?: string[];
  library: string;
  indexDir: string;
  int8?: boolean;
  fp32?: boolean;
}

/** A path as the user would recognise it: relative to the working directory when inside it. */
function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** `error: file:line: why`, then the offending line itself when there is one. */
function failureLines(f: ImportFailure): string {
  const head = `error: ${f.file}${f.line === null ? '' : `:${f.line}`}: ${f.message}`;
  return f.lineText ? `${head}\n  ${f.line} | ${f.lineText}` : head;
}

/** The file a folder's call came from, by name, a few levels down (dataset folders nest their files). */
async function locateIn(root: string, name: string, depth = 3): Promise<string | null> {
  let level = [root];
  for (let d = 0; d <= depth && level.length > 0; d++) {
    const next: string[] = [];
    for (const dir of level) {
      const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        if (e.isFile() && e.name === name) return path.join(dir, e.name);
        if (e.isDirectory() && !e.name.startsWith('.')) next.push(path.join(dir, e.name));
      }
    }
    level = next;
  }
  return null;
}

/** Reads every path given: its calls (with their original file's checksum) and the files that failed. */
async function readPaths(paths: string[], limits: TranscriptLimits): Promise<{ calls: CallToAdd[]; failures: ImportFailure[] }> {
  const calls: CallToAdd[] = [];
  const failures: ImportFailure[] = [];
  for (const given of [...new Set(paths.map((p) => path.resolve(p)))]) {
    const label = shown(given);
    const stat = await fs.stat(given).catch(() => null);
    if (!stat || !(stat.isFile() || stat.isDirectory())) {
      failures.push({ file: label, line: null, lineText: null, message: 'no such file or folder' });
      continue;
    }
    // Refused before a byte is read: a 50 MB file never reaches memory.
    if (stat.isFile() && stat.size > limits.maxFileBytes) {
      failures.push({ file: label, line: null, lineText: null, message: `the file is ${stat.size.toLocaleString('en-US')} bytes; ${describeLimit('maxFileBytes', limits)}` });
      continue;
    }
    process.stderr.write(`Reading ${label}\n`);
    let read: Awaited<ReturnType<typeof readTranscriptPath>>;
    try {
      read = await readTranscriptPath(given);
    } catch (err) {
      failures.push(failureFrom(label, err));
      continue;
    }
    if (stat.isDirectory() && read.calls.length === 0 && read.failures.length === 0) {
      failures.push({ file: label, line: null, lineText: null, message: 'no transcript files in this folder (.txt, .vtt, .srt, .nlp, .pdf, .docx, .html, or a dataset folder)' });
    }
    for (const f of read.failures) failures.push(failureFrom(shown(f.file), f.error));
    for (const parsed of read.calls) {
      const file = stat.isFile() ? given : await locateIn(given, parsed.source);
      const original = file ? sha256Of(await fs.readFile(file)) : null;
      calls.push({ parsed, file: file ? shown(file) : `${label}/${parsed.source}`, original });
    }
  }
  return { calls, failures };
}

/** --check: parse, check limits and chunk, report; touch nothing. */
async function check(paths: string[], opts: ImportOptions, limits: TranscriptLimits): Promise<number> {
  const { calls, failures } = await readPaths(paths, limits);
  const countTokens = await loadTokenizer();
  const good: CallToAdd[] = [];
  for (const c of calls) {
    try {
      checkCall(c.parsed.call, countTokens, limits);
      good.push(c);
    } catch (err) {
      failures.push(failureFrom(c.file ?? c.parsed.source, err));
    }
  }
  const { unique, failures: duplicates } = refuseBatchDuplicates(good);
  failures.push(...duplicates);
  const items: CheckReportItem[] = unique.map((c) => checkReportItem(c.parsed));
  if (opts.json) process.stdout.write(`${JSON.stringify(CheckReport.parse(items), null, 2)}\n`);
  else {
    const reports = items.map(formatCheckReport);
    reports.push(`${items.length} call(s) would be imported${failures.length ? `; ${failures.length} file(s) or call(s) would fail (see errors)` : ''}. Nothing was changed.`);
    process.stdout.write(`${reports.join('\n\n')}\n`);
  }
  for (const f of failures) process.stderr.write(`${failureLines(f)}\n`);
  return failures.length > 0 ? 1 : 0;
}

/** Shared by add and remove: the library, the index, the tokenizer now and the model when a rebuild is due. */
function updateOptions(opts: ImportOptions, limits: TranscriptLimits, countTokens: (t: string) => number, progress: ReturnType<typeof buildProgressReporter>, models: Embedder[]): LibraryUpdateOptions {
  const quantized = opts.fp32 ? false : opts.int8 ? true : quantizedFromEnv();
  return {
    library: path.resolve(opts.library),
    indexDir: path.resolve(opts.indexDir),
    limits,
    countTokens,
    embedder: async () => {
      process.stderr.write('Updating the index…\n');
      const model = await loadEmbedder({ quantized });
      models.push(model);
      return textEmbedder(model);
    },
    onProgress: progress.onProgress,
  };
}

/** Add the calls in `paths` to the library and update the index; the exit code (1 when any file failed). */
export async function importFiles(paths: string[], opts: ImportOptions, limits: TranscriptLimits = transcriptLimits()): Promise<number> {
  const { calls, failures } = await readPaths(paths, limits);
  const progress = buildProgressReporter();
  const models: Embedder[] = [];
  try {
    const result = await addCalls(calls, updateOptions(opts, limits, await loadTokenizer(), progress, models));
    progress.stop();
    failures.push(...result.failures);
    if (opts.json) {
      const body = {
        added: result.added.map((a) => ({ call_id: a.callId, from: a.from, stored: shown(a.stored) })),
        failed: failures.map((f) => ({ file: f.file, line: f.line, line_text: f.lineText, error: f.message })),
        index: result.build && { calls: result.build.manifest.sources.length, passages: result.build.passages, rejected: result.build.rejected.map((r) => ({ file: r.path, error: r.error })) },
      };
      process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    } else {
      for (const a of result.added) process.stdout.write(`Added ${a.callId} from ${a.from} → ${shown(a.stored)}\n`);
      if (result.build) process.stdout.write(`${formatBuildSummary(result.build)}\n`);
      if (result.added.length === 0) process.stdout.write('Nothing was added; the library and the index are unchanged.\n');
    }
    for (const f of failures) process.stderr.write(`${failureLines(f)}\n`);
    return failures.length > 0 ? 1 : 0;
  } finally {
    progress.stop();
    for (const m of models) await m.close?.();
  }
}

async function remove(ids: string[], opts: ImportOptions, limits: TranscriptLimits): Promise<number> {
  const progress = buildProgressReporter();
  const models: Embedder[] = [];
  try {
    const result = await removeCalls(ids, updateOptions(opts, limits, await loadTokenizer(), progress, models));
    progress.stop();
    if (opts.json) {
      const body = {
        removed: result.removed.map((r) => ({ call_id: r.callId, file: shown(r.file) })),
        failed: result.failures.map((f) => ({ call_id: f.callId, error: f.message })),
        index: result.build && { calls: result.build.manifest.sources.length, passages: result.build.passages, rejected: result.build.rejected.map((r) => ({ file: r.path, error: r.error })) },
      };
      process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    } else {
      for (const r of result.removed) process.stdout.write(`Removed ${r.callId} (${shown(r.file)})\n`);
      if (result.build) process.stdout.write(`${formatBuildSummary(result.build)}\n`);
    }
    for (const f of result.failures) process.stderr.write(`error: ${f.callId}: ${f.message}\n`);
    return result.failures.length > 0 ? 1 : 0;
  } finally {
    progress.stop();
    for (const m of models) await m.close?.();
  }
}

/** The import command's work: `--remove`, `--check`, or adding the files; returns the exit code. */
export async function runImport(paths: string[], opts: ImportOptions): Promise<number> {
  const limits = transcriptLimits();
  if (opts.remove) return remove(opts.remove, opts, limits);
  if (opts.check) return check(paths, opts, limits);
  return importFiles(paths, opts, limits);
}
