/**
 * Fuzz: several hundred seeded random requests at the real server (real model, real index,
 * startHttpServer as `npm start` runs it), sent byte for byte. Every answer is a JSON 200 or a
 * JSON 4xx in the error shape: never a 5xx, never HTML or an empty reply, never a stack trace.
 * Afterwards the server is still healthy. The seed is printed with any failure; FUZZ_SEED
 * replays another run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse, LIMITS, SearchResponse } from '../../src/api/schemas.js';
import { prng } from '../helpers/seeded.js';
import { LEAK, rawRequest, startHardeningServer, type HardeningServer, type RawResponse } from './support.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20260205);
const REQUESTS = 400;

const INJECTIONS = [
  "' OR '1'='1' --",
  '"; DROP TABLE passages; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '__proto__',
  'constructor',
  '{"$gt": ""}',
  'AWS\r\nSet-Cookie: a=b',
  '%00',
  '\u202eevil',
  'javascript:alert(1)',
  '() { :; }; echo vulnerable',
];

const SAMPLES = ['AWS growth', 'what did Jassy say about Trainium', 'capex', 'free cash flow', 'Olsavsky', 'who asked about margins', 'Kuiper'];

interface Case {
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

/**
 * UTF-8 as the bytes a client may send, including for lone surrogates (what a careless encoder
 * emits: ED A0 80 for U+D800), percent-encoded.
 */
function percentBytes(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.codePointAt(i)!;
    if (code > 0xffff) i++;
    let bytes: number[];
    if (code < 0x80) bytes = [code];
    else if (code < 0x800) bytes = [0xc0 | (code >> 6), 0x80 | (code & 63)];
    else if (code < 0x10000) bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)];
    else bytes = [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)];
    out += bytes.map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) && b < 0x80 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  }
  return out;
}

function generator(rnd: () => number) {
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => rnd() < p;

  const unicode = (len: number) => {
    const ranges: [number, number][] = [
      [0x20, 0x7e], // ASCII
      [0xa0, 0x24f], // Latin-1, Latin Extended
      [0x300, 0x36f], // combining marks
      [0x590, 0x6ff], // Hebrew, Arabic
      [0x4e00, 0x4fff], // CJK
      [0x200b, 0x200f], // zero-width, direction marks
      [0x1f300, 0x1f64f], // emoji
      [0xfff0, 0xfffd], // specials
    ];
    let s = '';
    for (let i = 0; i < len; i++) {
      const [lo, hi] = pick(ranges);
      s += String.fromCodePoint(lo + int(hi - lo + 1));
    }
    return s;
  };
  const control = (len: number) => Array.from({ length: len }, () => String.fromCharCode(pick([...Array(32).keys(), 0x7f]))).join('');

  /** A query-ish string: sometimes sane, mostly not. */
  const text = (): string =>
    pick<() => string>([
      () => pick(SAMPLES),
      () => unicode(1 + int(40)),
      () => `${pick(SAMPLES)} ${control(1 + int(5))}`,
      () => control(1 + int(10)),
      () => pick(['\ud800', '\udfff', 'a\ud800b', '\udc00\ud800', `${pick(SAMPLES)}\ud83d`]),
      () => 'x'.repeat(10_000),
      () => unicode(10_000).slice(0, 10_000),
      () => 'q'.repeat(LIMITS.queryMaxChars + int(3) - 1),
      () => pick(INJECTIONS),
      () => pick(['', ' ', '   \t\n ', '\u00a0\u2003']),
      () => `${pick(SAMPLES)} ${pick(INJECTIONS)}`,
    ])();

  /** k as it may arrive in a query string. */
  const rawK = (): string =>
    pick(['-1', '0', '1', '5', ' 5 ', '50', '51', '1e3', '1e1', 'NaN', 'Infinity', '-Infinity', '0x10', '010', '1.5', '5.0', '99999999999999999999999', '9007199254740993', '', 'abc', '%00', '١٠', '+5']);
  /** k as it may arrive in JSON, written as JSON text (some deliberately invalid). */
  const jsonK = (): string =>
    pick(['-1', '0', '1', '5', '50', '51', '1e3', '1e308', '-0', '5.0', '1.5', 'NaN', 'Infinity', '0x10', '" 5 "', '"5"', 'null', 'true', '[]', '{}', '[5]', '99999999999999999999999', '1e-400']);

  const queryParam = (name: string, value: string): string => {
    const lone = /[\ud800-\udfff]/.test(value.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''));
    const encoded = lone || chance(0.3) ? percentBytes(value) : encodeURIComponent(value);
    return `${name}=${encoded}`;
  };

  const badPercent = () => pick(['%', '%zz', '%E0%A4%A', '%ED%A0%80', '%ED%BF%BF', '%C0%AF', '%FF%FE', '%F0%9F%98', '%2', '%%41', '%u0041']);

  const getSearch = (): Case => {
    const params: string[] = [];
    if (chance(0.9)) params.push(chance(0.15) ? `q=${badPercent()}` : queryParam('q', text()));
    if (chance(0.5)) params.push(`k=${percentBytes(rawK())}`);
    if (chance(0.2)) params.push(queryParam(pick(['speaker', 'side', 'section']), chance(0.5) ? text() : pick(['Jassy', 'analyst', 'qa', 'company', 'any'])));
    if (chance(0.1)) params.push(pick(['q=a', 'k=1', 'q[]=a', 'k[a]=1', 'q[toString]=x', '__proto__[k]=3', 'constructor[prototype][x]=1', 'limit=3', '=', '&&&', 'q']));
    const order = params.sort(() => rnd() - 0.5);
    return { label: 'GET /api/search', method: pick(['GET', 'GET', 'GET', 'HEAD']), path: `/api/search${order.length ? `?${order.join('&')}` : ''}` };
  };

  const jsonString = (s: string): string => {
    // JSON.stringify escapes lone surrogates as \ud800; sometimes write them raw into the UTF-8 instead.
    const json = JSON.stringify(s);
    return chance(0.2) ? json.replace(/\\ud[89ab][0-9a-f]{2}/gi, '\ud800') : json;
  };

  const postBody = (): { body: string | Buffer; label: string } => {
    const fields: string[] = [];
    if (chance(0.85)) fields.push(`"q": ${pick<() => string>([() => jsonString(text()), () => pick(['5', 'null', 'true', '[]', '["AWS"]', '{"q":"AWS"}', '1e999'])])()}`);
    if (chance(0.5)) fields.push(`"k": ${jsonK()}`);
    if (chance(0.2)) fields.push(`${jsonString(pick(['speaker', 'side', 'section']))}: ${jsonString(chance(0.5) ? text() : pick(['Jassy', 'analyst', 'qa']))}`);
    if (chance(0.15)) fields.push(pick(['"__proto__": {"k": 3}', '"constructor": {"prototype": {"x": 1}}', '"limit": 3', '"q": "dup"', '"": ""']));
    const object = `{${fields.join(', ')}}`;
    const nested = (depth: number) => `${'{"q":'.repeat(depth)}"AWS"${'}'.repeat(depth)}`;
    return pick<() => { body: string | Buffer; label: string }>([
      () => ({ body: object, label: 'object' }),
      () => ({ body: object, label: 'object' }),
      () => ({ body: object, label: 'object' }),
      () => ({ body: nested(1 + int(2000)), label: 'nested objects' }),
      () => ({ body: `${'['.repeat(3000)}${']'.repeat(3000)}`, label: 'nested arrays' }),
      () => ({ body: pick(['', 'null', '[]', '"AWS"', '5', 'true', '{', '{"q": "AWS"', '{"q": "AWS"}}', "{'q': 'AWS'}", '{q: "AWS"}', '\u0000', 'q=AWS']), label: 'not an object' }),
      () => ({ body: Buffer.from(Array.from({ length: 1 + int(200) }, () => int(256))), label: 'random bytes' }),
      () => ({ body: JSON.stringify({ q: 'AWS', pad: 'y'.repeat(16 * 1024 + int(1000)) }), label: 'over the body cap' }),
      () => ({ body: Buffer.concat([Buffer.from('{"q": "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), label: 'surrogate bytes in UTF-8' }),
      () => ({ body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"q": "AWS"}')]), label: 'BOM' }),
    ])();
  };

  const contentType = () =>
    pick([
      'application/json',
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/vnd.api+json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'text/html',
      '???',
      'application/json; charset=',
      '',
    ]);

  const postSearch = (): Case => {
    const { body, label } = postBody();
    const type = contentType();
    const headers: Record<string, string> = type ? { 'Content-Type': type } : {};
    if (chance(0.05)) headers['Content-Encoding'] = pick(['gzip', 'deflate', 'br', 'rot13']);
    return { label: `POST /api/search (${label}, ${type || 'no type'})`, method: 'POST', path: '/api/search', headers, body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8') };
  };

  const otherRoute = (): Case => {
    const id = chance(0.5) ? percentBytes(text().slice(0, 300)) : pick(['amzn-q4-2025:0', 'amzn-q4-2025:-1', 'amzn-q4-2025:1e3', '..%2f..%2fpackage.json', badPercent(), 'x'.repeat(2000)]);
    return pick<() => Case>([
      () => ({ label: 'GET /api/passages/:id', method: 'GET', path: `/api/passages/${id}` }),
      () => ({ label: 'GET /api/call', method: 'GET', path: `/api/call?${queryParam('id', text().slice(0, 300))}` }),
      () => ({ label: 'GET /api/transcript', method: 'GET', path: `/api/transcript?id=${id}` }),
      () => ({ label: 'GET /api/health', method: 'GET', path: `/api/health?${queryParam('x', text().slice(0, 300))}` }),
      () => ({ label: 'odd method', method: pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']), path: pick(['/api/search', '/api/health', `/api/passages/${id}`]) }),
      () => ({ label: 'unknown API route', method: pick(['GET', 'POST']), path: `/api/${percentBytes(text().slice(0, 200))}` }),
    ])();
  };

  return (): Case => {
    const r = rnd();
    return r < 0.45 ? getSearch() : r < 0.85 ? postSearch() : otherRoute();
  };
}

let server: HardeningServer;

beforeAll(async () => {
  server = await startHardeningServer();
});

afterAll(async () => {
  await server?.close();
});

function check(c: Case, res: RawResponse): string | null {
  if (res.status >= 500 || !(res.status >= 200 && res.status < 500)) return `status ${res.status}`;
  if (LEAK.test(res.body)) return 'leaks internals';
  if (c.method === 'HEAD') return res.status === 200 || res.status >= 400 ? null : `HEAD status ${res.status}`;
  if (!/^application\/json/.test(res.headers['content-type'] ?? '')) return `content-type ${res.headers['content-type']} (${res.body.slice(0, 60)})`;
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    return 'body is not JSON';
  }
  if (res.status >= 400) {
    const err = ErrorResponse.safeParse(json);
    if (!err.success) return `error body off contract: ${res.body.slice(0, 120)}`;
  } else if (c.path.startsWith('/api/search')) {
    const ok = SearchResponse.safeParse(json);
    if (!ok.success) return `search body off contract: ${ok.error.issues[0]?.path.join('.')}: ${ok.error.issues[0]?.message}`;
  }
  return null;
}

describe(`fuzz (seed ${SEED})`, () => {
  it(`${REQUESTS} random requests: always JSON 200/4xx, never 5xx, HTML or a stack; healthy afterwards`, async () => {
    const next = generator(prng(SEED));
    const cases = Array.from({ length: REQUESTS }, next);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    // Four at a time: some concurrency, without turning the fuzz into a load test.
    for (let i = 0; i < cases.length; i += 4) {
      const group = cases.slice(i, i + 4);
      const answers = await Promise.all(group.map((c) => rawRequest(server.port, c, c.body).catch((err: Error) => err)));
      answers.forEach((res, j) => {
        const c = group[j]!;
        const where = `#${i + j} ${c.label}: ${c.method} ${JSON.stringify(c.path.slice(0, 120))}`;
        if (res instanceof Error) return void failures.push(`${where} → ${res.message}`);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const problem = check(c, res);
        if (problem) failures.push(`${where} → ${res.status}: ${problem}`);
      });
    }
    expect(failures, `seed ${SEED}; ${failures.length} bad answers:\n${failures.slice(0, 20).join('\n')}`).toEqual([]);
    // The generator really did reach both outcomes (a fuzz that only ever got 400s proves little).
    expect(statuses.get(200) ?? 0).toBeGreaterThan(20);
    expect([...statuses.keys()].filter((s) => s >= 400).length).toBeGreaterThanOrEqual(3);

    const health = await rawRequest(server.port, { method: 'GET', path: '/api/health' });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
    const search = await rawRequest(server.port, { method: 'GET', path: '/api/search?q=AWS%20growth&k=3' });
    expect(search.status).toBe(200);
    expect(SearchResponse.parse(JSON.parse(search.body)).results).toHaveLength(3);
  });

  it('requests the HTTP parser refuses (over-long URL, bad syntax) still get a JSON 4xx', async () => {
    const longUrl = await rawRequest(server.port, { method: 'GET', path: `/api/search?q=${'%F0%9F%98%80'.repeat(3000)}` });
    expect(longUrl.status).toBe(431);
    expect(ErrorResponse.parse(JSON.parse(longUrl.body)).error.code).toBe('bad_request');
    const badLine = await rawRequest(server.port, { method: 'GET', path: '/api/search?q=a b' });
    expect(badLine.status).toBe(400);
    expect(ErrorResponse.parse(JSON.parse(badLine.body)).error.code).toBe('bad_request');
    const badHeader = await rawRequest(server.port, { method: 'GET', path: '/api/health', headers: { 'X-Bad\u0001': 'x' } });
    expect(badHeader.status).toBe(400);
    expect(badHeader.headers['content-type']).toMatch(/^application\/json/);
  });
});
