// @ts-check
/**
 * Example questions for the home page, made from the library itself: a company's executives by
 * name and role, an analyst's firm, a quarter the library holds, a second company. The topics are
 * ones every earnings call covers (demand, margins, pricing, guidance), so every example is a
 * sensible question whatever calls are loaded, one or many.
 */
import { quarterKey, shortCompany, surname } from './format.js';

/** @typedef {import('./api.js').CallSummary} CallSummary */
/** @typedef {import('./api.js').CallResponse} CallResponse */
/** @typedef {import('./api.js').Participant} Participant */

const CEO = /chief executive|\bceo\b/i;
const CFO = /chief financial|\bcfo\b/i;
const INVESTOR_RELATIONS = /investor relations|\bir\b/i;

/**
 * The call the examples are about: the newest call of the company with the most calls (the one a
 * question about quarters suits best); ties go to the newest call.
 * @param {CallSummary[]} calls
 * @returns {CallSummary | null}
 */
export function exampleCall(calls) {
  /** @type {Map<string, CallSummary[]>} */
  const byCompany = new Map();
  for (const c of calls) byCompany.set(c.company_key, [...(byCompany.get(c.company_key) ?? []), c]);
  let best = null;
  let bestCount = 0;
  for (const list of byCompany.values()) {
    const newest = newestFirst(list)[0];
    if (!newest) continue;
    if (list.length > bestCount || (list.length === bestCount && best && (newest.date ?? '') > (best.date ?? ''))) {
      best = newest;
      bestCount = list.length;
    }
  }
  return best;
}

/** @param {CallSummary[]} calls */
const newestFirst = (calls) => [...calls].sort((a, b) => (quarterKey(b.quarter) ?? 0) - (quarterKey(a.quarter) ?? 0) || (b.date ?? '').localeCompare(a.date ?? ''));

/** Trailing legal forms of a firm's name, which people leave out. */
const FIRM_SUFFIX = /(?:,?\s+(?:&\s*co|co|inc|llc|plc|ltd|l\.?p|group)\.?)$/i;

/** "JPMorgan Chase & Co" → "JPMorgan Chase": how a firm is named in a question. @param {string} firm */
export function shortFirm(firm) {
  let short = firm.trim();
  for (let next = short.replace(FIRM_SUFFIX, ''); next !== short && next.length > 0; next = short.replace(FIRM_SUFFIX, '')) short = next;
  return short || firm;
}

/**
 * Up to six questions about the library.
 * @param {CallSummary[]} calls every call (as GET /api/calls lists them)
 * @param {CallResponse | null} detail the example call's participants (see exampleCall), when loaded
 * @returns {string[]}
 */
export function deriveExamples(calls, detail) {
  const call = exampleCall(calls);
  if (!call) return [];
  const company = shortCompany(call.company);
  const people = detail?.id === call.id ? detail.participants : [];
  const executives = people.filter((p) => p.side === 'company' && p.title && !INVESTOR_RELATIONS.test(p.title));
  const ceo = executives.find((p) => CEO.test(p.title ?? '')) ?? executives[0];
  const cfo = executives.find((p) => CFO.test(p.title ?? ''));
  const analyst = people.find((p) => p.side === 'analyst' && p.firm);
  const several = new Set(calls.map((c) => c.company_key)).size > 1;
  const ownCalls = newestFirst(calls.filter((c) => c.company_key === call.company_key));
  // An older quarter when the company has several calls: the example shows a period picking one.
  const quarter = (ownCalls[1] ?? ownCalls[0])?.quarter ?? null;
  const other = calls.find((c) => c.company_key !== call.company_key);

  /** @type {(string | null)[]} */
  const examples = [
    ceo ? `What did ${surname(ceo.name)} say about demand?` : null,
    cfo ? (several ? `What did the ${company} CFO say about margins?` : 'What did the CFO say about margins?') : null,
    'Who asked about pricing?',
    analyst?.firm ? `What did the ${shortFirm(analyst.firm)} analyst ask?` : null,
    quarter ? `What did ${company} say about guidance in ${quarter}?` : `What did ${company} say about guidance?`,
    other ? `What did ${shortCompany(other.company)} say about pricing?` : 'capital spending plans',
  ];
  return examples.filter((x) => x !== null);
}
