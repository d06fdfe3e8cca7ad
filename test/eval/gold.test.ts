import { describe, expect, it } from 'vitest';
import { fingerprintGold, holdsGold } from '../../src/eval/gold.js';

describe('gold phrases', () => {
  const text = 'Revenue was  $41.2 million,\nup 8% year over year.';

  it('a plain phrase: contained, case and whitespace runs ignored', () => {
    expect(holdsGold(text, 'revenue was $41.2 MILLION')).toBe(true);
    expect(holdsGold(text, 'revenue was $41.3 million')).toBe(false);
  });

  it('a fingerprint matches exactly where its phrase would, and carries none of its words', () => {
    for (const phrase of ['revenue was $41.2 MILLION', 'million, up 8%', 'up 8% year over year.', 'r', 'Revenue was  $41.2 million,\nup 8% year over year.']) {
      expect(holdsGold(text, fingerprintGold(phrase)), phrase).toBe(holdsGold(text, phrase));
    }
    for (const phrase of ['revenue was $41.3 million', 'up 9%', 'year over year. And']) {
      expect(holdsGold(text, fingerprintGold(phrase)), phrase).toBe(false);
    }
    expect(fingerprintGold('up 8% year over year')).toMatch(/^sha256:[0-9a-f]{64}:20$/);
  });
});
