/**
 * Names for the voices speech recognition could only number ("Speaker 3"), read from how the call
 * hands the floor over: "I'd like to turn the conference over to Dana Reyes, please go ahead",
 * "We'll go next to Omar Haddad of Castle Bank", "Our next question comes from the line of…" —
 * the speaker of the turn right after is the one named. Only a full name (two or three capitalised
 * words) counts, and a voice is named only when what names it agrees: a voice that diarization gave
 * to two people (hand-overs naming both) stays numbered. A wrong name is worse than none.
 * Pure; the cost is one pass over the ends of the turns.
 */
import { isNumberedSpeaker } from './names.js';
import type { Participant } from './types.js';

/** What structure needs of a turn here: who spoke and what they said. */
export interface SpokenTurn {
  speakerId: string;
  text: string;
}

const NAME_WORD = String.raw`\p{Lu}['’]?\p{Ll}(?:[\p{L}'’-]*\p{Ll})?`;

/** How far from the end of a turn a hand-over may sit (it closes the turn). */
const HANDOVER_TAIL = 300;

/**
 * A hand-over and the full name it hands to: "over to [our CFO,] Dana Reyes", "go next to Omar
 * Haddad", "question comes from [the line of] Omar Haddad", "introduce Dana Reyes".
 */
const HANDOVER = new RegExp(
  String.raw`\b(?:(?:turn|hand|pass)(?:ing)?\s+(?:the\s+(?:call|conference|floor|line)\s+|it\s+|things\s+)?(?:back\s+)?over\s+to|over\s+to\s+you|go\s+next\s+to|(?:question|questions)\s+(?:(?:today|this\s+morning|this\s+afternoon)\s+)?(?:comes?|is|will\s+come)\s+from|(?:comes?|is)\s+from\s+the\s+line\s+of|from\s+the\s+line\s+of|introduce)` +
    String.raw`\s+(?:(?:our|the|its)\s+[^.,;!?]{2,60}?,\s+)?(?:(?:Mr|Ms|Mrs|Miss|Dr)\.?\s+)?` +
    // Each word capitalised and then lower-case ("McKinnon", "O'Brien"; not "CEO", not a false start "Ul-").
    String.raw`(?<name>${NAME_WORD}(?:\s+${NAME_WORD}){1,2})(?=\s*(?:[,.;!?]|$|\s+(?:of|with|from|at|who|our|please|and|CEO|CFO|COO)\b))`,
  'gu',
);

/** Words a capitalised phrase may start with that make it no person's name. */
const NOT_A_NAME = /^(?:The|Our|This|That|Slide|Page|Mr|Ms|Operator|Thank|Thanks|Good|Please|Ladies|Question|Questions)\b/;
/** A last word that makes the phrase a firm ("Arma Capital"), not a person. */
const FIRM_END = /\b(?:Capital|Partners|Securities|Bank|Research|Group|Management|Investments?|Advisors|Asset|Equity|Associates|Markets|Holdings|Company|Limited|Inc|Financial|Brothers|Sachs|Stanley)$/;

/**
 * Participants with their numbered voices named where the hand-overs agree. `turns` in call
 * order. Returns the participants unchanged when no voice is numbered; `named` lists what was done.
 */
export function nameNumberedSpeakers(participants: readonly Participant[], turns: readonly SpokenTurn[]): { participants: Participant[]; named: { from: string; to: string }[] } {
  const numbered = new Set(participants.filter((p) => isNumberedSpeaker(p.name)).map((p) => p.id));
  if (numbered.size === 0) return { participants: [...participants], named: [] };
  const taken = new Set(participants.filter((p) => !numbered.has(p.id)).map((p) => p.name.toLowerCase()));
  const votes = new Map<string, Map<string, number>>();
  for (let i = 0; i + 1 < turns.length; i++) {
    const next = turns[i + 1]!;
    if (!numbered.has(next.speakerId) || next.speakerId === turns[i]!.speakerId) continue;
    const tail = turns[i]!.text.slice(-HANDOVER_TAIL);
    let last: string | null = null;
    // A stammer repeats a word ("Pontus Pontus Wachtmeister"): once is the name.
    for (const m of tail.matchAll(HANDOVER)) last = m.groups!.name!.split(/\s+/).filter((w, k, all) => w !== all[k - 1]).join(' ');
    // The last name handed to is who speaks next; a name someone listed already bears is theirs.
    if (last === null || !last.includes(' ') || NOT_A_NAME.test(last) || FIRM_END.test(last) || taken.has(last.toLowerCase())) continue;
    const forVoice = votes.get(next.speakerId) ?? new Map<string, number>();
    forVoice.set(last, (forVoice.get(last) ?? 0) + 1);
    votes.set(next.speakerId, forVoice);
  }
  const named: { from: string; to: string }[] = [];
  const out = participants.map((p) => {
    const names = votes.get(p.id);
    if (!names || names.size !== 1) return { ...p };
    const [name] = names.keys();
    named.push({ from: p.name, to: name! });
    return { ...p, name: name! };
  });
  return { participants: out, named };
}
