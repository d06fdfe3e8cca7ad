/**
 * What `import --check` reports about a parsed call: the JSON element of `--check --json` (one
 * per call, the shape issue 8 asks for) and the readable report built from the same facts.
 */
import { z } from 'zod';
import type { Section } from '../transcript/types.js';
import type { ParsedCall } from '../transcript/read-source.js';
import { LAYOUTS } from './stored-call.js';

const SIDES = ['company', 'analyst', 'operator', 'unknown'] as const;
const SIDE_SOURCES = ['listed', 'header', 'metadata', 'inferred', 'unknown'] as const;
/** Section values as the API writes them. */
const SECTIONS = ['prepared_remarks', 'qa'] as const;

const Warning = z.object({ line: z.number().int().nullable(), message: z.string() });

export const CheckReportItem = z.object({
  call: z.object({
    id: z.string(),
    company: z.string(),
    ticker: z.string().nullable(),
    quarter: z.string().nullable(),
    year: z.number().int().nullable(),
    date: z.string().nullable(),
    layout: z.enum(LAYOUTS),
    /** The file the call came from (for a dataset folder, the call's own file, e.g. "4385939.nlp"). */
    source: z.string(),
  }),
  detection: z.object({ score: z.number(), reasons: z.array(z.string()) }),
  participants: z.array(
    z.object({ name: z.string(), side: z.enum(SIDES), side_source: z.enum(SIDE_SOURCES), title: z.string().nullable(), firm: z.string().nullable() }),
  ),
  turns: z.array(
    z.object({
      speaker: z.object({ name: z.string(), side: z.enum(SIDES), title: z.string().nullable(), firm: z.string().nullable() }),
      section: z.enum(SECTIONS),
      /** Seconds into the recording, when the source had times. */
      start_time: z.number().nullable(),
      text: z.string(),
    }),
  ),
  exchanges: z.number().int().nonnegative(),
  warnings: z.array(Warning),
});
export type CheckReportItem = z.infer<typeof CheckReportItem>;
/** `--check --json` prints exactly one of these. */
export const CheckReport = z.array(CheckReportItem);

export function checkReportItem(parsed: ParsedCall): CheckReportItem {
  const { call } = parsed;
  const byId = new Map(call.participants.map((p) => [p.id, p]));
  return {
    call: {
      id: call.meta.id,
      company: call.meta.company,
      ticker: call.meta.ticker,
      quarter: call.meta.quarter,
      year: call.meta.fiscalYear,
      date: call.meta.date,
      layout: parsed.layout,
      source: parsed.source,
    },
    detection: { score: parsed.detection.score, reasons: parsed.detection.reasons },
    participants: call.participants.map((p) => ({ name: p.name, side: p.side, side_source: p.sideSource, title: p.title, firm: p.firm })),
    turns: call.turns.map((t) => {
      const p = byId.get(t.speakerId)!;
      return {
        speaker: { name: p.name, side: p.side, title: p.title, firm: p.firm },
        section: t.section,
        start_time: t.startTime,
        text: t.paragraphs.map((x) => x.text).join('\n\n'),
      };
    }),
    exchanges: call.exchanges.length,
    warnings: parsed.warnings.map((w) => ({ line: w.line, message: w.message })),
  };
}

const SECTION_LABEL: Record<Section, string> = { prepared_remarks: 'prepared remarks', qa: 'Q&A' };
const orUnknown = (v: string | number | null) => (v === null ? 'unknown' : String(v));

/** The readable report of one call. */
export function formatCheckReport(item: CheckReportItem): string {
  const { call } = item;
  const out: string[] = [];
  out.push(`${call.source} → call ${call.id}`);
  out.push(`  layout        ${call.layout} (confidence ${item.detection.score.toFixed(2)})`);
  for (const reason of item.detection.reasons) out.push(`                - ${reason}`);
  out.push(`  company       ${call.company}`);
  out.push(`  ticker        ${orUnknown(call.ticker)}`);
  out.push(`  quarter       ${orUnknown(call.quarter)}`);
  out.push(`  year          ${orUnknown(call.year)}`);
  out.push(`  date          ${orUnknown(call.date)}`);
  out.push(`  participants  ${item.participants.length}`);
  const nameWidth = Math.min(32, Math.max(...item.participants.map((p) => p.name.length)));
  for (const p of item.participants) {
    const role = [p.title, p.side === 'analyst' ? p.firm : null].filter(Boolean).join(', ');
    out.push(`    ${p.side.padEnd(9)}${p.name.padEnd(nameWidth)}  ${`(${p.side_source})`.padEnd(11)} ${role}`.trimEnd());
  }
  const perSection = (Object.keys(SECTION_LABEL) as Section[]).map((s) => `${item.turns.filter((t) => t.section === s).length} ${SECTION_LABEL[s]}`);
  out.push(`  turns         ${item.turns.length} (${perSection.join(', ')})`);
  out.push(`  Q&A exchanges ${item.exchanges}`);
  if (item.warnings.length === 0) out.push('  warnings      none');
  else {
    out.push(`  warnings      ${item.warnings.length}`);
    for (const w of item.warnings) out.push(`    ${w.line === null ? '' : `line ${w.line}: `}${w.message}`);
  }
  return out.join('\n');
}
