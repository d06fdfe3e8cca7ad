// @ts-check
/** The results view: top answer, notice, result cards with in-place Q&A threads, empty state. */
import * as api from './api.js';
import { h, highlighted, icon } from './dom.js';
import { SECTION_LABEL, SIDE_LABEL, SIDE_PLURAL, callLabel, formatClock, initials, joinNames, roleLine, surname } from './format.js';
import { constraints } from './filters.js';
import { renderKeyPoints } from './key-points.js';
import { relevanceBadge, weakerMatches } from './relevance.js';

/** @typedef {import('./api.js').SearchResponse} SearchResponse */
/** @typedef {import('./api.js').SearchResult} SearchResult */
/** @typedef {import('./api.js').Filters} Filters */
/** @typedef {import('./api.js').PassageView} PassageView */
/** @typedef {import('./api.js').Speaker} Speaker */

/**
 * @typedef {{
 *   response: SearchResponse,
 *   passageHref: (id: string) => string,
 *   onOpen: (id: string) => void,
 *   onClearFilters: (() => void) | null,
 *   cardActions?: (r: SearchResult) => Node | null,
 *   libraryCalls: number,
 * }} ResultsOptions libraryCalls: how many calls the library holds (the page speaks of "this call" when one)
 */

/**
 * One line describing what was searched: "what Andrew Jassy said about “Trainium”", or
 * "“Trainium” from anyone" once the speaker the question named was lifted (speaker=any), with
 * the calls searched when they were narrowed: "… in Northwind Robotics, Inc., Q2 2024".
 * @param {SearchResponse} r
 * @param {Filters} [filters] the parameters sent
 */
export function describeSearch(r, filters = {}) {
  const c = constraints(r.interpreted);
  const where = [joinNames(c.companies.map((x) => x.name), 'and'), c.period?.label].filter(Boolean).join(', ');
  return `${describeQuestion(r, filters)}${where ? ` in ${where}` : ''}`;
}

/** @param {SearchResponse} r @param {Filters} filters */
function describeQuestion(r, filters) {
  const { interpreted: i } = r;
  const names = joinNames([...new Set(i.speakers.map((s) => s.name))]);
  const topic = i.corrected_topic ?? i.topic;
  const about = topic ? ` about “${topic}”` : '';
  // A speaker the results do not come from (they never discussed it) is not described as the source.
  const relaxedSpeaker = (i.relaxed ?? []).includes('speaker');
  const anyone = filters.speaker === 'any' || relaxedSpeaker ? ' from anyone' : '';
  switch (relaxedSpeaker ? 'topic' : i.intent) {
    case 'speaker_topic':
      return `what ${names} said${about}`;
    case 'speaker_question':
      return `what ${names} asked${about}`;
    case 'who_asked':
      return `who asked${about}`;
    default:
      return `${topic ? `“${topic}”` : `“${r.query}”`}${anyone}`;
  }
}

/**
 * No answer on the call (answer null): the closest passages are still listed, as such.
 * @param {SearchResponse} r
 */
export const isClosestOnly = (r) => r.answer === null && r.results.length > 0;

/**
 * @param {ResultsOptions} opts
 * @returns {HTMLElement[]}
 */
export function renderResults(opts) {
  const { response } = opts;
  if (response.results.length === 0) return [emptyState(opts)];
  const list = (/** @type {Record<string, string>} */ label) =>
    h('ol', { class: 'results', ...label }, response.results.filter((r) => !r.weak).map((r) => h('li', null, card(r, opts))));
  // Weaker matches: collapsed, after the answers.
  const weaker = () => weakerMatches(response.results.filter((r) => r.weak).map((r) => h('li', null, card(r, opts))));
  if (isClosestOnly(response)) {
    return [
      noAnswer(response, opts.libraryCalls),
      h('h2', { class: 'results-heading', id: 'closest-heading' }, 'Closest matches'),
      // Nothing answers: every passage is a weaker match, listed open.
      h('ol', { class: 'results', 'aria-labelledby': 'closest-heading' }, response.results.map((r) => h('li', null, card(r, opts)))),
    ];
  }
  const preferred = response.interpreted.preferred_company;
  return [
    response.notice ? h('p', { class: 'notice', role: 'note' }, icon('info'), h('span', { class: 'notice-text' }, response.notice)) : null,
    // A brand read as its company: said, since the order depends on it.
    preferred
      ? h('p', { class: 'notice notice-brand', role: 'note' }, icon('info'), h('span', { class: 'notice-text' }, `“${preferred.matched}” is ${preferred.name}'s: its calls come first. Name a company for another's.`))
      : null,
    response.answer ? topAnswer(response.answer, opts) : null,
    renderKeyPoints(response.key_points, response.answer, opts),
    list({ 'aria-label': 'Results' }),
    weaker(),
  ].filter((x) => x !== null);
}

/**
 * In place of the top answer when nothing searched is about the query: the API's notice, prominent.
 * @param {SearchResponse} r
 * @param {number} libraryCalls
 */
function noAnswer(r, libraryCalls) {
  // One call searched (the library's only one, or one the question or filters chose): "on this call".
  const oneCall = r.interpreted.calls === null ? libraryCalls === 1 : r.interpreted.calls_total === 1;
  const where = oneCall ? 'on this call' : 'in the calls searched';
  return h(
    'section',
    { class: 'notice notice-strong', 'aria-labelledby': 'no-answer-title' },
    icon('info'),
    h(
      'div',
      null,
      h('h2', { class: 'notice-title', id: 'no-answer-title' }, `No clear answer ${where}`),
      h('p', { class: 'notice-text' }, r.notice ?? `Nothing ${where} is clearly about this; these are the closest passages.`),
    ),
  );
}

/**
 * @param {import('./api.js').TopAnswer} a
 * @param {ResultsOptions} opts
 */
function topAnswer(a, opts) {
  return h(
    'section',
    { class: 'top-answer', 'aria-labelledby': 'top-answer-label' },
    h('p', { class: 'top-answer-label', id: 'top-answer-label' }, icon('quote'), 'Top answer'),
    h('p', { class: 'top-answer-text' }, h('span', { class: 'top-answer-who' }, `${surname(a.speaker.name)}:`), ' ', h('q', null, a.text.trim())),
    h(
      'p',
      { class: 'top-answer-meta' },
      h('span', null, [a.speaker.name, roleLine(a.speaker)].filter(Boolean).join(', '), h('span', { class: 'top-answer-call' }, ` · ${callLabel(a.call)}`)),
      h('a', { href: opts.passageHref(a.passage_id), class: 'link-arrow', onclick: followLink(opts, a.passage_id) }, 'Read in context', icon('arrowRight')),
    ),
  );
}

/** Plain clicks navigate in-app; modified clicks (new tab) are left to the browser. @param {ResultsOptions} opts @param {string} id */
const followLink = (opts, id) => (/** @type {MouseEvent} */ e) => {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  opts.onOpen(id);
};

/**
 * @param {SearchResult} r
 * @param {ResultsOptions} opts
 */
function card(r, opts) {
  const headingId = `r-${r.rank}-who`;
  const el = h(
    'article',
    {
      class: `card side-${r.speaker.side} role-${r.role}${r.weak ? ' is-weak' : ''}`,
      tabindex: 0,
      dataset: { id: r.id, rank: String(r.rank), role: r.role },
      'aria-labelledby': headingId,
      'aria-describedby': `r-${r.rank}-text`,
    },
    h(
      'header',
      { class: 'card-head' },
      h('span', { class: `avatar side-${r.speaker.side}`, 'aria-hidden': 'true' }, initials(r.speaker.name)),
      h(
        'div',
        { class: 'who' },
        h('h3', { class: 'who-name', id: headingId }, r.speaker.name),
        h('p', { class: 'who-role' }, roleLine(r.speaker)),
        h(
          'p',
          { class: 'card-call' },
          h('span', { class: 'card-call-name' }, callLabel(r.call)),
          r.start_time !== null ? h('span', { class: 'card-time', title: 'Where this starts in the recording' }, ` · at ${formatClock(r.start_time)}`) : null,
        ),
      ),
      h(
        'div',
        { class: 'card-tags' },
        h('span', { class: `chip chip-${r.speaker.side}` }, SIDE_LABEL[r.speaker.side]),
        h('span', { class: `badge badge-${r.section}` }, SECTION_LABEL[r.section] ?? r.section),
      ),
    ),
    // A weaker match has no highlighted answer: it is not claimed to answer.
    h('p', { class: 'passage', id: `r-${r.rank}-text` }, r.weak ? r.text : highlighted(r.text, r.answer.start, r.answer.end)),
    thread(r),
    h(
      'footer',
      { class: 'card-foot' },
      relevanceBadge(r),
      opts.cardActions?.(r) ?? null,
      h('a', { href: opts.passageHref(r.id), class: 'link-arrow open-context', onclick: followLink(opts, r.id) }, 'Read in context', icon('arrowRight')),
    ),
  );
  el.addEventListener('click', (e) => {
    const target = /** @type {Element} */ (e.target);
    if (target.closest('a, button, .thread-body, select, input')) return;
    if ((window.getSelection()?.toString() ?? '').length > 0) return; // selecting text, not opening
    opts.onOpen(r.id);
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target === el && !e.defaultPrevented) {
      e.preventDefault();
      opts.onOpen(r.id);
    }
  });
  return el;
}

/**
 * Q&A context: an answer links back to its question, a question to its answers, opened in place.
 * @param {SearchResult} r
 */
function thread(r) {
  if (r.role !== 'question' && r.role !== 'answer') return null;
  const { links } = r;
  const isQuestion = r.role === 'question';
  const ids = isQuestion ? links.answers : links.question && links.question !== r.id ? [links.question] : [];
  if (ids.length === 0 && !(links.analyst && !isQuestion)) return null;

  const bodyId = `thread-${r.rank}`;
  const body = h('div', { class: 'thread-body', id: bodyId, hidden: true });
  const label = isQuestion ? (links.answers.length === 1 ? 'Show the answer' : `Show ${links.answers.length} answers`) : 'Show question';
  const hideLabel = isQuestion ? 'Hide answers' : 'Hide question';
  let loaded = false;
  const buttonText = h('span', null, label);
  const button = ids.length
    ? h('button', { type: 'button', class: 'thread-toggle', 'aria-expanded': 'false', 'aria-controls': bodyId }, buttonText, icon('chevron', 'icon chevron'))
    : null;
  button?.addEventListener('click', async () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    buttonText.textContent = open ? hideLabel : label;
    body.hidden = !open;
    if (open && !loaded) {
      loaded = true;
      await fillThread(body, r, ids, isQuestion);
    }
  });

  const context = isQuestion
    ? h('span', { class: 'thread-context' }, icon('reply'), r.exchange !== null ? `Question ${r.exchange} of the Q&A` : 'Asked in the Q&A')
    : h(
        'span',
        { class: 'thread-context' },
        icon('reply'),
        'In reply to ',
        links.analyst ? h('strong', null, links.analyst.name) : 'an analyst',
        links.analyst?.firm ? ` (${links.analyst.firm})` : '',
      );
  return h('div', { class: 'thread' }, h('div', { class: 'thread-line' }, context, button), body);
}

/**
 * @param {HTMLElement} body
 * @param {SearchResult} r
 * @param {string[]} ids
 * @param {boolean} isQuestion
 */
async function fillThread(body, r, ids, isQuestion) {
  body.replaceChildren(h('p', { class: 'thread-loading', role: 'status' }, isQuestion ? 'Loading answers…' : 'Loading the question…'));
  try {
    const responses = await Promise.all(ids.map((id) => api.passage(id)));
    /** @type {PassageView[]} */
    let passages = responses.map((x) => x.passage);
    if (!isQuestion) {
      // A question can run over several passages of the same turn: show all of it.
      const first = responses[0];
      if (first) passages = [first.passage, ...first.after.filter((p) => p.turn === first.passage.turn && p.role === 'question')];
    }
    body.replaceChildren(...groupByTurn(passages).map((group) => quoteBlock(group, r.id)));
  } catch (err) {
    body.replaceChildren(h('p', { class: 'thread-error', role: 'alert' }, icon('alert'), err instanceof Error ? err.message : 'Could not load this part of the call.'));
  }
}

/** @param {PassageView[]} passages @returns {PassageView[][]} */
function groupByTurn(passages) {
  /** @type {PassageView[][]} */
  const groups = [];
  for (const p of passages) {
    const last = groups.at(-1);
    if (last && last[0]?.turn === p.turn) last.push(p);
    else groups.push([p]);
  }
  return groups;
}

/** @param {PassageView[]} group @param {string} currentId */
function quoteBlock(group, currentId) {
  const first = /** @type {PassageView} */ (group[0]);
  return h(
    'figure',
    { class: 'quote' },
    h('figcaption', { class: 'quote-who' }, h('strong', null, first.speaker.name), roleLine(first.speaker) ? ` · ${roleLine(first.speaker)}` : ''),
    h(
      'blockquote',
      null,
      group.map((p) => h('p', { class: p.id === currentId ? 'is-current' : null, dataset: { id: p.id } }, p.text, p.id === currentId ? h('span', { class: 'quote-tag' }, 'this result') : null)),
    ),
  );
}

/**
 * "Nothing about “robotics” from analysts in the prepared remarks."
 * @param {ResultsOptions} opts
 */
function emptyState(opts) {
  const { response } = opts;
  const c = constraints(response.interpreted);
  const topic = response.interpreted.topic || response.query;
  const from = c.speakers.length ? ` from ${joinNames(c.speakers.map((s) => s.name))}` : c.side ? ` from ${c.side === 'company' ? 'the company' : SIDE_PLURAL[c.side].toLowerCase()}` : '';
  const scope = [joinNames(c.companies.map((x) => x.name), 'and'), c.period?.label].filter(Boolean).join(', ');
  const section = c.section ? (c.section === 'qa' ? 'the Q&A' : 'the prepared remarks') : '';
  const where = section ? ` in ${section}${scope ? ` of ${scope}` : ''}` : scope ? ` in ${scope}` : '';
  const hint = from || where || c.call ? 'No passage matches all of these filters. Try widening them, or ask in other words.' : 'Try other words, or a broader question.';
  return h(
    'div',
    { class: 'state state-empty' },
    h('div', { class: 'state-icon', 'aria-hidden': 'true' }, icon('search')),
    h('h2', { class: 'state-title' }, `Nothing about “${topic}”${from}${where}`),
    // The API says why when it knows (a period no call in scope has, say).
    h('p', { class: 'state-text' }, response.notice ? `${response.notice} ${hint}` : hint),
    opts.onClearFilters ? h('button', { type: 'button', class: 'button', onclick: opts.onClearFilters }, 'Clear filters') : null,
  );
}

/** Placeholder cards while a search runs. */
export function skeleton() {
  return h(
    'div',
    { class: 'skeleton', 'aria-hidden': 'true' },
    [0, 1, 2].map(() =>
      h(
        'div',
        { class: 'card skeleton-card' },
        h('div', { class: 'card-head' }, h('span', { class: 'avatar sk' }), h('div', { class: 'who' }, h('span', { class: 'sk sk-line sk-w40' }), h('span', { class: 'sk sk-line sk-w25' }))),
        h('span', { class: 'sk sk-line' }),
        h('span', { class: 'sk sk-line' }),
        h('span', { class: 'sk sk-line sk-w60' }),
      ),
    ),
  );
}

/**
 * @param {string} message
 * @param {() => void} onRetry
 * @param {(() => void) | null} [onClearFilters] offered when filters may be the cause
 */
export function errorState(message, onRetry, onClearFilters = null) {
  return h(
    'div',
    { class: 'state state-error', role: 'alert' },
    h('div', { class: 'state-icon', 'aria-hidden': 'true' }, icon('alert')),
    h('h2', { class: 'state-title' }, 'The search failed'),
    h('p', { class: 'state-text error-message' }, message),
    h(
      'div',
      { class: 'state-actions' },
      h('button', { type: 'button', class: 'button', onclick: onRetry }, 'Try again'),
      onClearFilters ? h('button', { type: 'button', class: 'button button-secondary', onclick: onClearFilters }, 'Clear filters') : null,
    ),
  );
}

