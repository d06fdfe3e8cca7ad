/**
 * A company speaker's firm is the company, also when the transcript never writes it beside their
 * name (captions and speech-to-text exports: "Maria Lopez: …" with the side inferred). The API's
 * Speaker says "Analyst's firm or the company"; such speakers came back with firm null, so a card
 * or an agent had neither title nor firm to show for a CEO.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSearchService, type SearchService } from '../../src/service/open-service.js';
import { REPO_ROOT } from '../../src/model/model-files.js';
import { ARTIFACTS_DIR } from '../helpers/paths.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/layouts/name-colon-otter.txt');
const dir = path.join(ARTIFACTS_DIR, 'company-firm');
let service: SearchService;

beforeAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(path.join(dir, 'library'), { recursive: true });
  const file = path.join(dir, 'library', 'crestview.txt');
  await fs.copyFile(FIXTURE, file);
  service = await openSearchService({ indexDir: path.join(dir, 'index'), sources: [file] });
});

afterAll(async () => {
  await service?.close();
});

it('names the company as the firm of its people, the analyst firm of analysts, none for the operator', async () => {
  const { engine } = service;
  const [summary] = engine.calls();
  const call = engine.call(summary!.id)!;
  const firmOf = (name: string) => call.participants.find((p) => p.name === name)?.firm;
  expect(call.company).toBe('Crestview Foods');
  expect(firmOf('Maria Lopez')).toBe('Crestview Foods');
  expect(firmOf('Tom Reed')).toBe('Crestview Foods');
  expect(firmOf('Jake Miller')).toBe('Barclays');
  expect(firmOf('Operator')).toBeNull();

  const found = await engine.search({ q: 'net sales', k: 5 });
  const tom = found.results.find((r) => r.speaker.name === 'Tom Reed');
  expect(tom?.speaker.firm).toBe('Crestview Foods');
  expect(found.answer?.speaker.side === 'company' ? found.answer.speaker.firm : 'Crestview Foods').toBe('Crestview Foods');
  const transcript = engine.transcript(summary!.id)!;
  for (const p of transcript.passages) if (p.speaker.side === 'company') expect(p.speaker.firm).toBe('Crestview Foods');
});
