/**
 * A Word document (.docx) → its paragraphs as lines of text, with mammoth's raw-text extraction
 * (each paragraph a line, a blank line between paragraphs): a bold name alone on its paragraph
 * stays a line of its own, as the layouts read a speaker's name line.
 *
 * A .docx is a ZIP archive. Before mammoth inflates it, every entry is inflated once with yauzl,
 * which checks each entry's output against the size the archive declares for it, against caps on
 * the entries and their total size — so a zip bomb is refused instead of expanded in memory.
 */
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { TranscriptFormatError, type ImportWarning } from '../format-error.js';
import type { TranscriptLimits } from '../limits.js';

/** Entries a Word document may hold (a real one has 10–40, a few hundred with many images). */
export const MAX_DOCX_ENTRIES = 2000;
/** The archive may inflate to this many times the file size limit. */
export const DOCX_INFLATE_FACTOR = 64;

export interface DocxText {
  text: string;
  warnings: ImportWarning[];
}

const refuse = (message: string): TranscriptFormatError => new TranscriptFormatError(1, message);

/** Inflates every entry under the caps; resolves with the entries' names. Throws TranscriptFormatError. */
async function checkArchive(bytes: Buffer, budget: number): Promise<Set<string>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    throw refuse(`this .docx cannot be read as a ZIP archive (damaged or cut short): ${(error as Error).message}`);
  }
  if (zip.entryCount > MAX_DOCX_ENTRIES) {
    zip.close();
    throw refuse(`the .docx archive has ${zip.entryCount.toLocaleString('en-US')} entries; a Word document may have at most ${MAX_DOCX_ENTRIES.toLocaleString('en-US')}`);
  }
  const names = new Set<string>();
  let total = 0;
  const bomb = (): TranscriptFormatError =>
    refuse(`the .docx archive expands to more than ${budget.toLocaleString('en-US')} bytes (${DOCX_INFLATE_FACTOR}× the file size limit): refused as a possible zip bomb`);
  try {
    for await (const entry of zip.eachEntry()) {
      names.add(entry.fileName);
      if (entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted()) throw refuse('the .docx is encrypted (password-protected); save an unprotected copy and import that');
      total += entry.uncompressedSize;
      if (total > budget) throw bomb();
      const stream = await zip.openReadStreamPromise(entry);
      // yauzl errors the stream when an entry inflates past its declared size.
      for await (const _ of stream) void _;
    }
  } catch (error) {
    if (error instanceof TranscriptFormatError) throw error;
    throw refuse(`this .docx cannot be read (damaged archive): ${(error as Error).message}`);
  } finally {
    zip.close();
  }
  return names;
}

/** The paragraphs of a Word document; throws TranscriptFormatError for an archive that is not one or must not be read. */
export async function docxText(bytes: Uint8Array, limits: TranscriptLimits): Promise<DocxText> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = await checkArchive(buffer, limits.maxFileBytes * DOCX_INFLATE_FACTOR);
  if (!names.has('word/document.xml')) {
    throw refuse('this ZIP archive is not a Word document (no word/document.xml); only .docx files are read from archives');
  }
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer }));
  } catch (error) {
    throw refuse(`this .docx cannot be read: ${(error as Error).message}`);
  }
  const text = `${value.replace(/\u00a0/g, ' ').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
  if (text.trim() === '') throw refuse('the Word document has no text');
  return { text, warnings: [{ line: null, message: 'read the paragraphs of a Word document (line numbers are those of its text)' }] };
}
