/**
 * Test-only renderers: a plain-text transcript written as the documents users get — a PDF (with a
 * running header and "Page N of M" on every page, speaker names in bold, paragraphs wrapped by
 * the PDF writer), a Word .docx (a bold name alone on its paragraph), and a saved HTML page (site
 * navigation, scripts, a banner and a footer around the article). Rendered at test time by pdfkit
 * and docx, so the fixtures are reproducible from the text alone.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

/** Lines of a transcript grouped into blocks (runs of non-blank lines). */
function blocks(text: string): string[][] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((b) => b.split('\n').map((l) => l.trim()).filter((l) => l !== ''));
}

export interface PdfOptions {
  /** Running header printed at the top of every page. */
  header: string;
  /** Font size of the body (smaller → fewer pages). */
  fontSize?: number;
  /** Encrypt: with a user password (needed to open), or an owner password only (opens, copying restricted). */
  userPassword?: string;
  ownerPassword?: string;
  /** Printed diagonally across every page, as a "DRAFT" stamp is. */
  watermark?: string;
}

/** The transcript as a PDF: every block a paragraph, a block naming a speaker (`isSpeaker`) in bold. */
export function renderPdf(text: string, isSpeaker: (line: string) => boolean, opts: PdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', margins: { top: 60, bottom: 60, left: 50, right: 50 }, bufferPages: true, info: { Title: opts.header }, userPassword: opts.userPassword, ownerPassword: opts.ownerPassword, permissions: opts.ownerPassword ? { copying: false } : undefined });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const size = opts.fontSize ?? 10;
  for (const block of blocks(text)) {
    for (const line of block) doc.font(isSpeaker(line) ? 'Helvetica-Bold' : 'Helvetica').fontSize(size).text(line, { align: 'left' });
    doc.moveDown(1);
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not add a page
    doc.font('Helvetica').fontSize(8).text(opts.header, 50, 25, { lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, 50, doc.page.height - 35, { lineBreak: false });
    if (opts.watermark) {
      doc.save().rotate(-40, { origin: [doc.page.width / 2, doc.page.height / 2] }).fontSize(40).fillColor('#cccccc');
      doc.text(opts.watermark, doc.page.width / 2 - 80, doc.page.height / 2, { lineBreak: false });
      doc.restore().fillColor('black');
    }
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** A PDF whose pages hold only drawings (as a scan holds only images): no text layer. */
export function renderImageOnlyPdf(pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let p = 0; p < pages; p++) {
    if (p > 0) doc.addPage();
    for (let y = 60; y < 500; y += 14) doc.rect(50, y, 200 + ((y * 7) % 120), 8).fill('#333');
  }
  doc.end();
  return done;
}

/** The transcript as a Word document: one paragraph per line, a speaker's name alone and in bold. */
export async function renderDocx(text: string, isSpeaker: (line: string) => boolean): Promise<Buffer> {
  const children: Paragraph[] = [];
  for (const block of blocks(text)) {
    for (const line of block) {
      children.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: line, bold: isSpeaker(line) })], spacing: { after: 160 } }));
    }
  }
  const doc = new Document({ creator: 'test', title: 'transcript', sections: [{ children }] });
  return Packer.toBuffer(doc);
}

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\$/g, '&#36;');

/**
 * The transcript as a saved web page: the first line an <h1>, section headings <h2>, a speaker's
 * name a <p><strong>…</strong></p> of its own, other lines <p> — inside an <article>, with a site
 * banner, navigation, scripts, styles and a footer whose words must never reach the call.
 */
export function renderHtml(text: string, isSpeaker: (line: string) => boolean, isHeading: (line: string) => boolean): string {
  const [title = [], ...rest] = blocks(text);
  const body: string[] = [`<header><h1>${title.map(escape).join('<br>')}</h1></header>`];
  for (const block of rest) {
    if (block.length === 1 && isHeading(block[0]!)) body.push(`<h2>${escape(block[0]!)}</h2>`);
    else if (block.length === 1 && isSpeaker(block[0]!)) body.push(`<p><strong>${escape(block[0]!)}</strong></p>`);
    else if (block.length > 1 && block.every((l) => / - /.test(l))) body.push(`<ul>\n${block.map((l) => `  <li>${escape(l)}</li>`).join('\n')}\n</ul>`);
    else body.push(`<p>${block.map(escape).join('<br>\n')}</p>`);
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escape(title.join(' '))} | Harbor Desk</title>
  <style>body { font-family: serif; } .speaker::before { content: "Speaker: "; }</style>
  <script>window.dataLayer = [{ "page": "Devin Park: analyst page" }];</script>
</head>
<body>
  <header class="site"><a href="/">Harbor Desk</a> <span>Markets</span> <span>Sign&nbsp;in</span> <p class="byline">Transcript by Harbor Desk</p></header>
  <nav><ul><li><a href="/markets">Markets</a></li><li><a href="/transcripts">Transcripts</a></li><li>Operator: Support</li></ul></nav>
  <main>
  <article>
${body.map((b) => `    ${b}`).join('\n')}
  </article>
  <aside><h3>Related</h3><p>Rosa Almeida: more from this analyst</p></aside>
  </main>
  <script type="text/javascript">document.write("<p>Ingrid Solberg</p>");</script>
  <noscript><p>Enable JavaScript</p></noscript>
  <footer><p>&copy; 2025 Harbor Desk. All rights reserved.</p><p>Terms &amp; Privacy</p></footer>
</body>
</html>
`;
}
