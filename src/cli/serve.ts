import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pino } from 'pino';
import { listTranscripts } from '../index/layout.js';
import { createApp } from '../server/app.js';
import { readConfig } from '../server/config.js';
import { openSearchService, type SearchService } from '../service/open-service.js';
import { failAndExit } from './fail.js';
import { buildProgressReporter, formatBuildSummary } from './progress.js';

/** In-flight requests get this long to finish after SIGTERM/SIGINT before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = readConfig();
  const logger = pino({ level: config.LOG_LEVEL });
  let service: SearchService | null = null;
  const quantized = config.MODEL_WEIGHTS === 'int8';

  const app = createApp({ engine: () => service?.engine ?? null, config, logger, modelId: quantized ? 'all-MiniLM-L6-v2-int8' : 'all-MiniLM-L6-v2' });
  const server = app.listen(config.PORT, config.HOST);
  server.on('error', (err: NodeJS.ErrnoException) => {
    const hint = err.code === 'EADDRINUSE' ? ` (port ${config.PORT} is taken; set PORT=...)` : '';
    failAndExit(new Error(`cannot listen on ${config.HOST}:${config.PORT}: ${err.message}${hint}`));
  });
  server.on('listening', () => {
    const { port } = server.address() as AddressInfo;
    logger.info({ url: `http://${config.HOST}:${port}` }, 'listening; loading model and index');
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.warn('grace period over; closing remaining connections');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(async () => {
      await service?.close();
      logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const progress = buildProgressReporter();
  const started = performance.now();
  const sources = await listTranscripts(config.TRANSCRIPTS_DIR ? path.resolve(config.TRANSCRIPTS_DIR) : undefined);
  service = await openSearchService({
    indexDir: config.INDEX_DIR ? path.resolve(config.INDEX_DIR) : undefined,
    sources,
    quantized,
    onRebuild: (reason) => logger.warn({ reason: reason.reason }, `index unusable (${reason.message}); building it now`),
    onProgress: progress.onProgress,
    onBuilt: (summary) => {
      progress.stop();
      logger.info(formatBuildSummary(summary));
    },
  });
  if (stopping) return;
  const { port } = server.address() as AddressInfo;
  logger.info({ passages: service.engine.index.passages.length, ms: Math.round(performance.now() - started) }, `ready: http://${config.HOST}:${port}`);
}

main().catch((err) => failAndExit(err));
