/**
 * Texts → the model's inputs, with the model's own WordPiece tokenizer (transformers.js, from
 * the local model folder only: no hub, no browser cache, no cache writes).
 */
import type { PreTrainedTokenizer } from '@xenova/transformers';
import { MODEL_MAX_TOKENS, MODEL_NAME, MODELS_DIR } from './model-files.js';

/** Model inputs as the model process receives them: [rows, seq] int64, row-major. */
export interface ModelInputs {
  rows: number;
  seq: number;
  input_ids: BigInt64Array;
  attention_mask: BigInt64Array;
  token_type_ids: BigInt64Array;
}

type Transformers = typeof import('@xenova/transformers');

function configureOfflineEnv(env: Transformers['env']): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = MODELS_DIR;
  env.useBrowserCache = false;
  env.useFSCache = false;
  env.useCustomCache = false;
  env.remoteHost = 'http://127.0.0.1:9/'; // unreachable by design; remote loading is disabled anyway
}

/** The model's tokenizer. transformers.js is imported on first use (it is large: onnxruntime-web, sharp). */
export async function loadModelTokenizer(): Promise<PreTrainedTokenizer> {
  const t = await import('@xenova/transformers');
  configureOfflineEnv(t.env);
  return t.AutoTokenizer.from_pretrained(MODEL_NAME, { local_files_only: true });
}

/** Tokens the model would see for `text`, [CLS] and [SEP] included, before truncation. */
export function countTokens(tokenizer: PreTrainedTokenizer, text: string): number {
  return tokenizer.encode(text).length;
}

/**
 * What `tokenizer(texts, { padding: true, truncation: true })` gives, built from `encode` into
 * flat int64 arrays (the batch call builds a tensor per text and pads through generic code: three
 * times the cost for a short query), with one fix: transformers.js 2.17.2 truncates a long text by
 * cutting the array, which drops the final [SEP]; sentence-transformers (and @lat.md/embed) keep
 * [CLS] … [SEP]. Texts over the limit end in [SEP], as the reference embeds them.
 */
export function encodeBatch(tokenizer: PreTrainedTokenizer, texts: string[]): ModelInputs {
  const { sep_token_id: sep, pad_token_id: pad } = tokenizer as unknown as { sep_token_id: number; pad_token_id: number };
  const encoded = texts.map((t) => {
    const ids = tokenizer.encode(t);
    if (ids.length <= MODEL_MAX_TOKENS) return ids;
    const cut = ids.slice(0, MODEL_MAX_TOKENS);
    cut[MODEL_MAX_TOKENS - 1] = sep;
    return cut;
  });
  const rows = texts.length;
  const seq = Math.max(0, ...encoded.map((ids) => ids.length));
  const input_ids = new BigInt64Array(rows * seq).fill(BigInt(pad));
  const attention_mask = new BigInt64Array(rows * seq);
  for (const [r, ids] of encoded.entries()) {
    for (let j = 0; j < ids.length; j++) {
      input_ids[r * seq + j] = BigInt(ids[j]!);
      attention_mask[r * seq + j] = 1n;
    }
  }
  return { rows, seq, input_ids, attention_mask, token_type_ids: new BigInt64Array(rows * seq) };
}
