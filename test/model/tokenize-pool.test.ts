/**
 * The fast paths of the embedder against the slow, reference ones: encodeBatch against the
 * transformers.js tokenizer's batch call, meanPoolNormalize against transformers.js' own
 * mean_pooling + normalize, and the token estimate against the real count.
 */
import { readFileSync } from 'node:fs';
import type { PreTrainedTokenizer } from '@xenova/transformers';
import { mean_pooling, Tensor } from '@xenova/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODEL_MAX_TOKENS } from '../../src/model/model-files.js';
import { meanPoolNormalize } from '../../src/model/pooling.js';
import { estimateTokens } from '../../src/model/token-estimate.js';
import { countTokens, encodeBatch, loadModelTokenizer } from '../../src/model/tokenize.js';
import { BUNDLED_CALL } from '../helpers/paths.js';

const source = readFileSync(BUNDLED_CALL, 'utf8');
const paragraphs = source.split('\n').map((l) => l.trim()).filter((l) => l.length > 40);

let tokenizer: PreTrainedTokenizer;
beforeAll(async () => {
  tokenizer = await loadModelTokenizer();
});

describe('encodeBatch', () => {
  it('gives the ids and mask of the tokenizer batch call, [SEP] last for texts over the limit', () => {
    const long = paragraphs.slice(0, 40).join(' ');
    expect(countTokens(tokenizer, long)).toBeGreaterThan(MODEL_MAX_TOKENS);
    const texts = ['Thank you.', 'what did Jassy say about Trainium', long, paragraphs[3]!, ''];
    const mine = encodeBatch(tokenizer, texts);
    const theirs = tokenizer(texts, { padding: true, truncation: true }) as unknown as { input_ids: Tensor; attention_mask: Tensor; token_type_ids: Tensor };
    const [rows, seq] = theirs.input_ids.dims as [number, number];
    expect([mine.rows, mine.seq]).toEqual([rows, seq]);
    expect(seq).toBe(MODEL_MAX_TOKENS);
    const ids = theirs.input_ids.data as BigInt64Array;
    const sep = BigInt((tokenizer as unknown as { sep_token_id: number }).sep_token_id);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < seq; j++) {
        const at = r * seq + j;
        // transformers.js cuts a long text's [SEP] off; the reference (sentence-transformers) keeps it last.
        const expected = r === 2 && j === seq - 1 ? sep : ids[at];
        expect(mine.input_ids[at], `row ${r}, token ${j}`).toBe(expected);
      }
    }
    expect([...mine.attention_mask]).toEqual([...(theirs.attention_mask.data as BigInt64Array)]);
    expect([...mine.token_type_ids]).toEqual([...(theirs.token_type_ids.data as BigInt64Array)]);
  });
});

describe('meanPoolNormalize', () => {
  it('is bit for bit what transformers.js computes, padding included', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 30) - 1;
    const [rows, seq, dims] = [5, 23, 384];
    const hidden = Float32Array.from({ length: rows * seq * dims }, rnd);
    const lengths = [23, 1, 7, 12, 22];
    const mask = new BigInt64Array(rows * seq);
    lengths.forEach((n, r) => mask.fill(1n, r * seq, r * seq + n));
    const theirs = mean_pooling(new Tensor('float32', hidden, [rows, seq, dims]), new Tensor('int64', mask, [rows, seq])).normalize(2, -1);
    expect([...meanPoolNormalize(hidden, mask, rows, seq, dims)]).toEqual([...(theirs.data as Float32Array)]);
  });
});

describe('estimateTokens', () => {
  it('is close to the real count over a call (each text within 35%), and never over the model limit', () => {
    let estimated = 0;
    let real = 0;
    for (const p of paragraphs) {
      const count = Math.min(MODEL_MAX_TOKENS, countTokens(tokenizer, p));
      const estimate = estimateTokens(p);
      expect(estimate, p.slice(0, 60)).toBeLessThanOrEqual(MODEL_MAX_TOKENS);
      expect(Math.abs(estimate - count) / count, p.slice(0, 60)).toBeLessThan(0.35);
      estimated += estimate;
      real += count;
    }
    expect(Math.abs(estimated / real - 1)).toBeLessThan(0.1);
    expect(estimateTokens('')).toBe(2);
    expect(estimateTokens('%'.repeat(10_000))).toBe(MODEL_MAX_TOKENS);
  });
});
