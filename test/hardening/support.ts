/**
 * Shared by the hardening tests: the real app on the real HTTP server (what `npm start` runs),
 * and an HTTP client that sends bytes exactly as given (fetch and supertest normalise paths,
 * encode strings and refuse malformed ones, which is what these tests must not do).
 */
import net from 'node:net';
import { pino, type Logger } from 'pino';
import { createApp, type AppDeps } from '../../src/server/app.js';
import { readConfig, type ServerConfig } from '../../src/server/config.js';
import { startHttpServer, type RunningServer } from '../../src/server/http-server.js';
import type { SearchEngine } from '../../src/search/engine.js';
import { testService } from '../helpers/service.js';

export interface HardeningServer {
  port: number;
  running: RunningServer;
  close(): Promise<void>;
}

export interface HardeningServerOptions {
  /** Settings as environment strings, read through the real config schema. */
  env?: Partial<Record<keyof ServerConfig, string>>;
  logger?: Logger;
  /** Replace the engine (the request-timeout test wraps the real one); null: still loading. */
  engine?: (real: SearchEngine) => SearchEngine | null;
  /** Asked on every request: false serves no engine (the server is still loading). */
  ready?: () => boolean;
  /** Loading progress to report while no engine is served. */
  loading?: AppDeps['loading'];
}

/** The real app (real model and index from global setup) behind startHttpServer, on 127.0.0.1. */
export async function startHardeningServer(opts: HardeningServerOptions = {}): Promise<HardeningServer> {
  const service = await testService();
  const engine = opts.engine ? opts.engine(service.engine) : service.engine;
  // A timeout generous enough for a loaded 2-core box, unless the test sets one.
  const config = readConfig({ REQUEST_TIMEOUT_MS: '30000', ...opts.env });
  const deps: AppDeps = { engine: () => (opts.ready?.() === false ? null : engine), loading: opts.loading, config, logger: opts.logger ?? pino({ level: 'silent' }), modelId: service.embedder.modelId, model: () => service.model() };
  const running = startHttpServer(createApp(deps), 0, '127.0.0.1');
  const { port } = await running.listening;
  return {
    port,
    running,
    close: async () => {
      running.server.closeAllConnections();
      await running.close();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Send one request, bytes as given, on a fresh connection, and read the whole response
 * (`Connection: close`, so the server ends it). The request line and headers are written
 * verbatim: no normalising of `..`, no re-encoding.
 */
export interface RawHead {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** HTTP version of the request line (default 1.1). */
  version?: '1.0' | '1.1';
  /** Send no Host header at all (by default one naming 127.0.0.1:<port> is added). */
  noHost?: boolean;
}

export function rawRequest(port: number, head: RawHead, body?: Buffer | string, timeoutMs = 60_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no response to ${head.method} ${head.path.slice(0, 80)} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      try {
        resolve(parseResponse(Buffer.concat(chunks)));
      } catch (err) {
        reject(err);
      }
    });
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    const headers: Record<string, string> = { ...(head.noHost ? {} : { Host: `127.0.0.1:${port}` }), Connection: 'close', ...head.headers };
    if (payload && !Object.keys(headers).some((h) => /^(content-length|transfer-encoding)$/i.test(h))) headers['Content-Length'] = String(payload.length);
    const lines = [`${head.method} ${head.path} HTTP/${head.version ?? '1.1'}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    socket.write(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload ?? Buffer.alloc(0)]));
  });
}

function parseResponse(raw: Buffer): RawResponse {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) throw new Error(`not an HTTP response: ${JSON.stringify(raw.toString('latin1').slice(0, 200))}`);
  const [statusLine, ...headerLines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = raw.subarray(end + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  return { status, headers, body: body.toString('utf8') };
}

function dechunk(data: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (let guard = 0; guard < 100_000 && at < data.length; guard++) {
    const lineEnd = data.indexOf('\r\n', at);
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    out.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(out);
}

/** What must never reach a client: stack frames, source paths, dependency internals. */
export const LEAK = /\n\s+at \S|\.ts:\d+:\d+|\.js:\d+:\d+|node_modules|\/work\/|\/home\/|file:\/\//;
