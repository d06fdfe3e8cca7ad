/** A build stopped on request (SIGTERM/SIGINT): nothing was published, the previous index is in force. */
export class BuildInterruptedError extends Error {
  override readonly name = 'BuildInterruptedError';
  constructor(message = 'the index build was interrupted; the previous index (if any) is unchanged') {
    super(message);
  }
}

/** Throw BuildInterruptedError if `signal` has fired: builds call this between steps. */
export function throwIfInterrupted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BuildInterruptedError();
}
