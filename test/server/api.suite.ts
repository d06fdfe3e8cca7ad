/**
 * The HTTP API against the real engine (real model, real index from global setup),
 * through supertest. Every response body is checked against the zod contract.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CallResponse,
  ErrorResponse,
  HealthResponse,
  LIMITS,
  PassageResponse,
  SECTIONS,
  SearchResponse,
  TranscriptResponse,
  type ErrorCode,
} from '../../src/api/schemas.js';
import { createApp } from '../../src/server/app.js';
import { readConfig } from '../../src/server/config.js';
import type { SearchService } from '../../src/service/open-service.js';
import { BUNDLED_CALL } from '../helpers/paths.js';
import { testService } from '../helpers/service.js';

const CANONICAL = 'what did Jassy say about Trainium';
// The real defaults, except a timeout generous enough for a loaded 2-core CI box.
const config = readConfig({ REQUEST_TIMEOUT_MS: '30000' });
const logger = pino({ level: 'silent' });

let service: SearchService;
let server: Server;
let api: ReturnType<typeof request>;

beforeAll(async () => {
  service = await testService();
  const app = createApp({ engine: () => service.engine, config, logger, modelId: service.embedder.modelId });
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  api = request(server);
});

// The shared test service stays open: it belongs to the process (helpers/service.ts), and the
// files run after this one in the same process use it.
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Every error: JSON, the contract's shape, the expected status and code, no internals leaked. */
function expectError(res: request.Response, status: number, code?: ErrorCode): ReturnType<typeof ErrorResponse.parse> {
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = ErrorResponse.parse(res.body);
  if (code) expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(res.text).not.toMatch(/\n\s+at |\.ts:\d+|node_modules|\/work\//);
  return body;
}

const baseUrl = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const withoutTiming = (r: SearchResponse) => ({ ...r, took_ms: 0 });

describe('GET/POST /api/search', () => {
  it('GET returns the contract shape with k defaulting to 10', async () => {
    const res = await api.get('/api/search').query({ q: CANONICAL });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = SearchResponse.parse(res.body);
    expect(body.query).toBe(CANONICAL);
    expect(body.results).toHaveLength(LIMITS.kDefault);
    expect(body.results.map((r) => r.rank)).toEqual(Array.from({ length: LIMITS.kDefault }, (_, i) => i + 1));
    // Answers first, weaker matches (below the calibrated relevance cut) after them.
    const weak = body.results.map((r) => r.weak);
    expect(weak.indexOf(true) === -1 || weak.slice(weak.indexOf(true)).every(Boolean)).toBe(true);
    for (const r of body.results) expect(r.weak).toBe(r.relevance.label === 'weak');
  });

  it('every result carries a full speaker, a known section and consistent offsets', async () => {
    const source = readFileSync(BUNDLED_CALL, 'utf8');
    const res = await api.get('/api/search').query({ q: 'AWS growth and capacity', k: 20 });
    const body = SearchResponse.parse(res.body);
    expect(body.results.length).toBe(20);
    for (const r of body.results) {
      expect(r.speaker.name.length).toBeGreaterThan(0);
      expect(['company', 'analyst', 'operator']).toContain(r.speaker.side);
      expect(r.speaker).toHaveProperty('title');
      expect(r.speaker).toHaveProperty('firm');
      if (r.speaker.side === 'company') expect(r.speaker.title).toEqual(expect.any(String));
      if (r.speaker.side === 'analyst') expect(r.speaker.firm).toEqual(expect.any(String));
      expect(SECTIONS).toContain(r.section);
      expect(r.section === 'qa').toBe(r.exchange !== null);
      // Passage offsets point into the transcript source; answer offsets into the passage text.
      expect(r.start).toBeLessThan(r.end);
      expect(source.slice(r.start, r.end)).toBe(r.text);
      expect(r.answer.start).toBeGreaterThanOrEqual(0);
      expect(r.answer.start).toBeLessThan(r.answer.end);
      expect(r.answer.end).toBeLessThanOrEqual(r.text.length);
      expect(r.text.slice(r.answer.start, r.answer.end)).toBe(r.answer.text);
    }
    // The top answer is the answer sentence of one of the first results (the best of them).
    const holder = body.results.findIndex((r) => r.id === body.answer?.passage_id);
    expect(holder).toBeGreaterThanOrEqual(0);
    expect(holder).toBeLessThan(5);
    expect(body.answer).toMatchObject({ passage_id: body.results[holder]!.id, text: body.results[holder]!.answer.text });
  });

  it('POST with the same query gives the same response as GET', async () => {
    const get = await api.get('/api/search').query({ q: CANONICAL, k: '5' });
    const post = await api.post('/api/search').send({ q: CANONICAL, k: 5 });
    expect(post.status).toBe(200);
    expect(withoutTiming(SearchResponse.parse(post.body))).toEqual(withoutTiming(SearchResponse.parse(get.body)));
  });

  it('POST defaults k to 10', async () => {
    const res = await api.post('/api/search').send({ q: 'free cash flow' });
    expect(res.status).toBe(200);
    expect(SearchResponse.parse(res.body).results).toHaveLength(LIMITS.kDefault);
  });

  it('accepts k at both bounds and q of exactly the maximum length after trimming', async () => {
    const one = SearchResponse.parse((await api.get('/api/search').query({ q: 'capex', k: String(LIMITS.kMin) }).expect(200)).body);
    expect(one.results).toHaveLength(1);
    const max = SearchResponse.parse((await api.post('/api/search').send({ q: 'capex', k: LIMITS.kMax }).expect(200)).body);
    expect(max.results.length).toBeGreaterThan(LIMITS.kDefault);
    expect(max.results.length).toBeLessThanOrEqual(LIMITS.kMax);
    expect(max.results.map((r) => r.rank)).toEqual(max.results.map((_, i) => i + 1));
    const longest = `  ${'margin '.repeat(72).slice(0, LIMITS.queryMaxChars)}  `;
    await api.get('/api/search').query({ q: longest }).expect(200);
  });

  it('filters narrow the results (speaker, side, section)', async () => {
    const jassy = SearchResponse.parse((await api.get('/api/search').query({ q: 'AWS', speaker: 'Jassy', k: '5' }).expect(200)).body);
    expect(jassy.results.length).toBeGreaterThan(0);
    for (const r of jassy.results) expect(r.speaker.name).toBe('Andrew Jassy');
    expect(jassy.interpreted.source).toBe('request');

    const analysts = SearchResponse.parse((await api.post('/api/search').send({ q: 'margins', side: 'analyst', section: 'qa' }).expect(200)).body);
    expect(analysts.results.length).toBeGreaterThan(0);
    for (const r of analysts.results) expect([r.speaker.side, r.section]).toEqual(['analyst', 'qa']);
  });

  it('odd but valid queries (stopwords, a bare name, control characters around a letter, fullwidth letters) answer 200', async () => {
    for (const q of ['the', 'Jassy', 'who asked', 'q4', '\u0000x', 'Trainium² 🚀', '\u200bAWS\u200b', 'ＡＷＳ', '¿qué?', '7', 'a'.repeat(LIMITS.queryMaxChars)]) {
      const res = await api.get('/api/search').query({ q });
      expect(res.status, `q=${JSON.stringify(q)}: ${res.text}`).toBe(200);
      SearchResponse.parse(res.body);
    }
  });

  it('a query with nothing to search (no letter or digit: punctuation, emoji, NUL, zero-width) is 400 empty_query, never a confident answer', async () => {
    for (const q of ['???', '😀', '"', '$%', '.', '\u0000', '\u200b', '\u200b\u200c\u200d\u2060\ufeff', '— … —', '\u202e']) {
      for (const k of ['1', '10', '50']) {
        const body = expectError(await api.get('/api/search').query({ q, k }), 400, 'empty_query');
        expect(body.error.details?.[0]?.path, JSON.stringify(q)).toBe('q');
      }
      expectError(await api.post('/api/search').send({ q }), 400, 'empty_query');
    }
  });

  it('every result carries a citation: the answer sentence, the speaker with title or firm, company, quarter and date', async () => {
    const body = SearchResponse.parse((await api.get('/api/search').query({ q: 'who asked about capex', k: '10' }).expect(200)).body);
    const call = CallResponse.parse((await api.get('/api/call').expect(200)).body);
    expect(body.results.length).toBeGreaterThan(0);
    const sides = new Set<string>();
    for (const r of body.results) {
      sides.add(r.speaker.side);
      const role = r.speaker.title ?? r.speaker.firm;
      expect(role).toBeTruthy();
      const sentence = r.answer.text.trim().replace(/\s+/g, ' ').replace(/"/g, "'");
      expect(r.citation).toBe(`"${sentence}" — ${r.speaker.name}, ${role}, ${call.company} ${call.quarter} earnings call, February 5, 2026`);
    }
    // Analysts are cited with their firm, executives with their title.
    expect(sides).toContain('analyst');
  });

  it('20 simultaneous searches all succeed and equal the same searches run one by one', async () => {
    const queries = ['what did Jassy say about Trainium', 'AWS growth', 'free cash flow', 'who asked about capex', 'Olsavsky on margins'];
    const asked = Array.from({ length: 20 }, (_, i) => queries[i % queries.length]!);
    const sequential = new Map<string, SearchResponse>();
    for (const q of queries) sequential.set(q, SearchResponse.parse((await api.get('/api/search').query({ q }).expect(200)).body));

    const batchesBefore = service.batcher.batchSizes.length;
    const concurrent = await Promise.all(asked.map((q, i) => (i % 2 ? api.post('/api/search').send({ q }) : api.get('/api/search').query({ q }))));
    for (const [i, res] of concurrent.entries()) {
      expect(res.status).toBe(200);
      const q = asked[i]!;
      expect(withoutTiming(SearchResponse.parse(res.body))).toEqual(withoutTiming(sequential.get(q)!));
    }
    // Every one of them was embedded through the service's shared micro-batcher (one model session).
    const batches = service.batcher.batchSizes.slice(batchesBefore);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(20);
  });
});

describe('bad input is a JSON 4xx, never a 500', () => {
  const get = (query: string) => api.get(`/api/search${query}`);
  const postRaw = (body: string, type = 'application/json') => api.post('/api/search').set('Content-Type', type).send(body);

  it.each([
    ['missing q', '', 'q'],
    ['blank q', '?q=%20%20%20', 'q'],
    ['q over 500 chars after trim', `?q=${'a'.repeat(LIMITS.queryMaxChars + 1)}`, 'q'],
    ['k=0', '?q=x&k=0', 'k'],
    ['k=51', '?q=x&k=51', 'k'],
    ['k=-1', '?q=x&k=-1', 'k'],
    ['k=abc', '?q=x&k=abc', 'k'],
    ['k=1.5', '?q=x&k=1.5', 'k'],
    ['k=1e1', '?q=x&k=1e1', 'k'],
    ['empty k', '?q=x&k=', 'k'],
    ['repeated q', '?q=a&q=b', 'q'],
    ['repeated k', '?q=a&k=1&k=2', 'k'],
    ['bad side', '?q=x&side=ceo', 'side'],
    ['bad section', '?q=x&section=intro', 'section'],
    ['blank speaker', '?q=x&speaker=%20', 'speaker'],
    ['unknown parameter', '?q=x&limit=3', ''],
    ['bracket syntax', '?q[a]=b', ''],
  ])('GET %s → 400', async (_name, query, field) => {
    const body = expectError(await get(query), 400, 'bad_request');
    if (field) expect(body.error.details?.map((d) => d.path)).toContain(field);
  });

  it('GET with an unknown speaker → 400 naming the speaker', async () => {
    const body = expectError(await get('?q=AWS&speaker=Nobody%20Atall'), 400, 'bad_request');
    expect(body.error.message).toContain('Nobody Atall');
    expect(body.error.details?.[0]?.path).toBe('speaker');
  });

  it.each([
    ['malformed JSON', 'invalid_json', '{"q": "x"'],
    ['a JSON string', 'invalid_json', '"what did Jassy say"'],
    ['a JSON number', 'invalid_json', '5'],
    ['JSON null', 'invalid_json', 'null'],
    ['a JSON array', 'invalid_json', '["what did Jassy say"]'],
    ['an empty JSON array', 'invalid_json', '[]'],
    ['an array of the fields', 'invalid_json', '[{"q":"x"}]'],
    ['an empty object', 'bad_request', '{}'],
    ['q a number', 'bad_request', '{"q":5}'],
    ['k a string', 'bad_request', '{"q":"x","k":"5"}'],
    ['k a fraction', 'bad_request', '{"q":"x","k":1.5}'],
    ['k zero', 'bad_request', '{"q":"x","k":0}'],
    ['k over max', 'bad_request', '{"q":"x","k":51}'],
    ['k null', 'bad_request', '{"q":"x","k":null}'],
    ['blank q', 'bad_request', '{"q":"   "}'],
    ['q too long', 'bad_request', JSON.stringify({ q: 'b'.repeat(LIMITS.queryMaxChars + 1) })],
    ['bad side', 'bad_request', '{"q":"x","side":"ceo"}'],
    ['bad section', 'bad_request', '{"q":"x","section":1}'],
    ['unknown field', 'bad_request', '{"q":"x","limit":3}'],
    ['a __proto__ key', 'bad_request', '{"q":"x","__proto__":{"k":3}}'],
    ['unknown speaker', 'bad_request', '{"q":"x","speaker":"Nobody Atall"}'],
  ] as const)('POST %s → 400 %s', async (_name, code, body) => {
    const error = expectError(await postRaw(body), 400, code).error;
    // JSON that is no object is said to be that, not "not valid JSON".
    if (code === 'invalid_json') expect(error.message).toBe(body.startsWith('{"q": "x"') ? 'request body is not valid JSON' : 'request body must be a JSON object ({"q": …})');
  });

  it('POST with no body → 400', async () => {
    expectError(await api.post('/api/search'), 400, 'bad_request');
  });

  it('POST body over 16 KB → 413', async () => {
    const body = JSON.stringify({ q: 'x', pad: 'y'.repeat(17 * 1024) });
    expectError(await postRaw(body), 413, 'payload_too_large');
  });

  it('undecodable bodies (bad gzip, unknown charset, unknown encoding) are 4xx', async () => {
    const badGzip = await api.post('/api/search').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('not gzip at all');
    expectError(badGzip, 400);
    const charset = await postRaw('{"q":"x"}', 'application/json; charset=klingon');
    expectError(charset, 415);
    const encoding = await api.post('/api/search').set('Content-Type', 'application/json').set('Content-Encoding', 'rot13').send('{"q":"x"}');
    expectError(encoding, 415);
    // A body that is valid once decompressed is served.
    // (fetch, since superagent re-serialises a Buffer sent as JSON.)
    const gz = await fetch(`${baseUrl()}/api/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ q: 'AWS', k: 2 })),
    });
    expect(gz.status).toBe(200);
    expect(SearchResponse.parse(await gz.json()).results).toHaveLength(2);
  });

  it('unknown routes and ids → 404 JSON', async () => {
    expectError(await api.get('/api/nope'), 404, 'not_found');
    expectError(await api.delete('/api/search'), 404, 'not_found');
    expectError(await api.get('/api/passages/amzn-q4-2025:99999'), 404, 'not_found');
    expectError(await api.get('/api/passages/nope'), 404, 'not_found');
    expectError(await api.get('/api/call').query({ id: 'nope' }), 404, 'not_found');
    expectError(await api.get('/api/transcript').query({ id: 'nope' }), 404, 'not_found');
    expectError(await api.get('/no-such-page'), 404, 'not_found');
  });

  it('a malformed percent-encoding in a path → 400, not 500', async () => {
    expectError(await api.get('/api/passages/%E0%A4%A'), 400);
  });

  it('a malformed percent-encoding in the query string is read as text, not an error', async () => {
    const res = await api.get('/api/search?q=%E0%A4%A%20AWS');
    expect(res.status, res.text).toBe(200);
    SearchResponse.parse(res.body);
  });

  it('a body that is not declared JSON is refused with 415 (no cross-site simple POSTs)', async () => {
    expectError(await postRaw('q=AWS&k=3', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
    expectError(await postRaw('{"q":"AWS"}', 'text/plain'), 415, 'unsupported_media_type');
    const vendorJson = await postRaw('{"q":"AWS","k":1}', 'application/vnd.api+json');
    expect(vendorJson.status).toBe(200);
  });

  it('no path escapes the static folder', async () => {
    for (const url of ['/..%2fpackage.json', '/%2e%2e/package.json', '/../package.json', '/.git/config', '/%2e%2e%2fsrc%2fserver%2fapp.ts']) {
      const res = await api.get(url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(res.status, url).toBeLessThan(500);
      expect(res.text).not.toContain('transcript-search');
      expect(res.text).not.toContain('createApp');
    }
  });

  it('too many requests from one client → 429 JSON', async () => {
    const limited = createApp({ engine: () => service.engine, config: { ...config, RATE_LIMIT: 2 }, logger, modelId: 'm' });
    const agent = request(limited);
    await agent.get('/api/health').expect(200);
    await agent.get('/api/health').expect(200);
    expectError(await agent.get('/api/health'), 429, 'rate_limited');
  });

  it('an unusual x-request-id is echoed safely or replaced, never a 500', async () => {
    const res = await api.get('/api/health').set('x-request-id', 'x'.repeat(200));
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('x'.repeat(64));
  });
});

describe('health', () => {
  it('200 with the engine loaded', async () => {
    const res = await api.get('/api/health').expect(200);
    const body = HealthResponse.parse(res.body);
    expect(body.model).toBe(service.embedder.modelId);
    expect(body.passages).toBe(service.engine.index.passages.length);
    expect(body.calls).toEqual(['amzn-q4-2025']);
    expect(body.rejected).toEqual([]);
  });

  it('503 JSON while the engine is not loaded; data routes are 503 too', async () => {
    const loading = createApp({ engine: () => null, config, logger, modelId: 'm' });
    expectError(await request(loading).get('/api/health'), 503, 'unavailable');
    expectError(await request(loading).get('/api/search').query({ q: 'AWS' }), 503, 'unavailable');
    expectError(await request(loading).get('/api/call'), 503, 'unavailable');
    // Validation still comes first: a bad request is a 400 even while loading.
    expectError(await request(loading).get('/api/search'), 400, 'bad_request');
  });
});

describe('passages, call, transcript', () => {
  it('/api/passages/:id gives the passage, up to two neighbours each side and its Q&A links', async () => {
    const hit = SearchResponse.parse((await api.get('/api/search').query({ q: CANONICAL, section: 'qa', k: '1' }).expect(200)).body).results[0]!;
    const res = await api.get(`/api/passages/${encodeURIComponent(hit.id)}`).expect(200);
    const body = PassageResponse.parse(res.body);
    expect(body.passage.id).toBe(hit.id);
    // A card may span neighbouring passages of the turn: this one is among them.
    expect(hit.text.includes(body.passage.text)).toBe(true);
    expect(body.links).toEqual(hit.links);
    const all = service.engine.index.passages;
    const index = all.findIndex((p) => p.id === hit.id);
    expect(body.before.map((p) => p.id)).toEqual(all.slice(Math.max(0, index - 2), index).map((p) => p.id));
    expect(body.after.map((p) => p.id)).toEqual(all.slice(index + 1, index + 3).map((p) => p.id));
    // A Q&A passage is linked to its exchange's question, answers and analyst.
    expect(body.links.question).toEqual(expect.any(String));
    expect(body.links.answers.length).toBeGreaterThan(0);
    expect(body.links.analyst?.side).toBe('analyst');
  });

  it('the first passage has no predecessors and no Q&A links', async () => {
    const first = service.engine.index.passages[0]!;
    const body = PassageResponse.parse((await api.get(`/api/passages/${encodeURIComponent(first.id)}`).expect(200)).body);
    expect(body.passage.id).toBe(`amzn-q4-2025@${first.start}`);
    expect(body.before).toEqual([]);
    expect(body.after).toHaveLength(2);
    expect(body.passage.section).toBe('prepared_remarks');
    expect(body.links).toEqual({ question: null, answers: [], analyst: null });
  });

  it('/api/call: AMZN Q4 2025 with participants on each side', async () => {
    const body = CallResponse.parse((await api.get('/api/call').expect(200)).body);
    expect(body).toMatchObject({ id: 'amzn-q4-2025', ticker: 'AMZN', quarter: 'Q4 2025', date: '2026-02-05' });
    expect(body.participants).toContainEqual({ id: expect.any(String), name: 'Andrew Jassy', title: 'President, CEO & Director', firm: expect.anything(), side: 'company' });
    expect(body.participants).toContainEqual(expect.objectContaining({ name: 'Brian Olsavsky', side: 'company' }));
    expect(body.participants).toContainEqual(expect.objectContaining({ name: 'Douglas Anmuth', side: 'analyst', title: null, firm: expect.stringContaining('JPMorgan') }));
    expect(body.participants).toContainEqual(expect.objectContaining({ name: 'Operator', side: 'operator' }));
    expect(body.exchanges.length).toBeGreaterThan(0);
    for (const ex of body.exchanges) {
      expect(ex.analyst.side).toBe('analyst');
      expect(ex.question).toEqual(expect.any(String));
      expect(ex.answers.length).toBeGreaterThan(0);
    }
    // The same call by id.
    expect((await api.get('/api/call').query({ id: 'amzn-q4-2025' }).expect(200)).body).toEqual(body);
  });

  it('/api/transcript: every passage in source order', async () => {
    const body = TranscriptResponse.parse((await api.get('/api/transcript').expect(200)).body);
    expect(body.call_id).toBe('amzn-q4-2025');
    expect(body.passages).toHaveLength(service.engine.index.passages.length);
    expect(body.passages.map((p) => p.id)).toEqual(body.passages.map((p) => `amzn-q4-2025@${p.start}`));
    for (let i = 1; i < body.passages.length; i++) expect(body.passages[i]!.start).toBeGreaterThanOrEqual(body.passages[i - 1]!.end);
  });
});

describe('/api/openapi.json', () => {
  it('is OpenAPI 3.1 and documents /api/search with q and k derived from the schemas', async () => {
    const doc = (await api.get('/api/openapi.json').expect(200)).body as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean; schema: Record<string, unknown> }[]; requestBody?: unknown; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>>; required?: string[] }> };
    };
    expect(doc.openapi).toMatch(/^3\.1\./);
    const get = doc.paths['/api/search']?.get;
    expect(get).toBeDefined();
    const param = (name: string) => get!.parameters?.find((p) => p.name === name && p.in === 'query');
    expect(param('q')).toMatchObject({ required: true, schema: { type: 'string', minLength: 1, maxLength: LIMITS.queryMaxChars } });
    expect(param('k')?.required).toBeFalsy();
    expect(param('k')?.schema).toMatchObject({ type: 'integer', minimum: LIMITS.kMin, maximum: LIMITS.kMax, default: LIMITS.kDefault });
    for (const name of ['speaker', 'side', 'section']) expect(param(name)).toBeDefined();

    expect(doc.paths['/api/search']?.post?.requestBody).toBeDefined();
    const body = doc.components.schemas.SearchRequest;
    expect(body?.required).toEqual(['q']);
    expect(body?.properties?.k).toMatchObject({ type: 'integer', minimum: LIMITS.kMin, maximum: LIMITS.kMax, default: LIMITS.kDefault });
    expect(doc.components.schemas.SearchResponse).toBeDefined();
    for (const path of ['/api/passages/{id}', '/api/call', '/api/transcript', '/api/health']) expect(doc.paths[path]?.get).toBeDefined();
  });

  it('documents every route the API serves (the library routes included), each with its parameters', async () => {
    const doc = (await api.get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const callId = service.engine.calls()[0]!.id;
    const passageId = (await api.get(`/api/calls/${callId}/transcript`).expect(200)).body.passages[0].id as string;
    // Every GET route of the API, as the server answers it (200) and as the document names it.
    const served: Record<string, string> = {
      '/api/search': '/api/search?q=capex',
      '/api/calls': '/api/calls',
      '/api/calls/{id}': `/api/calls/${callId}`,
      '/api/calls/{id}/transcript': `/api/calls/${callId}/transcript`,
      '/api/passages/{id}': `/api/passages/${encodeURIComponent(passageId)}`,
      '/api/call': `/api/call?id=${callId}`,
      '/api/transcript': `/api/transcript?id=${callId}`,
      '/api/health': '/api/health',
      '/api/openapi.json': '/api/openapi.json',
    };
    for (const [path, url] of Object.entries(served)) {
      await api.get(url).expect(200);
      expect(doc.paths[path]?.get, path).toBeDefined();
    }
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(served).sort());
    const params = (path: string) => (doc.paths[path]?.get?.parameters ?? []).map((p) => `${p.in}:${p.name}`).sort();
    expect(params('/api/calls')).toEqual(['query:company', 'query:ticker', 'query:year']);
    expect(params('/api/calls/{id}')).toEqual(['path:id']);
    expect(params('/api/calls/{id}/transcript')).toEqual(['path:id']);
  });
});

describe('headers', () => {
  it('helmet security headers on API, error and static responses; no x-powered-by', async () => {
    for (const res of [await api.get('/api/health'), await api.get('/api/nope'), await api.get('/api/search'), await api.get('/')]) {
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('echoes a request id', async () => {
    const res = await api.get('/api/health').set('x-request-id', 'abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect((await api.get('/api/health')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
