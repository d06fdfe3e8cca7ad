/**
 * Structured request logs: every request writes one JSON line (pino via pino-http) with its
 * request id, method, URL, status and response time, at a level that follows the status; the
 * x-request-id response header is the logged id. Captured from the real app on the real
 * server through a pino destination stream.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startHardeningServer, type HardeningServer, type RawResponse } from './support.js';

interface LogLine {
  level: number;
  time: number;
  msg: string;
  req?: { id?: unknown; method?: string; url?: string; [k: string]: unknown };
  res?: { statusCode?: number; [k: string]: unknown };
  responseTime?: number;
}

const lines: string[] = [];
let server: HardeningServer;

beforeAll(async () => {
  const destination = { write: (line: string) => void lines.push(line) };
  server = await startHardeningServer({ logger: pino({ level: 'info' }, destination), env: { RATE_LIMIT: '1000' } });
});

afterAll(async () => {
  await server?.close();
});

/** The log lines written for the request that got `res`, found by its x-request-id. */
async function logFor(res: RawResponse): Promise<LogLine[]> {
  const id = res.headers['x-request-id'];
  expect(id, 'x-request-id header').toBeTruthy();
  // pino-http logs on the response's 'finish', which can trail the client's read by a turn.
  for (let i = 0; i < 50; i++) {
    const found = lines.map((l) => JSON.parse(l) as LogLine).filter((l) => l.req?.id === id);
    if (found.length > 0) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  return [];
}

describe('request logs', () => {
  it.each([
    ['a search', 'GET', '/api/search?q=AWS%20growth&k=3', undefined, 200, 30],
    ['a POST search', 'POST', '/api/search', '{"q":"free cash flow","k":2}', 200, 30],
    ['health', 'GET', '/api/health', undefined, 200, 30],
    ['a bad request', 'GET', '/api/search?k=0', undefined, 400, 40],
    ['malformed JSON', 'POST', '/api/search', '{"q":', 400, 40],
    ['an unknown route', 'GET', '/api/nope', undefined, 404, 40],
    ['a body over the cap', 'POST', '/api/search', JSON.stringify({ q: 'x', pad: 'y'.repeat(20_000) }), 413, 40],
    ['the page', 'GET', '/', undefined, 200, 30],
  ] as const)('%s: one JSON line with id, method, url, status, response time', async (_name, method, path, body, status, level) => {
    const headers: Record<string, string> = { Authorization: 'Bearer secret-token-123', ...(body ? { 'Content-Type': 'application/json' } : {}) };
    const res = await rawRequest(server.port, { method, path, headers }, body);
    expect(res.status).toBe(status);
    const logged = await logFor(res);
    expect(logged).toHaveLength(1);
    const [line] = logged as [LogLine];
    expect(line.req).toEqual({ id: res.headers['x-request-id'], method, url: path });
    expect(line.res).toEqual({ statusCode: status });
    expect(line.responseTime).toEqual(expect.any(Number));
    expect(line.responseTime).toBeGreaterThanOrEqual(0);
    expect(line.level).toBe(level);
    expect(line.msg).toMatch(/^request (completed|errored)$/);
    expect(line.time).toEqual(expect.any(Number));
    // Headers and bodies stay out of the log: no credentials, no request payloads.
    const raw = lines.find((l) => l.includes(String(res.headers['x-request-id'])))!;
    expect(raw).not.toContain('secret-token-123');
    if (body) expect(raw).not.toContain(body.slice(0, 20));
  });

  it('a caller-supplied x-request-id is echoed and logged (cut to 64 characters); otherwise a fresh UUID each time', async () => {
    const mine = await rawRequest(server.port, { method: 'GET', path: '/api/health', headers: { 'X-Request-Id': 'trace-abc-123' } });
    expect(mine.headers['x-request-id']).toBe('trace-abc-123');
    expect((await logFor(mine))[0]?.req?.id).toBe('trace-abc-123');

    const long = await rawRequest(server.port, { method: 'GET', path: '/api/health', headers: { 'X-Request-Id': 'r'.repeat(300) } });
    expect(long.headers['x-request-id']).toBe('r'.repeat(64));
    expect((await logFor(long))[0]?.req?.id).toBe('r'.repeat(64));

    const a = await rawRequest(server.port, { method: 'GET', path: '/api/health' });
    const b = await rawRequest(server.port, { method: 'GET', path: '/api/health' });
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(b.headers['x-request-id']).not.toBe(a.headers['x-request-id']);
  });

  it('concurrent searches each get their own line and id', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => rawRequest(server.port, { method: 'GET', path: `/api/search?q=capex%20${i}&k=1` })));
    const ids = answers.map((r) => r.headers['x-request-id']);
    expect(new Set(ids).size).toBe(12);
    for (const r of answers) {
      const [line] = await logFor(r);
      expect(line?.res?.statusCode).toBe(r.status);
      expect(line?.req?.url).toMatch(/^\/api\/search\?q=capex%20\d+&k=1$/);
    }
  });
});
