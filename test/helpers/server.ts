import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp, type AppDeps } from '../../src/server/app.js';
import { readConfig, type ServerConfig } from '../../src/server/config.js';
import type { SearchService } from '../../src/service/open-service.js';
import { testService } from './service.js';

export interface TestServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Overrides of the server settings (rate limit, timeout, hosts); the defaults are the real ones, with a timeout generous enough for a loaded CI box. */
  config?: Partial<Pick<ServerConfig, 'RATE_LIMIT' | 'RATE_LIMIT_WINDOW_MS' | 'REQUEST_TIMEOUT_MS' | 'ALLOWED_HOSTS' | 'TRUST_PROXY'>>;
  /** Asked on every request: false serves no engine yet (the server is still loading). */
  ready?: () => boolean;
  /** Loading progress reported while not ready. */
  loading?: AppDeps['loading'];
  /** Another library's service (e.g. libraryService()); default: the shared test index. */
  service?: SearchService;
}

/**
 * The real app (real model, real index from global setup) on 127.0.0.1, a free port, silent logs.
 * close() stops the HTTP server only: the model and index are shared by the test file's worker
 * (see testService) and released when it exits.
 */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const service = opts.service ?? (await testService());
  const config = { ...readConfig({ REQUEST_TIMEOUT_MS: '30000' }), ...opts.config };
  const app = createApp({
    engine: () => (opts.ready?.() === false ? null : service.engine),
    loading: opts.loading,
    config,
    logger: pino({ level: 'silent' }),
    modelId: service.embedder.modelId,
    model: () => service.model(),
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1');
    s.once('listening', () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
