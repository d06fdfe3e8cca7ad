/**
 * The real app on the real HTTP server over the real model and index, with a micro-batcher of the
 * test's own (so each test sets its queue bound and reads its own counters).
 */
import net from 'node:net';
import { pino } from 'pino';
import { MicroBatcher, type MicroBatcherOptions } from '../../src/model/micro-batcher.js';
import { SearchEngine } from '../../src/search/engine.js';
import { directoryOf } from '../../src/search/interpret/library-directory.js';
import { createApp } from '../../src/server/app.js';
import { readConfig, type ServerConfig } from '../../src/server/config.js';
import { startHttpServer } from '../../src/server/http-server.js';
import type { SearchService } from '../../src/service/open-service.js';
import { testService } from '../helpers/service.js';

export interface QueueServer {
  port: number;
  service: SearchService;
  batcher: MicroBatcher;
  /** Texts that reached the model through this server's batcher so far. */
  embedded(): number;
  close(): Promise<void>;
}

export async function startQueueServer(batcherOpts: MicroBatcherOptions = {}, env: Partial<Record<keyof ServerConfig, string>> = {}): Promise<QueueServer> {
  const service = await testService();
  const batcher = new MicroBatcher((texts) => service.embedder.embed(texts), batcherOpts);
  const { index } = service.engine;
  const engine = new SearchEngine({ index, directory: directoryOf(index), embedQuery: (t, signal) => batcher.embed(t, { signal }) });
  const config = readConfig({ REQUEST_TIMEOUT_MS: '30000', ...env });
  const app = createApp({
    engine: () => engine,
    model: () => ({ ...service.embedder.status(), queue: batcher.stats() }),
    refusal: (q) => service.embedder.unavailable() ?? batcher.refusal(q),
    config,
    logger: pino({ level: 'silent' }),
    modelId: service.embedder.modelId,
  });
  const running = startHttpServer(app, 0, '127.0.0.1');
  const { port } = await running.listening;
  return {
    port,
    service,
    batcher,
    embedded: () => batcher.batchSizes.reduce((a, b) => a + b, 0),
    close: async () => {
      running.server.closeAllConnections();
      await running.close();
    },
  };
}

/** Write one GET and close the socket at once, without reading the answer (a client that gave up). */
export function getAndHangUp(port: number, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`, () => {
        socket.destroy();
        resolve();
      });
    });
    socket.on('error', reject);
  });
}

/** ~500 characters of an analyst's question, different for each `i` (identical texts would share one embedding). */
export function longQuery(i: number): string {
  const base =
    `Question ${i}: could you walk us through how you think about AWS capacity additions over the next several quarters, ` +
    'including power, custom chips like Trainium and the data center build-out, and how that capital intensity affects ' +
    'free cash flow and operating margin, especially given the backlog growth you mentioned and the pricing environment ' +
    'for generative AI workloads compared with more traditional compute and storage demand from enterprise customers?';
  return base.slice(0, 500);
}

/** Resolves once `n` searches have been through the queue (embedded, dropped or refused) and nothing waits or runs. */
export async function queueSettled(server: QueueServer, n: number): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    const s = server.batcher.stats();
    if (server.embedded() + s.cancelled + s.rejected >= n && s.waiting === 0 && s.inFlight === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${n} searches did not get through the queue: ${server.embedded()} embedded, ${JSON.stringify(server.batcher.stats())}`);
}

/** Resolves once nothing waits for, or runs on, the model. */
export async function queueDrained(batcher: MicroBatcher): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    const s = batcher.stats();
    if (s.waiting === 0 && s.inFlight === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the model queue did not drain: ${JSON.stringify(batcher.stats())}`);
}
