/**
 * GET /api/search skips express's router (createApp, search-fast-path.ts): the same middleware
 * runs in the same order. Here: the runner's contract, and on the real server (real model and
 * index) every kind of answer the canonical path gives is the one the router gives for the same
 * request spelt '/api/search/' (which only the router takes): status, body, every header that is
 * not per-request, and the log line.
 */
import { pino } from 'pino';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSearchUrl, runInOrder, sendJson } from '../../src/server/search-fast-path.js';
import { rawRequest, startHardeningServer, type HardeningServer, type RawResponse } from '../hardening/support.js';

describe('runInOrder', () => {
  const req = {} as Request;
  const res = {} as Response;
  const step =
    (log: string[], name: string, then: (next: NextFunction) => unknown = (next) => next()): RequestHandler =>
    (_q, _s, next) => {
      log.push(name);
      return then(next) as void;
    };

  it('runs the steps in order, then the handler', () => {
    const log: string[] = [];
    runInOrder([step(log, 'a'), step(log, 'b')], () => log.push('last'), req, res, () => log.push('error'));
    expect(log).toEqual(['a', 'b', 'last']);
  });

  it('a step that answers without next() ends the run', () => {
    const log: string[] = [];
    runInOrder([step(log, 'a', () => undefined), step(log, 'b')], () => log.push('last'), req, res, () => log.push('error'));
    expect(log).toEqual(['a']);
  });

  it('an error passed to next, thrown, or rejected by a step or the handler goes to onError and stops the run', async () => {
    const errors: unknown[] = [];
    const log: string[] = [];
    const boom = new Error('boom');
    runInOrder([step(log, 'a', (next) => next(boom)), step(log, 'b')], () => log.push('last'), req, res, (e) => errors.push(e));
    runInOrder([step(log, 'c', () => { throw boom; })], () => log.push('last'), req, res, (e) => errors.push(e));
    runInOrder([step(log, 'd', () => Promise.reject(boom))], () => log.push('last'), req, res, (e) => errors.push(e));
    runInOrder([], () => Promise.reject(boom), req, res, (e) => errors.push(e));
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['a', 'c', 'd']);
    expect(errors).toEqual([boom, boom, boom, boom]);
  });

  it('takes only the canonical search path', () => {
    expect(isSearchUrl('/api/search')).toBe(true);
    expect(isSearchUrl('/api/search?q=capex&k=3')).toBe(true);
    for (const other of ['/api/search/', '/api/search/?q=x', '/API/search?q=x', '/api/searchx?q=x', '/api/search#x', '/api/search?q=a#b', '/api/searches', '/x/api/search']) {
      expect(isSearchUrl(other), other).toBe(false);
    }
  });

  it('sendJson writes what res.json writes: the type, the byte length (non-ASCII too) and the JSON', () => {
    const headers: Record<string, unknown> = {};
    let body = '';
    const fake = { setHeader: (k: string, v: unknown) => void (headers[k.toLowerCase()] = v), end: (b: string) => void (body = b) } as unknown as Response;
    sendJson(fake, { q: 'Q4 – €1.2 bn', n: [1, null] });
    expect(body).toBe('{"q":"Q4 – €1.2 bn","n":[1,null]}');
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    expect(headers['content-length']).toBe(Buffer.byteLength(body));
    expect(headers['content-length']).toBeGreaterThan(body.length);
  });
});

/** Headers that differ per request whichever path answers. */
const PER_REQUEST = new Set(['date', 'x-request-id', 'ratelimit', 'connection', 'keep-alive']);

function comparable(r: RawResponse): { status: number; headers: Record<string, string>; body: unknown } {
  // took_ms varies, and with it the length: checked against the body instead.
  expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(r.body));
  const headers = Object.fromEntries(Object.entries(r.headers).filter(([k]) => !PER_REQUEST.has(k) && k !== 'content-length'));
  const body = JSON.parse(r.body) as { took_ms?: number };
  if (typeof body.took_ms === 'number') body.took_ms = 0;
  return { status: r.status, headers, body };
}

describe('GET /api/search without the router answers as the router does', () => {
  const lines: string[] = [];
  let server: HardeningServer;
  beforeAll(async () => {
    server = await startHardeningServer({ logger: pino({ level: 'info' }, { write: (l: string) => void lines.push(l) }), env: { RATE_LIMIT: '1000' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each([
    ['an answer', '?q=what%20did%20Jassy%20say%20about%20Trainium&k=3', {}],
    ['a filtered answer', '?q=capex&k=2&side=company&section=qa', {}],
    ['no query', '', {}],
    ['a bad k', '?q=capex&k=0', {}],
    ['an unknown parameter', '?q=capex&bogus=1', {}],
    ['an unknown speaker', '?q=capex&speaker=Nobody%20Here', {}],
    ['a repeated parameter', '?q=capex&q=margins', {}],
    ['a foreign host name', '?q=capex', { Host: 'evil.example' }],
    ['over HTTPS through a proxy (not trusted)', '?q=capex&k=1', { 'X-Forwarded-Proto': 'https' }],
    ['a GET with a JSON body (parsed, then ignored)', '?q=capex&k=1', { 'Content-Type': 'application/json' }, '{"q":"margins"}'],
    ['a GET with a body that is not valid JSON', '?q=capex&k=1', { 'Content-Type': 'application/json' }, '{"q":'],
    ['a GET with a body over the cap', '?q=capex&k=1', { 'Content-Type': 'application/json' }, JSON.stringify({ pad: 'y'.repeat(20_000) })],
  ] as [string, string, Record<string, string>, string?][])('%s', async (_name, query, headers, body) => {
    const send = (path: string) => rawRequest(server.port, { method: 'GET', path, headers }, body);
    const [direct, routed] = [await send(`/api/search${query}`), await send(`/api/search/${query}`)];
    expect(comparable(direct)).toEqual(comparable(routed));
    expect(direct.headers['x-request-id']).toBeTruthy();
    // Counted by the one /api rate limit either way: the second request has one fewer left.
    const left = (r: RawResponse) => Number(/r=(\d+)/.exec(r.headers['ratelimit'] ?? '')?.[1]);
    if (direct.status !== 421) expect(left(routed)).toBe(left(direct) - 1);
    // One log line each, the same but for the url, id and time.
    const logged = (r: RawResponse) => lines.map((l) => JSON.parse(l) as { req: { id: string; url: string }; responseTime: number; time: number }).filter((l) => l.req?.id === r.headers['x-request-id']);
    for (let i = 0; i < 50 && (logged(direct).length === 0 || logged(routed).length === 0); i++) await new Promise((r) => setTimeout(r, 10));
    const [a, b] = [logged(direct), logged(routed)];
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]!.req.url).toBe(`/api/search${query}`);
    const strip = (l: (typeof a)[number]) => ({ ...l, req: { ...l.req, id: '', url: '' }, responseTime: 0, time: 0 });
    expect(strip(a[0]!)).toEqual(strip(b[0]!));
  });
});
