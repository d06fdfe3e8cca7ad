/**
 * The step before parsing: a document file (PDF, Word .docx, HTML page) → the text a reader of it
 * sees, which then goes through the same pipeline as a text file (page furniture, hyphenated
 * line breaks, layout detection). Plain-text files pass through untouched. Async because pdfjs is.
 */
import { decodeTranscript } from '../decode.js';
import { TranscriptFormatError, type ImportWarning } from '../format-error.js';
import { describeLimit, type TranscriptLimits } from '../limits.js';
import { detectDocumentFormat, type DocumentFormat } from './detect-format.js';
import { pdfText } from './pdf-text.js';

export interface ExtractedDocument {
  format: DocumentFormat;
  /** The document's text, or null for a plain-text file (read from its bytes as they are). */
  text: string | null;
  warnings: ImportWarning[];
}

/** A document's text; throws TranscriptFormatError for a document that cannot or must not be read. */
export async function extractDocumentText(bytes: Uint8Array, fileName: string | null, limits: TranscriptLimits): Promise<ExtractedDocument> {
  // Refused before any parser sees it (readers check the size before reading, too).
  if (bytes.length > limits.maxFileBytes) {
    throw new TranscriptFormatError(1, `the file is ${bytes.length.toLocaleString('en-US')} bytes; ${describeLimit('maxFileBytes', limits)}`);
  }
  const format = detectDocumentFormat(bytes, fileName);
  switch (format) {
    case 'text':
      return { format, text: null, warnings: [] };
    case 'pdf': {
      const { text, warnings } = await pdfText(bytes, limits);
      return { format, text, warnings };
    }
    case 'docx': {
      // The Word and HTML readers (mammoth, htmlparser2) load when a document of theirs arrives, not
      // with every command that can read a file: `--help` and a plain-text import do not pay for them.
      const { docxText } = await import('./docx-text.js');
      const { text, warnings } = await docxText(bytes, limits);
      return { format, text, warnings };
    }
    case 'html': {
      const decoded = decodeTranscript(bytes, limits);
      const { htmlText } = await import('./html-text.js');
      const text = htmlText(decoded.text);
      if (text.trim() === '') throw new TranscriptFormatError(1, 'the HTML page has no text outside its scripts, styles and navigation');
      return { format, text, warnings: [...decoded.warnings, { line: null, message: 'read the text of an HTML page (line numbers are those of its text)' }] };
    }
  }
}
