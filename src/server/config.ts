import { z } from 'zod';
import { DEFAULT_QUANTIZED } from '../model/embedder.js';

/** Server settings from the environment; defaults serve the bundled call on loopback. */
export const ServerConfig = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * Requests per client IP per window. Generous: `npm run bench` drives 32 loopback clients at
   * full speed (about 400 searches/s on the 2-core dev box, i.e. 4,000 per window) and must never
   * see a 429; this leaves room for a machine several times faster. It stops a runaway client,
   * not a busy one.
   */
  RATE_LIMIT: z.coerce.number().int().min(1).default(30_000),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(100).default(10_000),
  /** A request still running after this gets a 503 JSON error. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  INDEX_DIR: z.string().optional(),
  /** Library of transcripts to serve; default data/transcripts/. */
  TRANSCRIPTS_DIR: z.string().optional(),
  /** "int8" serves the quantized weights (see README); fp32 is the reference. Default: DEFAULT_QUANTIZED (src/model/embedder.ts). */
  MODEL_WEIGHTS: z.enum(['fp32', 'int8']).default(DEFAULT_QUANTIZED ? 'int8' : 'fp32'),
});
export type ServerConfig = z.infer<typeof ServerConfig>;

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = ServerConfig.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
