/** Turn-by-turn views of a parsed call, for comparing the same call read from different layouts. */
import type { Call } from '../../src/transcript/types.js';

export interface TurnRow {
  speaker: string;
  side: string;
  section: string;
  role: string;
  exchange: number | null;
  text: string;
}

/** Whitespace-folded text of each turn, with who said it, where, and its role. */
export function turnTable(call: Call): TurnRow[] {
  const people = new Map(call.participants.map((p) => [p.id, p]));
  return call.turns.map((t) => {
    const p = people.get(t.speakerId);
    return {
      speaker: p?.name ?? `?${t.speakerId}`,
      side: p?.side ?? '?',
      section: t.section,
      role: t.role,
      exchange: t.exchange,
      text: t.paragraphs.map((x) => x.text).join(' ').replace(/\s+/g, ' '),
    };
  });
}

/** Each exchange as analyst name, question and answer speakers. */
export function exchangeTable(call: Call): string[] {
  const people = new Map(call.participants.map((p) => [p.id, p]));
  const name = (i: number): string => people.get(call.turns[i]?.speakerId ?? '')?.name ?? '?';
  return call.exchanges.map(
    (e) => `${people.get(e.analystId)?.name}: intro ${e.introTurn ?? '-'}, asks ${e.questionTurns.join('/')}, answered by ${e.answerTurns.map(name).join(', ')}`,
  );
}
