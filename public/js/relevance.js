// @ts-check
/** How a result's calibrated relevance is shown: a word a reader understands, not the fused rank score. */
import { h } from './dom.js';

/** @typedef {import('./api.js').SearchResult} SearchResult */

const LABEL = { strong: 'Strong match', related: 'Related', weak: 'Weaker match' };

/** @param {SearchResult} r */
export function relevanceBadge(r) {
  const { label, score } = r.relevance;
  return h(
    'span',
    {
      class: `relevance relevance-${label}`,
      title: `Relevance ${Math.round(score * 100)} / 100: how clearly this passage is about the question (calibrated on test questions)`,
    },
    h('span', { class: 'rank' }, `#${r.rank}`),
    ` · ${LABEL[label]}`,
  );
}

/**
 * Weaker matches (below the calibrated cut) behind one "N weaker matches" toggle, closed.
 * @param {HTMLElement[]} items list items of the weaker cards
 */
export function weakerMatches(items) {
  if (items.length === 0) return null;
  return h(
    'details',
    { class: 'weaker' },
    h('summary', { class: 'weaker-summary' }, `${items.length} weaker match${items.length === 1 ? '' : 'es'}`),
    h('ol', { class: 'results results-weaker', 'aria-label': 'Weaker matches' }, items),
  );
}
