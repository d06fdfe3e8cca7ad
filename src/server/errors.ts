import type { Response } from 'express';
import type { z } from 'zod';
import type { ErrorCode, ErrorResponse } from '../api/schemas.js';

export function sendError(res: Response, status: number, code: ErrorCode, message: string, details?: ErrorResponse['error']['details']): void {
  if (res.headersSent) return;
  const body: ErrorResponse = { error: { code, message, ...(details ? { details } : {}) } };
  res.status(status).json(body);
}

/** zod issues as `{ path, message }`, with the first one as the headline message. */
export function sendValidationError(res: Response, error: z.ZodError): void {
  const details = error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
  sendError(res, 400, 'bad_request', details[0]?.message ?? 'invalid request', details);
}
