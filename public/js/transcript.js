// @ts-check
/** One call in reading order: who was on it, then sections, exchanges, one heading per speaker turn. */
import { h, highlighted, icon } from './dom.js';
import { SECTION_LABEL, SIDE_LABEL, formatClock, formatDate, initials, roleLine, surname } from './format.js';

/** @typedef {import('./api.js').TranscriptResponse} TranscriptResponse */
/** @typedef {import('./api.js').CallResponse} CallResponse */
/** @typedef {import('./api.js').PassageView} PassageView */
/** @typedef {import('./api.js').Participant} Participant */

/**
 * @typedef {{
 *   transcript: TranscriptResponse,
 *   call: CallResponse | null,
 *   backLabel: string,
 *   onBack: () => void,
 *   passageHref: (id: string) => string,
 *   onJump: (id: string) => void,
 * }} TranscriptOptions
 */

const SECTION_HEADING = { prepared_remarks: 'Prepared remarks', qa: 'Questions & answers' };

/** DOM id of a passage paragraph. @param {string} id */
export const passageDomId = (id) => `passage-${id}`;

/** @param {TranscriptOptions} opts */
export function renderTranscript(opts) {
  const { transcript, call } = opts;
  const article = h('article', { class: 'transcript', 'aria-labelledby': 'transcript-title' });
  /** @typedef {{ id: string, label: string, sub: string, key: string }} TocItem */
  /** @type {TocItem[]} */
  const tocPrepared = [];
  /** @type {TocItem[]} */
  const tocQa = [];

  /** @type {string | null} */
  let section = null;
  /** @type {number | null} */
  let exchange = null;
  /** @type {HTMLElement | null} */
  let turnEl = null;
  /** @type {number | null} */
  let turn = null;
  for (const p of transcript.passages) {
    if (p.section !== section) {
      section = p.section;
      article.append(h('h3', { class: 't-section', id: `section-${p.section}` }, SECTION_HEADING[p.section] ?? SECTION_LABEL[p.section] ?? p.section));
      turn = null;
    }
    if (p.exchange !== null && p.exchange !== exchange) {
      exchange = p.exchange;
      const ex = call?.exchanges.find((e) => e.id === p.exchange);
      const who = ex ? `${ex.analyst.name}${ex.analyst.firm ? `, ${ex.analyst.firm}` : ''}` : '';
      article.append(h('div', { class: 't-exchange', role: 'separator', 'aria-label': `Question ${p.exchange}${who ? ` from ${who}` : ''}` }, h('span', { class: 't-exchange-num' }, `Question ${p.exchange}`), who ? h('span', null, who) : null));
      tocQa.push({ id: ex?.question ?? p.id, label: ex ? surname(ex.analyst.name) : `Question ${p.exchange}`, sub: ex?.analyst.firm ?? '', key: `x${p.exchange}` });
    }
    if (p.turn !== turn || !turnEl) {
      turn = p.turn;
      turnEl = h(
        'section',
        { class: `turn side-${p.speaker.side} role-${p.role}`, 'aria-label': `${p.speaker.name}${roleLine(p.speaker) ? `, ${roleLine(p.speaker)}` : ''}` },
        h(
          'header',
          { class: 'turn-head' },
          h('span', { class: `avatar avatar-sm side-${p.speaker.side}`, 'aria-hidden': 'true' }, initials(p.speaker.name)),
          h('h4', { class: 'turn-name' }, p.speaker.name),
          roleLine(p.speaker) ? h('span', { class: 'turn-role' }, roleLine(p.speaker)) : null,
          p.speaker.side !== 'operator' ? h('span', { class: `chip chip-${p.speaker.side}` }, SIDE_LABEL[p.speaker.side]) : null,
          p.start_time !== null ? h('span', { class: 'turn-time', title: 'Where this turn starts in the recording' }, `at ${formatClock(p.start_time)}`) : null,
        ),
      );
      article.append(turnEl);
      if (p.section === 'prepared_remarks' && p.speaker.side !== 'operator') tocPrepared.push({ id: p.id, label: p.speaker.name, sub: roleLine(p.speaker), key: `t${p.turn}` });
    }
    turnEl.append(
      h('p', { class: 't-passage', id: passageDomId(p.id), tabindex: -1, dataset: { id: p.id, toc: p.exchange !== null ? `x${p.exchange}` : `t${p.turn}` } }, p.text),
    );
  }

  article.addEventListener('click', (e) => {
    const para = /** @type {Element} */ (e.target).closest('.t-passage');
    if (!para || (window.getSelection()?.toString() ?? '').length > 0) return;
    const id = /** @type {HTMLElement} */ (para).dataset.id;
    if (id) opts.onJump(id);
  });

  const tocLink = (/** @type {TocItem} */ item) =>
    h(
      'li',
      null,
      h(
        'a',
        {
          href: opts.passageHref(item.id),
          dataset: { toc: item.key },
          onclick: (/** @type {MouseEvent} */ e) => {
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
            e.preventDefault();
            opts.onJump(item.id);
          },
        },
        h('span', { class: 'toc-label' }, item.label),
        item.sub ? h('span', { class: 'toc-sub' }, item.sub) : null,
      ),
    );
  const toc = h(
    'nav',
    { class: 'toc', 'aria-label': 'Jump to a part of the call' },
    tocPrepared.length ? [h('p', { class: 'toc-heading' }, 'Prepared remarks'), h('ol', { class: 'toc-list' }, tocPrepared.map(tocLink))] : null,
    tocQa.length ? [h('p', { class: 'toc-heading' }, 'Q&A'), h('ol', { class: 'toc-list toc-numbered' }, tocQa.map(tocLink))] : null,
  );

  const title = call ? [`${call.company} ${call.quarter ?? ''}`.trim(), 'earnings call'].join(' ') : 'Earnings call';
  const when = call ? [formatDate(call.date), call.time].filter(Boolean).join(', ') : '';
  return h(
    'div',
    { class: 'reader', dataset: { call: transcript.call_id } },
    h(
      'div',
      { class: 'reader-bar' },
      h('button', { type: 'button', class: 'button-ghost back', onclick: opts.onBack }, icon('arrowLeft'), opts.backLabel),
      h(
        'div',
        { class: 'reader-title' },
        h('h2', { id: 'transcript-title', tabindex: -1 }, title),
        h('p', { class: 'reader-sub' }, [when, `${transcript.passages.length} passages`].filter(Boolean).join(' · ')),
      ),
    ),
    h('div', { class: 'reader-grid' }, toc, h('div', { class: 'reader-main' }, call ? participantsPanel(call.participants, call.company) : null, article)),
  );
}

/**
 * Who was on the call: the company's people with their titles, the analysts with their firms.
 * @param {Participant[]} participants @param {string} company
 */
function participantsPanel(participants, company) {
  const list = (/** @type {Participant[]} */ people) =>
    h('ul', { class: 'people' }, people.map((p) => h('li', { dataset: { person: p.id } }, h('span', { class: 'person-name' }, p.name), h('span', { class: 'person-role' }, roleLine(p)))));
  const executives = participants.filter((p) => p.side === 'company');
  const analysts = participants.filter((p) => p.side === 'analyst');
  const others = participants.filter((p) => p.side === 'unknown');
  const counts = [
    executives.length ? `${executives.length} from ${company}` : null,
    analysts.length ? `${analysts.length} analyst${analysts.length === 1 ? '' : 's'}` : null,
    others.length ? `${others.length} unattributed` : null,
  ].filter(Boolean);
  return h(
    'details',
    { class: 'reader-people', open: true },
    h('summary', null, h('span', { class: 'reader-people-title' }, 'On the call'), h('span', { class: 'reader-people-count' }, counts.join(' · '))),
    h(
      'div',
      { class: 'reader-people-grid' },
      executives.length ? h('div', null, h('h3', null, company), list(executives)) : null,
      analysts.length ? h('div', null, h('h3', null, 'Analysts'), list(analysts)) : null,
      others.length ? h('div', null, h('h3', null, 'Side unknown'), list(others)) : null,
    ),
  );
}

/**
 * Mark one passage as the target: highlighted, its answer sentence marked, scrolled to and focused.
 * @param {HTMLElement} root
 * @param {string} id
 * @param {{ start: number, end: number } | null} span answer sentence offsets, when known
 * @param {string} text the passage text (to re-render with the mark)
 * @returns {boolean} whether the passage exists
 */
export function focusPassage(root, id, span, text) {
  for (const el of root.querySelectorAll('.t-passage.is-target')) {
    el.classList.remove('is-target');
    el.removeAttribute('aria-current');
    el.replaceChildren(...highlighted(/** @type {HTMLElement} */ (el).dataset.text ?? el.textContent ?? '', undefined, undefined));
  }
  const el = document.getElementById(passageDomId(id));
  if (!el || !root.contains(el)) return false;
  el.dataset.text = text;
  el.classList.add('is-target');
  // Where this is in the call, in the side navigation.
  for (const a of root.querySelectorAll('.toc a[aria-current]')) a.removeAttribute('aria-current');
  for (const a of root.querySelectorAll('.toc a')) if (/** @type {HTMLElement} */ (a).dataset.toc === el.dataset.toc) a.setAttribute('aria-current', 'location');
  el.setAttribute('aria-current', 'true');
  el.replaceChildren(h('span', { class: 'visually-hidden' }, 'Linked passage: '), ...highlighted(text, span?.start, span?.end));
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
  return true;
}

