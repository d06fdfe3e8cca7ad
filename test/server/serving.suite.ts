/**
 * Serving to a team: security headers that fit how the page was reached (plain HTTP on the LAN
 * vs HTTPS through a proxy that says so), the Host check for each kind of binding, and honest
 * loading (/api/health's progress, Retry-After, routine 503s logged at info without a stack).
 * The real app on the real HTTP server, real model and index.
 */
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { HealthLoading, HealthResponse } from '../../src/api/schemas.js';
import { hostAllowed, hostName, hostPolicy, isLoopbackName } from '../../src/server/host-check.js';
import { LoadingState } from '../../src/server/loading-state.js';
import { rawRequest, startHardeningServer, type HardeningServer } from '../hardening/support.js';

const servers: HardeningServer[] = [];
async function start(...args: Parameters<typeof startHardeningServer>): Promise<HardeningServer> {
  const s = await startHardeningServer(...args);
  servers.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const csp = (h: Record<string, string>) => h['content-security-policy'] ?? '';

describe('security headers follow the scheme the page was reached by', () => {
  it('plain HTTP (a teammate on the LAN): no upgrade-insecure-requests, no HSTS; the rest of the policy stays', async () => {
    const s = await start({ env: { ALLOWED_HOSTS: 'teammate-box.lan' } });
    for (const path of ['/', '/styles.css', '/api/health', '/api/nope']) {
      const res = await rawRequest(s.port, { method: 'GET', path, headers: { Host: `teammate-box.lan:${s.port}` } });
      expect(res.status, path).toBeLessThan(500);
      expect(csp(res.headers), path).toContain("default-src 'self'");
      expect(csp(res.headers), path).toContain("frame-ancestors 'none'");
      expect(csp(res.headers), path).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security'], path).toBeUndefined();
      // Not a trustworthy origin: the browser would ignore COOP and log an error on every load.
      expect(res.headers['cross-origin-opener-policy'], path).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    // By a loopback name the origin is trustworthy: COOP stays.
    const local = await rawRequest(s.port, { method: 'GET', path: '/', headers: { Host: `localhost:${s.port}` } });
    expect(local.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(local.headers['strict-transport-security']).toBeUndefined();
  });

  it('X-Forwarded-Proto: https from a proxy that is not trusted is ignored', async () => {
    const s = await start();
    const res = await rawRequest(s.port, { method: 'GET', path: '/', headers: { 'X-Forwarded-Proto': 'https' } });
    expect(csp(res.headers)).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('behind a trusted proxy (TRUST_PROXY) that says https: upgrade-insecure-requests and HSTS are kept', async () => {
    const s = await start({ env: { TRUST_PROXY: 'loopback' } });
    const https = await rawRequest(s.port, { method: 'GET', path: '/', headers: { 'X-Forwarded-Proto': 'https' } });
    expect(csp(https.headers)).toContain('upgrade-insecure-requests');
    expect(https.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const http = await rawRequest(s.port, { method: 'GET', path: '/', headers: { 'X-Forwarded-Proto': 'http' } });
    expect(csp(http.headers)).not.toContain('upgrade-insecure-requests');
    expect(http.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('the Host check', () => {
  it('reads host names the way Host headers write them', () => {
    expect(hostName('Example.COM:3000')).toBe('example.com');
    expect(hostName('[::1]:3000')).toBe('::1');
    expect(hostName('[::1]')).toBe('::1');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
    for (const n of ['localhost', 'LOCALHOST', 'app.localhost', 'localhost.', '127.0.0.1', '127.255.0.9', '::1']) expect(isLoopbackName(hostName(n)), n).toBe(true);
    for (const n of ['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', '10.0.0.1', '0.0.0.0', '::', 'mylocalhost']) expect(isLoopbackName(hostName(n)), n).toBe(false);
  });

  it('bound to loopback: loopback names, plus ALLOWED_HOSTS; bound elsewhere: ALLOWED_HOSTS when set, else any; "*" any', () => {
    const loop = hostPolicy('127.0.0.1', []);
    expect(hostAllowed(loop, 'localhost:3000')).toBe(true);
    expect(hostAllowed(loop, 'evil.example')).toBe(false);
    const listed = hostPolicy('127.0.0.1', ['teammate-box.lan']);
    expect(hostAllowed(listed, 'teammate-box.lan:3000')).toBe(true);
    expect(hostAllowed(listed, 'evil.example')).toBe(false);
    expect(hostAllowed(hostPolicy('::1', []), 'evil.example')).toBe(false);
    expect(hostAllowed(hostPolicy('localhost', []), 'evil.example')).toBe(false);
    expect(hostAllowed(hostPolicy('0.0.0.0', []), 'whatever.lan')).toBe(true);
    const lan = hostPolicy('0.0.0.0', ['search.team.lan']);
    expect(hostAllowed(lan, 'search.team.lan')).toBe(true);
    expect(hostAllowed(lan, 'localhost')).toBe(true);
    expect(hostAllowed(lan, 'evil.example')).toBe(false);
    expect(hostAllowed(hostPolicy('127.0.0.1', ['*']), 'evil.example')).toBe(true);
  });

  it('on the real server: ALLOWED_HOSTS opens the named host, not others; a loopback-bound server refuses a foreign Host with 421 JSON', async () => {
    const s = await start({ env: { ALLOWED_HOSTS: 'search.team.lan, other.lan' } });
    const ok = await rawRequest(s.port, { method: 'GET', path: '/api/health', headers: { Host: `search.team.lan:${s.port}` } });
    expect(HealthResponse.parse(JSON.parse(ok.body)).status).toBe('ok');
    const refused = await rawRequest(s.port, { method: 'GET', path: '/api/search?q=AWS', headers: { Host: 'evil.example' } });
    expect(refused.status).toBe(421);
    expect(JSON.parse(refused.body).error.code).toBe('misdirected_request');
  });

  it('a bad ALLOWED_HOSTS is a configuration error, not a silent open door', async () => {
    await expect(startHardeningServer({ env: { ALLOWED_HOSTS: 'good.lan, bad host/path' } })).rejects.toThrow(/ALLOWED_HOSTS/);
  });
});

describe('honest loading', () => {
  it('/api/health while building: 503 with the phase and its counts, Retry-After; data routes say the same; ready → 200', async () => {
    const loading = new LoadingState();
    let ready = false;
    const s = await start({ ready: () => ready, loading: () => loading.snapshot() });
    const health = async () => rawRequest(s.port, { method: 'GET', path: '/api/health' });

    let res = await health();
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    let body = HealthLoading.parse(JSON.parse(res.body));
    expect(body.error.code).toBe('unavailable');
    expect(body.loading).toEqual({ phase: 'loading', done: 0, total: 0 });

    loading.update({ phase: 'passages', done: 40, total: 120 });
    res = await health();
    body = HealthLoading.parse(JSON.parse(res.body));
    expect(body.loading).toEqual({ phase: 'passages', done: 40, total: 120 });
    expect(body.error.message).toMatch(/embedding passages \(40 of 120\)/);

    const search = await rawRequest(s.port, { method: 'GET', path: '/api/search?q=AWS' });
    expect(search.status).toBe(503);
    expect(HealthLoading.parse(JSON.parse(search.body)).loading.phase).toBe('passages');

    ready = true;
    res = await health();
    expect(res.status).toBe(200);
    expect(res.headers['retry-after']).toBeUndefined();
  });

  it('the 503s a polling client gets while loading are logged at info, without a stack trace', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
    const s = await start({ logger, engine: () => null, env: { REQUEST_TIMEOUT_MS: '100' } });
    for (let i = 0; i < 5; i++) expect((await rawRequest(s.port, { method: 'GET', path: '/api/health' })).status).toBe(503);
    await new Promise((r) => setTimeout(r, 50));
    const logged = lines.map((l) => JSON.parse(l) as { level: number; res?: { statusCode: number }; err?: { stack?: string } }).filter((l) => l.res?.statusCode === 503);
    expect(logged).toHaveLength(5);
    for (const l of logged) {
      expect(l.level).toBe(30);
      expect(l.err?.stack).toBeUndefined();
    }
    expect(lines.join('\n')).not.toMatch(/\n\s+at |at .*\(.*:\d+:\d+\)/);
  });
});
