/**
 * Work follows the client: every request carries an AbortSignal that fires when nobody is
 * waiting for its answer any more, because the client disconnected before the answer was sent,
 * or because the request timeout answered 503 for it. Routes pass it down (search: to the
 * micro-batcher, whose queue the request then leaves before it costs the model anything).
 */
import type { NextFunction, Request, Response } from 'express';
import { sendError } from './errors.js';
import { ModelUnavailableError } from '../model/model-errors.js';

const SIGNAL = Symbol('request abort signal');
/** One reason for every hang-up: a DOMException per abort (with its stack) cost more than the abort itself in a burst. */
const CLIENT_GONE = new DOMException('the client disconnected', 'AbortError');
type WithSignal = Response & { [SIGNAL]?: AbortSignal };

/** The request's AbortSignal (set by requestDeadline). */
export function requestSignal(res: Response): AbortSignal | undefined {
  return (res as WithSignal)[SIGNAL];
}

/** Middleware: a request still running after `timeoutMs` gets a JSON 503; either way its signal fires when it is no longer awaited. */
export function requestDeadline(timeoutMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const work = new AbortController();
    (res as WithSignal)[SIGNAL] = work.signal;
    const gone = () => {
      if (!res.writableFinished) work.abort(CLIENT_GONE);
    };
    const timer = setTimeout(() => {
      sendError(res, 503, 'timeout', `request took longer than ${timeoutMs} ms`);
      work.abort(new DOMException(`request took longer than ${timeoutMs} ms`, 'TimeoutError'));
    }, timeoutMs);
    // The request stream is destroyed as soon as Node reads the client's FIN or reset (before the
    // socket itself closes); a request whose body was read to its end closes normally, not a hang-up.
    req.once('close', () => {
      if (!req.readableEnded) gone();
    });
    res.once('close', () => {
      clearTimeout(timer);
      // Closed before the whole answer went out: the client is gone.
      gone();
    });
    next();
  };
}

/** 503 for a model that cannot take the query now (busy, restarting, failed), with Retry-After when a retry can help. */
export function sendModelUnavailable(res: Response, err: ModelUnavailableError): void {
  if (res.headersSent) return;
  if (err.retryAfterSeconds !== null) res.setHeader('Retry-After', String(err.retryAfterSeconds));
  sendError(res, 503, 'unavailable', err.message);
}
