/**
 * Which kind of document a file's bytes are: a PDF, a Word .docx, an HTML page, or plain text
 * (every text layout, captions, JSON and token tables included). Content decides first (magic
 * bytes, an HTML document's opening); the extension only names what the content must then be, so a
 * `.pdf` that is not one is refused rather than read as text.
 */
import path from 'node:path';
import { TranscriptFormatError } from '../format-error.js';

export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'text';

/** A PDF's header may follow up to 1,024 bytes of junk (ISO 32000-1, annex H). */
const PDF_HEADER_WINDOW = 1024;
/** How far into the text an HTML document's opening tag is looked for (past a BOM, comments, blank lines). */
const HTML_SNIFF_CHARS = 2048;
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** `%PDF-` at the start of the file, or of a line in its first kilobyte. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PDF_HEADER_WINDOW));
  for (let at = head.indexOf('%PDF-'); at >= 0; at = head.indexOf('%PDF-', at + 1)) {
    if (at === 0 || head[at - 1] === 0x0a || head[at - 1] === 0x0d) return true;
  }
  return false;
}

/** `<!doctype html`, `<html`, or an XHTML prolog, after a BOM, whitespace and comments. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, HTML_SNIFF_CHARS)).replace(/^\uFEFF/, '');
  const rest = head.replace(/^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*\?>)*/, '');
  return /^<(?:!doctype\s+html\b|html[\s>])/i.test(rest);
}

/** The document kind of a file; throws TranscriptFormatError for a file its extension misnames or an old binary Word file. */
export function detectDocumentFormat(bytes: Uint8Array, fileName: string | null): DocumentFormat {
  const ext = fileName ? path.extname(fileName).toLowerCase() : '';
  if (hasPdfHeader(bytes)) return 'pdf';
  if (startsWith(bytes, ZIP_MAGIC)) return 'docx'; // docx-text.ts refuses a ZIP that holds no Word document
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new TranscriptFormatError(1, 'this is an old binary Word (.doc) file or a password-protected Office document; save it as .docx (without a password) or PDF and import that');
  }
  // "{\rtf1\ansi…": its control words would be read as the words of the call.
  if (/^\s*\{\\rtf/.test(new TextDecoder('utf-8').decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, ''))) {
    throw new TranscriptFormatError(1, 'this is a Rich Text (RTF) document; save it as .docx, PDF or plain text and import that');
  }
  if (ext === '.pdf') throw new TranscriptFormatError(1, 'this .pdf file is not a PDF (no %PDF- header); it may be an error page saved under that name');
  if (ext === '.docx') throw new TranscriptFormatError(1, 'this .docx file is not a Word document (not a ZIP archive)');
  if (HTML_EXTENSIONS.has(ext) || looksLikeHtml(bytes)) return 'html';
  return 'text';
}
