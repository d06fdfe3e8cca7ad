// @ts-check
/**
 * Speaker / side / section filters, kept in sync with what the API understood.
 * A constraint is "inferred" when the response applied it without a request parameter
 * (the query named Jassy); choosing a value sends an explicit parameter, which the API
 * honours over inference.
 */
import { h, icon } from './dom.js';
import { SECTION_LABEL, SIDE_PLURAL, joinNames } from './format.js';

/** @typedef {import('./api.js').Filters} Filters */
/** @typedef {import('./api.js').Interpreted} Interpreted */
/** @typedef {import('./api.js').Participant} Participant */
/** @typedef {import('./api.js').Side} Side */
/** @typedef {import('./api.js').Section} Section */
/** @typedef {'speaker' | 'side' | 'section'} FilterKey */

/**
 * What the results are actually constrained to, and which of it came from the question.
 * @param {Filters} explicit the parameters that were sent
 * @param {Interpreted} interpreted
 */
export function constraints(explicit, interpreted) {
  const seen = new Set();
  const speakers = interpreted.speakers.filter((s) => !seen.has(s.id) && seen.add(s.id));
  return {
    speakers,
    speakerInferred: !explicit.speaker && speakers.length > 0,
    side: interpreted.side,
    sideInferred: !explicit.side && interpreted.side !== null,
    section: interpreted.section,
    sectionInferred: !explicit.section && interpreted.section !== null,
  };
}

/**
 * The next search once the person sets one filter (value) or clears it (null).
 *
 * The API has no way to say "anyone" over a constraint the query implies, so clearing an
 * inferred constraint rewrites the query to its topic and keeps the remaining constraints as
 * explicit parameters. A choice that contradicts another constraint (Jassy + analysts) drops
 * the other one. Returns null when the change cannot be expressed (nothing but the
 * constraint is left in the question).
 *
 * @param {{ q: string, filters: Filters, interpreted: Interpreted, participants: Participant[] }} current
 * @param {FilterKey} key
 * @param {string | null} value
 * @returns {{ q: string, filters: Filters } | null}
 */
export function refine(current, key, value) {
  const c = constraints(current.filters, current.interpreted);
  const inferred = { speaker: c.speakerInferred, side: c.sideInferred, section: c.sectionInferred };
  /** @type {Record<string, string | undefined>} */
  const next = { ...current.filters };
  /** @type {Set<FilterKey>} */
  const cleared = new Set();
  const drop = (/** @type {FilterKey} */ k) => {
    if (next[k]) delete next[k];
    else if (inferred[k]) cleared.add(k);
  };

  if (value) next[key] = value;
  else drop(key);

  const sideOfId = (/** @type {string} */ id) => current.participants.find((p) => p.id === id)?.side;
  if (key === 'speaker' && value) {
    const speakerSide = sideOfId(value);
    const side = next.side ?? (c.sideInferred ? c.side : null);
    if (speakerSide && side && side !== speakerSide) drop('side');
  }
  if (key === 'side' && value) {
    const speakerSides = next.speaker ? [sideOfId(next.speaker)] : c.speakerInferred ? c.speakers.map((s) => sideOfId(s.id)) : [];
    if (speakerSides.some((s) => s && s !== value)) drop('speaker');
  }

  let q = current.q;
  if (cleared.size > 0) {
    const topic = current.interpreted.topic.trim();
    if (topic) {
      q = topic;
      // The rewritten query no longer implies anything: keep what is still wanted explicitly.
      if (!cleared.has('speaker') && c.speakerInferred && !next.speaker && c.speakers[0]) next.speaker = c.speakers[0].id;
      if (!cleared.has('side') && c.sideInferred && !next.side && c.side) next.side = c.side;
      if (!cleared.has('section') && c.sectionInferred && !next.section && c.section) next.section = c.section;
    } else if (cleared.size === 1 && cleared.has('speaker')) {
      // "What did the JPMorgan analyst ask": no topic, so take the name out of the question itself.
      for (const s of current.interpreted.speakers) q = removeWords(q, s.matched);
      q = q.replace(/\s+/g, ' ').trim();
      if (!q || q === current.q) return null;
    } else {
      return null;
    }
  }
  return { q, filters: /** @type {Filters} */ (next) };
}

/** Remove `words` (case-insensitive, whole words) from `text`. @param {string} text @param {string} words */
function removeWords(text, words) {
  const escaped = words.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  if (!escaped) return text;
  return text.replace(new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?:'s)?(?=$|[^\\p{L}\\p{N}])`, 'iu'), '$1');
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
 *   q: string,
 *   onChange: (key: FilterKey, value: string | null) => void,
 * }} opts
 */
export function renderFilters({ participants, company, filters, interpreted, q, onChange }) {
  const c = interpreted ? constraints(filters, interpreted) : null;
  const speakerValue = filters.speaker ? resolveSpeakerId(filters.speaker, participants, interpreted) : c?.speakers[0]?.id ?? '';
  const sideValue = filters.side ?? c?.side ?? '';
  const sectionValue = filters.section ?? c?.section ?? '';

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
  const chips = c ? activeChips(c, filters, participants, interpreted, q, onChange) : null;
  return h('div', { class: 'filter-bar' }, form, h('div', { class: `active${chips ? ' has-chips' : ''}` }, toggle, chips));
}

/** Phones show the filter controls behind a toggle; remembered across searches. */
let expandedOnPhone = false;

/** @param {string} firm */
const shortFirm = (firm) => firm.replace(/\b(Group|Bank|Institutional Equities|LLC|PLC|Inc\.?|& Co|Co\.?)\b,?/g, '').replace(/[\s,]+$/g, '').replace(/\s+/g, ' ').trim();

/**
 * The select shows a participant id; a URL may carry a name or role ("jassy", "CFO").
 * @param {string} speaker @param {Participant[]} participants @param {Interpreted | null} interpreted
 */
function resolveSpeakerId(speaker, participants, interpreted) {
  if (participants.some((p) => p.id === speaker)) return speaker;
  return interpreted?.speakers[0]?.id ?? '';
}

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
 * "Filtered to: [Andrew Jassy · from your question ×] [Q&A ×]"
 * @param {ReturnType<typeof constraints>} c
 * @param {Filters} filters
 * @param {Participant[]} participants
 * @param {Interpreted | null} interpreted
 * @param {string} q
 * @param {(key: FilterKey, value: string | null) => void} onChange
 */
function activeChips(c, filters, participants, interpreted, q, onChange) {
  /** @type {HTMLElement[]} */
  const chips = [];
  const canClear = (/** @type {FilterKey} */ key) =>
    interpreted === null || refine({ q, filters, interpreted, participants }, key, null) !== null;
  const chip = (/** @type {FilterKey} */ key, /** @type {string} */ label, /** @type {boolean} */ inferred) =>
    h(
      'li',
      { class: `active-chip${inferred ? ' is-inferred' : ''}`, dataset: { filter: key } },
      inferred ? icon('spark', 'icon chip-icon') : null,
      h('span', { class: 'active-chip-label' }, label),
      inferred ? h('span', { class: 'active-chip-note' }, 'from your question') : null,
      canClear(key)
        ? h('button', { type: 'button', class: 'chip-clear', 'aria-label': `Clear ${key} filter: ${label}`, title: 'Clear', onclick: () => onChange(key, null) }, icon('close'))
        : null,
    );
  if (c.speakers.length > 0) chips.push(chip('speaker', joinNames(c.speakers.map((s) => s.name)), c.speakerInferred));
  if (c.side) chips.push(chip('side', SIDE_PLURAL[c.side], c.sideInferred));
  if (c.section) chips.push(chip('section', SECTION_LABEL[c.section], c.sectionInferred));
  if (chips.length === 0) return null;
  return [h('span', { class: 'active-label', id: 'active-label' }, 'Filtered to'), h('ul', { class: 'active-list', 'aria-labelledby': 'active-label' }, chips)];
}
