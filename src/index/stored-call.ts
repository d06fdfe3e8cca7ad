import { spokenCompanyNames } from '../transcript/spoken-company-names.js';
import type { Call } from '../transcript/types.js';

/**
 * A parsed call as the index keeps it (source text included, so name resolution and reading in
 * context need no re-parse). On disk it lives in the call's shard (call-shard.ts, whose ShardCall
 * record validates it at load).
 */
export interface StoredCall extends Call {
  /** Source file name as given to the build (the checksum lives in the manifest). */
  sourcePath: string;
  /** The names the call's own words give its company (spoken-company-names.ts), read at build, not at every start. */
  companyNames: string[];
}

/** A parsed call as the index keeps it, with what is read from its words once. */
export function storedCall(call: Call, sourcePath: string): StoredCall {
  return { ...call, sourcePath, companyNames: spokenCompanyNames(call) };
}
