import { z } from 'zod';
import { DEFAULT_QUANTIZED } from '../model/embedder.js';
import { DEFAULT_MAX_QUEUE_TOKENS } from '../model/micro-batcher.js';

/** Server settings from the environment; defaults serve the bundled call on loopback. */
/** "a.example, b.example" → ["a.example", "b.example"]. */
const hostList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^(\*|[a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d+)?$/, 'ALLOWED_HOSTS: host names separated by commas, or *')));

/**
 * express's 'trust proxy': unset or "false" trusts no proxy (X-Forwarded-* ignored); "true" any;
 * a number of hops; or addresses/subnets/"loopback", comma-separated.
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((v): boolean | number | string => {
    const t = v.trim();
    if (t === '' || t === 'false' || t === '0') return false;
    if (t === 'true') return true;
    return /^\d+$/.test(t) ? Number(t) : t;
  });

export const ServerConfig = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * Host names answered besides loopback ones (localhost, 127.x, ::1). Bound to loopback, no other
   * name is answered unless listed here (DNS rebinding); bound elsewhere, when set, only these.
   */
  ALLOWED_HOSTS: hostList,
  /** Behind a reverse proxy: which proxies' X-Forwarded-Proto/-For to believe (see trustProxy). */
  TRUST_PROXY: trustProxy,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * Requests per client IP per window. Generous: `npm run bench` drives 32 loopback clients at
   * full speed (about 400 searches/s on the 2-core dev box, i.e. 4,000 per window) and must never
   * see a 429; this leaves room for a machine several times faster. It stops a runaway client,
   * not a busy one.
   */
  RATE_LIMIT: z.coerce.number().int().min(1).default(30_000),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(100).default(10_000),
  /**
   * Model work (estimated tokens) that may wait for the model; searches past it get 503 with
   * Retry-After. Default one to two seconds of model work on the 2-core dev box (see micro-batcher.ts).
   */
  QUEUE_MAX_TOKENS: z.coerce.number().int().min(256).max(10_000_000).default(DEFAULT_MAX_QUEUE_TOKENS),
  /** A request still running after this gets a 503 JSON error. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  INDEX_DIR: z.string().optional(),
  /** Library of transcripts to serve; default data/transcripts/. */
  TRANSCRIPTS_DIR: z.string().optional(),
  /** "int8" serves the quantized weights (see README); fp32 is the reference. Default: DEFAULT_QUANTIZED (src/model/weights.ts). */
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
