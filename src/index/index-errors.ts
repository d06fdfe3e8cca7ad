/** Why an index on disk cannot be served; the caller rebuilds. */
export class IndexUnusableError extends Error {
  constructor(
    readonly reason: 'missing' | 'corrupt' | 'format' | 'model' | 'stale',
    message: string,
  ) {
    super(message);
    this.name = 'IndexUnusableError';
  }
}
