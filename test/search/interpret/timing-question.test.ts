import { describe, expect, it } from 'vitest';
import { durationSubject, timingQuestionOf } from '../../../src/search/interpret/timing-question.js';

describe('timingQuestionOf: questions that ask when or for how long', () => {
  it.each([
    ['How long will the cash last?', 'how_long', true],
    ['how soon can the new line ship?', 'when', true],
    ['When will the Lisbon plant be profitable?', 'when', true],
    ['So when do you expect to break even?', 'when', true],
    ['when did the Dover plant open', 'when', false],
    ['What is the timeline for the product launch?', 'when', true],
    ['What was the timing of the recall?', 'when', false],
    ['timing of the Lisbon launch', 'when', true],
    ['By when must the regulator open a docket?', 'when', true],
    ['when may the board resume the dividend', 'when', true],
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

describe('durationSubject: what a "how long will X last" question asks the duration of', () => {
  it.each([
    ['How long will the cash last?', 'the cash'],
    ['So how long does the backlog run for?', 'the backlog'],
    ["how long should Harbor Lights' cash hold up", "Harbor Lights' cash"],
  ])('%s → %s', (q, subject) => {
    expect(durationSubject(q)).toBe(subject);
  });

  it.each(['How long will it take to ramp the plant?', 'When will the cash run out?'])('none in: %s', (q) => {
    expect(durationSubject(q)).toBeNull();
  });
});
