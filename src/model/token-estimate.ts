import { MODEL_MAX_TOKENS } from './model-files.js';

const PIECES = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

/**
 * Model tokens a text will cost, estimated without the tokenizer (cheap enough to run on every
 * request as it arrives, before anything is known about it): [CLS] and [SEP], one token per word
 * and one per punctuation mark, as WordPiece splits them, capped at the model's limit (longer
 * texts are truncated). Long or rare words split into several pieces, so English runs ~5% over
 * this; that is precise enough to bound a queue and to group texts of similar length.
 */
export function estimateTokens(text: string): number {
  let n = 2;
  PIECES.lastIndex = 0;
  while (PIECES.exec(text) !== null && n < MODEL_MAX_TOKENS) n++;
  return n;
}
