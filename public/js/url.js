// @ts-check
/**
 * The address bar is the state: `/?q=…&speaker=…&side=…&section=…&company=…&quarter=…&year=…&call=…`
 * is a search, `#p=<passage id>` opens a call's transcript at a passage, `#call=<call id>` opens it
 * at the top (`#transcript`, from the one-call days, opens the library's only call).
 */

/** @typedef {import('./api.js').Filters} Filters */
/** @typedef {{ q: string, filters: Filters, passage: string | null, callId: string | null, transcript: boolean }} Route */

export const FILTER_KEYS = /** @type {const} */ (['speaker', 'side', 'section', 'company', 'quarter', 'year', 'call']);

/** @param {Location | URL} [loc] @returns {Route} */
export function readRoute(loc = window.location) {
  const params = new URLSearchParams(loc.search);
  /** @type {Filters} */
  const filters = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key)?.trim();
    if (v) /** @type {Record<string, string>} */ (filters)[key] = v;
  }
  const hash = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const p = hash.get('p') || null;
  const callId = hash.get('call') || null;
  return { q: (params.get('q') ?? '').trim(), filters, passage: p, callId, transcript: Boolean(p || callId) || hash.has('transcript') };
}

/** ":" and "@" are fine in a fragment; keeping them makes shared links readable. @param {string} id */
const fragment = (id) => encodeURIComponent(id).replace(/%3A/gi, ':').replace(/%40/g, '@');

/**
 * @param {string} q
 * @param {Filters} [filters]
 * @param {{ passage?: string | null, callId?: string | null, transcript?: boolean }} [view]
 */
export function href(q, filters = {}, view = {}) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, String(filters[key]));
  const search = params.size > 0 ? `?${params}` : '';
  const hash = view.passage ? `#p=${fragment(view.passage)}` : view.callId ? `#call=${fragment(view.callId)}` : view.transcript ? '#transcript' : '';
  return `/${search}${hash}`;
}

/** Same filters? @param {Filters} a @param {Filters} b */
export const sameFilters = (a, b) => FILTER_KEYS.every((k) => (a[k] ?? '') === (b[k] ?? ''));
