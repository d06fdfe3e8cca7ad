/**
 * The model process dies under a running server (killed for real, SIGKILL): /api/health says so
 * (503, model_state 'restarting', Retry-After) instead of 200 with every search failing; searches
 * meanwhile get 503 with Retry-After at once, not a hang; once the new process is up, health is
 * 200 again and searches answer as before.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorResponse, HealthResponse, SearchResponse } from '../../src/api/schemas.js';
import { sharedModelProcess } from '../../src/model/embedder.js';
import { startQueueServer, type QueueServer } from './queue-server.js';
import { rawRequest } from './support.js';

let server: QueueServer | null = null;
afterAll(async () => {
  await server?.close();
});

const SEARCH = `/api/search?q=${encodeURIComponent('what did Jassy say about Trainium')}&k=5`;

describe('model process restart', () => {
  it('health and searches tell the truth while the model process restarts, and recover', async () => {
    server = await startQueueServer();
    const before = await rawRequest(server.port, { method: 'GET', path: SEARCH });
    expect(before.status).toBe(200);
    const model = await sharedModelProcess({ quantized: server.service.embedder.quantized });
    const pid = model?.pid;
    expect(pid).toBeGreaterThan(0);
    // The model process is the test process's shared one: a file before this one may have seen it restart.
    const restarts = model!.status().restarts;

    process.kill(pid!, 'SIGKILL');
    for (let i = 0; i < 200 && model!.state === 'ready'; i++) await new Promise((r) => setTimeout(r, 10));

    const health = await rawRequest(server.port, { method: 'GET', path: '/api/health' });
    expect(health.status).toBe(503);
    const down = HealthResponse.parse(JSON.parse(health.body));
    expect(down.status).toBe('unavailable');
    expect(down.model_state).toMatchObject({ state: 'restarting', restarts: restarts + 1 });
    expect(down.model_state!.last_error).toMatch(/SIGKILL/);
    expect(Number(health.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    const during = await rawRequest(server.port, { method: 'GET', path: SEARCH });
    expect(during.status).toBe(503);
    expect(ErrorResponse.parse(JSON.parse(during.body)).error).toMatchObject({ code: 'unavailable' });
    expect(JSON.parse(during.body).error.message).toMatch(/restarting/);
    expect(Number(during.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    let up = health;
    for (let i = 0; i < 600 && up.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      up = await rawRequest(server.port, { method: 'GET', path: '/api/health' });
    }
    expect(up.status).toBe(200);
    const recovered = HealthResponse.parse(JSON.parse(up.body)).model_state!;
    expect(recovered).toMatchObject({ state: 'ready', restarts: restarts + 1 });
    expect(recovered.pid).not.toBe(pid);

    const after = await rawRequest(server.port, { method: 'GET', path: SEARCH });
    expect(after.status).toBe(200);
    const [was, is] = [before, after].map((r) => SearchResponse.parse(JSON.parse(r.body)));
    expect(is!.results.map((r) => r.id)).toEqual(was!.results.map((r) => r.id));
  });
});
