/**
 * Linear time (issue 13 item 2): analyst-introduction matching and the rest of parsing grow
 * linearly with the call: one parse of a call with 8× the analysts against 8 parses of the
 * small call gives ~1 when linear, ~8 when quadratic (the bound, 3, leaves room for noise).
 */
import { describe, expect, it } from 'vitest';
import { parseTranscriptText } from '../../src/transcript/read-source.js';
import { callWithAnalysts } from './generated-calls.js';
import { growthRatio } from './growth.js';

const FACTOR = 8;
const BOUND = 3;

describe('parsing grows linearly', () => {
  it('with the number of analysts introduced by the operator', () => {
    const texts = new Map([250, 2000].map((n) => [n, callWithAnalysts(n)]));
    const ratio = growthRatio((n) => parseTranscriptText(texts.get(n) as string, { limits: { maxParticipants: 3000, maxTurns: 10_000 } }), 250, FACTOR);
    expect(ratio).toBeLessThan(BOUND);
  });
});
