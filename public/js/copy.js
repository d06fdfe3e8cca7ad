// @ts-check
/**
 * "Copy quote" and "Copy link" on a result card. A quote travels with its citation (the API's
 * `citation`: "sentence" — speaker, title or firm, company quarter earnings call, date) and a
 * link that opens the transcript at the passage.
 */
import { h } from './dom.js';

/** @typedef {import('./api.js').SearchResult} SearchResult */

/** How long a button says "Copied" before it reads as itself again. */
const CONFIRM_MS = 1600;

/**
 * The clipboard API exists only in secure contexts (https, localhost); a teammate on
 * http://<machine>:3000 gets the older copy command, which browsers still honour for a click.
 * @param {string} text
 * @returns {Promise<boolean>}
 */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Denied (no permission, no focus): try the other way.
    }
  }
  const area = h('textarea', { class: 'copy-buffer', readonly: true, 'aria-hidden': 'true', tabindex: -1 });
  area.value = text;
  document.body.append(area);
  const active = document.activeElement;
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  if (active instanceof HTMLElement) active.focus({ preventScroll: true });
  return ok;
}

/** The absolute link that opens the transcript at a passage. @param {string} passagePath e.g. "/#p=amzn-q4-2025:12" */
export const absoluteLink = (passagePath) => new URL(passagePath, window.location.origin).href;

/** What "Copy quote" puts on the clipboard: the citation, then the link. @param {SearchResult} r @param {string} link */
export const quoteText = (r, link) => `${r.citation}\n${link}`;

/**
 * @param {string} label
 * @param {() => string} text what to copy, computed on click
 * @param {(message: string) => void} announce tells assistive technology what happened
 */
function copyButton(label, text, announce) {
  const button = h('button', { type: 'button', class: 'copy-button', dataset: { label } }, label);
  let timer = 0;
  button.addEventListener('click', async () => {
    const ok = await copyText(text());
    button.textContent = ok ? 'Copied' : 'Copy failed';
    button.classList.toggle('is-done', ok);
    announce(ok ? `${label.replace(/^Copy /, '')} copied to the clipboard.` : 'Could not copy: select the text and copy it by hand.');
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      button.textContent = label;
      button.classList.remove('is-done');
    }, CONFIRM_MS);
  });
  return button;
}

/**
 * The card's copy buttons.
 * @param {SearchResult} r
 * @param {string} passagePath the in-app link to the passage
 * @param {(message: string) => void} announce
 */
export function copyActions(r, passagePath, announce) {
  const link = () => absoluteLink(passagePath);
  return h(
    'span',
    { class: 'copy-actions' },
    copyButton('Copy quote', () => quoteText(r, link()), announce),
    copyButton('Copy link', link, announce),
  );
}
