import type { CallMeta, Exchange, Participant } from '../transcript/types.js';

/** What the index keeps of a parsed call besides its passages. */
export interface StoredCall {
  meta: CallMeta;
  participants: Participant[];
  exchanges: Exchange[];
  /** Source file as given to the build (for display; the checksum lives in the manifest). */
  sourcePath: string;
}
