/**
 * The error contract over every route, in one table: whatever goes wrong, the answer is a 4xx
 * with a JSON body `{"error": {"code", "message", "details"?}}` labelled application/json, the
 * expected code, the offending input named where there is one, nothing leaked, and no header
 * left over from a representation the error replaced (a static file's ETag, its text/css).
 * Requests go byte for byte to the real HTTP server (startHttpServer), real model and index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse, LIMITS, type ErrorCode } from '../../src/api/schemas.js';
import { LEAK, rawRequest, startHardeningServer, type HardeningServer, type RawHead } from '../hardening/support.js';

let server: HardeningServer;
beforeAll(async () => {
  server = await startHardeningServer();
});
afterAll(async () => {
  await server?.close();
});

const json = { 'Content-Type': 'application/json' };
const ZWSP = '%E2%80%8B';

interface Row {
  route: string;
  what: string;
  head: RawHead;
  body?: string;
  status: number;
  code: ErrorCode;
  /** The detail path the error must name, when an input is at fault. */
  path?: string;
  /** The headline message must match. */
  message?: RegExp;
}

const get = (path: string, headers?: Record<string, string>): RawHead => ({ method: 'GET', path, headers });
const post = (type = 'application/json'): RawHead => ({ method: 'POST', path: '/api/search', headers: { 'Content-Type': type } });

const ROWS: Row[] = [
  // GET /api/search
  { route: 'GET /api/search', what: 'no q', head: get('/api/search'), status: 400, code: 'bad_request', path: 'q' },
  { route: 'GET /api/search', what: 'blank q', head: get('/api/search?q=%20%20'), status: 400, code: 'bad_request', path: 'q', message: /must not be empty/ },
  { route: 'GET /api/search', what: 'q=.', head: get('/api/search?q=.'), status: 400, code: 'empty_query', path: 'q' },
  { route: 'GET /api/search', what: 'q=%00', head: get('/api/search?q=%00'), status: 400, code: 'empty_query', path: 'q' },
  { route: 'GET /api/search', what: 'q zero-width only', head: get(`/api/search?q=${ZWSP}${ZWSP}`), status: 400, code: 'empty_query', path: 'q' },
  { route: 'GET /api/search', what: 'q zero-width and punctuation', head: get(`/api/search?q=${ZWSP}%3F!%20${ZWSP}`), status: 400, code: 'empty_query', path: 'q' },
  { route: 'GET /api/search', what: 'q punctuation only, k=50', head: get('/api/search?q=%22%24%25%3F&k=50'), status: 400, code: 'empty_query', path: 'q' },
  { route: 'GET /api/search', what: 'q over the cap', head: get(`/api/search?q=${'a'.repeat(LIMITS.queryMaxChars + 1)}`), status: 400, code: 'bad_request', path: 'q' },
  { route: 'GET /api/search', what: 'q twice', head: get('/api/search?q=a&q=b'), status: 400, code: 'bad_request', path: 'q', message: /^q must be given once$/ },
  { route: 'GET /api/search', what: 'k twice', head: get('/api/search?q=a&k=1&k=2'), status: 400, code: 'bad_request', path: 'k', message: /^k must be given once$/ },
  { route: 'GET /api/search', what: 'side twice', head: get('/api/search?q=a&side=analyst&side=company'), status: 400, code: 'bad_request', path: 'side', message: /given once/ },
  { route: 'GET /api/search', what: 'k=0', head: get('/api/search?q=a&k=0'), status: 400, code: 'bad_request', path: 'k' },
  { route: 'GET /api/search', what: 'an unknown parameter', head: get('/api/search?q=a&limit=3'), status: 400, code: 'bad_request', path: 'limit', message: /^unknown parameter "limit"$/ },
  { route: 'GET /api/search', what: 'an empty speaker', head: get('/api/search?q=a&speaker='), status: 400, code: 'bad_request', path: 'speaker', message: /^speaker must not be empty$/ },
  { route: 'GET /api/search', what: 'a blank speaker', head: get('/api/search?q=a&speaker=%20%20'), status: 400, code: 'bad_request', path: 'speaker', message: /^speaker must not be empty$/ },
  { route: 'GET /api/search', what: 'a 101-character speaker', head: get(`/api/search?q=a&speaker=${'s'.repeat(101)}`), status: 400, code: 'bad_request', path: 'speaker', message: /^speaker must be at most 100 characters$/ },
  { route: 'GET /api/search', what: 'a bad side', head: get('/api/search?q=a&side=ceo'), status: 400, code: 'bad_request', path: 'side', message: /side must be one of/ },
  { route: 'GET /api/search', what: 'an unknown speaker', head: get('/api/search?q=a&speaker=Nobody%20Atall'), status: 400, code: 'bad_request', path: 'speaker', message: /Nobody Atall/ },
  // POST /api/search
  { route: 'POST /api/search', what: 'malformed JSON', head: post(), body: '{"q":', status: 400, code: 'invalid_json', message: /^request body is not valid JSON$/ },
  { route: 'POST /api/search', what: 'a JSON array', head: post(), body: '[{"q":"a"}]', status: 400, code: 'invalid_json', message: /^request body must be a JSON object/ },
  { route: 'POST /api/search', what: 'a JSON string', head: post(), body: '"a"', status: 400, code: 'invalid_json', message: /^request body must be a JSON object/ },
  { route: 'POST /api/search', what: 'an unknown field', head: post(), body: '{"q":"a","limit":3}', status: 400, code: 'bad_request', path: 'limit', message: /^unknown field "limit"$/ },
  { route: 'POST /api/search', what: 'q "."', head: post(), body: '{"q":"."}', status: 400, code: 'empty_query', path: 'q' },
  { route: 'POST /api/search', what: 'q zero-width only', head: post(), body: '{"q":"\\u200b\\u200c\\u2060"}', status: 400, code: 'empty_query', path: 'q' },
  { route: 'POST /api/search', what: 'an empty speaker', head: post(), body: '{"q":"a","speaker":""}', status: 400, code: 'bad_request', path: 'speaker', message: /^speaker must not be empty$/ },
  { route: 'POST /api/search', what: 'a 101-character speaker', head: post(), body: JSON.stringify({ q: 'a', speaker: 's'.repeat(101) }), status: 400, code: 'bad_request', path: 'speaker', message: /at most 100/ },
  { route: 'POST /api/search', what: 'q an array', head: post(), body: '{"q":["a","b"]}', status: 400, code: 'bad_request', path: 'q' },
  { route: 'POST /api/search', what: 'a text/plain body', head: post('text/plain'), body: '{"q":"a"}', status: 415, code: 'unsupported_media_type' },
  { route: 'POST /api/search', what: 'charset=iso-8859-1', head: post('application/json; charset=iso-8859-1'), body: '{"q":"a"}', status: 415, code: 'unsupported_media_type' },
  { route: 'POST /api/search', what: 'an unknown Content-Encoding', head: { ...post(), headers: { ...json, 'Content-Encoding': 'rot13' } }, body: '{"q":"a"}', status: 415, code: 'unsupported_media_type' },
  { route: 'POST /api/search', what: 'a body over 16 KB', head: post(), body: JSON.stringify({ q: 'a', pad: 'x'.repeat(17_000) }), status: 413, code: 'payload_too_large' },
  // /api/passages/:id
  { route: 'GET /api/passages/:id', what: 'an unknown id', head: get('/api/passages/nope:1'), status: 404, code: 'not_found' },
  { route: 'GET /api/passages/:id', what: 'a malformed percent-encoding', head: get('/api/passages/%E0%A4%A'), status: 400, code: 'bad_request' },
  // /api/call, /api/transcript
  ...(['/api/call', '/api/transcript'] as const).flatMap((route): Row[] => [
    { route: `GET ${route}`, what: 'an unknown id', head: get(`${route}?id=nope`), status: 404, code: 'not_found' },
    { route: `GET ${route}`, what: 'id twice', head: get(`${route}?id=a&id=b`), status: 400, code: 'bad_request', path: 'id', message: /^id must be given once$/ },
    { route: `GET ${route}`, what: 'id twice, the second a real call', head: get(`${route}?id=nope&id=amzn-q4-2025`), status: 400, code: 'bad_request', path: 'id' },
    { route: `GET ${route}`, what: 'an empty id', head: get(`${route}?id=`), status: 400, code: 'bad_request', path: 'id' },
    { route: `GET ${route}`, what: 'an unknown parameter', head: get(`${route}?call=amzn-q4-2025`), status: 400, code: 'bad_request', path: 'call', message: /unknown parameter "call"/ },
  ]),
  // Anything else under /api
  { route: 'GET /api/*', what: 'an unknown route', head: get('/api/nope'), status: 404, code: 'not_found' },
  { route: 'DELETE /api/search', what: 'an unsupported method', head: { method: 'DELETE', path: '/api/search' }, status: 404, code: 'not_found' },
  // Static files
  { route: 'GET /styles.css', what: 'a Range past the end', head: get('/styles.css', { Range: 'bytes=999999-' }), status: 416, code: 'range_not_satisfiable' },
  { route: 'GET /js', what: 'a folder without its slash', head: get('/js'), status: 404, code: 'not_found' },
  { route: 'GET /js/', what: 'a folder', head: get('/js/'), status: 404, code: 'not_found' },
  { route: 'GET /*', what: 'a missing page', head: get('/no-such-page'), status: 404, code: 'not_found' },
  // Host (every route): a loopback-bound server answers loopback names only; HTTP/1.1 needs a Host
  { route: 'GET /api/health', what: 'a foreign Host', head: get('/api/health', { Host: 'evil.example' }), status: 421, code: 'misdirected_request' },
  { route: 'GET /', what: 'a foreign Host with a port', head: get('/', { Host: 'evil.example:3000' }), status: 421, code: 'misdirected_request' },
  { route: 'GET /api/search', what: 'a foreign Host on a good search', head: get('/api/search?q=AWS', { Host: 'rebind.attacker.test' }), status: 421, code: 'misdirected_request' },
  { route: 'GET /api/health', what: 'HTTP/1.1 with no Host', head: { method: 'GET', path: '/api/health', noHost: true }, status: 400, code: 'bad_request', message: /Host/ },
];

describe('the error contract, route by route', () => {
  it.each(ROWS.map((r) => [`${r.route} — ${r.what} → ${r.status} ${r.code}`, r] as const))('%s', async (_name, row) => {
    const res = await rawRequest(server.port, row.head, row.body);
    expect(res.status, res.body.slice(0, 300)).toBe(row.status);
    expect(res.headers['content-type']).toMatch(/^application\/json; charset=utf-8$/);
    const body = ErrorResponse.parse(JSON.parse(res.body));
    expect(body.error.code).toBe(row.code);
    expect(body.error.message.length).toBeGreaterThan(0);
    if (row.message) expect(body.error.message).toMatch(row.message);
    if (row.path) expect(body.error.details?.map((d) => d.path)).toContain(row.path);
    // "(body)" only ever names a JSON body's root, never a query string's problem.
    if (row.head.method === 'GET') expect(JSON.stringify(body.error.details ?? [])).not.toContain('(body)');
    expect(res.body).not.toMatch(LEAK);
    // Nothing of a representation the error replaced.
    for (const h of ['etag', 'last-modified', 'location']) expect(res.headers[h], h).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('the same requests done right are answered (the table tests the errors, not a broken route)', async () => {
    const ok = async (head: RawHead, body?: string) => (await rawRequest(server.port, head, body)).status;
    expect(await ok(get('/api/search?q=AWS&k=1'))).toBe(200);
    expect(await ok(post(), '{"q":"AWS","k":1}')).toBe(200);
    expect(await ok(post('application/json; charset=utf-8'), '{"q":"AWS","k":1}')).toBe(200);
    expect(await ok(get('/api/call?id=amzn-q4-2025'))).toBe(200);
    expect(await ok(get('/api/transcript?id=amzn-q4-2025'))).toBe(200);
    expect(await ok(get('/api/passages/amzn-q4-2025:0'))).toBe(200);
    const range = await rawRequest(server.port, get('/styles.css', { Range: 'bytes=0-9' }));
    expect([range.status, range.headers['content-type']]).toEqual([206, 'text/css; charset=utf-8']);
    expect(await ok(get('/js/main.js'))).toBe(200);
    for (const host of ['localhost', 'localhost:3000', '127.0.0.1', '127.8.9.10:80', '[::1]:3000', 'app.localhost']) {
      expect(await ok(get('/api/health', { Host: host })), host).toBe(200);
    }
    // HTTP/1.0 may leave Host out.
    expect(await ok({ method: 'GET', path: '/api/health', version: '1.0', noHost: true })).toBe(200);
  });
});
