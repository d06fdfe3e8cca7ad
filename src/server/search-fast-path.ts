/**
 * The pieces of the search fast path (see createApp): which requests take it, running the same
 * middleware in order without express's router, and writing the JSON answer.
 */
import type { Request, RequestHandler, Response } from 'express';

/** '/api/search' with or without a query string, exactly as the page, CLI and clients send it. */
export function isSearchUrl(url: string): boolean {
  return (url === '/api/search' || url.startsWith('/api/search?')) && !url.includes('#');
}

/**
 * Run middleware `steps` in order, each continuing by calling next(), then `last`; an error
 * (thrown, rejected or passed to next) goes to `onError` and stops the run, as in express.
 */
export function runInOrder(steps: readonly RequestHandler[], last: (req: Request, res: Response) => unknown, req: Request, res: Response, onError: (err: unknown) => void): void {
  let i = 0;
  const next = (err?: unknown): void => {
    if (err !== undefined && err !== null) return onError(err);
    const step = steps[i++];
    try {
      const done = step ? step(req, res, next) : last(req, res);
      if (done instanceof Promise) done.catch(onError);
    } catch (e) {
      onError(e);
    }
  };
  next();
}

/** A JSON answer (what res.json sends: the same type and length headers), written as a string: express copies a body over 1 KB into a Buffer first. */
export function sendJson(res: Response, body: unknown): void {
  const json = JSON.stringify(body);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.end(json);
}
