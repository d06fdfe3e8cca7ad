import { randomUUID } from 'node:crypto';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { HealthResponse, SearchBody, SearchQuery } from '../api/schemas.js';
import { REPO_ROOT } from '../model/model-files.js';
import type { SearchEngine } from '../search/engine.js';
import { UnknownSpeakerError } from '../search/interpret/query-plan.js';
import type { ServerConfig } from './config.js';
import { sendError, sendValidationError } from './errors.js';
import { buildOpenApiDocument } from './openapi.js';

export const PUBLIC_DIR = path.join(REPO_ROOT, 'public');
/** Bodies beyond this are refused with 413; a search request is a few hundred bytes. */
export const BODY_LIMIT = '16kb';

export interface AppDeps {
  /** null while the model or index is still loading: /api/health answers 503. */
  engine: () => SearchEngine | null;
  config: Pick<ServerConfig, 'RATE_LIMIT' | 'RATE_LIMIT_WINDOW_MS' | 'REQUEST_TIMEOUT_MS'>;
  logger: Logger;
  modelId: string;
  version?: string;
}

/** Wrap an async handler so a rejection reaches the error middleware (express 5 does this too; explicit for clarity). */
type Handler = (req: Request, res: Response) => Promise<void> | void;

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API answers: hashing every search response costs time and no client revalidates one
  // (static files keep theirs: express.static sets its own).
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      // Keep log lines short: method, url, status, latency and request id are what an operator needs.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], objectSrc: ["'none'"], baseUri: ["'none'"], frameAncestors: ["'none'"] },
      },
    }),
  );

  // A stuck request gets a JSON 503 instead of hanging the client.
  app.use((_req, res, next) => {
    const timer = setTimeout(() => sendError(res, 503, 'timeout', `request took longer than ${deps.config.REQUEST_TIMEOUT_MS} ms`), deps.config.REQUEST_TIMEOUT_MS);
    res.on('close', () => clearTimeout(timer));
    next();
  });

  const api = express.Router();
  api.use(
    rateLimit({
      windowMs: deps.config.RATE_LIMIT_WINDOW_MS,
      limit: deps.config.RATE_LIMIT,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) => sendError(res, 429, 'rate_limited', 'too many requests; slow down and retry shortly'),
    }),
  );
  // Only JSON bodies: a text/plain or form POST (which browsers send cross-site without a
  // preflight) is refused rather than parsed.
  api.post('/{*path}', (req, res, next) => {
    if (req.headers['content-length'] === '0' || (!req.headers['content-type'] && !req.headers['transfer-encoding'])) return next();
    if (!req.is(['application/json', '+json'])) return sendError(res, 415, 'unsupported_media_type', 'send the request body as application/json');
    next();
  });
  api.use(express.json({ limit: BODY_LIMIT, strict: true, type: ['application/json', '+json'] }));

  const ready = (res: Response): SearchEngine | null => {
    const engine = deps.engine();
    if (!engine) sendError(res, 503, 'unavailable', 'the model and index are still loading');
    return engine;
  };

  const search = (source: 'query' | 'body'): Handler => async (req, res) => {
    const parsed = source === 'query' ? SearchQuery.safeParse(req.query) : SearchBody.safeParse(req.body ?? {});
    if (!parsed.success) return sendValidationError(res, parsed.error);
    const engine = ready(res);
    if (!engine) return;
    try {
      const found = await engine.search(parsed.data);
      // The request timeout may have answered 503 meanwhile (or the client gone): nothing left to send.
      if (res.headersSent || res.writableEnded) return;
      res.json(found);
    } catch (err) {
      if (res.headersSent) return;
      if (err instanceof UnknownSpeakerError) return sendError(res, 400, 'bad_request', err.message, [{ path: 'speaker', message: err.message }]);
      throw err;
    }
  };

  api.get('/health', (_req, res) => {
    const engine = ready(res);
    if (!engine) return;
    const body: HealthResponse = { status: 'ok', model: deps.modelId, passages: engine.index.passages.length, calls: engine.index.calls.map((c) => c.meta.id) };
    res.json(body);
  });
  api.get('/search', search('query'));
  // GET has no body; only POST parses one (and a GET with a JSON body is simply ignored).
  api.post('/search', search('body'));
  api.get('/passages/:id', (req, res) => {
    const engine = ready(res);
    if (!engine) return;
    const found = engine.passage(String(req.params.id));
    if (!found) return sendError(res, 404, 'not_found', `no passage with id "${String(req.params.id).slice(0, 100)}"`);
    res.json(found);
  });
  const callIdOf = (req: Request): string | undefined => (typeof req.query.id === 'string' ? req.query.id : undefined);
  api.get('/call', (req, res) => {
    const engine = ready(res);
    if (!engine) return;
    const id = callIdOf(req);
    const call = engine.calls().find((c) => id === undefined || c.id === id);
    if (!call) return sendError(res, 404, 'not_found', `no call with id "${String(id).slice(0, 100)}"`);
    res.json(call);
  });
  api.get('/transcript', (req, res) => {
    const engine = ready(res);
    if (!engine) return;
    const transcript = engine.transcript(callIdOf(req));
    if (!transcript) return sendError(res, 404, 'not_found', `no call with id "${String(callIdOf(req)).slice(0, 100)}"`);
    res.json(transcript);
  });
  const openapi = buildOpenApiDocument(deps.version ?? '0.1.0');
  api.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  api.use((req, res) => sendError(res, 404, 'not_found', `no API route ${req.method} ${req.path.slice(0, 200)}`));

  app.use('/api', api);
  app.use(express.static(PUBLIC_DIR, { index: 'index.html', fallthrough: true, dotfiles: 'ignore' }));
  app.use((_req, res) => sendError(res, 404, 'not_found', 'not found'));

  // Last line of defence: body-parser errors become 4xx; anything else is our fault, reported without internals.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = err as { type?: string; status?: number; statusCode?: number };
    if (e?.type === 'entity.parse.failed') return sendError(res, 400, 'invalid_json', 'request body is not valid JSON');
    if (e?.type === 'entity.too.large') return sendError(res, 413, 'payload_too_large', `request body is larger than ${BODY_LIMIT}`);
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) return sendError(res, status, 'bad_request', 'bad request');
    req.log?.error({ err }, 'unhandled error');
    sendError(res, 500, 'internal', 'internal error');
  });
  return app;
}
