/**
 * Passage ids name words, not positions: `<call id>@<offset>` resolves to the passage covering
 * that offset, so an id survives a chunking change; the old `<call id>:<n>` ids resolve through
 * the passage starts of the chunking that issued them.
 */
import { readFileSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassageResponse } from '../../src/api/schemas.js';
import { buildIndex } from '../../src/index/build.js';
import { listTranscripts } from '../../src/index/layout.js';
import { loadIndex, type LoadedIndex } from '../../src/index/load.js';
import { PassageLocator } from '../../src/index/passage-locator.js';
import { parseTranscriptBytes } from '../../src/transcript/read-source.js';
import { loadEmbedder, type Embedder } from '../../src/model/embedder.js';
import { loadTokenizer, type TokenCounter } from '../../src/model/tokenizer.js';
import { chunkCall, LEGACY_ID_CHUNKING } from '../../src/passages/chunk.js';
import { parsePassageId, passageId } from '../../src/passages/passage-id.js';
import type { Passage } from '../../src/passages/types.js';
import { SearchEngine } from '../../src/search/engine.js';
import { directoryOf } from '../../src/search/interpret/library-directory.js';
import { createApp } from '../../src/server/app.js';
import { readConfig } from '../../src/server/config.js';
import { textEmbedder } from '../../src/service/open-service.js';
import type { Call } from '../../src/transcript/types.js';
import { BUNDLED_CALL } from '../helpers/paths.js';
import { testService } from '../helpers/service.js';
import { SMALL_CALL } from './small-call.js';

let countTokens: TokenCounter;
let call: Call;
/** As the ids of last month were issued (256 tokens), and as a smaller model window would cut the call. */
let before: Passage[];
let after: Passage[];
let locator: PassageLocator;

beforeAll(async () => {
  countTokens = await loadTokenizer();
  call = parseTranscriptBytes(readFileSync(BUNDLED_CALL), { fileName: 'amzn.txt' }).call;
  before = chunkCall(call, countTokens, LEGACY_ID_CHUNKING);
  after = chunkCall(call, countTokens, { maxTokens: 96 });
  locator = new PassageLocator(after, new Map([[call.meta.id, before.map((p) => p.start)]]));
});

const covering = (ps: Passage[], offset: number) => ps.findIndex((p) => p.start <= offset && offset < p.end);

describe('parsePassageId', () => {
  it('reads both forms and nothing else', () => {
    expect(parsePassageId('amzn-q4-2025@34130')).toEqual({ kind: 'offset', callId: 'amzn-q4-2025', offset: 34130 });
    expect(parsePassageId('amzn-q4-2025:17')).toEqual({ kind: 'legacy', callId: 'amzn-q4-2025', index: 17 });
    expect(passageId('wdgt-q2-2024', 0)).toBe('wdgt-q2-2024@0');
    for (const bad of ['amzn-q4-2025', '@5', ':5', 'amzn@-1', 'amzn@1e3', 'amzn@1.5', 'a@b@1', 'a:b@1', `amzn@${'9'.repeat(16)}`, 'amzn@ 5', '']) {
      expect(parsePassageId(bad), bad).toBeNull();
    }
  });
});

describe('PassageLocator across a chunking change (bundled call, 256 → 96 tokens)', () => {
  it('the chunking really changed: more, smaller passages with other starts', () => {
    expect(after.length).toBeGreaterThan(before.length * 1.5);
    expect(after.filter((p) => !before.some((b) => b.start === p.start)).length).toBeGreaterThan(20);
  });

  it('every old offset id lands on the new passage holding its first words', () => {
    for (const old of before) {
      const i = locator.find(old.id);
      expect(i, old.id).toBe(covering(after, old.start));
      expect(call.source.slice(after[i!]!.start, after[i!]!.end)).toContain(old.text.slice(0, 40).split(/\s/)[0]);
    }
  });

  it('every legacy <call>:<n> id lands where its offset id does', () => {
    before.forEach((old, n) => {
      expect(locator.find(`${call.meta.id}:${n}`), `:${n}`).toBe(locator.find(old.id));
    });
    expect(locator.find(`${call.meta.id}:${before.length}`)).toBeNull();
  });

  it('an offset inside a passage gives that passage; between passages the next; past the end or elsewhere nothing', () => {
    const p = after[10]!;
    expect(locator.find(`${call.meta.id}@${p.start + 5}`)).toBe(10);
    expect(locator.find(`${call.meta.id}@${p.end - 1}`)).toBe(10);
    // The speaker name line before the first Jassy turn is in no passage: the next passage is his.
    const nameLine = call.source.indexOf('Andrew Jassy\nPresident');
    const next = locator.find(`${call.meta.id}@${nameLine}`)!;
    expect(after[next]!.speaker.name).toBe('Andrew Jassy');
    expect(after[next]!.start).toBeGreaterThan(nameLine);
    expect(locator.find(`${call.meta.id}@0`)).toBe(0);
    expect(locator.find(`${call.meta.id}@${call.source.length + 10}`)).toBeNull();
    expect(locator.find(`other-call@${p.start}`)).toBeNull();
    expect(locator.find('not an id')).toBeNull();
  });
});

describe('through a real index rebuilt with another chunking', () => {
  let model: Embedder;
  let tmp: string;
  let first: LoadedIndex;
  let second: LoadedIndex;
  const engine = (index: LoadedIndex) => new SearchEngine({ index, directory: directoryOf(index), embedQuery: async () => new Float32Array(index.dimensions) });

  beforeAll(async () => {
    model = await loadEmbedder();
    const embedder = await textEmbedder(model, false);
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'passage-ids-test-'));
    await fs.mkdir(path.join(tmp, 'library'));
    await fs.writeFile(path.join(tmp, 'library', 'wdgt-q2-2024.txt'), SMALL_CALL);
    const sources = await listTranscripts(path.join(tmp, 'library'));
    await buildIndex({ sources, indexDir: path.join(tmp, 'a'), embedder });
    await buildIndex({ sources, indexDir: path.join(tmp, 'b'), embedder, maxTokens: 16 });
    [first, second] = await Promise.all([loadIndex(path.join(tmp, 'a')), loadIndex(path.join(tmp, 'b'))]);
  });
  afterAll(async () => {
    await model?.close?.();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it('ids from the first build open the passage holding the same words in the second', () => {
    expect(second.passages.length).toBeGreaterThan(first.passages.length);
    expect(second.manifest.chunking.max_tokens).toBe(16);
    for (const old of first.passages) {
      const found = engine(second).passage(old.id);
      expect(found, old.id).not.toBeNull();
      expect(found!.passage.start).toBeLessThanOrEqual(old.start);
      expect(found!.passage.end).toBeGreaterThan(old.start);
      expect(found!.passage.id).toBe(`wdgt-q2-2024@${found!.passage.start}`);
      // And in the first build, an id is its own passage.
      expect(engine(first).passage(old.id)!.passage.id).toBe(old.id);
    }
  });

  it('legacy ids resolve through the starts recorded from the chunking that issued them, in both builds', () => {
    expect(second.legacyStarts.get('wdgt-q2-2024')).toEqual(first.passages.map((p) => p.start));
    first.passages.forEach((old, n) => {
      expect(engine(first).passage(`wdgt-q2-2024:${n}`)!.passage.id).toBe(old.id);
      expect(engine(second).passage(`wdgt-q2-2024:${n}`)!.passage.id).toBe(engine(second).passage(old.id)!.passage.id);
    });
  });
});

describe('/api/passages/:id on the shared index', () => {
  it('answers an old <call>:<n> link and an offset inside a passage with the passage and its stable id', async () => {
    const service = await testService();
    const app = createApp({ engine: () => service.engine, config: readConfig({}), logger: pino({ level: 'silent' }), modelId: service.embedder.modelId });
    const passages = service.engine.index.passages;
    const seventeenth = passages.filter((p) => p.callId === 'amzn-q4-2025')[17]!;
    const legacy = PassageResponse.parse((await request(app).get('/api/passages/amzn-q4-2025:17').expect(200)).body);
    expect(legacy.passage.id).toBe(`amzn-q4-2025@${seventeenth.start}`);
    expect(legacy.passage.text).toBe(seventeenth.text);
    const inside = PassageResponse.parse((await request(app).get(`/api/passages/${encodeURIComponent(`amzn-q4-2025@${seventeenth.start + 20}`)}`).expect(200)).body);
    expect(inside.passage.id).toBe(seventeenth.id);
    await request(app).get('/api/passages/amzn-q4-2025@99999999').expect(404);
  });
});
