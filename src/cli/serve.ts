import path from 'node:path';
import { Command } from 'commander';
import { closeAllModels, modelIdFor, preloadEmbedder, quantizedFromEnv } from '../model/embedder.js';
import type { SearchService } from '../service/open-service.js';
import { isEntryModule, runCommand } from './run-command.js';

/** In-flight requests get this long to finish after SIGTERM/SIGINT before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;
/** How often a server started by npm checks that npm is still there. */
const PARENT_CHECK_MS = 500;
/** Request log lines are written once this much has gathered, or this often (see serve()). */
const REQUEST_LOG_BUFFER = 4096;
const REQUEST_LOG_FLUSH_MS = 250;

/** Settings given as flags win over the environment (both go through the same validation). */
export interface ServeFlags {
  host?: string;
  port?: string;
}

/** Stop the model process (after the calls in progress), then exit. */
async function exitCleanly(code: number): Promise<never> {
  await closeAllModels().catch(() => {});
  process.exit(code);
}

export async function runServer(flags: ServeFlags = {}): Promise<void> {
  try {
    await serve(flags);
  } catch (err) {
    // The caller reports the error and exits: stop the model process first.
    await closeAllModels().catch(() => {});
    throw err;
  }
}

async function serve(flags: ServeFlags): Promise<void> {
  // A signal while the server is still being imported is handled once it can be (below).
  let early: NodeJS.Signals | null = null;
  const onEarlySignal = (signal: NodeJS.Signals) => void (early ??= signal);
  process.on('SIGTERM', onEarlySignal);
  process.on('SIGINT', onEarlySignal);
  // Cold start: the model loads in its own process while the rest of the server is imported and
  // started (MODEL_WEIGHTS is validated with the rest of the configuration below).
  preloadEmbedder({ quantized: quantizedFromEnv() });
  const [{ pino }, { listTranscripts }, { createApp }, { readConfig }, { startHttpServer }, { openSearchService }, { failAndExit }, { buildProgressReporter, formatBuildSummary }, { LoadingState }, { hostPolicy }, { BuildInterruptedError }] =
    await Promise.all([
      import('pino'),
      import('../index/layout.js'),
      import('../server/app.js'),
      import('../server/config.js'),
      import('../server/http-server.js'),
      import('../service/open-service.js'),
      import('./fail.js'),
      import('./progress.js'),
      import('../server/loading-state.js'),
      import('../server/host-check.js'),
      import('../index/build-interrupt.js'),
    ]);
  const config = readConfig({ ...process.env, ...(flags.host ? { HOST: flags.host } : {}), ...(flags.port ? { PORT: flags.port } : {}) });
  const logger = pino({ level: config.LOG_LEVEL });
  // One line per request, written off the answering thread: buffered and written asynchronously
  // (flushed every REQUEST_LOG_FLUSH_MS, and on exit by pino), where a synchronous write per search
  // cost the event loop ~0.5 ms (and a wake-up of whatever reads stdout). Lifecycle lines stay immediate.
  const requestLogger = pino({ level: config.LOG_LEVEL }, pino.destination({ dest: 1, sync: false, minLength: REQUEST_LOG_BUFFER, periodicFlush: REQUEST_LOG_FLUSH_MS }));
  let service: SearchService | null = null;
  const quantized = config.MODEL_WEIGHTS === 'int8';
  const loading = new LoadingState();

  const app = createApp({
    engine: () => service?.engine ?? null,
    loading: () => loading.snapshot(),
    model: () => service?.model() ?? null,
    refusal: (q) => service?.refusal(q) ?? null,
    config,
    logger,
    requestLogger,
    modelId: modelIdFor(quantized),
  });
  const http = startHttpServer(app, config.PORT, config.HOST);
  http.listening.then(
    ({ port }) => {
      logger.info({ url: `http://${config.HOST}:${port}` }, 'listening; loading model and index');
      if (hostPolicy(config.HOST, config.ALLOWED_HOSTS).allowed === null && config.ALLOWED_HOSTS.length === 0) {
        logger.warn(`bound to ${config.HOST} with no ALLOWED_HOSTS: any Host name is answered; set ALLOWED_HOSTS to the names teammates use`);
      }
    },
    (err: NodeJS.ErrnoException) => {
      const hint = err.code === 'EADDRINUSE' ? ` (port ${config.PORT} is taken; set PORT=...)` : '';
      void closeAllModels()
        .catch(() => {})
        .then(() => failAndExit(new Error(`cannot listen on ${config.HOST}:${config.PORT}: ${err.message}${hint}`)));
    },
  );

  const opening = new AbortController();
  const progress = buildProgressReporter();
  const started = performance.now();
  const opened: Promise<SearchService> = (async () => {
    const sources = await listTranscripts(config.TRANSCRIPTS_DIR ? path.resolve(config.TRANSCRIPTS_DIR) : undefined);
    return openSearchService({
      indexDir: config.INDEX_DIR ? path.resolve(config.INDEX_DIR) : undefined,
      sources,
      quantized,
      maxQueueTokens: config.QUEUE_MAX_TOKENS,
      signal: opening.signal,
      onRebuild: (reason) => logger.warn({ reason: reason.reason }, `index unusable (${reason.message}); building it now`),
      onProgress: (p) => {
        loading.update(p);
        progress.onProgress(p);
      },
      onBuilt: (summary) => {
        progress.stop();
        loading.update({ phase: 'loading', done: 0, total: 0 });
        logger.info(formatBuildSummary(summary));
      },
    });
  })();

  // SIGTERM/SIGINT in any phase (loading, building the index, serving): stop the build at its next
  // step (nothing published, the previous index in force), answer the requests in flight, stop the
  // model process once its call in progress returns, exit 0.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return void logger.info({ signal }, 'already shutting down');
    stopping = true;
    logger.info({ signal }, service ? 'shutting down: finishing in-flight requests' : 'shutting down: stopping the start-up (and any index build)');
    opening.abort();
    const force = setTimeout(() => {
      logger.warn('grace period over; closing remaining connections');
      http.server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    void http
      .close(() => logger.info('no longer accepting connections'))
      .then(() => opened.catch(() => {}))
      .then(async () => {
        await service?.close();
        await closeAllModels();
        // The requests' lines first: 'stopped' is the last line.
        await new Promise<void>((resolve) => requestLogger.flush(() => resolve()));
        logger.info('stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        void exitCleanly(1);
      });
  };
  process.off('SIGTERM', onEarlySignal);
  process.off('SIGINT', onEarlySignal);
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // `npm start` stopped with SIGTERM exits without passing the signal on: a server it started
  // would keep serving as an orphan. Under npm, the parent going away is a shutdown too.
  if (process.env.npm_lifecycle_event) {
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) shutdown('parent exited');
    }, PARENT_CHECK_MS).unref();
  }
  // Started by a supervising parent with an IPC channel (npm run bench): answer its questions about the model queue.
  if (process.send) {
    process.on('message', (m: { type?: string }) => {
      if (m?.type === 'stats') process.send?.({ type: 'stats', batchSizes: service?.batcher.batchSizes ?? null, model: service?.model() ?? null });
    });
    process.channel?.unref();
  }

  if (early) shutdown(early);
  try {
    service = await opened;
  } catch (err) {
    progress.stop();
    // Stopped on request: the shutdown above finishes the job.
    if (stopping && (err instanceof BuildInterruptedError || opening.signal.aborted)) return;
    throw err;
  }
  if (stopping) return;
  // A library file that cannot be read is skipped, not fatal: say which and why (also in /api/health).
  for (const r of service.engine.index.manifest.rejected) logger.warn({ file: r.path, error: r.error }, `transcript skipped: ${r.path}`);
  const { port } = await http.listening;
  logger.info({ passages: service.engine.index.passages.length, ms: Math.round(performance.now() - started) }, `ready: http://${config.HOST}:${port}`);
}

export function createServeCommand(): Command {
  return new Command('serve')
    .description('Serve the web page and the HTTP API (settings from the environment: HOST, PORT, ALLOWED_HOSTS, … — see the README).')
    .option('--host <host>', 'interface to bind (overrides HOST)')
    .option('--port <port>', 'port (overrides PORT)')
    .action((flags: ServeFlags) => runServer(flags));
}

if (isEntryModule(import.meta.url)) runCommand(new Command().addCommand(createServeCommand(), { isDefault: true }));
