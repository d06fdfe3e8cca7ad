// @ts-check
/** Labels and small text helpers shared by the views. */

/** @typedef {import('./api.js').Speaker} Speaker */
/** @typedef {import('./api.js').Side} Side */
/** @typedef {import('./api.js').Section} Section */

/** @typedef {import('./api.js').CallRef} CallRef */

/** @type {Record<Side, string>} */
export const SIDE_LABEL = { company: 'Company', analyst: 'Analyst', operator: 'Operator', unknown: 'Side unknown' };
/** @type {Record<Side, string>} plural, for filters and sentences */
export const SIDE_PLURAL = { company: 'Company', analyst: 'Analysts', operator: 'Operator', unknown: 'Side unknown' };
/** @type {Record<Section, string>} */
export const SECTION_LABEL = { prepared_remarks: 'Prepared remarks', qa: 'Q&A' };

/** "Andrew Jassy" → "Jassy". @param {string} name */
export const surname = (name) => name.trim().split(/\s+/).at(-1) ?? name;

/** "Andrew Jassy" → "AJ". @param {string} name */
export function initials(name) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? parts.at(-1)?.[0] ?? '' : '';
  return (first + last).toUpperCase();
}

/**
 * The line under a speaker's name: company title, or the analyst's firm.
 * @param {Pick<Speaker, 'title' | 'firm' | 'side'>} s
 */
export function roleLine(s) {
  if (s.title) return s.title;
  if (s.firm) return s.firm;
  return s.side === 'operator' ? 'Conference operator' : '';
}

/** "Douglas Anmuth (JPMorgan Chase & Co)". @param {Speaker} s */
export const nameWithFirm = (s) => (s.firm && s.side === 'analyst' ? `${s.name} (${s.firm})` : s.name);

/** "2026-02-05" → "Feb 5, 2026" (falls back to the raw text; "" when unknown). @param {string | null} iso */
export function formatDate(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** Join names: "A", "A or B", "A, B or C". @param {string[]} names @param {string} [word] */
export function joinNames(names, word = 'or') {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${word} ${names.at(-1)}`;
}

/**
 * Call id of a passage id: `<call id>@<offset>`, or the older `<call id>:<index>` (call ids hold neither character).
 * @param {string} passageId
 */
export function callIdOf(passageId) {
  const at = Math.max(passageId.lastIndexOf('@'), passageId.lastIndexOf(':'));
  return at > 0 ? passageId.slice(0, at) : passageId;
}

/**
 * Where a passage starts in the call's recording: "12:34", or "1:02:03" past an hour.
 * @param {number} seconds
 */
export function formatClock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/**
 * Legal forms and web suffixes people leave out when they name a company: "Amazon.com, Inc." →
 * "Amazon", "Bluefin Foods Corp." → "Bluefin Foods". Applied repeatedly ("Foo Holdings, Inc.").
 */
const LEGAL_SUFFIX = /(?:,?\s+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|plc|llc|l\.?p|n\.?v|s\.?a|ag|se|holdings?|group)\.?|\.com)$/i;

/** How a person names a company in a question. @param {string} name */
export function shortCompany(name) {
  let short = name.trim().replace(/^the\s+/i, '');
  for (let next = short.replace(LEGAL_SUFFIX, ''); next !== short && next.length > 0; next = short.replace(LEGAL_SUFFIX, '')) short = next;
  return short || name;
}

/** "Amazon.com, Inc. · Q4 2025": which call, as a card names it (the date when the quarter is unknown). @param {CallRef} call */
export const callLabel = (call) => [call.company, call.quarter ?? formatDate(call.date)].filter(Boolean).join(' · ');

/** "AMZN Q4 2025": a call in few characters (the company when there is no ticker). @param {CallRef} call */
export const shortCallLabel = (call) => [call.ticker ?? shortCompany(call.company), call.quarter ?? formatDate(call.date)].filter(Boolean).join(' ');

/**
 * Sort key of a quarter label, newest first when sorted descending: "Q4 2025" → 20254; null for anything else.
 * @param {string | null} label
 */
export function quarterKey(label) {
  const m = /^Q([1-4]) (\d{4})$/.exec(label ?? '');
  return m ? Number(m[2]) * 10 + Number(m[1]) : null;
}
