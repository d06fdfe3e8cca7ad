/**
 * What a call's opening says of it that its source did not: the company (the operator's welcome)
 * and the period it reports (the welcome, else the opening's words — reported-period.ts). One
 * reading for import (call-assembly.ts, with warnings) and for stored calls read again on every
 * build (library/stored-call.ts), so both always agree.
 */
import { inUsualCasing } from './company-casing.js';
import { welcomeMeta } from './header-meta.js';
import { openingText, quarterFields, reportedPeriod } from './reported-period.js';
import type { CallMeta } from './types.js';

type QuarterFields = Pick<CallMeta, 'quarter' | 'fiscalQuarter' | 'fiscalYear'>;

export interface SpokenMeta {
  /** The company the welcome names (when the source named none), and its quarter when it says one the source did not. */
  welcome: { company: string; quarter: QuarterFields | null } | null;
  /** The period the opening reports, when neither the source nor the welcome says one; `said`: its words. */
  reported: (QuarterFields & { said: string }) | null;
}

/** The words of a call's turns, for how it writes a name its welcome says in capitals. */
function callText(turns: readonly { paragraphs: readonly { text: string }[] }[]): string {
  return turns.map((t) => t.paragraphs.map((p) => p.text).join('\n')).join('\n');
}

/** `known`: what the source itself said (a ticker standing in for the company does not count). */
export function spokenMeta(turns: readonly { paragraphs: readonly { text: string }[] }[], known: { company: boolean; quarter: boolean }): SpokenMeta {
  const found = known.company ? null : welcomeMeta(turns);
  const welcome =
    found?.company != null
      ? { company: inUsualCasing(found.company, callText(turns)), quarter: !known.quarter && found.quarter !== null ? { quarter: found.quarter, fiscalQuarter: found.fiscalQuarter, fiscalYear: found.fiscalYear } : null }
      : null;
  const period = known.quarter || welcome?.quarter ? null : reportedPeriod(openingText(turns));
  return { welcome, reported: period && { ...quarterFields(period), said: period.said } };
}
