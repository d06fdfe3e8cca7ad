/**
 * Call ids, stable across re-imports of the same call:
 * - `<ticker or company slug>-q<N>-<year>` when the quarter and fiscal year are known ("amzn-q4-2025");
 * - else `<slug>-<dataset file id>` for a dataset call ("pam-4468679");
 * - else `<slug>-<call date>` ("acme-2024-07-30");
 * - else `<slug>-<file name slug>`, or `<slug>-<8 hex digits of the text's SHA-256>` without a file name.
 * The slug is the ticker's when there is one, else the company's (at most 40 characters).
 */
import { createHash } from 'node:crypto';
import { slugify } from './names.js';

export interface CallIdFacts {
  company: string | null;
  ticker: string | null;
  fiscalQuarter: number | null;
  fiscalYear: number | null;
  date: string | null;
  datasetFileId?: string | null;
  fileName?: string | null;
  text: string;
}

const MAX_SLUG_CHARS = 40;

function stem(fileName: string): string {
  const base = fileName.split(/[\\/]/).at(-1) ?? fileName;
  return base.replace(/\.[A-Za-z0-9]{1,5}$/, '');
}

export function callId(facts: CallIdFacts): string {
  const base = (slugify(facts.ticker ?? '') || slugify(facts.company ?? '')).slice(0, MAX_SLUG_CHARS).replace(/-+$/, '') || 'call';
  if (facts.fiscalQuarter !== null && facts.fiscalYear !== null) return `${base}-q${facts.fiscalQuarter}-${facts.fiscalYear}`;
  if (facts.datasetFileId) return `${base}-${slugify(facts.datasetFileId)}`;
  if (facts.date) return `${base}-${facts.date}`;
  const fileSlug = facts.fileName ? slugify(stem(facts.fileName)) : '';
  if (fileSlug) return fileSlug.startsWith(base) ? fileSlug : `${base}-${fileSlug}`;
  return `${base}-${createHash('sha256').update(facts.text).digest('hex').slice(0, 8)}`;
}
