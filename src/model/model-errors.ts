/** Why the model cannot take a text right now; the server answers 503 with Retry-After for each. */
export type ModelUnavailableReason =
  /** The model process is starting (session loading). */
  | 'loading'
  /** The model process died and a new one is loading. */
  | 'restarting'
  /** The model process could not be (re)started; searches fail until the server restarts. */
  | 'failed'
  /** The queue of texts waiting for the model holds more model work (tokens) than it may. */
  | 'busy'
  /** The embedder was closed (shutdown). */
  | 'closed';

export class ModelUnavailableError extends Error {
  override readonly name = 'ModelUnavailableError';
  constructor(
    readonly reason: ModelUnavailableReason,
    message: string,
    /** Whole seconds after which a retry may succeed; null when it will not (failed, closed). */
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
  }
}
