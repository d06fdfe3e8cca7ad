import { randomUUID } from 'node:crypto';
import path from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { CallListQuery, CallQuery, HealthResponse, SearchBody, SearchQuery, type CallListResponse, type HealthLoading, type LoadingProgress, type ModelStateView } from '../api/schemas.js';
import { ModelUnavailableError } from '../model/model-errors.js';
import { REPO_ROOT } from '../model/model-files.js';
import type { SearchEngine } from '../search/engine.js';
import { UnknownScopeError } from '../search/interpret/call-scope.js';
import { UnknownSpeakerError } from '../search/interpret/query-plan.js';
import type { ServerConfig } from './config.js';
import { sendError, sendValidationError } from './errors.js';
import { hostCheck, hostPolicy } from './host-check.js';
import { describeLoading } from './loading-state.js';
import { requestDeadline, requestSignal, sendModelUnavailable } from './request-abort.js';
import { isSearchUrl, runInOrder, sendJson } from './search-fast-path.js';
import { securityHeaders } from './security-headers.js';
import type { ModelReport } from '../service/open-service.js';

export const PUBLIC_DIR = path.join(REPO_ROOT, 'public');
/** Bodies beyond this are refused with 413; a search request is a few hundred bytes. */
export const BODY_LIMIT = '16kb';

export interface AppDeps {
  /** null while the model or index is still loading: /api/health answers 503. */
  engine: () => SearchEngine | null;
  /** While engine() is null: how far loading (or the index build) has got, for /api/health. */
  loading?: () => LoadingProgress;
  config: Pick<ServerConfig, 'RATE_LIMIT' | 'RATE_LIMIT_WINDOW_MS' | 'REQUEST_TIMEOUT_MS' | 'HOST' | 'ALLOWED_HOSTS' | 'TRUST_PROXY'>;
  logger: Logger;
  /** Where each request's log line goes (default: `logger`); the server gives it a buffered one (see serve.ts). */
  requestLogger?: Logger;
  modelId: string;
  /** The model process's state and its queue, for /api/health (absent: health reports no model_state). */
  model?: () => ModelReport | null;
  /** Why the model would refuse a search for `q` now (restarting, queue full), checked before the search starts. */
  refusal?: (q: string) => ModelUnavailableError | null;
  version?: string;
}

function modelStateView(m: ModelReport): ModelStateView {
  const q = m.queue;
  return {
    state: m.state,
    pid: m.pid,
    restarts: m.restarts,
    last_error: m.lastError,
    queue: {
      waiting: q.waiting,
      waiting_tokens: q.waitingTokens,
      in_flight: q.inFlight,
      max_tokens: q.maxQueueTokens,
      rejected: q.rejected,
      cancelled: q.cancelled,
      abandoned: q.abandoned,
      tokens_per_second: q.tokensPerSecond,
    },
  };
}

/** Wrap an async handler so a rejection reaches the error middleware (express 5 does this too; explicit for clarity). */
type Handler = (req: Request, res: Response) => Promise<void> | void;

/** Seconds a client is told to wait (Retry-After) before asking again while the server loads. */
const LOADING_RETRY_AFTER_S = 1;

/** invalid_json for a body that parses but is no object. */
const NOT_AN_OBJECT = 'request body must be a JSON object ({"q": …})';
/** Whether a body the strict parser refused is JSON all the same (a string, number, null): no object, not malformed. */
function isJson(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

/** Marks a response as one a client is expected to get (a 503 while loading): logged at info, as the routine it is. */
const markExpected = (res: Response) => (res.locals.expected = true);

/**
 * pino-http invents an Error (with pino-http's own stack) for every 5xx it logs. That stack says
 * nothing about the request; the status and message do. Real errors keep theirs.
 */
const SYNTHETIC_STATUS_ERROR = /^failed with status code \d+$/;
function serializeError(err: Error & { type?: string }): object {
  if (SYNTHETIC_STATUS_ERROR.test(err.message)) return { message: err.message };
  return { type: err.type ?? err.name, message: err.message, stack: err.stack };
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API answers: hashing every search response costs time and no client revalidates one
  // (static files keep theirs: express.static sets its own).
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.config.TRUST_PROXY);

  const logging = pinoHttp({
    logger: deps.requestLogger ?? deps.logger,
    genReqId: (req, res) => {
      const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => {
      if ((res as unknown as Response).locals?.expected) return 'info';
      return err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
    },
    // Keep log lines short: method, url, status, latency and request id are what an operator needs.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: serializeError,
    },
  });
  // Every request passes these, in this order (the search fast path below included): the request
  // log, security headers, the host check, and the deadline (a stuck request gets a JSON 503
  // instead of hanging the client; work for a request nobody awaits any more is dropped).
  const everyRequest: RequestHandler[] = [logging, securityHeaders(), hostCheck(hostPolicy(deps.config.HOST, deps.config.ALLOWED_HOSTS)), requestDeadline(deps.config.REQUEST_TIMEOUT_MS)];
  for (const step of everyRequest) app.use(step);

  const api = express.Router();
  const limit = rateLimit({
    windowMs: deps.config.RATE_LIMIT_WINDOW_MS,
    limit: deps.config.RATE_LIMIT,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => sendError(res, 429, 'rate_limited', 'too many requests; slow down and retry shortly'),
  });
  api.use(limit);
  // Only JSON bodies: a text/plain or form POST (which browsers send cross-site without a
  // preflight) is refused rather than parsed.
  api.post('/{*path}', (req, res, next) => {
    if (req.headers['content-length'] === '0' || (!req.headers['content-type'] && !req.headers['transfer-encoding'])) return next();
    if (!req.is(['application/json', '+json'])) return sendError(res, 415, 'unsupported_media_type', 'send the request body as application/json');
    next();
  });
  const parseJson = express.json({ limit: BODY_LIMIT, strict: true, type: ['application/json', '+json'] });
  // A body is the request's fields: valid JSON that is no object (an array; a string, number or
  // null, which the strict parser refuses) is invalid_json, as the error table says.
  const jsonBody: RequestHandler = (req, res, next) =>
    parseJson(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (Array.isArray(req.body)) return sendError(res, 400, 'invalid_json', NOT_AN_OBJECT);
      next();
    });
  api.use(jsonBody);

  /** The engine, or a 503 saying how far loading has got (expected while starting: no alarm in the log). */
  const ready = (res: Response): SearchEngine | null => {
    const engine = deps.engine();
    if (engine) return engine;
    const loading = deps.loading?.() ?? { phase: 'loading', done: 0, total: 0 };
    markExpected(res);
    res.setHeader('Retry-After', String(LOADING_RETRY_AFTER_S));
    sendError(res, 503, 'unavailable', `not ready yet: ${describeLoading(loading)}`, undefined, { loading } satisfies Omit<HealthLoading, 'error'>);
    return null;
  };

  const search = (source: 'query' | 'body'): Handler => async (req, res) => {
    const parsed = source === 'query' ? SearchQuery.safeParse(req.query) : SearchBody.safeParse(req.body ?? {});
    if (!parsed.success) return sendValidationError(res, parsed.error, source);
    const engine = ready(res);
    if (!engine) return;
    const signal = requestSignal(res);
    // Refused by the model anyway (queue full, model process restarting): say so before interpreting the
    // query. Routine under load, so logged at info like the 503s while loading; /api/health counts them.
    const refused = deps.refusal?.(parsed.data.q);
    if (refused) {
      markExpected(res);
      return sendModelUnavailable(res, refused);
    }
    try {
      const found = await engine.search(parsed.data, { signal });
      // The request timeout may have answered 503 meanwhile (or the client gone): nothing left to send.
      if (res.headersSent || res.writableEnded) return;
      sendJson(res, found);
    } catch (err) {
      if (res.headersSent || signal?.aborted) return;
      if (err instanceof ModelUnavailableError) {
        markExpected(res);
        return sendModelUnavailable(res, err);
      }
      if (err instanceof UnknownSpeakerError) return sendError(res, 400, 'bad_request', err.message, [{ path: 'speaker', message: err.message }]);
      if (err instanceof UnknownScopeError) return sendError(res, 400, 'bad_request', err.message, [{ path: err.field, message: err.message }]);
      throw err;
    }
  };

  api.get('/health', (_req, res) => {
    const engine = ready(res);
    if (!engine) return;
    const model = deps.model?.();
    const up = !model || model.state === 'ready';
    const body: HealthResponse = {
      status: up ? 'ok' : 'unavailable',
      model: deps.modelId,
      ...(model ? { model_state: modelStateView(model) } : {}),
      passages: engine.index.passages.length,
      calls: engine.index.calls.map((c) => c.meta.id),
      rejected: engine.index.manifest.rejected.map((r) => ({ file: r.path, error: r.error })),
    };
    // Searches fail while the model process is down: so does health, and says why.
    if (!up) {
      res.status(503);
      if (model.state === 'restarting') res.setHeader('Retry-After', String(LOADING_RETRY_AFTER_S));
    }
    res.json(body);
  });
  const searchByQuery = search('query');
  api.get('/search', searchByQuery);
  // GET has no body; only POST parses one (and a GET with a JSON body is simply ignored).
  api.post('/search', search('body'));
  api.get('/passages/:id', (req, res) => {
    const engine = ready(res);
    if (!engine) return;
    const found = engine.passage(String(req.params.id));
    if (!found) return sendError(res, 404, 'not_found', `no passage with id "${String(req.params.id).slice(0, 100)}"`);
    res.json(found);
  });
  api.get('/calls', (req, res) => {
    const parsed = CallListQuery.safeParse(req.query);
    if (!parsed.success) return sendValidationError(res, parsed.error, 'query');
    const engine = ready(res);
    if (!engine) return;
    try {
      res.json(engine.callList(parsed.data) satisfies CallListResponse);
    } catch (err) {
      if (err instanceof UnknownScopeError) return sendError(res, 400, 'bad_request', err.message, [{ path: err.field, message: err.message }]);
      throw err;
    }
  });
  const noCall = (res: Response, id: string) => sendError(res, 404, 'not_found', `no call with id "${id.slice(0, 100)}"`);
  api.get('/calls/:id', (req, res) => {
    const engine = ready(res);
    if (!engine) return;
    const call = engine.call(String(req.params.id));
    if (!call) return noCall(res, String(req.params.id));
    res.json(call);
  });
  api.get('/calls/:id/transcript', (req, res) => {
    const engine = ready(res);
    if (!engine) return;
    const transcript = engine.transcript(String(req.params.id));
    if (!transcript) return noCall(res, String(req.params.id));
    res.json(transcript);
  });
  /**
   * The single-call routes of earlier versions (kept so old links work): ?id= given at most once;
   * without it only when the library holds one call — never a silent pick of the first of several.
   */
  const legacyCallRoute =
    (answer: (engine: SearchEngine, id: string) => object | null): Handler =>
    (req, res) => {
      const parsed = CallQuery.safeParse(req.query);
      if (!parsed.success) return sendValidationError(res, parsed.error, 'query');
      const engine = ready(res);
      if (!engine) return;
      const calls = engine.calls();
      const id = parsed.data.id ?? (calls.length === 1 ? calls[0]!.id : undefined);
      if (id === undefined) {
        const message = `id is required: the library holds ${calls.length} calls (GET /api/calls lists them)`;
        return sendError(res, 400, 'bad_request', message, [{ path: 'id', message }]);
      }
      const found = answer(engine, id);
      if (!found) return noCall(res, id);
      res.json(found);
    };
  api.get('/call', legacyCallRoute((engine, id) => engine.call(id)));
  api.get('/transcript', legacyCallRoute((engine, id) => engine.transcript(id)));
  // Generated on first request, not at start-up: the generator and its document cost a cold start
  // for a route few requests take (its module is a chunk of its own in the bundle).
  let openapi: Promise<object> | null = null;
  api.get('/openapi.json', async (_req, res) => {
    openapi ??= import('./openapi.js')
      .then(({ buildOpenApiDocument }) => buildOpenApiDocument(deps.version ?? '0.1.0'))
      .catch((err: unknown) => {
        openapi = null;
        throw err;
      });
    res.json(await openapi);
  });
  api.use((req, res) => sendError(res, 404, 'not_found', `no API route ${req.method} ${req.path.slice(0, 200)}`));

  app.use('/api', api);
  // redirect: false — a folder without its slash (/js) is a 404 like any other missing page, not an HTML redirect body.
  app.use(express.static(PUBLIC_DIR, { index: 'index.html', fallthrough: true, dotfiles: 'ignore', redirect: false }));
  app.use((_req, res) => sendError(res, 404, 'not_found', 'not found'));

  // Last line of defence: body-parser errors become 4xx; anything else is our fault, reported without internals.
  const lastResort = (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = err as { type?: string; status?: number; statusCode?: number; body?: unknown };
    if (e?.type === 'entity.parse.failed') return sendError(res, 400, 'invalid_json', isJson(e.body) ? NOT_AN_OBJECT : 'request body is not valid JSON');
    if (e?.type === 'entity.too.large') return sendError(res, 413, 'payload_too_large', `request body is larger than ${BODY_LIMIT}`);
    const status = e?.status ?? e?.statusCode;
    // body-parser: a charset or Content-Encoding it cannot decode.
    if (status === 415) return sendError(res, 415, 'unsupported_media_type', 'send the request body as UTF-8 JSON, uncompressed or gzip/deflate/br');
    // A static file asked for with a Range past its end (Content-Range says how long it is).
    if (status === 416) return sendError(res, 416, 'range_not_satisfiable', 'the requested range is outside the file');
    if (typeof status === 'number' && status >= 400 && status < 500) return sendError(res, status, 'bad_request', 'bad request');
    req.log?.error({ err }, 'unhandled error');
    sendError(res, 500, 'internal', 'internal error');
  };
  app.use(lastResort);

  // GET /api/search, the route every query takes, skips express's router: the same middleware
  // functions run in the order the router would run them (the request-wide ones, then the /api
  // rate limit and body parser — a GET that sends a JSON body gets it parsed, and refused if
  // invalid, as before), then the search handler; an error goes to the same last-resort handler.
  // The router's layer matching and per-request final handler cost ≈ 0.15 ms a request (README
  // "Benchmark"). Any other spelling of the path ('/API/search', '/api/search/') still reaches the
  // same handler through the router. express calls app.handle for every request, however the
  // server was started (app.listen, http.createServer(app), supertest).
  const dispatch = app as express.Express & { handle(req: Request, res: Response, callback?: NextFunction): void };
  const viaRouter = dispatch.handle.bind(app);
  const searchPath: RequestHandler[] = [...everyRequest, limit, jsonBody];
  dispatch.handle = (req, res, callback) => {
    if (req.method !== 'GET' || !isSearchUrl(req.url)) return viaRouter(req, res, callback);
    // What express's handle and its router set up before the first middleware (the log's url is originalUrl).
    req.res = res;
    res.req = req;
    Object.setPrototypeOf(req, app.request);
    Object.setPrototypeOf(res, app.response);
    res.locals ??= Object.create(null);
    req.baseUrl = '';
    req.originalUrl = req.url;
    runInOrder(searchPath, searchByQuery, req, res, (err) => {
      try {
        lastResort(err, req, res, () => {});
      } catch {
        // Nothing sensible left to send (express's final handler would answer a bare 500).
        res.destroy();
      }
    });
  };
  return app;
}
