// @ts-check
/**
 * Speaker / company / quarter / side / section filters, kept in sync with what the API understood.
 * `interpreted.sources` says where each constraint came from: the query ("what did Jassy say"
 * implies speaker Jassy, "Amazon's CFO" the company Amazon, "in Q3 2020" that quarter), a request
 * parameter, or nowhere. Choosing a value sends an explicit parameter, which the API honours over
 * inference; "Any" over something the query implies sends `any` (speaker=any, company=any,
 * quarter=any), so the query in the box stays what the person typed.
 */
import { h, icon } from './dom.js';
import { SECTION_LABEL, SIDE_PLURAL, joinNames, quarterKey, shortCallLabel } from './format.js';

/** @typedef {import('./api.js').Filters} Filters */
/** @typedef {import('./api.js').Interpreted} Interpreted */
/** @typedef {import('./api.js').Participant} Participant */
/** @typedef {import('./api.js').CallSummary} CallSummary */
/** @typedef {import('./api.js').Side} Side */
/** @typedef {import('./api.js').Section} Section */
/** @typedef {import('./api.js').ConstraintName} FilterKey a filter is named as the constraint it sets */
/** @typedef {{ key: string, name: string, participants: Participant[] }} PeopleGroup one company's people, from the calls in scope */

const KEYS = /** @type {const} */ (['speaker', 'side', 'section', 'company', 'period', 'call']);
/** The request parameters that set each filter: a period is a quarter or a year. */
const PARAMS = /** @type {Record<FilterKey, ('speaker' | 'side' | 'section' | 'company' | 'quarter' | 'year' | 'call')[]>} */ ({
  speaker: ['speaker'],
  side: ['side'],
  section: ['section'],
  company: ['company'],
  period: ['quarter', 'year'],
  call: ['call'],
});
const PARAM_NAMES = [...new Set(Object.values(PARAMS).flat())];

/** The company key of a person id (`<company key>/<name>`); null for an id of another form. @param {string} id */
const companyOfPerson = (id) => (id.includes('/') ? id.slice(0, id.indexOf('/')) : null);

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
  const companies = relaxed.has('company') ? [] : interpreted.companies ?? [];
  const period = relaxed.has('period') ? null : interpreted.period ?? null;
  const { sources } = interpreted;
  // A call is only ever a request filter; its chip names the one call asked for.
  const call = !relaxed.has('call') && sources.call === 'request' && interpreted.calls?.length === 1 ? interpreted.calls[0] ?? null : null;
  return {
    speakers,
    speakerInferred: sources.speaker === 'query' && speakers.length > 0,
    side,
    sideInferred: sources.side === 'query' && side !== null,
    section,
    sectionInferred: sources.section === 'query' && section !== null,
    companies,
    companyInferred: sources.company === 'query' && companies.length > 0,
    period,
    periodInferred: sources.period === 'query' && period !== null,
    call,
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
  for (const key of KEYS) {
    const source = interpreted.sources[key];
    if (source !== undefined && source !== 'request') known[key] = source === 'query';
  }
  implied.set(q, known);
}

/**
 * @typedef {{ q: string, filters: Filters, interpreted: Interpreted, participants: Participant[], library: CallSummary[] }} Current
 */

/**
 * The filters for the next search once the person sets one filter (value) or lifts it (null,
 * "Any"). A choice that contradicts another constraint (Jassy + analysts, Jassy + Bluefin, a
 * quarter the chosen company has no call in) lifts the other one. Returns null when nothing
 * would change.
 *
 * @param {Current} current
 * @param {FilterKey} key
 * @param {string | null} value
 * @returns {Filters | null}
 */
export function refine(current, key, value) {
  const c = constraints(current.interpreted);
  /** @type {Record<string, string | undefined>} */
  const next = { ...current.filters };
  const lift = (/** @type {FilterKey} */ k) => liftInto(next, k, current);
  const chosen = (/** @type {'speaker' | 'company' | 'quarter' | 'call'} */ p) => (next[p] && next[p] !== 'any' ? next[p] : null);

  if (value) {
    const [param, ...others] = PARAMS[key];
    for (const p of others) delete next[p];
    next[/** @type {string} */ (param)] = value;
  } else lift(key);

  const sideOfId = (/** @type {string} */ id) => current.participants.find((p) => p.id === id)?.side;
  const callOf = (/** @type {string} */ id) => current.library.find((x) => x.id === id);
  const callInScope = chosen('call') ?? c.call;
  if (key === 'speaker' && value) {
    const speakerSide = sideOfId(value);
    if (speakerSide && c.side && c.side !== speakerSide) lift('side');
    const company = companyOfPerson(value);
    if (company && c.companies.length > 0 && !c.companies.some((x) => x.key === company)) lift('company');
    if (company && callInScope && callOf(callInScope)?.company_key !== company) lift('call');
  }
  if (key === 'side' && value) {
    const speakerSides = chosen('speaker') ? [sideOfId(/** @type {string} */ (next.speaker))] : c.speakers.map((s) => sideOfId(s.id));
    if (speakerSides.some((s) => s && s !== value)) lift('speaker');
  }
  if (key === 'company' && value) {
    const speakerIds = chosen('speaker') ? [/** @type {string} */ (next.speaker)] : c.speakers.map((s) => s.id);
    if (speakerIds.some((id) => companyOfPerson(id) !== null && companyOfPerson(id) !== value)) lift('speaker');
    const quarter = chosen('quarter') ?? c.period?.label ?? null;
    if (quarter && !current.library.some((x) => x.company_key === value && x.quarter === quarter)) lift('period');
    if (callInScope && callOf(callInScope)?.company_key !== value) lift('call');
  }
  if (key === 'period' && value && callInScope && callOf(callInScope)?.quarter !== value) lift('call');

  const filters = /** @type {Filters} */ (next);
  return unchanged(filters, current.filters) ? null : filters;
}

/** @param {Filters} a @param {Filters} b */
const unchanged = (a, b) => PARAM_NAMES.every((p) => (a[p] ?? '') === (b[p] ?? ''));

/**
 * Lift every constraint, inferred or chosen: the question's topic from anyone, anywhere, in any call.
 * @param {{ q: string, filters: Filters, interpreted: Interpreted }} current
 * @returns {Filters | null} null when nothing is constrained
 */
export function clearAll(current) {
  /** @type {Record<string, string | undefined>} */
  const next = { ...current.filters };
  for (const key of KEYS) liftInto(next, key, current);
  const filters = /** @type {Filters} */ (next);
  return unchanged(filters, current.filters) ? null : filters;
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
  const [param, ...others] = PARAMS[key];
  if (!param) return;
  const source = current.interpreted.sources[key];
  const wasChosen = PARAMS[key].some((p) => next[p] && next[p] !== 'any');
  for (const p of others) delete next[p];
  if (source === 'query') next[param] = 'any';
  else if (wasChosen) {
    if (implied.get(current.q)?.[key] === false) delete next[param];
    else next[param] = 'any';
  }
}

/** @type {[Side | '', string][]} */
const SIDE_OPTIONS = [['', 'Any'], ['company', SIDE_PLURAL.company], ['analyst', SIDE_PLURAL.analyst]];
/** @type {[Section | '', string][]} */
const SECTION_OPTIONS = [['', 'Any'], ['prepared_remarks', SECTION_LABEL.prepared_remarks], ['qa', SECTION_LABEL.qa]];

/**
 * The companies of the library, in its order (alphabetical), each once.
 * @param {CallSummary[]} library
 * @returns {{ key: string, name: string, ticker: string | null }[]}
 */
export function companiesOf(library) {
  /** @type {Map<string, { key: string, name: string, ticker: string | null }>} */
  const out = new Map();
  for (const c of library) if (!out.has(c.company_key)) out.set(c.company_key, { key: c.company_key, name: c.company, ticker: c.ticker });
  return [...out.values()];
}

/**
 * The quarters the library holds (of one company when given), newest first.
 * @param {CallSummary[]} library @param {string | null} companyKey
 */
export function quartersOf(library, companyKey) {
  const labels = new Set(library.filter((c) => !companyKey || c.company_key === companyKey).map((c) => c.quarter).filter((q) => quarterKey(q) !== null));
  return /** @type {string[]} */ ([...labels]).sort((a, b) => (quarterKey(b) ?? 0) - (quarterKey(a) ?? 0));
}

/**
 * The company a filter value names (key, ticker or name, any case), as the select shows it.
 * @param {string | undefined} value @param {CallSummary[]} library
 */
function companyKeyOf(value, library) {
  if (!value || value === 'any') return '';
  const v = value.trim().toLowerCase();
  return companiesOf(library).find((c) => c.key === v || c.ticker?.toLowerCase() === v || c.name.toLowerCase() === v)?.key ?? '';
}

/**
 * @param {{
 *   people: PeopleGroup[],
 *   library: CallSummary[],
 *   filters: Filters,
 *   interpreted: Interpreted | null,
 *   onChange: (key: FilterKey, value: string | null) => void,
 * }} opts
 */
export function renderFilters({ people, library, filters, interpreted, onChange }) {
  const c = interpreted ? constraints(interpreted) : null;
  const participants = people.flatMap((g) => g.participants);
  // What applies: the API's reading once there is one; while loading, the parameters sent.
  const speakerValue = c ? c.speakers[0]?.id ?? '' : filters.speaker && filters.speaker !== 'any' ? resolveSpeakerId(filters.speaker, participants) : '';
  const sideValue = c ? c.side ?? '' : filters.side && filters.side !== 'any' ? filters.side : '';
  const sectionValue = c ? c.section ?? '' : filters.section && filters.section !== 'any' ? filters.section : '';
  const companyValue = c ? c.companies[0]?.key ?? '' : companyKeyOf(filters.company, library);
  const periodValue = c ? c.period?.label ?? '' : filters.quarter && filters.quarter !== 'any' ? filters.quarter : '';

  const companies = companiesOf(library);
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filter results', onsubmit: (/** @type {Event} */ e) => e.preventDefault() },
    speakerFilter(people, speakerValue, Boolean(c?.speakerInferred), onChange),
    // One company or one quarter in the whole library: nothing to choose, no control.
    companies.length > 1 ? companyFilter(companies, companyValue, Boolean(c?.companyInferred), onChange) : null,
    quartersOf(library, null).length > 1 ? periodFilter(quartersOf(library, companyValue || null), periodValue, Boolean(c?.periodInferred), onChange) : null,
    segmented('side', 'Side', withCurrent(SIDE_OPTIONS, sideValue), sideValue, Boolean(c?.sideInferred), onChange),
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
  const chips = c ? activeChips(c, library, onChange) : null;
  return h('div', { class: 'filter-bar' }, form, h('div', { class: `active${chips ? ' has-chips' : ''}` }, toggle, chips));
}

/** Phones show the filter controls behind a toggle; remembered across searches. */
let expandedOnPhone = false;

/** Side options, with the operator or "side unknown" when that is what applies. @param {[Side | '', string][]} options @param {string} value */
const withCurrent = (options, value) =>
  value === 'operator' || value === 'unknown' ? [...options, /** @type {[Side, string]} */ ([value, SIDE_PLURAL[value]])] : options;

/** @param {string} firm */
const shortFirm = (firm) => firm.replace(/\b(Group|Bank|Institutional Equities|LLC|PLC|Inc\.?|& Co|Co\.?)\b,?/g, '').replace(/[\s,]+$/g, '').replace(/\s+/g, ' ').trim();

/**
 * The select shows a participant id; a URL may carry a name ("jassy"), which only the API resolves.
 * @param {string} speaker @param {Participant[]} participants
 */
const resolveSpeakerId = (speaker, participants) => (participants.some((p) => p.id === speaker) ? speaker : '');

/** A labelled select with its chevron. @param {string} id @param {string} label @param {HTMLSelectElement} select */
const selectFilter = (id, label, select) =>
  h('div', { class: 'filter' }, h('label', { class: 'filter-label', for: id }, label), h('div', { class: 'select-wrap' }, select, icon('chevron', 'icon select-chevron')));

/** @param {boolean} inferred @param {string} value */
const controlClass = (inferred, value) => (inferred && value ? 'control is-inferred' : value ? 'control is-set' : 'control');

/**
 * People of the calls in scope, grouped by company: its executives, then the analysts on its calls.
 * @param {PeopleGroup[]} people @param {string} value @param {boolean} inferred @param {(key: FilterKey, value: string | null) => void} onChange
 */
function speakerFilter(people, value, inferred, onChange) {
  const several = people.length > 1;
  const option = (/** @type {Participant} */ p) => h('option', { value: p.id }, p.side === 'analyst' && p.firm ? `${p.name} · ${shortFirm(p.firm)}` : p.name);
  const group = (/** @type {string} */ label, /** @type {Participant[]} */ list) => (list.length === 0 ? null : h('optgroup', { label }, list.map(option)));
  const select = h(
    'select',
    { id: 'f-speaker', name: 'speaker', class: controlClass(inferred, value), onchange: (/** @type {Event} */ e) => onChange('speaker', /** @type {HTMLSelectElement} */ (e.currentTarget).value || null) },
    h('option', { value: '' }, 'Anyone'),
    people.flatMap((g) => [
      group(g.name || 'Company', g.participants.filter((p) => p.side === 'company')),
      group(several ? `Analysts on ${g.name} calls` : 'Analysts', g.participants.filter((p) => p.side === 'analyst')),
      group(several ? `Others on ${g.name} calls` : 'Other', g.participants.filter((p) => p.side === 'operator' || p.side === 'unknown')),
    ]),
  );
  select.value = value;
  return selectFilter('f-speaker', 'Speaker', select);
}

/**
 * @param {{ key: string, name: string, ticker: string | null }[]} companies @param {string} value @param {boolean} inferred
 * @param {(key: FilterKey, value: string | null) => void} onChange
 */
function companyFilter(companies, value, inferred, onChange) {
  const select = h(
    'select',
    { id: 'f-company', name: 'company', class: controlClass(inferred, value), onchange: (/** @type {Event} */ e) => onChange('company', /** @type {HTMLSelectElement} */ (e.currentTarget).value || null) },
    h('option', { value: '' }, 'All companies'),
    companies.map((c) => h('option', { value: c.key }, c.ticker ? `${c.name} (${c.ticker})` : c.name)),
  );
  select.value = value;
  return selectFilter('f-company', 'Company', select);
}

/**
 * Quarters of the company in scope (all when none). A period the question named that is not a
 * quarter of the list ("the latest call", "fiscal 2024") is shown as it is, not offered.
 * @param {string[]} quarters @param {string} value @param {boolean} inferred @param {(key: FilterKey, value: string | null) => void} onChange
 */
function periodFilter(quarters, value, inferred, onChange) {
  const select = h(
    'select',
    { id: 'f-quarter', name: 'quarter', class: controlClass(inferred, value), onchange: (/** @type {Event} */ e) => onChange('period', /** @type {HTMLSelectElement} */ (e.currentTarget).value || null) },
    h('option', { value: '' }, 'Any quarter'),
    value && !quarters.includes(value) ? h('option', { value, disabled: true }, value) : null,
    quarters.map((q) => h('option', { value: q }, q)),
  );
  select.value = value;
  return selectFilter('f-quarter', 'Quarter', select);
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
 * "Filtered to: [Andrew Jassy · from your question ×] [Amazon.com, Inc. · from your question ×] [Q&A ×]".
 * Every constraint can be lifted: an inferred one with `any`, a chosen one by dropping it.
 * @param {ReturnType<typeof constraints>} c
 * @param {CallSummary[]} library
 * @param {(key: FilterKey, value: string | null) => void} onChange
 */
function activeChips(c, library, onChange) {
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
  if (c.companies.length > 0) chips.push(chip('company', joinNames(c.companies.map((x) => x.name)), c.companyInferred));
  if (c.period) chips.push(chip('period', c.period.label, c.periodInferred));
  if (c.call) {
    const call = library.find((x) => x.id === c.call);
    chips.push(chip('call', call ? shortCallLabel(call) : c.call, false));
  }
  if (c.speakers.length > 0) chips.push(chip('speaker', joinNames(c.speakers.map((s) => s.name)), c.speakerInferred));
  // "Company" alone would read as the company filter: the side says it is a side.
  if (c.side) chips.push(chip('side', c.side === 'company' ? 'Company side' : SIDE_PLURAL[c.side], c.sideInferred));
  if (c.section) chips.push(chip('section', SECTION_LABEL[c.section], c.sectionInferred));
  if (chips.length === 0) return null;
  return [h('span', { class: 'active-label', id: 'active-label' }, 'Filtered to'), h('ul', { class: 'active-list', 'aria-labelledby': 'active-label' }, chips)];
}
