import { describe, expect, it } from 'vitest';
import { timingQuestionOf } from '../../../src/search/interpret/timing-question.js';
import { sentenceFacts } from '../../../src/search/sentences/sentence-facts.js';

describe('timingQuestionOf: questions that ask when or for how long', () => {
  it.each([
    ['How long will the cash last?', 'how_long', true],
    ['how soon can the new line ship?', 'how_long', true],
    ['When will the Lisbon plant be profitable?', 'when', true],
    ['So when do you expect to break even?', 'when', true],
    ['when did the Dover plant open', 'when', false],
    ['What is the timeline for the product launch?', 'when', true],
    ['What was the timing of the recall?', 'when', false],
    ['timing of the Lisbon launch', 'when', true],
  ] as const)('%s → %s (future %s)', (q, kind, future) => {
    expect(timingQuestionOf(q)).toEqual({ kind, future });
  });

  it.each(['What did the CFO say about cash?', 'What was revenue in the quarter?', 'How much will capex be?', 'Where will the new plant be built?', 'How are surgeons timing the dose?'])(
    'asks for no time: %s',
    (q) => {
      expect(timingQuestionOf(q)).toBeNull();
    },
  );
});

describe('sentenceFacts: time and future tense', () => {
  it('reads points and spans of time', () => {
    for (const s of [
      'This cash will fund operations into the second half of 2026.',
      'We expect the plant to break even by year-end.',
      'The program should run another 18 months.',
      'It normally takes 90 days.',
      'We hope to finish it in the coming months.',
      'Shipments begin next spring.',
      'It opened in March.',
    ]) expect(sentenceFacts(s).time, s).toBe(true);
    for (const s of ['Demand remains strong across the board.', 'We may add a shift if orders hold.']) expect(sentenceFacts(s).time, s).toBe(false);
  });

  it('future is any future tense; a report of the past is not', () => {
    expect(sentenceFacts('This cash will fund operations into 2026.').future).toBe(true);
    expect(sentenceFacts('We are on track to open it early next year.').future).toBe(true);
    expect(sentenceFacts('Cash used in the quarter was $8 million.').future).toBe(false);
  });
});

describe('sentenceFacts: past', () => {
  it('a report or a past event is past; a time said without a verb is not', () => {
    expect(sentenceFacts('Cash used in the quarter was $8 million.').past).toBe(true);
    expect(sentenceFacts('We opened the plant in March of last year.').past).toBe(true);
    expect(sentenceFacts('And then by the end of 2027 just the one new kiln.').past).toBe(false);
  });
});

describe("sentenceFacts: an outside party's outlook", () => {
  it('an agency, the consensus or the industry expecting is not the company expecting', () => {
    expect(sentenceFacts('The USDA expects production to grow 0.9% next year.').othersOutlook).toBe(true);
    expect(sentenceFacts('Consensus forecasts margins of 12%.').othersOutlook).toBe(true);
    expect(sentenceFacts('We expect to grow in line with what the USDA expects, a little under 1%.').othersOutlook).toBe(false);
    expect(sentenceFacts('We expect volume to grow 3%.').othersOutlook).toBe(false);
  });
});
