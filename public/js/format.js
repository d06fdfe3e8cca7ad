// @ts-check
/** Labels and small text helpers shared by the views. */

/** @typedef {import('./api.js').Speaker} Speaker */
/** @typedef {import('./api.js').Side} Side */
/** @typedef {import('./api.js').Section} Section */

/** @type {Record<Side, string>} */
export const SIDE_LABEL = { company: 'Company', analyst: 'Analyst', operator: 'Operator' };
/** @type {Record<Side, string>} plural, for filters and sentences */
export const SIDE_PLURAL = { company: 'Company', analyst: 'Analysts', operator: 'Operator' };
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

/** "2026-02-05" → "Feb 5, 2026" (falls back to the raw text). @param {string} iso */
export function formatDate(iso) {
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
