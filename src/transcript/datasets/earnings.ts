/**
 * Earnings-21 / Earnings-22 style dataset folders (Rev's ASR benchmarks): token files
 * (`transcripts/nlp_references/<file id>.nlp`) plus CSV metadata beside them:
 * - `earnings21-file-metadata.csv`: file_id, company_name, financial_quarter, sector (no year
 *   column: the dataset's README places every call in 2020, so that year is used);
 * - `speaker-metadata.csv`: file_id, speaker_id, speaker_name;
 * - Earnings-22 `metadata.csv`: File ID, Ticker Symbol (no company name, quarter or date: the
 *   ticker stands in for the company and the quarter stays unknown).
 * Columns are found by their header names, so a folder laid out the same way with other calls
 * reads too. Pointing at the folder (or at one .nlp file inside it) brings the metadata along.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { DatasetCallInfo } from '../layouts/layout.js';

/** Earnings-21 calls are from 2020 (its README: "earnings calls … from 2020"). */
export const EARNINGS21_YEAR = 2020;
const EARNINGS21_FILE_METADATA = 'earnings21-file-metadata.csv';
const METADATA_FILES = [EARNINGS21_FILE_METADATA, 'speaker-metadata.csv', 'metadata.csv'];
/** How many folders up from a .nlp file a dataset's metadata is looked for. */
const MAX_PARENT_LEVELS = 3;

export interface DatasetIndex {
  name: string;
  files: { path: string; info: DatasetCallInfo }[];
  /** Metadata that could not be read (the calls still are, without it). */
  problems: { file: string; line: number; message: string }[];
}

type Row = Record<string, string>;

function column(row: Row, pattern: RegExp): string | null {
  for (const [key, value] of Object.entries(row)) {
    if (pattern.test(key.trim().toLowerCase().replace(/[\s_]+/g, ' '))) return value.trim() === '' ? null : value.trim();
  }
  return null;
}

const FILE_ID = /^file id$/;

async function readCsv(file: string, problems: DatasetIndex['problems']): Promise<Row[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return [];
  }
  try {
    return parseCsv(text, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as Row[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    problems.push({ file: path.basename(file), line, message: `cannot read the metadata: ${(error as Error).message}` });
    return [];
  }
}

async function listNlpFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true });
  return entries
    .filter((e) => e.endsWith('.nlp') && !path.basename(e).startsWith('.'))
    .map((e) => path.join(dir, e))
    .sort();
}

/** Whether a folder holds a dataset: its metadata CSVs and .nlp token files. */
export async function isDatasetFolder(dir: string): Promise<boolean> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  if (!names.some((n) => METADATA_FILES.includes(n))) return false;
  return (await listNlpFiles(dir).catch(() => [])).length > 0;
}

/** Reads a dataset folder: every .nlp file with what the metadata says about it. */
export async function readDataset(dir: string): Promise<DatasetIndex> {
  const problems: DatasetIndex['problems'] = [];
  const name = path.basename(path.resolve(dir));
  const byId = new Map<string, Omit<DatasetCallInfo, 'speakerNames'> & { speakerNames: Map<string, string> }>();
  const entry = (fileId: string) => {
    let info = byId.get(fileId);
    if (!info) {
      info = { dataset: name, fileId, company: null, ticker: null, fiscalQuarter: null, fiscalYear: null, sector: null, speakerNames: new Map() };
      byId.set(fileId, info);
    }
    return info;
  };

  const fileMeta = await readCsv(path.join(dir, EARNINGS21_FILE_METADATA), problems);
  for (const row of fileMeta) {
    const id = column(row, FILE_ID);
    if (!id) continue;
    const info = entry(id);
    info.company = column(row, /^company/);
    const quarter = Number(column(row, /quarter/));
    info.fiscalQuarter = quarter >= 1 && quarter <= 4 ? quarter : null;
    const year = Number(column(row, /^(?:fiscal )?year$/));
    info.fiscalYear = info.fiscalQuarter === null ? null : Number.isInteger(year) && year > 1900 ? year : EARNINGS21_YEAR;
    info.sector = column(row, /^sector$/);
  }
  for (const row of await readCsv(path.join(dir, 'speaker-metadata.csv'), problems)) {
    const id = column(row, FILE_ID);
    const speaker = column(row, /^speaker id$/);
    const speakerName = column(row, /^speaker name$/);
    if (id && speaker !== null && speakerName) entry(id).speakerNames.set(speaker, speakerName.replace(/\s+/g, ' '));
  }
  for (const row of await readCsv(path.join(dir, 'metadata.csv'), problems)) {
    const id = column(row, FILE_ID);
    if (!id) continue;
    const info = entry(id);
    info.ticker = column(row, /^ticker/)?.toUpperCase() ?? null;
    info.company ??= column(row, /^company/);
  }

  const files = (await listNlpFiles(dir)).map((file) => {
    const fileId = path.basename(file, '.nlp');
    return { path: file, info: byId.get(fileId) ?? entry(fileId) };
  });
  return { name, files, problems };
}

const cache = new Map<string, Promise<DatasetIndex>>();

/** The dataset metadata for one .nlp file, from a dataset folder up to three levels above it. */
export async function findDatasetFor(file: string): Promise<DatasetCallInfo | null> {
  if (!file.endsWith('.nlp')) return null;
  let dir = path.dirname(path.resolve(file));
  for (let level = 0; level <= MAX_PARENT_LEVELS; level++) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    if (names.some((n) => METADATA_FILES.includes(n))) {
      const key = dir;
      if (!cache.has(key)) cache.set(key, readDataset(dir));
      const index = await (cache.get(key) as Promise<DatasetIndex>);
      return index.files.find((f) => path.resolve(f.path) === path.resolve(file))?.info ?? null;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}
