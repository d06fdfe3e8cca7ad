import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/passages/types.js';
import { cardText, TURN_CARD_DEPTH, TURN_CARD_WORDS, turnCards } from '../../src/search/answer/turn-cards.js';

/** Passages of call "c": turn per passage as given, each `words` words long, laid end to end one space apart. */
function passagesOf(turns: number[], words = 20): Passage[] {
  let at = 0;
  return turns.map((turn, index) => {
    const text = Array.from({ length: words }, (_, w) => `w${index}_${w}`).join(' ');
    const p = { id: `c@${at}`, callId: 'c', index, text, turn, start: at, end: at + text.length } as unknown as Passage;
    at += text.length + 1;
    return p;
  });
}
const result = (index: number, weak = false) => ({ candidate: { index }, weak, tag: `r${index}` });
const shape = (rs: { candidate: { index: number }; through?: { first: number; last: number } }[]) => rs.map((r) => (r.through ? `${r.candidate.index}[${r.through.first}-${r.through.last}]` : `${r.candidate.index}`));

describe('turnCards', () => {
  const passages = passagesOf([0, 1, 1, 1, 2, 2, 3, 3]);
  it('neighbouring chunks of one turn ranked near the top become one card at the better place', () => {
    expect(shape(turnCards([result(2), result(6), result(3), result(1), result(4)], passages))).toEqual(['2[1-3]', '6', '4']);
  });
  it('chunks of another turn, a weak neighbour, or one ranked below the first places stay apart', () => {
    expect(shape(turnCards([result(3), result(4)], passages))).toEqual(['3', '4']);
    expect(shape(turnCards([result(2), result(3, true)], passages))).toEqual(['2', '3']);
    const far = [result(2), ...[4, 5, 6, 7].map((i) => result(i)).slice(0, TURN_CARD_DEPTH - 1), result(3)];
    expect(shape(turnCards(far, passages)).at(-1)).toBe('3');
  });
  it('a card stops growing at about TURN_CARD_WORDS words', () => {
    const long = passagesOf([0, 0, 0], Math.floor(TURN_CARD_WORDS / 2) - 10);
    expect(shape(turnCards([result(1), result(0), result(2)], long))).toEqual(['1[0-1]', '2']);
  });
  it('the card keeps the answer of the chunk `keep` picks, at the lead\'s place', () => {
    const cards = turnCards([result(6), result(7)], passages, (_lead, joined) => joined.candidate.index === 7);
    expect(shape(cards)).toEqual(['7[6-7]']);
  });
});

describe('cardText', () => {
  it("joins a turn's chunks as the transcript does and says where each starts", () => {
    const ps = passagesOf([0, 0], 2);
    const { text, offsets } = cardText(ps, 0, 1);
    expect(text).toBe(`${ps[0]!.text} ${ps[1]!.text}`);
    expect(offsets.get(1)).toBe(ps[0]!.text.length + 1);
    // Chunks of two paragraphs: a paragraph break.
    const apart = ps.map((p, i) => ({ ...p, start: p.start + i * 5, end: p.end + i * 5 }));
    expect(cardText(apart, 0, 1).text).toBe(`${ps[0]!.text}\n\n${ps[1]!.text}`);
  });
});
