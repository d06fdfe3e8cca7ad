// @ts-check
/**
 * Transcript search: the page controller. The URL is the state (see url.js); every
 * navigation goes through history and then `route()`, so back/forward and deep links work.
 */
import * as api from './api.js';
import { ApiError } from './api.js';
import { displayText, h } from './dom.js';
import { callIdOf, formatDate, quarterKey, shortCallLabel } from './format.js';
import { copyActions } from './copy.js';
import { deriveExamples, exampleCall } from './examples.js';
import { clearAll, companiesOf, learn, refine, renderFilters } from './filters.js';
import { renderLibrary } from './library.js';
import { serverLoading } from './loading-view.js';
import { retryWhenReady } from './readiness.js';
import { describeSearch, errorState, isClosestOnly, renderResults, skeleton } from './results.js';
import { focusPassage, renderTranscript } from './transcript.js';
import { FILTER_KEYS, href, readRoute, sameFilters } from './url.js';

/** @typedef {import('./api.js').SearchResponse} SearchResponse */
/** @typedef {import('./api.js').CallResponse} CallResponse */
/** @typedef {import('./api.js').CallListResponse} CallListResponse */
/** @typedef {import('./api.js').Filters} Filters */
/** @typedef {import('./filters.js').PeopleGroup} PeopleGroup */
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

// Phones get a placeholder that fits; wider screens an example from the library (see paintHome).
const narrow = window.matchMedia('(max-width: 640px)');
let placeholder = input.placeholder;
const fitPlaceholder = () => (input.placeholder = narrow.matches ? 'Ask about the calls' : placeholder);

const app = {
  /** The library's calls (GET /api/calls), once loaded. */
  /** @type {CallListResponse | null} */
  library: null,
  /** @type {Promise<CallListResponse | null> | null} */
  libraryLoading: null,
  /** The speaker filter's people: those of the calls the search on screen covers. */
  /** @type {PeopleGroup[]} */
  people: [],
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
  void loadLibrary();
}

/**
 * The home: what the library holds, example questions made from it, every call grouped by company.
 * @param {CallListResponse} list
 */
async function paintHome(list) {
  const { calls } = list;
  const companies = companiesOf(calls).length;
  const one = calls.length === 1 ? calls[0] : null;
  $('home-title').textContent = one ? 'Ask the call' : 'Ask the calls';
  $('home-lead').textContent = one
    ? `Search what was said on the ${one.company} ${one.quarter ?? ''} earnings call${one.date ? `, ${formatDate(one.date)}` : ''}, by meaning, not just by keyword. Name a speaker to hear from them, or ask who raised a topic.`.replace(/ +/g, ' ')
    : `Search what was said on ${calls.length} earnings calls from ${companies} ${companies === 1 ? 'company' : 'companies'}, by meaning, not just by keyword. Name a company, a quarter or a speaker to narrow it, or ask who raised a topic.`;
  $('library').replaceChildren(
    renderLibrary({ calls, callHref: (id) => href('', {}, { callId: id }), onOpen: (id) => navigate(href('', {}, { callId: id })) }),
  );
  // Examples name the people of one call: wait for them rather than show generic ones first.
  const about = exampleCall(calls);
  const detail = about ? await api.call(about.id).catch(() => null) : null;
  const examples = deriveExamples(calls, detail);
  $('examples').replaceChildren(
    ...examples.map((q) =>
      h('li', null, h('button', { type: 'button', class: 'example', dataset: { example: q }, onclick: () => { input.value = q; searchFor(q, {}); } }, q)),
    ),
  );
  $('examples-title').hidden = examples.length === 0;
  placeholder = `Ask about the call${one ? '' : 's'}${examples[0] ? `, e.g. ${examples[0]}` : ''}`;
  fitPlaceholder();
  homeView.dataset.state = 'ready';
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

  const libraryReady = loadLibrary();
  /** @type {ApiError | null} */
  let notReady = null;
  try {
    const response = await api.search(r.q, r.filters, controller.signal);
    await libraryReady;
    const people = await peopleFor(response);
    if (app.inflight !== controller) return;
    app.people = people;
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
    const hasFilters = FILTER_KEYS.some((k) => s.filters[k]);
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
      libraryCalls: app.library?.total ?? 0,
    }),
  );
}

/** @param {SearchResponse | null} response */
function paintFilters(response) {
  const s = app.search;
  if (!s) return;
  const people = app.people;
  const library = app.library?.calls ?? [];
  filtersSlot.replaceChildren(
    renderFilters({
      people,
      library,
      filters: s.filters,
      interpreted: response?.interpreted ?? null,
      onChange: (key, value) => {
        if (!response) return;
        // The query stays as typed: filters (speaker=any included) say what to lift or choose.
        const participants = people.flatMap((g) => g.participants);
        const next = refine({ q: s.q, filters: s.filters, interpreted: response.interpreted, participants, library }, key, value);
        if (next) searchFor(s.q, next);
      },
    }),
  );
}

/** Calls whose people the speaker filter lists at most (each is one small request, cached). */
const PEOPLE_CALLS_MAX = 12;

/**
 * The people the speaker filter offers: those of the calls the search covered (the whole library
 * when it is small; else the calls the results come from), grouped by company in library order.
 * @param {SearchResponse} response
 * @returns {Promise<PeopleGroup[]>}
 */
async function peopleFor(response) {
  const library = app.library?.calls ?? [];
  let ids = response.interpreted.calls ?? library.map((c) => c.id);
  if (ids.length > PEOPLE_CALLS_MAX || ids.length === 0) ids = [...new Set(response.results.map((r) => r.call_id))];
  const calls = (await Promise.all(ids.slice(0, PEOPLE_CALLS_MAX).map((id) => api.call(id).catch(() => null)))).filter((c) => c !== null);
  /** @type {Map<string, PeopleGroup>} */
  const groups = new Map();
  for (const key of companiesOf(library).map((c) => c.key)) groups.set(key, { key, name: '', participants: [] });
  for (const call of calls) {
    const group = groups.get(call.company_key) ?? { key: call.company_key, name: '', participants: [] };
    group.name = call.company;
    // One person across a company's calls has one id: listed once.
    for (const p of call.participants) if (!group.participants.some((x) => x.id === p.id)) group.participants.push(p);
    groups.set(call.company_key, group);
  }
  return [...groups.values()].filter((g) => g.participants.length > 0);
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
  const callId = r.passage ? callIdOf(r.passage) : r.callId ?? (await onlyCall());
  if (callId === null) {
    // `#transcript` from the one-call days, in a library of several: the library lists them.
    navigate(href(r.q, r.filters), { replace: true });
    return;
  }
  // Back goes to the results, or to the home: the library's list when it holds several calls.
  const backLabel = () => (r.q ? 'Back to results' : (app.library?.calls.length ?? 0) > 1 ? 'All calls' : 'New search');

  if (app.reader?.callId !== callId) {
    transcriptView.setAttribute('aria-busy', 'true');
    transcriptView.dataset.state = 'loading';
    transcriptView.replaceChildren(h('div', { class: 'state' }, h('p', { class: 'state-text', role: 'status' }, 'Loading the transcript…')));
    try {
      const [transcript, call] = await Promise.all([api.transcript(callId), api.call(callId), loadLibrary()]);
      const now = readRoute();
      if (now.transcript !== true || (now.passage ? callIdOf(now.passage) : now.callId ?? callId) !== callId) return; // navigated away meanwhile
      const el = renderTranscript({
        transcript,
        call,
        backLabel: backLabel(),
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
      document.title = titleFor(`${shortCallLabel(call)} transcript`);
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
    if (back?.lastChild) back.lastChild.textContent = backLabel();
    if (!transcriptView.contains(app.reader.el)) transcriptView.replaceChildren(app.reader.el);
    transcriptView.dataset.state = 'ready';
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
  const given = result ? result.answer : top?.passage_id === id ? top : null;
  // A card of several chunks of a turn gives offsets into its own text: the sentence is marked where
  // it is in this passage, and not at all when it is in a later chunk of the card.
  const at = given ? (text.slice(given.start, given.end) === given.text ? given.start : text.indexOf(given.text)) : -1;
  const span = given && at >= 0 ? { start: at, end: at + given.text.length } : null;
  const found = focusPassage(el, id, span, text);
  if (found) status.textContent = `Showing the transcript at the passage by ${para?.closest('.turn')?.querySelector('.turn-name')?.textContent ?? 'the speaker'}.`;
  return found;
}

// ---------------------------------------------------------------- the library

/** The id of the library's only call; null when it holds several (or cannot be read). @returns {Promise<string | null>} */
async function onlyCall() {
  const list = await loadLibrary();
  return list?.calls.length === 1 ? list.calls[0]?.id ?? null : null;
}

/** @returns {Promise<CallListResponse | null>} */
function loadLibrary() {
  app.libraryLoading ??= api.calls().then(
    (list) => {
      app.library = list;
      paintHeader(list);
      void paintHome(list);
      return list;
    },
    (err) => {
      app.libraryLoading = null; // retry on the next navigation
      const el = $('call-info');
      if (err instanceof ApiError && err.notReady) {
        // Starting up is not a failure: say so, and fill the header in once the server is ready.
        el.replaceChildren(h('span', { class: 'call-meta call-waiting' }, 'Getting ready…'));
        el.dataset.state = 'waiting';
        void retryWhenReady().then(() => loadLibrary());
        return null;
      }
      el.replaceChildren(h('span', { class: 'call-meta call-error' }, err instanceof ApiError ? err.message : 'The library is unavailable'));
      el.dataset.state = 'error';
      // Unreachable (restarting?): the header recovers by itself once the server answers again.
      if (err instanceof ApiError && err.status === 0) void retryWhenReady().then(() => loadLibrary());
      return null;
    },
  );
  return app.libraryLoading;
}

/**
 * The header names the call when the library holds one, else what the library spans.
 * @param {CallListResponse} list
 */
function paintHeader(list) {
  const el = $('call-info');
  const { calls } = list;
  const one = calls.length === 1 ? calls[0] : null;
  if (one) {
    el.replaceChildren(
      h('span', { class: 'call-company' }, one.company, one.ticker ? h('span', { class: 'ticker' }, one.ticker) : null),
      h(
        'span',
        { class: 'call-meta' },
        one.quarter ?? '',
        h('span', { class: 'wide-only' }, ' earnings call'),
        one.date ? ` · ${formatDate(one.date)}` : '',
        one.time ? h('span', { class: 'wide-only' }, ` · ${one.time}`) : null,
      ),
    );
    el.setAttribute('title', one.title);
  } else {
    const companies = companiesOf(calls).length;
    const quarters = calls.map((c) => c.quarter).filter((q) => quarterKey(q) !== null).sort((a, b) => (quarterKey(a) ?? 0) - (quarterKey(b) ?? 0));
    const span = quarters.length > 1 && quarters[0] !== quarters.at(-1) ? ` · ${quarters[0]} – ${quarters.at(-1)}` : '';
    el.replaceChildren(
      h('span', { class: 'library-summary' }, `${calls.length} earnings call${calls.length === 1 ? '' : 's'}`),
      h('span', { class: 'call-meta' }, `${companies} ${companies === 1 ? 'company' : 'companies'}`, h('span', { class: 'wide-only' }, span)),
    );
    el.removeAttribute('title');
  }
  el.dataset.state = 'ready';
  document.title = titleFor(readRoute().q ? `“${readRoute().q}”` : readRoute().transcript ? 'Transcript' : null);
}

/** @param {string | null} what */
function titleFor(what) {
  return displayText([what, 'Transcript search'].filter(Boolean).join(' — '));
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

void loadLibrary();
narrow.addEventListener('change', fitPlaceholder);
fitPlaceholder();

// Focus the search box on load, except when a deep link opens the transcript.
if (!readRoute().transcript) input.focus();
void route();
