import { UsageError } from './fail.js';

/**
 * What the library cannot answer because of what the command line named — a company, quarter,
 * call or speaker that names nothing in it (the API's 400) — as a usage error; any other error as
 * it is. The search modules are imported here, when a command has failed, not at every start.
 */
export async function asUsageError(err: unknown): Promise<unknown> {
  const [{ UnknownScopeError }, { UnknownSpeakerError }] = await Promise.all([import('../search/interpret/call-scope.js'), import('../search/interpret/query-plan.js')]);
  return err instanceof UnknownScopeError || err instanceof UnknownSpeakerError ? new UsageError(err.message, { cause: err }) : err;
}
