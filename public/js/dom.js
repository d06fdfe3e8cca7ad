// @ts-check
/**
 * Tiny DOM builder. Every string child becomes a text node, so data from the API
 * (or the query) is never parsed as HTML.
 */

/**
 * @typedef {Node | string | number | null | undefined | false} Child
 * @typedef {Record<string, unknown>} Attrs
 */

/**
 * Create an element. Attributes: `class`, `dataset` (object), `on<event>` (function),
 * booleans (`hidden: true`), anything else via setAttribute (values stringified).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs | null} [attrs]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) in transcript text
 * would reorder what follows them on the page (U+202E shows the rest reversed). Each becomes
 * U+FFFD: one code unit for one, so answer offsets into the text still point at the same
 * characters, and the reader sees that something was there.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Text as it may be shown: bidi controls neutralised (see BIDI_CONTROLS). @param {string} text */
export const displayText = (text) => text.replace(BIDI_CONTROLS, '\ufffd');

/** A text node of data from the API or the query: never HTML, never reordering the page. @param {string} text */
export const textNode = (text) => document.createTextNode(displayText(text));

/**
 * @param {ParentNode} parent
 * @param {(Child | Child[])[]} children
 */
export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'object' ? child : textNode(String(child)));
  }
}

/**
 * An SVG icon from the sprite-free set below (paths are static, never data).
 * @param {keyof typeof ICONS} name
 * @param {string} [cls]
 */
export function icon(name, cls = 'icon') {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', cls);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of ICONS[name]) {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

const ICONS = {
  arrowLeft: ['M19 12H5', 'M12 19l-7-7 7-7'],
  arrowRight: ['M5 12h14', 'M12 5l7 7-7 7'],
  reply: ['M9 14L4 9l5-5', 'M4 9h10.5a5.5 5.5 0 0 1 0 11H11'],
  chevron: ['M6 9l6 6 6-6'],
  close: ['M18 6L6 18', 'M6 6l12 12'],
  info: ['M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z', 'M12 16v-4', 'M12 8h.01'],
  alert: ['M10.3 3.9L1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z', 'M12 9v4', 'M12 17h.01'],
  search: ['M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16z', 'M21 21l-4.35-4.35'],
  quote: ['M7 7h4v4c0 3-1.5 5-4 6', 'M14 7h4v4c0 3-1.5 5-4 6'],
  doc: ['M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z', 'M14 3v6h6', 'M8 13h8', 'M8 17h6'],
  sliders: ['M4 6h10', 'M18 6h2', 'M4 12h4', 'M12 12h8', 'M4 18h12', 'M20 18h0', 'M16 4v4', 'M10 10v4', 'M18 16v4'],
  spark: ['M12 3v4', 'M12 17v4', 'M3 12h4', 'M17 12h4', 'M12 8l1.5 2.5L16 12l-2.5 1.5L12 16l-1.5-2.5L8 12l2.5-1.5z'],
};

/**
 * The passage text with [start, end) wrapped in <mark>, as text nodes. Offsets out of range: plain text.
 * @param {string} text
 * @param {number | undefined} start
 * @param {number | undefined} end
 * @returns {Node[]}
 */
export function highlighted(text, start, end) {
  if (start === undefined || end === undefined || !(start >= 0 && end > start && end <= text.length)) return [textNode(text)];
  return [textNode(text.slice(0, start)), h('mark', null, text.slice(start, end)), textNode(text.slice(end))];
}
