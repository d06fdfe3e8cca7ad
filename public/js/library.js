// @ts-check
/** The library on the home page: every call, grouped by company, newest first, each opening its reader. */
import { h, icon } from './dom.js';
import { formatDate } from './format.js';

/** @typedef {import('./api.js').CallSummary} CallSummary */

/**
 * The calls grouped by company, in the order the API lists them (companies alphabetical, newest
 * call first within each).
 * @param {CallSummary[]} calls
 * @returns {{ key: string, name: string, ticker: string | null, sector: string | null, calls: CallSummary[] }[]}
 */
export function groupByCompany(calls) {
  /** @type {Map<string, { key: string, name: string, ticker: string | null, sector: string | null, calls: CallSummary[] }>} */
  const groups = new Map();
  for (const c of calls) {
    let g = groups.get(c.company_key);
    if (!g) {
      g = { key: c.company_key, name: c.company, ticker: c.ticker, sector: c.sector, calls: [] };
      groups.set(c.company_key, g);
    }
    g.calls.push(c);
  }
  return [...groups.values()];
}

/** @param {number} n @param {string} one @param {string} [many] */
const count = (n, one, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * @param {{ calls: CallSummary[], callHref: (id: string) => string, onOpen: (id: string) => void }} opts
 * @returns {HTMLElement}
 */
export function renderLibrary({ calls, callHref, onOpen }) {
  const groups = groupByCompany(calls);
  const heading = calls.length === 1 ? 'The call' : `${count(calls.length, 'call')} from ${count(groups.length, 'company', 'companies')}`;
  const open = (/** @type {string} */ id) => (/** @type {MouseEvent} */ e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onOpen(id);
  };
  return h(
    'section',
    { class: 'library', 'aria-labelledby': 'library-title' },
    h('h2', { class: 'home-subtitle', id: 'library-title' }, heading),
    groups.map((g) =>
      h(
        'section',
        { class: 'company-group', dataset: { company: g.key }, 'aria-label': g.name },
        h(
          'h3',
          { class: 'company-name' },
          h('span', null, g.name),
          g.ticker ? h('span', { class: 'ticker' }, g.ticker) : null,
          h('span', { class: 'company-count' }, [count(g.calls.length, 'call'), g.sector].filter(Boolean).join(' · ')),
        ),
        h(
          'ul',
          { class: 'call-list' },
          g.calls.map((c) =>
            h(
              'li',
              { class: 'call-row', dataset: { call: c.id } },
              h(
                'a',
                {
                  href: callHref(c.id),
                  class: 'call-link',
                  onclick: open(c.id),
                  title: c.title,
                  // The row shows quarter, date and counts under the company's heading; read alone, the link names the call.
                  'aria-label': `${c.company} ${c.quarter ?? ''} earnings call${c.date ? `, ${formatDate(c.date)}` : ''}: ${count(c.counts.participants, 'speaker')}, ${count(c.counts.passages, 'passage')}`.replace(/ +/g, ' '),
                },
                h('span', { class: 'call-quarter' }, c.quarter ?? 'Quarter unknown'),
                h('span', { class: 'call-date' }, formatDate(c.date) || 'Date unknown'),
                h('span', { class: 'call-counts' }, `${count(c.counts.participants, 'speaker')} · ${count(c.counts.passages, 'passage')}`),
                icon('arrowRight', 'icon call-go'),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
