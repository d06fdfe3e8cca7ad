// @ts-check
/**
 * Speaker / side / section filters, kept in sync with what the API understood.
 * `interpreted.sources` says where each constraint came from: the query ("what did Jassy say"
 * implies speaker Jassy), a request parameter, or nowhere. Choosing a value sends an explicit
 * parameter, which the API honours over inference; "Any" over something the query implies sends
 * `any` (speaker=any), so the query in the box stays what the person typed.
 */
import { h, icon } from './dom.js';
import { SECTION_LABEL, SIDE_PLURAL, joinNames } from './format.js';

/** @typedef {import('./api.js').Filters} Filters */
/** @typedef {import('./api.js').Interpreted} Interpreted */
/** @typedef {import('./api.js').Participant} Participant */
/** @typedef {import('./api.js').Side} Side */
/** @typedef {import('./api.js').Section} Section */
/** @typedef {'speaker' | 'side' | 'section'} FilterKey */

const KEYS = /** @type {const} */ (['speaker', 'side', 'section']);

/**
 * What the results are actually constrained to, and which of it came from the question.
 * @param {Interpreted} interpreted
 */
export function constraints(interpreted) {
  const seen = new Set();
  // A constraint the results do not meet (dropped because nothing met it) is not shown as applied.
  const relaxed = new Set(interpreted.relaxed ?? []);
  const speakers = relaxed.has('speaker') ? [] : interpreted.speakers.filter((s) => !seen.has(s.id) && seen.add(s.id));
  const side = relaxed.has('side') ? null : interpreted.side;
  const section = relaxed.has('section') ? null : interpreted.section;
  const { sources } = interpreted;
  return {
    speakers,
    speakerInferred: sources.speaker === 'query' && speakers.length > 0,
    side,
    sideInferred: sources.side === 'query' && side !== null,
    section,
    sectionInferred: sources.section === 'query' && section !== null,
  };
}

/**
 * What each query implies on its own, learnt from responses where that constraint was not
 * overridden (source 'query' or 'none'): q → key → implied?  Lets "Any" over a chosen value
 * drop the parameter when nothing would come back in its place, and send `any` otherwise.
 * @type {Map<string, Partial<Record<FilterKey, boolean>>>}
 */
const implied = new Map();

/** Remember what `q` implies, from a response to it. @param {string} q @param {Interpreted} interpreted */
export function learn(q, interpreted) {
  const known = implied.get(q) ?? {};
  for (const key of KEYS) if (interpreted.sources[key] !== 'request') known[key] = interpreted.sources[key] === 'query';
  implied.set(q, known);
}

/**
 * The filters for the next search once the person sets one filter (value) or lifts it (null,
 * "Any"). A choice that contradicts another constraint (Jassy + analysts) lifts the other one.
 * Returns null when nothing would change.
 *
 * @param {{ q: string, filters: Filters, interpreted: Interpreted, participants: Participant[] }} current
 * @param {FilterKey} key
 * @param {string | null} value
 * @returns {Filters | null}
 */
export function refine(current, key, value) {
  const c = constraints(current.interpreted);
  /** @type {Record<string, string | undefined>} */
  const next = { ...current.filters };
  const lift = (/** @type {FilterKey} */ k) => liftInto(next, k, current);

  if (value) next[key] = value;
  else lift(key);

  const sideOfId = (/** @type {string} */ id) => current.participants.find((p) => p.id === id)?.side;
  if (key === 'speaker' && value) {
    const speakerSide = sideOfId(value);
    if (speakerSide && c.side && c.side !== speakerSide) lift('side');
  }
  if (key === 'side' && value) {
    const speakerSides = next.speaker && next.speaker !== 'any' ? [sideOfId(next.speaker)] : c.speakers.map((s) => sideOfId(s.id));
    if (speakerSides.some((s) => s && s !== value)) lift('speaker');
  }
  const filters = /** @type {Filters} */ (next);
  return KEYS.every((k) => (filters[k] ?? '') === (current.filters[k] ?? '')) ? null : filters;
}

/**
 * Lift every constraint, inferred or chosen: the question's topic from anyone, anywhere.
 * @param {{ q: string, filters: Filters, interpreted: Interpreted }} current
 * @returns {Filters | null} null when nothing is constrained
 */
export function clearAll(current) {
  /** @type {Record<string, string | undefined>} */
  const next = { ...current.filters };
  for (const key of KEYS) liftInto(next, key, current);
  const filters = /** @type {Filters} */ (next);
  return KEYS.every((k) => (filters[k] ?? '') === (current.filters[k] ?? '')) ? null : filters;
}

/**
 * Set `key` to "any" in `next`: `any` over an inferred constraint; a chosen value is dropped
 * when the query is known to imply nothing there, else replaced by `any` (dropping it could
 * bring the query's own reading back).
 * @param {Record<string, string | undefined>} next
 * @param {FilterKey} key
 * @param {{ q: string, interpreted: Interpreted }} current
 */
function liftInto(next, key, current) {
  const source = current.interpreted.sources[key];
  if (source === 'query') next[key] = 'any';
  else if (next[key] && next[key] !== 'any') {
    if (implied.get(current.q)?.[key] === false) delete next[key];
    else next[key] = 'any';
  }
}

/** @type {[Side | '', string][]} */
const SIDE_OPTIONS = [['', 'Any'], ['company', SIDE_PLURAL.company], ['analyst', SIDE_PLURAL.analyst]];
/** @type {[Section | '', string][]} */
const SECTION_OPTIONS = [['', 'Any'], ['prepared_remarks', SECTION_LABEL.prepared_remarks], ['qa', SECTION_LABEL.qa]];

/**
 * @param {{
 *   participants: Participant[],
 *   company: string,
 *   filters: Filters,
 *   interpreted: Interpreted | null,
 *   onChange: (key: FilterKey, value: string | null) => void,
 * }} opts
 */
export function renderFilters({ participants, company, filters, interpreted, onChange }) {
  const c = interpreted ? constraints(interpreted) : null;
  // What applies: the API's reading once there is one; while loading, the parameters sent.
  const speakerValue = c ? c.speakers[0]?.id ?? '' : filters.speaker && filters.speaker !== 'any' ? resolveSpeakerId(filters.speaker, participants) : '';
  const sideValue = c ? c.side ?? '' : filters.side && filters.side !== 'any' ? filters.side : '';
  const sectionValue = c ? c.section ?? '' : filters.section && filters.section !== 'any' ? filters.section : '';

  const group = (/** @type {string} */ label, /** @type {Participant[]} */ list) =>
    list.length === 0 ? null : h('optgroup', { label }, list.map((p) => h('option', { value: p.id }, p.side === 'analyst' && p.firm ? `${p.name} · ${shortFirm(p.firm)}` : p.name)));
  const speakerSelect = h(
    'select',
    {
      id: 'f-speaker',
      name: 'speaker',
      class: c?.speakerInferred ? 'control is-inferred' : speakerValue ? 'control is-set' : 'control',
      onchange: (/** @type {Event} */ e) => onChange('speaker', /** @type {HTMLSelectElement} */ (e.currentTarget).value || null),
    },
    h('option', { value: '' }, 'Anyone'),
    group(company || 'Company', participants.filter((p) => p.side === 'company')),
    group('Analysts', participants.filter((p) => p.side === 'analyst')),
    group('Other', participants.filter((p) => p.side === 'operator')),
  );
  speakerSelect.value = speakerValue;

  const sideOptions = sideValue === 'operator' ? [...SIDE_OPTIONS, /** @type {[Side, string]} */ (['operator', SIDE_PLURAL.operator])] : SIDE_OPTIONS;
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filter results', onsubmit: (/** @type {Event} */ e) => e.preventDefault() },
    h('div', { class: 'filter' }, h('label', { class: 'filter-label', for: 'f-speaker' }, 'Speaker'), h('div', { class: 'select-wrap' }, speakerSelect, icon('chevron', 'icon select-chevron'))),
    segmented('side', 'Side', sideOptions, sideValue, Boolean(c?.sideInferred), onChange),
    segmented('section', 'Section', SECTION_OPTIONS, sectionValue, Boolean(c?.sectionInferred), onChange),
  );

  form.id = 'filter-form';
  form.classList.toggle('is-collapsed', !expandedOnPhone);
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'filters-toggle',
      'aria-expanded': String(expandedOnPhone),
      'aria-controls': 'filter-form',
      onclick: () => {
        expandedOnPhone = !expandedOnPhone;
        toggle.setAttribute('aria-expanded', String(expandedOnPhone));
        form.classList.toggle('is-collapsed', !expandedOnPhone);
      },
    },
    icon('sliders'),
    'Filters',
    icon('chevron', 'icon chevron'),
  );
  const chips = c ? activeChips(c, onChange) : null;
  return h('div', { class: 'filter-bar' }, form, h('div', { class: `active${chips ? ' has-chips' : ''}` }, toggle, chips));
}

/** Phones show the filter controls behind a toggle; remembered across searches. */
let expandedOnPhone = false;

/** @param {string} firm */
const shortFirm = (firm) => firm.replace(/\b(Group|Bank|Institutional Equities|LLC|PLC|Inc\.?|& Co|Co\.?)\b,?/g, '').replace(/[\s,]+$/g, '').replace(/\s+/g, ' ').trim();

/**
 * The select shows a participant id; a URL may carry a name ("jassy"), which only the API resolves.
 * @param {string} speaker @param {Participant[]} participants
 */
const resolveSpeakerId = (speaker, participants) => (participants.some((p) => p.id === speaker) ? speaker : '');

/**
 * @param {FilterKey} key
 * @param {string} legend
 * @param {[string, string][]} options
 * @param {string} value
 * @param {boolean} inferred
 * @param {(key: FilterKey, value: string | null) => void} onChange
 */
function segmented(key, legend, options, value, inferred, onChange) {
  return h(
    'fieldset',
    { class: 'filter' },
    h('legend', { class: 'filter-label' }, legend),
    h(
      'div',
      { class: 'segmented' },
      options.map(([v, label]) => {
        const input = h('input', {
          type: 'radio',
          name: key,
          value: v,
          class: 'visually-hidden',
          onchange: () => onChange(key, v || null),
        });
        input.checked = v === value;
        return h('label', { class: `seg${v === value && v && inferred ? ' is-inferred' : ''}` }, input, h('span', null, label));
      }),
    ),
  );
}

/**
 * "Filtered to: [Andrew Jassy · from your question ×] [Q&A ×]". Every constraint can be lifted:
 * an inferred one with `any`, a chosen one by dropping it.
 * @param {ReturnType<typeof constraints>} c
 * @param {(key: FilterKey, value: string | null) => void} onChange
 */
function activeChips(c, onChange) {
  /** @type {HTMLElement[]} */
  const chips = [];
  const chip = (/** @type {FilterKey} */ key, /** @type {string} */ label, /** @type {boolean} */ inferred) =>
    h(
      'li',
      { class: `active-chip${inferred ? ' is-inferred' : ''}`, dataset: { filter: key } },
      inferred ? icon('spark', 'icon chip-icon') : null,
      h('span', { class: 'active-chip-label' }, label),
      inferred ? h('span', { class: 'active-chip-note' }, 'from your question') : null,
      h(
        'button',
        { type: 'button', class: 'chip-clear', 'aria-label': `Clear ${key} filter: ${label}${inferred ? ' (from your question)' : ''}`, title: 'Clear', onclick: () => onChange(key, null) },
        icon('close'),
      ),
    );
  if (c.speakers.length > 0) chips.push(chip('speaker', joinNames(c.speakers.map((s) => s.name)), c.speakerInferred));
  if (c.side) chips.push(chip('side', SIDE_PLURAL[c.side], c.sideInferred));
  if (c.section) chips.push(chip('section', SECTION_LABEL[c.section], c.sectionInferred));
  if (chips.length === 0) return null;
  return [h('span', { class: 'active-label', id: 'active-label' }, 'Filtered to'), h('ul', { class: 'active-list', 'aria-labelledby': 'active-label' }, chips)];
}
