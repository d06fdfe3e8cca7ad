/**
 * Which files a plain folder import reads: transcripts by extension (.txt, .vtt, .srt, .nlp), never
 * JSON (a library folder holds its stored calls as .call.json) — a JSON transcript is imported
 * when named on its own.
 */
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTranscriptPath } from '../../src/transcript/read-source.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/layouts/${name}`, import.meta.url), 'utf8');

describe('a folder of transcripts', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'layouts-folder-'));
    await fs.writeFile(path.join(dir, 'captions.srt'), fixture('srt-captions.srt'));
    await fs.writeFile(path.join(dir, 'speech.json'), fixture('speech-json-assemblyai.json'));
    await fs.writeFile(path.join(dir, 'stored.call.json'), '{"format": "not a transcript"}');
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('reads a SubRip file in it, and leaves JSON files alone', async () => {
    const { calls, failures } = await readTranscriptPath(dir);
    expect(calls.map((c) => [c.source, c.layout])).toEqual([['captions.srt', 'srt']]);
    expect(failures).toEqual([]);
  });

  it('reads a JSON transcript named on its own', async () => {
    const { calls } = await readTranscriptPath(path.join(dir, 'speech.json'));
    expect(calls.map((c) => [c.source, c.layout])).toEqual([['speech.json', 'speech-json']]);
  });
});
