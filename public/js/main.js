// @ts-check
/**
 * Transcript search: the page controller. The URL is the state (see url.js); every
 * navigation goes through history and then `route()`, so back/forward and deep links work.
 */
import * as api from './api.js';
import { ApiError } from './api.js';
import { displayText, h } from './dom.js';
import { callIdOf, formatDate } from './format.js';
import { copyActions } from './copy.js';
import { clearAll, learn, refine, renderFilters } from './filters.js';
import { serverLoading } from './loading-view.js';
import { retryWhenReady } from './readiness.js';
import { describeSearch, errorState, isClosestOnly, renderResults, skeleton } from './results.js';
import { focusPassage, renderTranscript } from './transcript.js';
import { href, readRoute, sameFilters } from './url.js';

/** @typedef {import('./api.js').SearchResponse} SearchResponse */
/** @typedef {import('./api.js').CallResponse} CallResponse */
/** @typedef {import('./api.js').Filters} Filters */
/** @typedef {import('./url.js').Route} Route */

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ ($('search-form'));
const input = /** @type {HTMLInputElement} */ ($('q'));
const homeView = $('home');
const resultsView = $('results');
const transcriptView = $('transcript');
const status = $('status');
const filtersSlot = $('filters');
const resultsBody = $('results-body');
const summary = $('summary');

const app = {
  /** @type {CallResponse | null} */
  call: null,
  /** @type {Promise<CallResponse | null> | null} */
  callLoading: null,
  /** The search on screen (or in flight): its URL key, inputs and response. */
  /** @type {{ key: string, q: string, filters: Filters, response: SearchResponse | null, error: string | null } | null} */
  search: null,
  /** @type {AbortController | null} */
  inflight: null,
  /** Passage opened from the results, to refocus its card on the way back. */
  /** @type {string | null} */
  returnTo: null,
  /** @type {{ callId: string, el: HTMLElement } | null} */
  reader: null,
};

// ---------------------------------------------------------------- navigation

/**
 * @param {string} url
 * @param {{ replace?: boolean, state?: unknown }} [opts]
 */
function navigate(url, opts = {}) {
  const state = opts.state ?? null;
  if (opts.replace) history.replaceState(state, '', url);
  else history.pushState(state, '', url);
  void route();
}

/** @param {string} q @param {Filters} filters */
function searchFor(q, filters) {
  const url = href(q, filters);
  const current = readRoute();
  // Same search again (Enter twice): refresh in place rather than stacking history entries.
  const same = current.q === q && sameFilters(current.filters, filters) && !current.transcript;
  if (same && app.search) app.search = null;
  navigate(url, { replace: same });
}

/** Open the transcript at a passage, from the results (or a fresh page). @param {string} id */
function openPassage(id) {
  const { q, filters } = readRoute();
  app.returnTo = id;
  navigate(href(q, filters, { passage: id }), { state: { from: 'results' } });
}

function leaveTranscript() {
  const { q, filters } = readRoute();
  const state = /** @type {{ from?: string } | null} */ (history.state);
  if (state?.from === 'results') history.back();
  else navigate(href(q, filters));
}

async function route() {
  const r = readRoute();
  if (document.activeElement !== input || input.value.trim() !== r.q) input.value = r.q;
  if (r.transcript) return showTranscript(r);
  if (r.q) return showResults(r);
  showHome();
}

/** @param {'home' | 'results' | 'transcript'} name */
function show(name) {
  homeView.hidden = name !== 'home';
  resultsView.hidden = name !== 'results';
  transcriptView.hidden = name !== 'transcript';
  document.body.dataset.view = name;
}

// ---------------------------------------------------------------- home

function showHome() {
  app.inflight?.abort();
  show('home');
  document.title = titleFor(null);
  status.textContent = '';
}

// ---------------------------------------------------------------- results

/** @param {Route} r */
async function showResults(r) {
  show('results');
  const key = href(r.q, r.filters);
  document.title = titleFor(`“${r.q}”`);
  if (app.search?.key === key && (app.search.response || app.search.error)) {
    paintResults();
    restoreFocus();
    return;
  }
  app.inflight?.abort();
  const controller = new AbortController();
  app.inflight = controller;
  const previous = app.search;
  app.search = { key, q: r.q, filters: r.filters, response: null, error: null };

  // Loading: keep the filter bar (disabled) when refining the same question, skeleton cards below.
  if (!(previous?.q === r.q && previous.response)) paintFilters(null);
  filtersSlot.querySelector('form')?.setAttribute('inert', '');
  resultsView.setAttribute('aria-busy', 'true');
  resultsView.dataset.state = 'loading';
  summary.replaceChildren(h('span', { class: 'summary-loading' }, 'Searching…'));
  resultsBody.replaceChildren(skeleton());
  status.textContent = 'Searching…';

  const participantsReady = loadCall();
  /** @type {ApiError | null} */
  let notReady = null;
  try {
    const response = await api.search(r.q, r.filters, controller.signal);
    await participantsReady;
    if (app.inflight !== controller) return;
    learn(r.q, response.interpreted);
    app.search.response = response;
  } catch (err) {
    if (controller.signal.aborted || app.inflight !== controller) return;
    if (err instanceof ApiError && err.notReady) notReady = err;
    else app.search.error = err instanceof ApiError ? err.message : 'Something went wrong while searching.';
  } finally {
    if (app.inflight === controller && !notReady) app.inflight = null;
  }
  if (notReady) return waitThenRetry(controller, notReady);
  paintResults();
}

/**
 * The server is still loading (or building the index): show how far it is, wait until it is
 * ready, then run the search again. Another navigation meanwhile cancels the wait.
 * @param {AbortController} controller
 * @param {ApiError} err
 */
async function waitThenRetry(controller, err) {
  app.inflight = controller;
  const view = serverLoading('Your search will run', err.loading);
  resultsView.dataset.state = 'waiting';
  resultsView.removeAttribute('aria-busy');
  summary.replaceChildren();
  resultsBody.replaceChildren(view.el);
  status.textContent = 'The search server is getting ready; your search will run when it is.';
  try {
    await retryWhenReady(view.update, controller.signal);
  } catch {
    return; // navigated elsewhere
  }
  if (app.inflight !== controller || controller.signal.aborted) return;
  app.inflight = null;
  app.search = null;
  void route();
}

function paintResults() {
  const s = app.search;
  if (!s) return;
  resultsView.removeAttribute('aria-busy');
  resultsView.dataset.state = s.error !== null ? 'error' : 'ready';
  if (s.error !== null) {
    paintFilters(null);
    summary.replaceChildren();
    const hasFilters = Boolean(s.filters.speaker || s.filters.side || s.filters.section);
    resultsBody.replaceChildren(errorState(s.error, () => { app.search = null; void route(); }, hasFilters ? () => searchFor(s.q, {}) : null));
    status.textContent = `Search failed: ${s.error}`;
    return;
  }
  const response = s.response;
  if (!response) return;
  paintFilters(response);
  const n = response.results.length;
  const what = describeSearch(response, s.filters);
  // No answer on the call: the passages are the closest ones, not answers.
  const closest = isClosestOnly(response);
  const passages = `${closest ? 'closest ' : ''}passage${n === 1 ? '' : 's'}`;
  summary.replaceChildren(
    h('span', { class: 'summary-count' }, n === 0 ? 'No passages' : `${n} ${passages}`),
    h('span', { class: 'summary-what' }, ` · ${what}`),
    h('span', { class: 'summary-time' }, ` · ${formatMs(response.took_ms)}`),
  );
  status.textContent =
    n === 0 ? `No results for ${what}.` : closest ? `No clear answer for ${what}. ${n} ${passages} shown.` : `${n} result${n === 1 ? '' : 's'} for ${what}.`;
  const cleared = clearAll({ q: s.q, filters: s.filters, interpreted: response.interpreted });
  resultsBody.replaceChildren(
    ...renderResults({
      response,
      passageHref: (id) => href(s.q, s.filters, { passage: id }),
      onOpen: openPassage,
      onClearFilters: cleared ? () => searchFor(s.q, cleared) : null,
      // A shared quote links to the passage itself, not to this search.
      cardActions: (r) => copyActions(r, href('', {}, { passage: r.id }), (message) => (status.textContent = message)),
    }),
  );
}

/** @param {SearchResponse | null} response */
function paintFilters(response) {
  const s = app.search;
  if (!s) return;
  const participants = app.call?.participants ?? [];
  filtersSlot.replaceChildren(
    renderFilters({
      participants,
      company: app.call?.company ?? '',
      filters: s.filters,
      interpreted: response?.interpreted ?? null,
      onChange: (key, value) => {
        if (!response) return;
        // The query stays as typed: filters (speaker=any included) say what to lift or choose.
        const next = refine({ q: s.q, filters: s.filters, interpreted: response.interpreted, participants }, key, value);
        if (next) searchFor(s.q, next);
      },
    }),
  );
}

/** After coming back from the transcript, put focus on the card that was opened. */
function restoreFocus() {
  const id = app.returnTo;
  app.returnTo = null;
  if (!id) return;
  const cardEl = [...resultsBody.querySelectorAll('.card')].find((c) => /** @type {HTMLElement} */ (c).dataset.id === id);
  if (cardEl instanceof HTMLElement) {
    cardEl.focus({ preventScroll: true });
    cardEl.scrollIntoView({ block: 'center' });
  }
}

// ---------------------------------------------------------------- transcript

/** @param {Route} r */
async function showTranscript(r) {
  app.inflight?.abort();
  show('transcript');
  document.title = titleFor('Transcript');
  const callId = r.passage ? callIdOf(r.passage) : app.call?.id ?? (await loadCall())?.id ?? '';
  const backLabel = r.q ? 'Back to results' : 'New search';

  if (app.reader?.callId !== callId) {
    transcriptView.setAttribute('aria-busy', 'true');
    transcriptView.dataset.state = 'loading';
    transcriptView.replaceChildren(h('div', { class: 'state' }, h('p', { class: 'state-text', role: 'status' }, 'Loading the transcript…')));
    try {
      const [transcript, call] = await Promise.all([api.transcript(callId), loadCall()]);
      if (readRoute().transcript !== true) return; // navigated away meanwhile
      const el = renderTranscript({
        transcript,
        call: call?.id === transcript.call_id ? call : null,
        backLabel,
        onBack: leaveTranscript,
        passageHref: (id) => { const cur = readRoute(); return href(cur.q, cur.filters, { passage: id }); },
        onJump: (id) => {
          const cur = readRoute();
          history.replaceState(history.state, '', href(cur.q, cur.filters, { passage: id }));
          highlight(id);
        },
      });
      app.reader = { callId, el };
      transcriptView.replaceChildren(el);
      transcriptView.dataset.state = 'ready';
    } catch (err) {
      if (err instanceof ApiError && err.notReady) {
        const view = serverLoading('The transcript will open', err.loading);
        transcriptView.replaceChildren(view.el);
        transcriptView.dataset.state = 'waiting';
        await retryWhenReady(view.update);
        if (readRoute().transcript) void route();
        return;
      }
      const message = err instanceof ApiError ? err.message : 'Could not load the transcript.';
      transcriptView.replaceChildren(errorState(message, () => void route()));
      transcriptView.dataset.state = 'error';
      const title = transcriptView.querySelector('.state-title');
      if (title) title.textContent = 'The transcript could not be loaded';
      return;
    } finally {
      transcriptView.removeAttribute('aria-busy');
    }
  } else {
    const back = app.reader.el.querySelector('.back');
    if (back?.lastChild) back.lastChild.textContent = backLabel;
    if (!transcriptView.contains(app.reader.el)) transcriptView.replaceChildren(app.reader.el);
  }

  const target = r.passage;
  app.reader.el.querySelector('.reader-missing')?.remove();
  if (!target) {
    window.scrollTo({ top: 0 });
    /** @type {HTMLElement | null} */ (transcriptView.querySelector('#transcript-title'))?.focus();
    return;
  }
  if (highlight(target)) return;
  // Not a passage start on the page: an older `<call>:<n>` link, or an offset inside a passage.
  // The server knows which passage holds it; show that one, under its own id.
  const canonical = await resolvePassage(target, callId);
  if (readRoute().passage !== target) return; // navigated away meanwhile
  if (canonical && highlight(canonical)) {
    const cur = readRoute();
    history.replaceState(history.state, '', href(cur.q, cur.filters, { passage: canonical }));
    return;
  }
  const message = `There is no passage “${target}” in this call; showing the transcript from the start.`;
  app.reader?.el.querySelector('.reader-bar')?.after(h('p', { class: 'notice reader-missing', role: 'alert' }, message));
  status.textContent = message;
  window.scrollTo({ top: 0 });
}

/**
 * The id of the passage the server resolves `id` to, when it is in the call on screen.
 * @param {string} id @param {string} callId @returns {Promise<string | null>}
 */
async function resolvePassage(id, callId) {
  try {
    const found = await api.passage(id);
    return found.passage.call_id === callId ? found.passage.id : null;
  } catch {
    return null;
  }
}

/** @param {string} id */
function highlight(id) {
  const el = app.reader?.el;
  if (!el) return false;
  const para = /** @type {HTMLElement | null} */ (document.getElementById(`passage-${id}`));
  const text = para?.dataset.text ?? para?.textContent ?? '';
  // When the passage was a search result, mark its answering sentence too.
  const result = app.search?.response?.results.find((x) => x.id === id);
  const top = app.search?.response?.answer;
  const span = result ? result.answer : top?.passage_id === id ? top : null;
  const found = focusPassage(el, id, span, text);
  if (found) status.textContent = `Showing the transcript at the passage by ${para?.closest('.turn')?.querySelector('.turn-name')?.textContent ?? 'the speaker'}.`;
  return found;
}

// ---------------------------------------------------------------- call header

/** @returns {Promise<CallResponse | null>} */
function loadCall() {
  app.callLoading ??= api.call().then(
    (call) => {
      app.call = call;
      paintHeader(call);
      return call;
    },
    (err) => {
      app.callLoading = null; // retry on the next navigation
      const el = $('call-info');
      if (err instanceof ApiError && err.notReady) {
        // Starting up is not a failure: say so, and fill the header in once the server is ready.
        el.replaceChildren(h('span', { class: 'call-meta call-waiting' }, 'Getting ready…'));
        void retryWhenReady().then(() => loadCall());
        return null;
      }
      el.replaceChildren(h('span', { class: 'call-meta call-error' }, err instanceof ApiError ? err.message : 'Call details unavailable'));
      // Unreachable (restarting?): the header recovers by itself once the server answers again.
      if (err instanceof ApiError && err.status === 0) void retryWhenReady().then(() => loadCall());
      return null;
    },
  );
  return app.callLoading;
}

/** @param {CallResponse} call */
function paintHeader(call) {
  $('call-info').replaceChildren(
    h('span', { class: 'call-company' }, `${call.company}`, h('span', { class: 'ticker' }, call.ticker)),
    h('span', { class: 'call-meta' }, call.quarter, h('span', { class: 'wide-only' }, ' earnings call'), ` · ${formatDate(call.date)}`, h('span', { class: 'wide-only' }, ` · ${call.time}`)),
  );
  $('call-info').setAttribute('title', call.title);
  const intro = document.getElementById('home-call');
  if (intro) intro.textContent = `${call.company} ${call.quarter} earnings call, ${formatDate(call.date)}`;
  const people = document.getElementById('home-people');
  if (people) {
    const list = (/** @type {'company' | 'analyst'} */ side) =>
      call.participants.filter((p) => p.side === side).map((p) => h('li', null, h('span', { class: 'person-name' }, p.name), h('span', { class: 'person-role' }, p.title ?? p.firm ?? '')));
    people.replaceChildren(
      h('div', null, h('h3', null, call.company), h('ul', { class: 'people' }, list('company'))),
      h('div', null, h('h3', null, 'Analysts'), h('ul', { class: 'people' }, list('analyst'))),
    );
    people.hidden = false;
  }
  document.title = titleFor(readRoute().q ? `“${readRoute().q}”` : readRoute().transcript ? 'Transcript' : null);
}

/** @param {string | null} what */
function titleFor(what) {
  const callName = app.call ? `${app.call.ticker} ${app.call.quarter}` : '';
  return displayText([what, callName, 'Transcript search'].filter(Boolean).join(' — '));
}

/** @param {number} ms */
const formatMs = (ms) => (ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`);

// ---------------------------------------------------------------- input and keys

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = input.value.trim();
  if (!q) {
    input.focus();
    return;
  }
  const current = readRoute();
  // A new question starts from what it says; the same question keeps the chosen filters.
  searchFor(q, current.q === q ? current.filters : {});
  // Enter hands the keyboard to the results: j/k and the arrows move between cards, / or Escape come back.
  resultsView.focus({ preventScroll: true });
});

for (const button of document.querySelectorAll('[data-example]')) {
  button.addEventListener('click', () => {
    const q = /** @type {HTMLElement} */ (button).dataset.example ?? '';
    input.value = q;
    searchFor(q, {});
  });
}

$('open-transcript')?.addEventListener('click', (e) => {
  const ev = /** @type {MouseEvent} */ (e);
  if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  e.preventDefault();
  navigate(href(readRoute().q, readRoute().filters, { transcript: true }));
});

$('brand')?.addEventListener('click', (e) => {
  const ev = /** @type {MouseEvent} */ (e);
  if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  e.preventDefault();
  navigate('/');
  input.focus();
});

/** @param {EventTarget | null} t */
const isTyping = (t) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
  const typing = isTyping(e.target);
  if (e.key === '/' && !typing) {
    e.preventDefault();
    input.focus();
    input.select();
    return;
  }
  if (e.key === 'Escape' && !transcriptView.hidden && !typing) {
    e.preventDefault();
    leaveTranscript();
    return;
  }
  if (resultsView.hidden) return;
  if (e.key === 'Escape' && (!typing || resultsView.contains(/** @type {Node} */ (e.target)))) {
    // Back to the question to refine it: caret at the end (/ selects it all, for a new one).
    e.preventDefault();
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    return;
  }
  const cards = /** @type {HTMLElement[]} */ ([...resultsBody.querySelectorAll('.card')]);
  if (cards.length === 0) return;
  const down = (e.key === 'ArrowDown' && (!typing || e.target === input)) || (e.key === 'j' && !typing);
  const up = (e.key === 'ArrowUp' && !typing) || (e.key === 'k' && !typing);
  if (!down && !up) return;
  const current = cards.findIndex((c) => c.contains(/** @type {Node} */ (document.activeElement)));
  let next;
  if (current === -1) next = down ? 0 : cards.length - 1;
  else next = Math.min(cards.length - 1, Math.max(0, current + (down ? 1 : -1)));
  if (up && current === 0) {
    e.preventDefault();
    input.focus();
    return;
  }
  e.preventDefault();
  cards[next]?.focus();
});

window.addEventListener('popstate', () => void route());

void loadCall();
// Phones get a placeholder that fits.
const narrow = window.matchMedia('(max-width: 640px)');
const placeholder = input.placeholder;
const fitPlaceholder = () => (input.placeholder = narrow.matches ? 'Ask about the call' : placeholder);
narrow.addEventListener('change', fitPlaceholder);
fitPlaceholder();

// Focus the search box on load, except when a deep link opens the transcript.
if (!readRoute().transcript) input.focus();
void route();
