/**
 * Serving under pressure (issue 13 item 4, issue 10 item 5), on the real server, model and index:
 * work follows the client (a search whose client hung up, or whose request timed out, leaves the
 * model's queue before it costs the model anything), and the queue is bounded by model tokens
 * (past it: 503 with Retry-After, counted in /api/health).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorResponse, HealthResponse, SearchResponse } from '../../src/api/schemas.js';
import { getAndHangUp, longQuery, queueDrained, queueSettled, startQueueServer, type QueueServer } from './queue-server.js';
import { rawRequest } from './support.js';

let server: QueueServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const search = (q: string, k = 50) => `/api/search?q=${encodeURIComponent(q)}&k=${k}`;

describe('work follows the client', () => {
  it('searches whose clients hung up leave the queue unembedded; the server then answers normally', async () => {
    server = await startQueueServer({ maxQueueTokens: 1_000_000 });
    const N = 150;
    await Promise.all(Array.from({ length: N }, (_, i) => getAndHangUp(server!.port, search(longQuery(i)))));
    await queueSettled(server, N);
    const stats = server.batcher.stats();
    // Every search either reached the model or was dropped from the queue, none refused.
    expect(server.embedded() + stats.cancelled).toBe(N);
    expect(stats.rejected).toBe(0);
    // Most never reached the model: only what was already in a batch when the hang-ups were read.
    expect(stats.cancelled).toBeGreaterThan(N / 2);
    const normal = await rawRequest(server.port, { method: 'GET', path: search('what did Jassy say about Trainium', 10) });
    expect(normal.status).toBe(200);
    expect(SearchResponse.parse(JSON.parse(normal.body)).results.length).toBeGreaterThan(0);
  });

  it('searches that time out leave the queue unembedded', async () => {
    server = await startQueueServer({ maxQueueTokens: 1_000_000 }, { REQUEST_TIMEOUT_MS: '150' });
    const N = 60;
    // Each at the model's 256-token limit: far more model work than 150 ms, on any CPU.
    const answers = await Promise.all(Array.from({ length: N }, (_, i) => rawRequest(server!.port, { method: 'GET', path: search(`${i} ${longQuery(i)}`.slice(0, 500).replace(/ /g, '-'), 50) })));
    const timedOut = answers.filter((a) => a.status === 503);
    expect(timedOut.length).toBeGreaterThan(0);
    for (const a of timedOut) expect(ErrorResponse.parse(JSON.parse(a.body)).error.code).toBe('timeout');
    await queueDrained(server.batcher);
    const stats = server.batcher.stats();
    expect(stats.cancelled).toBeGreaterThan(0);
    expect(server.embedded() + stats.cancelled).toBe(N);
  });
});

describe('the queue is bounded by model tokens', () => {
  it('past the bound a search gets 503 with Retry-After; the refusals are counted in /api/health', async () => {
    server = await startQueueServer({ maxQueueTokens: 256 });
    const N = 30;
    const answers = await Promise.all(Array.from({ length: N }, (_, i) => rawRequest(server!.port, { method: 'GET', path: search(longQuery(i)) })));
    const refused = answers.filter((a) => a.status === 503);
    const served = answers.filter((a) => a.status === 200);
    expect(refused.length + served.length).toBe(N);
    expect(refused.length).toBeGreaterThan(0);
    expect(served.length).toBeGreaterThan(0);
    for (const a of refused) {
      const body = ErrorResponse.parse(JSON.parse(a.body));
      expect(body.error.code).toBe('unavailable');
      expect(body.error.message).toMatch(/busy/);
      expect(Number(a.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    await queueDrained(server.batcher);
    const health = await rawRequest(server.port, { method: 'GET', path: '/api/health' });
    expect(health.status).toBe(200);
    const state = HealthResponse.parse(JSON.parse(health.body)).model_state!;
    expect(state.state).toBe('ready');
    expect(state.queue).toMatchObject({ rejected: refused.length, max_tokens: 256, waiting: 0 });
    // Nothing left behind: a normal search answers.
    expect((await rawRequest(server.port, { method: 'GET', path: search('free cash flow', 5) })).status).toBe(200);
  });
});
