import type { Response } from 'express';
import type { z } from 'zod';
import { ERROR_CODES, type ErrorCode, type ErrorResponse } from '../api/schemas.js';

/**
 * Headers describing a representation that an error replaces: a static file that failed midway
 * (a Range past its end) has already set its Content-Type, ETag and caching; the JSON error is
 * none of those.
 */
const REPRESENTATION_HEADERS = ['Content-Type', 'Content-Length', 'Content-Encoding', 'Content-Disposition', 'ETag', 'Last-Modified', 'Cache-Control', 'Accept-Ranges'];

/** Errors a client is expected to see while the server starts: logged at info, not as failures. */
export const EXPECTED_LOG = 'expectedStatus';

export function sendError(res: Response, status: number, code: ErrorCode, message: string, details?: ErrorResponse['error']['details'], extra?: object): void {
  if (res.headersSent) return;
  for (const h of REPRESENTATION_HEADERS) res.removeHeader(h);
  const body = { ...extra, error: { code, message, ...(details ? { details } : {}) } } satisfies ErrorResponse;
  res.status(status).type('application/json').json(body);
}

/** Where the input that failed came from: names the root of a path-less issue, and "parameter" vs "field". */
export type InputSource = 'query' | 'body';

const isErrorCode = (c: unknown): c is ErrorCode => (ERROR_CODES as readonly unknown[]).includes(c);

/**
 * zod issues as `{ path, message }`, with the first one as the headline message. An unknown key
 * is reported under its own name; a check that carries `params.code` (the empty-query check)
 * sets the error code, otherwise it is bad_request.
 */
export function sendValidationError(res: Response, error: z.ZodError, source: InputSource): void {
  const details = error.issues.flatMap((i) => {
    if (i.code === 'unrecognized_keys') {
      const what = source === 'query' ? 'parameter' : 'field';
      return i.keys.map((key) => ({ path: key, message: `unknown ${what} "${key.slice(0, 100)}"` }));
    }
    return [{ path: i.path.join('.') || `(${source})`, message: i.message }];
  });
  const tagged = error.issues.map((i) => (i.code === 'custom' ? (i.params as { code?: unknown } | undefined)?.code : undefined)).find(isErrorCode);
  sendError(res, 400, tagged ?? 'bad_request', details[0]?.message ?? 'invalid request', details);
}
