/**
 * The HTTP server around the express app: what `npm start` runs, and what the hardening tests
 * start. Two things express cannot do itself:
 *
 * - Requests Node's HTTP parser refuses before express sees them (malformed syntax, a request
 *   line or headers over 16 KB) get a JSON error like every other error, not an empty reply.
 * - Shutdown drains: requests sent before the signal are answered, keep-alive connections are
 *   closed as they go idle, and after a short drain window new connections are refused.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Express } from 'express';
import type { ErrorCode, ErrorResponse } from '../api/schemas.js';

function rawJsonError(socket: Socket, status: number, code: ErrorCode, message: string): void {
  const body = JSON.stringify({ error: { code, message } } satisfies ErrorResponse);
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      'X-Content-Type-Options: nosniff\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

function onClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  // A reset or a timed-out idle socket: nobody to answer.
  if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  if (err.code === 'HPE_HEADER_OVERFLOW') return rawJsonError(socket, 431, 'bad_request', 'the request line or headers are too large (16 KB at most)');
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return rawJsonError(socket, 408, 'timeout', 'the request was not received in time');
  rawJsonError(socket, 400, 'bad_request', 'malformed HTTP request');
}

/** A closing server keeps accepting until no connection or request has arrived for this long (see close()). */
export const DRAIN_MS = 250;
/** ...but for no longer than this, so a steady stream of new clients cannot hold a shutdown open. */
export const MAX_DRAIN_MS = 3_000;

export interface RunningServer {
  server: http.Server;
  /** Resolves with the bound address once listening; rejects if the port cannot be bound. */
  listening: Promise<AddressInfo>;
  /**
   * Stop accepting connections, let in-flight requests finish, close keep-alive connections as
   * they go idle. `stopped` is called once new connections are refused; the promise resolves
   * when the last connection is closed.
   */
  close(stopped?: () => void): Promise<void>;
}

export function startHttpServer(app: Express, port: number, host: string): RunningServer {
  // Node's own missing-Host check answers with an empty 400; the app answers it in JSON (host-check.ts).
  const server = http.createServer({ requireHostHeader: false }, app);
  server.on('clientError', onClientError);
  let closing = false;
  // Once closing, every response still to be sent ends its connection (Connection: close), so
  // keep-alive connections do not hold the shutdown open. (Not closeIdleConnections() as each
  // response goes out: to Node a connection whose request is not parsed yet is idle too.)
  const unsent = new Set<http.ServerResponse>();
  let lastArrival = performance.now();
  server.on('connection', () => (lastArrival = performance.now()));
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    lastArrival = performance.now();
    if (closing) return void res.setHeader('Connection', 'close');
    unsent.add(res);
    res.once('close', () => unsent.delete(res));
  });
  const listening = new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
  server.listen(port, host);
  let closed: Promise<void> | null = null;
  return {
    server,
    listening,
    close(stopped) {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        for (const res of unsent) if (!res.headersSent) res.setHeader('Connection', 'close');
        // Keep accepting for a moment first. A request its client sent just before the signal
        // may not have reached this process yet: on a busy machine the kernel can take a while
        // to hand over a loopback connection, and to Node a connection whose request is not read
        // yet is idle, so closing at once would reset it. Stop only once arrivals have been quiet
        // for DRAIN_MS, checked after the poll phase (setImmediate) so that connections waiting
        // while the loop was busy have been accepted and read first.
        const begun = performance.now();
        const settle = () =>
          setImmediate(() => {
            const now = performance.now();
            if (now - lastArrival < DRAIN_MS && now - begun < MAX_DRAIN_MS) return void setTimeout(settle, DRAIN_MS - (now - lastArrival));
            if (!server.listening) return resolve();
            server.close(() => resolve());
            stopped?.();
          });
        setTimeout(settle, DRAIN_MS);
      });
      return closed;
    },
  };
}
