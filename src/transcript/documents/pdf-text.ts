/**
 * A PDF's text layer → lines of text in reading order, with pdfjs-dist's legacy Node build
 * (Mozilla's PDF reader; no worker thread, no canvas, no network). Each page's text items are
 * grouped into lines by their baseline, top to bottom and left to right; a gap between lines
 * wider than a line's leading is a blank line (a paragraph break), and so is a page break. The
 * page's furniture (running headers, page numbers) and words hyphenated across a line break are
 * left to the text pipeline (page-furniture.ts, line-break-hyphens.ts), as for a copied PDF.
 *
 * Single-column pages only: a two-column page is read across both columns, line by line.
 * Rotated text (a diagonal "DRAFT" watermark, a margin's vertical label) is left out.
 *
 * Hostile files are bounded before pdfjs reads them: the compressed streams are inflated once
 * with an output cap (a flate bomb is refused, not expanded), and a page count cap. An encrypted
 * PDF is refused whether or not it needs a password: its streams cannot be measured before pdfjs
 * decrypts and expands them. So is one pdfjs cannot parse, or one cut short.
 */
import { constants as zlibConstants, inflateSync } from 'node:zlib';
import { TranscriptFormatError, type ImportWarning } from '../format-error.js';
import { describeLimit, type TranscriptLimits } from '../limits.js';

/** Pages a transcript may have (real ones run 10–60). */
export const MAX_PDF_PAGES = 1000;
/** The compressed streams may inflate to this many times the file size limit (fonts and images included). */
export const PDF_INFLATE_FACTOR = 64;
/** Fewer letters than this per page on average: the pages are images with no text layer. */
const MIN_LETTERS_PER_PAGE = 20;
/** A gap between baselines over this many font heights is a blank line. */
const PARAGRAPH_GAP = 1.6;
/** The trailer's (or the cross-reference stream's) encryption dictionary, written as a reference or inline. */
const ENCRYPT_ENTRY = /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/;
/** Where `%%EOF` must appear: in the file's last kilobyte (an interrupted download has none). */
const EOF_WINDOW = 1024;

export interface PdfText {
  text: string;
  pages: number;
  warnings: ImportWarning[];
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const refuse = (message: string): TranscriptFormatError => new TranscriptFormatError(1, message);

/** Every `stream … endstream` body, inflated with a shared output budget; throws when the budget runs out. */
function checkInflatedSize(bytes: Uint8Array, budget: number): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let left = budget;
  let at = buf.indexOf('stream');
  while (at >= 0) {
    let start = at + 'stream'.length;
    if (buf[start] === 0x0d) start++;
    if (buf[start] !== 0x0a || (at >= 3 && buf.subarray(at - 3, at).toString('latin1') === 'end')) {
      at = buf.indexOf('stream', at + 1);
      continue;
    }
    start++;
    const end = buf.indexOf('endstream', start);
    const body = buf.subarray(start, end < 0 ? buf.length : end);
    try {
      // Z_SYNC_FLUSH: a truncated stream still counts what it would expand to.
      left -= inflateSync(body, { maxOutputLength: Math.max(1, left), finishFlush: zlibConstants.Z_SYNC_FLUSH }).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw refuse(`the PDF's compressed streams expand to more than ${budget.toLocaleString('en-US')} bytes (${PDF_INFLATE_FACTOR}× the file size limit): refused as a possible decompression bomb`);
      }
      // Not zlib data (an image, an encrypted stream, another filter): pdfjs reads it as it is.
    }
    at = end < 0 ? -1 : buf.indexOf('stream', end + 'endstream'.length);
  }
}

/** One page's lines: items grouped by baseline (top to bottom), joined left to right. */
function pageLines(items: Item[]): string[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    if (row && first && Math.abs(first.y - item.y) <= Math.max(1, Math.min(first.height, item.height) * 0.5)) row.push(item);
    else rows.push([item]);
  }
  const lines: string[] = [];
  let previous: { y: number; height: number } | null = null;
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let right = -Infinity;
    for (const item of row) {
      const gap = item.x - right;
      if (text !== '' && !/\s$/.test(text) && !/^\s/.test(item.str) && gap > item.height * 0.15) text += ' ';
      text += item.str;
      right = item.x + item.width;
    }
    const y = row[0]!.y;
    const height = Math.max(...row.map((i) => i.height), 1);
    if (previous && previous.y - y > PARAGRAPH_GAP * Math.max(previous.height, height)) lines.push('');
    lines.push(text.replace(/\s+/g, ' ').trim());
    previous = { y, height };
  }
  return lines;
}

/** The text of a PDF's pages; throws TranscriptFormatError for a PDF that cannot or must not be read. */
export async function pdfText(bytes: Uint8Array, limits: TranscriptLimits): Promise<PdfText> {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.length - EOF_WINDOW));
  if (!tail.includes('%%EOF')) throw refuse('the PDF is cut short (no %%EOF marker at its end), as an interrupted download leaves it; download it again');
  if (ENCRYPT_ENTRY.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'))) {
    throw refuse('the PDF is encrypted (password or copy protection); print or save it as an unprotected PDF and import that');
  }
  checkInflatedSize(bytes, limits.maxFileBytes * PDF_INFLATE_FACTOR);

  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (and may detach) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = (error as Error)?.name;
    if (name === 'PasswordException') throw refuse('the PDF is encrypted (password or copy protection); print or save it as an unprotected PDF and import that');
    throw refuse(`the PDF cannot be read (damaged or not a PDF): ${(error as Error)?.message ?? String(error)}`);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw refuse(`the PDF has ${doc.numPages.toLocaleString('en-US')} pages; a transcript may have at most ${MAX_PDF_PAGES.toLocaleString('en-US')}`);
    const lines: string[] = [];
    let chars = 0;
    let skipped = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || raw.str === '') continue;
        const [a, b, c, d, x, y] = raw.transform as number[];
        if (Math.abs(b ?? 0) > 1e-3 * Math.abs(a ?? 1) || Math.abs(c ?? 0) > 1e-3 * Math.abs(d ?? 1)) {
          skipped++;
          continue;
        }
        items.push({ str: raw.str, x: x ?? 0, y: y ?? 0, width: raw.width, height: raw.height || Math.abs(d ?? 0) });
      }
      page.cleanup();
      if (lines.length > 0) lines.push('');
      const own = pageLines(items);
      lines.push(...own);
      chars += own.reduce((sum, l) => sum + l.length + 1, 0);
      if (chars > limits.maxFileBytes) throw refuse(`the PDF's text runs past ${limits.maxFileBytes.toLocaleString('en-US')} characters by page ${n}; ${describeLimit('maxFileBytes', limits)}`);
    }
    const text = `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    if (letters < MIN_LETTERS_PER_PAGE * doc.numPages) {
      throw refuse(`no text layer: this PDF is scanned images (${letters} letters in ${doc.numPages} page${doc.numPages === 1 ? '' : 's'}); run OCR first`);
    }
    const warnings: ImportWarning[] = [{ line: null, message: `read the text of a ${doc.numPages}-page PDF (line numbers are those of its text)` }];
    if (skipped > 0) warnings.push({ line: null, message: `left out ${skipped} piece${skipped === 1 ? '' : 's'} of rotated text (a watermark or a margin label)` });
    return { text, pages: doc.numPages, warnings };
  } finally {
    await doc.destroy();
  }
}
