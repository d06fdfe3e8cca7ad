/**
 * A call from a recording (the WebVTT fixture, test/fixtures/layouts/webvtt.vtt) end to end: its
 * own library and real index, the real model, the real app and Chromium. Each passage carries the
 * time its speaker turn starts in the recording, in the API (`start_time`, seconds), on the result
 * cards and in the reader ("at 0:26"), and in `ask`'s output.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PassageResponse, TranscriptResponse } from '../../src/api/schemas.js';
import { openSearchService, type SearchService } from '../../src/service/open-service.js';
import { parseTranscriptText } from '../../src/transcript/read-source.js';
import type { Call } from '../../src/transcript/types.js';
import { runInProcess } from '../cli/in-process.js';
import { browserTestsSkipped, screenshot } from '../helpers/browser.js';
import { cards, resultsReady, usePageSession } from '../helpers/page-session.js';
import { ARTIFACTS_DIR } from '../helpers/paths.js';

const FIXTURE = new URL('../fixtures/layouts/webvtt.vtt', import.meta.url);
const LIBRARY = path.join(ARTIFACTS_DIR, 'recording-library');
const INDEX = path.join(ARTIFACTS_DIR, 'recording-index');
/** Words of the CEO's second cue (00:00:35.500), inside the turn his first cue opens (00:00:26.500). */
const QUESTION = 'Heron picking arm customers';

let service: SearchService;
let call: Call;

/** The recording's start time of the turn holding `offset`, as the parser read it from the cues. */
function turnStart(offset: number): number | null {
  const turn = call.turns.find((t) => t.start <= offset && offset < t.end);
  if (!turn) throw new Error(`no turn holds offset ${offset}`);
  return turn.startTime;
}

/** "m:ss" (or "h:mm:ss"), computed here apart from the page's and the CLI's own formatting. */
const clock = (seconds: number) => {
  const s = Math.floor(seconds);
  const mmss = `${Math.floor((s % 3600) / 60)}:${String(s % 60).padStart(2, '0')}`;
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mmss.padStart(5, '0')}` : mmss;
};

beforeAll(async () => {
  const text = readFileSync(FIXTURE, 'utf8');
  call = parseTranscriptText(text, { fileName: 'webvtt.vtt' }).call;
  await fs.mkdir(LIBRARY, { recursive: true });
  const file = path.join(LIBRARY, 'webvtt.vtt');
  await fs.writeFile(file, text);
  service = await openSearchService({ indexDir: INDEX, sources: [file] });
});

describe('start times from a recording', () => {
  it('the API gives every passage of the call its turn\'s start time, in seconds', async () => {
    const { engine } = service;
    const transcript = engine.transcript(call.meta.id) as TranscriptResponse;
    expect(transcript.passages.length).toBeGreaterThan(5);
    for (const p of transcript.passages) expect(p.start_time, p.id).toBe(turnStart(p.start));
    const times = transcript.passages.map((p) => p.start_time!);
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const response = await engine.search({ q: QUESTION, k: 3 });
    const top = response.results[0]!;
    expect(top.speaker.name).toBe('Andrew Kim');
    expect(top.start_time).toBe(26.5);
    expect(top.start_time).toBe(turnStart(top.start));
    const passage = engine.passage(top.id) as PassageResponse;
    expect(passage.passage.start_time).toBe(26.5);
  });

  it('`ask` prints where each result starts in the recording', async () => {
    // In-process, through the binary's program: the model process this file's service keeps open serves it too.
    const run = await runInProcess(['ask', '-k', '3', QUESTION, '--library', LIBRARY, '--index-dir', INDEX]);
    expect(run.code, run.stderr).toBe(0);
    const first = run.stdout.split('\n').find((l) => l.startsWith('1. '));
    expect(first).toContain('Andrew Kim');
    expect(first).toContain(` at ${clock(26.5)} · `);
  });
});

describe.skipIf(browserTestsSkipped())('start times on the page', () => {
  const { open, apiSearch } = usePageSession({ server: () => ({ service }) });

  it('cards and the reader say where each passage starts in the recording', async () => {
    const expected = await apiSearch(QUESTION);
    const page = await open(`/?q=${encodeURIComponent(QUESTION)}`);
    await resultsReady(page);
    const times = await cards(page).locator('.card-time').allTextContents();
    expect(times).toEqual(expected.results.map((r) => ` · at ${clock(r.start_time!)}`));
    expect(times[0]).toBe(' · at 0:26');
    await screenshot(page, 'recording-results');

    // In the reader, the turn the passage is in is headed with its time; every turn has one.
    const top = expected.results[0]!;
    await cards(page).first().locator('.passage').click();
    await page.locator('.t-passage.is-target').waitFor();
    const turn = page.locator('.turn', { has: page.locator('.t-passage.is-target') });
    expect(await turn.locator('.turn-time').textContent()).toBe(`at ${clock(top.start_time!)}`);
    expect(await page.locator('.turn-time').count()).toBe(await page.locator('.turn').count());
    await screenshot(page, 'recording-reader');
  });
});
