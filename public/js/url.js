// @ts-check
/**
 * The address bar is the state: `/?q=…&speaker=…&side=…&section=…` is a search,
 * `#p=<passage id>` opens the transcript at a passage, `#transcript` at the top.
 */

/** @typedef {import('./api.js').Filters} Filters */
/** @typedef {{ q: string, filters: Filters, passage: string | null, transcript: boolean }} Route */

export const FILTER_KEYS = /** @type {const} */ (['speaker', 'side', 'section']);

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
  const p = hash.get('p');
  return { q: (params.get('q') ?? '').trim(), filters, passage: p || null, transcript: Boolean(p) || hash.has('transcript') };
}

/**
 * @param {string} q
 * @param {Filters} [filters]
 * @param {{ passage?: string | null, transcript?: boolean }} [view]
 */
export function href(q, filters = {}, view = {}) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, String(filters[key]));
  const search = params.size > 0 ? `?${params}` : '';
  // ":" and "@" are fine in a fragment; keeping them makes shared links readable.
  const hash = view.passage ? `#p=${encodeURIComponent(view.passage).replace(/%3A/gi, ':').replace(/%40/g, '@')}` : view.transcript ? '#transcript' : '';
  return `/${search}${hash}`;
}

/** Same filters? @param {Filters} a @param {Filters} b */
export const sameFilters = (a, b) => FILTER_KEYS.every((k) => (a[k] ?? '') === (b[k] ?? ''));
