// @ts-check
/** Key points above the result cards: the distinct sentences that answer, each linking to its passage. */
import { h, icon } from './dom.js';
import { shortCallLabel, surname } from './format.js';

/** @typedef {import('./api.js').KeyPoint} KeyPoint */

/**
 * The points other than the top answer, which is shown just above them.
 * @param {KeyPoint[]} keyPoints
 * @param {import('./api.js').TopAnswer | null} answer
 * @param {{ passageHref: (id: string) => string, onOpen: (id: string) => void }} opts
 * @returns {HTMLElement | null}
 */
export function renderKeyPoints(keyPoints, answer, opts) {
  const points = keyPoints.filter((p) => !(answer && p.passage_id === answer.passage_id && p.text === answer.text));
  if (points.length === 0) return null;
  // Points from several calls say which call each is from.
  const severalCalls = new Set(keyPoints.map((p) => p.call.id)).size > 1;
  return h(
    'section',
    { class: 'key-points', 'aria-labelledby': 'key-points-label' },
    h('h2', { class: 'key-points-label', id: 'key-points-label' }, icon('spark'), 'Key points'),
    h(
      'ul',
      { class: 'key-points-list' },
      points.map((p) =>
        h(
          'li',
          { class: 'key-point', dataset: { passage: p.passage_id } },
          h('span', { class: 'key-point-who' }, severalCalls ? `${surname(p.speaker.name)} (${shortCallLabel(p.call)}):` : `${surname(p.speaker.name)}:`),
          ' ',
          h(
            'a',
            {
              href: opts.passageHref(p.passage_id),
              class: 'key-point-text',
              title: `${p.speaker.name}, ${shortCallLabel(p.call)} — read in context`,
              onclick: (/** @type {MouseEvent} */ e) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                opts.onOpen(p.passage_id);
              },
            },
            p.text.trim(),
          ),
        ),
      ),
    ),
  );
}
