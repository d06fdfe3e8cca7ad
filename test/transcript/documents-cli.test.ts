/**
 * `npm run -s import -- --check` on documents, as a user runs it (the command's own entry as a
 * child process): a PDF, a .docx and an HTML page in a folder are reported as calls; a scanned
 * PDF fails with one `error: file:1: …` line and exit 1, no stack trace; nothing is written.
 */
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { renderDocx, renderHtml, renderImageOnlyPdf, renderPdf } from './render-documents.js';

const SOURCE = readFileSync(new URL('../fixtures/documents/halden-q3-2025.txt', import.meta.url), 'utf8');
const SPEAKERS = new Set(['Operator', 'Ingrid Solberg', 'Marcus Webb', 'Clara Ohene', 'Devin Park', 'Rosa Almeida']);
const isSpeaker = (line: string): boolean => SPEAKERS.has(line);

describe('import --check on documents', () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'documents-cli-'));
    await fs.mkdir(path.join(root, 'in'));
    await fs.writeFile(path.join(root, 'in', 'halden.pdf'), await renderPdf(SOURCE, isSpeaker, { header: 'Halden Marine Systems, Inc. Q3 2025 Earnings Call' }));
    // Another call id, so the batch has no duplicate: the same words under another quarter.
    await fs.writeFile(path.join(root, 'in', 'halden-q2.docx'), await renderDocx(SOURCE.replace(/Q3 2025/g, 'Q2 2025'), isSpeaker));
    await fs.writeFile(path.join(root, 'in', 'halden-q1.html'), renderHtml(SOURCE.replace(/Q3 2025/g, 'Q1 2025'), isSpeaker, (l) => /^(?:Presentation|Question-and-Answer Session)$/.test(l)));
    await fs.writeFile(path.join(root, 'in', 'scan.pdf'), await renderImageOnlyPdf(2));
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it('reports each document as a call, and the scanned PDF as one error line', async () => {
    const run = await runCli('src/cli/import.ts', ['--check', '--json', path.join(root, 'in'), '--library', path.join(root, 'lib'), '--index-dir', path.join(root, 'idx')]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Array<{ call: { id: string; layout: string; source: string }; turns: unknown[] }>;
    expect(report.map((r) => [r.call.source, r.call.id, r.call.layout, r.turns.length]).sort()).toEqual([
      ['halden-q1.html', 'hms-q1-2025', 'standard', 12],
      ['halden-q2.docx', 'hms-q2-2025', 'standard', 12],
      ['halden.pdf', 'hms-q3-2025', 'standard', 12],
    ]);
    expect(run.stderr).toMatch(/^error: scan\.pdf:1: no text layer: this PDF is scanned images \(0 letters in 2 pages\); run OCR first$/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    await expect(fs.stat(path.join(root, 'lib'))).rejects.toThrow();
  });
});
