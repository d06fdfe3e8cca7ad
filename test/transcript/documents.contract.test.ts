/**
 * Documents in, the same call out: one invented call (Halden Marine Systems, Q3 2025; the
 * company, people and figures are made up) written as plain text, then rendered at test time as
 * a PDF (running header, "Page N of M", bold speaker names, paragraphs wrapped across pages), a
 * Word .docx and a saved web page (navigation, scripts, banner and footer around the article).
 * Each reads back with the plain text's metadata, participants and turns — speaker, side,
 * section, role, exchange, words.
 */
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLibraryFileName, readLibraryFile } from '../../src/library/library-files.js';
import { parseTranscriptFile, parseTranscriptText, readTranscriptPath, type ParsedCall } from '../../src/transcript/read-source.js';
import { turnTable } from './layout-table.js';
import { renderDocx, renderHtml, renderPdf } from './render-documents.js';

const SOURCE = readFileSync(new URL('../fixtures/documents/halden-q3-2025.txt', import.meta.url), 'utf8');
const HEADER = 'Halden Marine Systems, Inc. Q3 2025 Earnings Call';
const SPEAKERS = new Set(['Operator', 'Ingrid Solberg', 'Marcus Webb', 'Clara Ohene', 'Devin Park', 'Rosa Almeida']);
const isSpeaker = (line: string): boolean => SPEAKERS.has(line);
const isHeading = (line: string): boolean => /^(?:Presentation|Question-and-Answer Session|Company Participants|Conference Call Participants)$/.test(line);

const metaOf = (p: ParsedCall) => {
  const { id, company, ticker, quarter, date, time } = p.call.meta;
  return { id, company, ticker, quarter, date, time, layout: p.layout };
};
const peopleOf = (p: ParsedCall) => p.call.participants.map((x) => ({ name: x.name, title: x.title, firm: x.firm, side: x.side }));

type Rendered = { name: string; bytes: () => Promise<Uint8Array>; note: RegExp };
const DOCUMENTS: Rendered[] = [
  { name: 'halden.pdf', bytes: () => renderPdf(SOURCE, isSpeaker, { header: HEADER }), note: /read the text of a 3-page PDF/ },
  // Larger type: more pages, and paragraphs cut by a page break between their lines.
  { name: 'halden-large.pdf', bytes: () => renderPdf(SOURCE, isSpeaker, { header: HEADER, fontSize: 13 }), note: /read the text of a 4-page PDF/ },
  // A diagonal stamp across every page: rotated text, left out.
  { name: 'halden-stamped.pdf', bytes: () => renderPdf(SOURCE, isSpeaker, { header: HEADER, watermark: 'CONFIDENTIAL' }), note: /left out 3 pieces of rotated text/ },
  { name: 'halden.docx', bytes: () => renderDocx(SOURCE, isSpeaker), note: /read the paragraphs of a Word document/ },
  { name: 'halden.html', bytes: async () => Buffer.from(renderHtml(SOURCE, isSpeaker, isHeading)), note: /read the text of an HTML page/ },
];

describe('document contract: the Halden call as PDF, Word and HTML reads as its plain text does', () => {
  const reference = parseTranscriptText(SOURCE, { fileName: 'halden.txt' });

  it('the plain text itself reads as a standard call with Q&A', () => {
    expect(reference.layout).toBe('standard');
    expect(reference.call.meta.id).toBe('hms-q3-2025');
    expect(turnTable(reference.call).filter((r) => r.role === 'question').map((r) => r.speaker)).toEqual(['Devin Park', 'Rosa Almeida']);
  });

  describe.each(DOCUMENTS)('$name', ({ name, bytes, note }) => {
    let parsed: ParsedCall;
    beforeAll(async () => {
      parsed = await parseTranscriptFile(await bytes(), { fileName: name });
    });

    it('has the same metadata and participants', () => {
      expect(metaOf(parsed)).toEqual(metaOf(reference));
      expect(peopleOf(parsed)).toEqual(peopleOf(reference));
      expect(parsed.source).toBe(name);
    });

    it('has the same turns: speaker, side, section, role, exchange and words', () => {
      expect(turnTable(parsed.call)).toEqual(turnTable(reference.call));
    });

    it('says what it was read from', () => {
      expect(parsed.warnings.map((w) => w.message).join('\n')).toMatch(note);
    });
  });

  it('a PDF page break leaves no running header or page number in the words', async () => {
    const parsed = await parseTranscriptFile(await renderPdf(SOURCE, isSpeaker, { header: HEADER, fontSize: 13 }), { fileName: 'x.pdf' });
    const words = parsed.call.turns.flatMap((t) => t.paragraphs.map((p) => p.text)).join('\n');
    expect(words).not.toMatch(/Page \d of \d|Q3 2025 Earnings Call$/m);
    expect(parsed.warnings.map((w) => w.message).join('\n')).toMatch(/left out \d+ lines that belong to the page/);
  });

  it('nothing from the page around the article reaches the call', async () => {
    const parsed = await parseTranscriptFile(Buffer.from(renderHtml(SOURCE, isSpeaker, isHeading)), { fileName: 'page.html' });
    expect(parsed.call.source).not.toMatch(/Harbor Desk|dataLayer|Support|more from this analyst|All rights reserved|Enable JavaScript|Speaker:|font-family/);
    expect(parsed.call.source).toContain('$214 million');
  });

  it('an HTML page saved as .txt is read as a page too (content decides, not the name)', async () => {
    const parsed = await parseTranscriptFile(Buffer.from(renderHtml(SOURCE, isSpeaker, isHeading)), { fileName: 'saved.txt' });
    expect(turnTable(parsed.call)).toEqual(turnTable(reference.call));
  });
});

describe('documents in a folder and in the library', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'documents-folder-'));
    for (const d of DOCUMENTS) await fs.writeFile(path.join(dir, d.name), await d.bytes());
    await fs.writeFile(path.join(dir, 'notes.md'), '# my notes\n');
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('a folder import reads the PDFs, the .docx and the .html page', async () => {
    const { calls, failures } = await readTranscriptPath(dir);
    expect(failures).toEqual([]);
    expect(calls.map((c) => c.source).sort()).toEqual(DOCUMENTS.map((d) => d.name).sort());
    for (const c of calls) expect(c.call.meta.company).toBe('Halden Marine Systems, Inc.');
  });

  it('a document dropped into the library folder is a library file, read as the build reads it', async () => {
    for (const name of ['a.pdf', 'a.docx', 'a.html', 'a.htm']) expect(isLibraryFileName(name)).toBe(true);
    const read = await readLibraryFile('halden.pdf', await fs.readFile(path.join(dir, 'halden.pdf')));
    expect(read.call.meta.id).toBe('hms-q3-2025');
    expect(turnTable(read.call)).toEqual(turnTable(parseTranscriptText(SOURCE).call));
  });
});
