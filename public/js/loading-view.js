// @ts-check
/** The state shown while the server is still getting ready: what it is doing, how far, and that the page will carry on. */
import { h, icon } from './dom.js';
import { describeProgress } from './readiness.js';

/** @typedef {import('./api.js').LoadingProgress} LoadingProgress */

/**
 * A view that updates itself: `update(progress)` as polls come in.
 * @param {string} what what will happen once ready, e.g. "Your search will run"
 * @param {LoadingProgress | null} progress
 */
export function serverLoading(what, progress) {
  const text = h('p', { class: 'state-text loading-progress-text' });
  const bar = h('progress', { class: 'loading-bar', max: 1, 'aria-hidden': 'true' });
  const el = h(
    'div',
    { class: 'state state-waiting', role: 'status', 'aria-live': 'polite' },
    h('div', { class: 'state-icon', 'aria-hidden': 'true' }, icon('spark')),
    h('h2', { class: 'state-title' }, 'The search server is getting ready'),
    text,
    bar,
    h('p', { class: 'state-text' }, `${what} by itself as soon as it is ready.`),
  );
  const update = (/** @type {LoadingProgress | null} */ p) => {
    text.textContent = describeProgress(p);
    el.dataset.phase = p?.phase ?? 'unknown';
    // A determinate bar only when the server counts the work.
    if (p && p.total > 0) {
      bar.max = p.total;
      bar.value = Math.min(p.done, p.total);
    } else bar.removeAttribute('value');
  };
  update(progress);
  return { el, update };
}
