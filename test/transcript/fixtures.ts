/** Shared fixtures for transcript and passage tests: the bundled call and small synthetic calls. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const AMZN_PATH = fileURLToPath(new URL('../../data/transcripts/amzn-q4-2025-earnings-call.txt', import.meta.url));

export function readAmzn(): string {
  return readFileSync(AMZN_PATH, 'utf8');
}

export interface SyntheticTurn {
  speaker: string;
  /** Title/firm line under the name; omit for the operator. */
  title?: string;
  paragraphs: string[];
}

/** Renders a transcript in the bundled call's layout. */
export function renderTranscript(opts: {
  title?: string;
  company?: string[];
  analysts?: string[];
  presentation: SyntheticTurn[];
  qa?: SyntheticTurn[];
}): string {
  const block = (turns: SyntheticTurn[]): string[] =>
    turns.flatMap((t) => [t.speaker, ...(t.title ? [t.title] : []), '', ...t.paragraphs.flatMap((p) => [p, ''])]);
  const lines = [
    opts.title ?? 'Widget Corp (WDGT) Q2 2024 Earnings Call Jul 30, 2024 8:30 AM ET',
    '',
    'Company Participants',
    '',
    ...(opts.company ?? ['Jane Roe - Chief Executive Officer', 'Robert Smith - Chief Financial Officer']),
    '',
  ];
  if (opts.analysts) lines.push('Conference Call Participants', '', ...opts.analysts, '');
  lines.push('Presentation', '', ...block(opts.presentation));
  if (opts.qa) lines.push('Question-and-Answer Session', '', ...block(opts.qa));
  return lines.join('\n');
}
