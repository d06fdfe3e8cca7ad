/**
 * An HTML page (saved from a browser: a news site's transcript, an IR page) → the text a reader
 * sees, one block per line, parsed with htmlparser2 (a tolerant, streaming HTML parser; entities
 * decoded). Block elements and `<br>` end lines; a blank line separates paragraphs, so a
 * `<p><strong>Jane Roe</strong> -- CEO</p>` speaker line or a bold name alone on its paragraph
 * reaches the layouts as the line a copy of the page would give. What is not the document is
 * dropped: scripts, styles, forms, the page's navigation, and the site's banner and footer —
 * `<header>`/`<footer>` outside the article (one inside `<article>`/`<main>` is the article's own
 * heading or byline, and holds the call's title).
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is never the document's text. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'nav', 'aside', 'form', 'button', 'select', 'svg', 'iframe', 'object', 'dialog', 'canvas']);
/** Page banners and footers: dropped unless inside the article. */
const PAGE_CHROME = new Set(['header', 'footer']);
const ARTICLE = new Set(['article', 'main']);
/** Elements that stand as blocks of their own (a line, a blank line around them). */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl',
  'blockquote', 'pre', 'table', 'figure', 'figcaption', 'address', 'hr', 'center', 'details', 'summary', 'body', 'html',
]);
/** Elements that are lines of a block (a list's items, a table's rows): a line each, no blank line between them. */
const BLOCK_LINES = new Set(['li', 'dd', 'tr', 'thead', 'tbody', 'tfoot', 'caption', 'option']);
/**
 * A definition list's term opens a block of its own, its definitions the lines under it: a page
 * that sets each turn as `<dt>Speaker</dt><dd>words</dd>` reads as a name line over the words (it
 * was one block of every name and every turn, refused as no layout).
 */
const TERMS = new Set(['dt']);
const CELLS = new Set(['td', 'th']);

/**
 * Classes a page gives the parts of a turn's heading ("speaker", "name", "title", "firm", "time"): a page styles them as
 * lines of their own, so two such elements side by side, with no text between them, are two lines — not one run of
 * text ("Owen PryceChief Executive Officer" was a speaker's name).
 */
const TURN_PART_CLASS = /(?:^|[\s_-])(?:speaker|name|title|role|position|firm|company|affiliation|organi[sz]ation|time|timestamp)(?:$|[\s_-])/i;

/** What the page says, as lines of text (blank lines between blocks). */
export function htmlText(html: string): string {
  const out: string[] = [];
  let line = '';
  /** Inside a dropped element (its text and everything under it are left out). */
  let dropped = false;
  let article = 0;
  let pre = 0;
  /** Each open element's name and whether it was dropped, so its close undoes exactly that. */
  const open: Array<{ name: string; dropped: boolean; part?: boolean }> = [];
  /** A turn part's element just closed, with no text after it yet. */
  let partClosed = false;

  const endLine = (blankAfter: boolean): void => {
    // Runs of spaces fold (text nodes already folded theirs); a tab between table cells stays.
    const text = line.replace(/ *\t */g, '\t').replace(/ {2,}/g, ' ').trim();
    if (text !== '') out.push(text);
    line = '';
    if (blankAfter && out.length > 0 && out[out.length - 1] !== '') out.push('');
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (dropped) {
          open.push({ name, dropped: false });
          return;
        }
        if (DROPPED.has(name) || (PAGE_CHROME.has(name) && article === 0) || 'hidden' in attribs || attribs['aria-hidden'] === 'true') {
          endLine(false);
          open.push({ name, dropped: true });
          dropped = true;
          return;
        }
        const part = TURN_PART_CLASS.test(attribs['class'] ?? '');
        // "<span class=speaker>Owen Pryce</span><span class=title>Chief Executive Officer</span>": a line each.
        if (part && partClosed) endLine(false);
        partClosed = false;
        open.push({ name, dropped: false, part });
        if (ARTICLE.has(name)) article++;
        if (name === 'pre') pre++;
        if (name === 'br' || BLOCK_LINES.has(name)) endLine(false);
        else if (BLOCKS.has(name) || TERMS.has(name)) endLine(true);
        else if (CELLS.has(name) && line.trim() !== '') line += '\t';
      },
      ontext(text) {
        if (dropped) return;
        const plain = text.replace(/\u00a0/g, ' ');
        if (plain.trim() !== '') partClosed = false;
        if (pre > 0) {
          const [first = '', ...rest] = plain.split(/\r?\n/);
          line += first;
          for (const next of rest) {
            endLine(false);
            line = next;
          }
        } else line += plain.replace(/\s+/g, ' ');
      },
      onclosetag(name) {
        const entry = open.pop();
        if (entry?.dropped) {
          dropped = false;
          return;
        }
        if (dropped) return;
        partClosed = entry?.part === true;
        if (ARTICLE.has(name)) article = Math.max(0, article - 1);
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (BLOCKS.has(name)) endLine(true);
        else if (BLOCK_LINES.has(name) || TERMS.has(name)) endLine(false);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  endLine(false);
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
