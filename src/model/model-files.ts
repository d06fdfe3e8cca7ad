import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in src/model/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** transformers.js resolves `<localModelPath>/<MODEL_NAME>/`. Public path: other tools load it. */
export const MODELS_DIR = path.join(REPO_ROOT, 'models');
export const MODEL_NAME = 'all-MiniLM-L6-v2';
export const MODEL_DIR = path.join(MODELS_DIR, MODEL_NAME);

/** sentence-transformers/all-MiniLM-L6-v2 was trained with max_seq_length 256. */
export const MODEL_MAX_TOKENS = 256;
export const EMBEDDING_DIMENSIONS = 384;

/** What transformers.js 2.17.2 needs to build a BertTokenizer (see shared/notes/embedding-model.md). */
export const TOKENIZER_CONFIG = {
  tokenizer_class: 'BertTokenizer',
  do_lower_case: true,
  model_max_length: MODEL_MAX_TOKENS,
  cls_token: '[CLS]',
  sep_token: '[SEP]',
  pad_token: '[PAD]',
  unk_token: '[UNK]',
  mask_token: '[MASK]',
  tokenize_chinese_chars: true,
  strip_accents: null,
} as const;
