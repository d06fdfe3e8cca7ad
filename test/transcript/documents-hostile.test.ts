/**
 * Documents that must be refused, each with a clear one-line reason (a TranscriptFormatError
 * naming the file, never a stack trace or a hang): a scanned PDF with no text layer, a PDF cut
 * short, a password-protected PDF, a flate bomb, too many pages, a zip bomb .docx (declared and
 * lying sizes), a ZIP that is no Word document, a file whose extension lies, an old binary .doc, an RTF file.
 */
import { deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { parseTranscriptFile, TranscriptFormatError } from '../../src/transcript/read-source.js';
import { renderDocx, renderImageOnlyPdf, renderPdf } from './render-documents.js';

const CALL = `Acme Tools Inc. (ACMT) Q1 2025 Earnings Call

Presentation

Operator

Good morning and welcome to the Acme Tools call. I will hand over to Jane Roe.

Jane Roe

Thank you. Sales grew 4% in the quarter.
`;

/** The error a file is refused with (fails the test when it is read). */
async function refusal(bytes: Uint8Array, fileName: string, limits?: { maxFileBytes: number }): Promise<TranscriptFormatError> {
  try {
    const parsed = await parseTranscriptFile(bytes, { fileName, limits });
    throw new Error(`read as ${parsed.layout}, expected a refusal`);
  } catch (error) {
    expect(error).toBeInstanceOf(TranscriptFormatError);
    const e = error as TranscriptFormatError;
    expect(e.file).toBe(fileName);
    expect(e.message).not.toMatch(/\n\s+at /);
    return e;
  }
}

function pdfWithStream(body: Buffer): Buffer {
  const parts = [
    '%PDF-1.7\n',
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R >>\nendobj\n',
    `4 0 obj\n<< /Length ${body.length} /Filter /FlateDecode >>\nstream\n`,
  ];
  return Buffer.concat([Buffer.from(parts.join(''), 'latin1'), body, Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1')]);
}

describe('PDFs that are refused', () => {
  it('a scanned PDF (pages of images, no text layer)', async () => {
    const e = await refusal(await renderImageOnlyPdf(3), 'scan.pdf');
    expect(e.message).toMatch(/^no text layer: this PDF is scanned images .*; run OCR first$/);
  });

  it('a PDF cut short (an interrupted download)', async () => {
    const whole = await renderPdf(CALL, (l) => l === 'Jane Roe' || l === 'Operator', { header: 'Acme Tools' });
    const e = await refusal(whole.subarray(0, Math.floor(whole.length * 0.6)), 'cut.pdf');
    expect(e.message).toMatch(/cut short/);
  });

  it('a damaged PDF pdfjs cannot parse', async () => {
    const e = await refusal(Buffer.from('%PDF-1.7\nthis is not a PDF body at all\n%%EOF\n', 'latin1'), 'damaged.pdf');
    expect(e.message).toMatch(/cannot be read|no text layer/);
  });

  it('an encrypted PDF, whether it needs a password or only restricts copying (its streams cannot be measured first)', async () => {
    const locked = await renderPdf(CALL, () => false, { header: 'Acme Tools', userPassword: 'secret' });
    expect((await refusal(locked, 'locked.pdf')).message).toMatch(/^the PDF is encrypted \(password or copy protection\)/);
    const restricted = await renderPdf(CALL, () => false, { header: 'Acme Tools', ownerPassword: 'owner' });
    expect((await refusal(restricted, 'restricted.pdf')).message).toMatch(/^the PDF is encrypted \(password or copy protection\)/);
  });

  it('a flate bomb: a stream that inflates far past the bound is refused before pdfjs expands it', async () => {
    // 64 KB file limit → 4 MB inflation budget; the stream inflates to 8 MB from about 8 KB.
    const bomb = pdfWithStream(deflateSync(Buffer.alloc(8 * 1024 * 1024, 0x20), { level: 9 }));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const e = await refusal(bomb, 'bomb.pdf', { maxFileBytes: 64 * 1024 });
    expect(e.message).toMatch(/possible decompression bomb/);
    // The same file under the default limits (a 256 MB budget) is inflated and read: no text in it.
    const read = await refusal(bomb, 'bomb.pdf');
    expect(read.message).toMatch(/no text layer/);
  });

  it('a PDF of more pages than a transcript has', async () => {
    const doc = new PDFDocument({ size: [100, 100], margin: 10 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    for (let i = 0; i < 1001; i++) {
      if (i > 0) doc.addPage();
      doc.text('x');
    }
    doc.end();
    const e = await refusal(await done, 'many.pdf');
    expect(e.message).toMatch(/has 1,001 pages; a transcript may have at most 1,000/);
  });

  it('a .pdf file that is not a PDF (an error page saved under that name)', async () => {
    const e = await refusal(Buffer.from('<html><body>404 Not Found</body></html>'), 'call.pdf');
    expect(e.message).toMatch(/not a PDF/);
  });
});

describe('Word files that are refused', () => {
  const docx = () => renderDocx(CALL, (l) => l === 'Jane Roe' || l === 'Operator');

  it('the call itself reads', async () => {
    const parsed = await parseTranscriptFile(await docx(), { fileName: 'acme.docx' });
    expect(parsed.call.turns.map((t) => t.paragraphs[0]?.text)).toEqual([
      'Good morning and welcome to the Acme Tools call. I will hand over to Jane Roe.',
      'Thank you. Sales grew 4% in the quarter.',
    ]);
  });

  it('a zip bomb: entries that inflate past the bound', async () => {
    const zip = await JSZip.loadAsync(await docx());
    zip.file('word/media/filler.bin', Buffer.alloc(8 * 1024 * 1024), { compression: 'DEFLATE', compressionOptions: { level: 9 } });
    const bomb = await zip.generateAsync({ type: 'nodebuffer' });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const e = await refusal(bomb, 'bomb.docx', { maxFileBytes: 64 * 1024 });
    expect(e.message).toMatch(/possible zip bomb/);
  });

  it('an entry that inflates past the size its archive declares (a lying header)', async () => {
    const zip = await JSZip.loadAsync(await docx());
    zip.file('word/media/filler.bin', Buffer.alloc(1024 * 1024), { compression: 'DEFLATE' });
    const bytes = Buffer.from(await zip.generateAsync({ type: 'nodebuffer' }));
    // Declare 100 bytes for the filler in its local and central headers.
    const name = Buffer.from('word/media/filler.bin');
    for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
      const local = bytes.readUInt32LE(at - 30) === 0x04034b50;
      const central = bytes.readUInt32LE(at - 46) === 0x02014b50;
      if (local) bytes.writeUInt32LE(100, at - 30 + 22);
      if (central) bytes.writeUInt32LE(100, at - 46 + 24);
    }
    const e = await refusal(bytes, 'lying.docx');
    expect(e.message).toMatch(/damaged archive/);
  });

  it('a ZIP that holds no Word document', async () => {
    const zip = new JSZip();
    zip.file('notes.txt', 'Jane Roe: hello');
    const e = await refusal(await zip.generateAsync({ type: 'nodebuffer' }), 'notes.docx');
    expect(e.message).toMatch(/not a Word document \(no word\/document\.xml\)/);
  });

  it('a .docx cut short', async () => {
    const whole = await docx();
    const e = await refusal(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.docx');
    expect(e.message).toMatch(/cannot be read as a ZIP archive/);
  });

  it('a .docx that is not a ZIP, and an old binary .doc', async () => {
    expect((await refusal(Buffer.from('Jane Roe: hello\n'), 'plain.docx')).message).toMatch(/not a Word document \(not a ZIP archive\)/);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect((await refusal(ole, 'old.doc')).message).toMatch(/old binary Word \(\.doc\)/);
  });

  it('a Rich Text (RTF) file, whatever it is named, is refused saying so (its control words were read as JSON, or as the words of the call)', async () => {
    const rtf = Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Helvetica;}}\n{\\pard\\b Operator:\\b0  Good morning.\\par}\n{\\pard\\b Jane Roe:\\b0  Thank you.\\par}\n}\n');
    for (const name of ['call.rtf', 'call.txt']) expect((await refusal(rtf, name)).describe()).toBe(`${name}:1: this is a Rich Text (RTF) document; save it as .docx, PDF or plain text and import that`);
  });
});

describe('size limits hold before any parser runs', () => {
  it('a document over MAX_TRANSCRIPT_BYTES is refused by size', async () => {
    const pdf = await renderPdf(CALL, () => false, { header: 'Acme Tools' });
    const e = await refusal(pdf, 'big.pdf', { maxFileBytes: 1024 });
    expect(e.message).toMatch(/the file is [\d,]+ bytes; the limit is 1,024 bytes per transcript file \(MAX_TRANSCRIPT_BYTES\)/);
  });

  it('an HTML page with nothing but scripts and navigation', async () => {
    const e = await refusal(Buffer.from('<!doctype html><html><head><script>var a = 1;</script></head><body><nav>Home</nav></body></html>'), 'empty.html');
    expect(e.message).toMatch(/no text outside its scripts, styles and navigation/);
  });
});
