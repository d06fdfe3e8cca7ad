/**
 * One card per stretch of an answer: passages are chunks of a speaker's turn, and when the ranking
 * puts two neighbouring chunks of one turn near the top, they are one answer cut in two. Shown as
 * two cards, the first often holds the half without the fact (the answering sentence is in the
 * other). Such neighbours become one card spanning them, up to a length a card can show.
 */
import type { Passage } from '../../passages/types.js';
import { passageWords } from '../../passages/word-count.js';

/** Only neighbours the ranking itself puts this high are joined: a chunk far down is not part of the answer it found. */
export const TURN_CARD_DEPTH = 5;
/** Passages the joining can take from the first places: retrieved beyond what is shown, so `k` cards remain. */
export const TURN_CARD_SLACK = TURN_CARD_DEPTH - 1;
/** A card joins chunks up to about this many words (an answer of two or three minutes). */
export const TURN_CARD_WORDS = 400;

export interface Joinable {
  candidate: { index: number };
  weak: boolean;
  /** The consecutive passages the card spans (`candidate.index` among them); absent: that passage alone. */
  through?: { first: number; last: number };
}

/**
 * `ordered` with each result joined by the neighbouring chunks of its turn that rank in the first
 * TURN_CARD_DEPTH places (neither side weak), growing outwards while the card stays within
 * TURN_CARD_WORDS. A joined result leaves the list; `keep(lead, joined)` says which of the two
 * passages' answers the card keeps (the lead's unless it says otherwise): the card sits at the
 * lead's place.
 */
export function turnCards<T extends Joinable>(ordered: readonly T[], passages: readonly Passage[], keep: (lead: T, joined: T) => boolean = () => false): T[] {
  const top = ordered.slice(0, TURN_CARD_DEPTH);
  /** Results already in a card (as its lead or joined to it). */
  const joined = new Set<T>();
  const out: T[] = [];
  for (const r of ordered) {
    if (joined.has(r)) continue;
    joined.add(r);
    if (r.weak || !top.includes(r)) {
      out.push(r);
      continue;
    }
    const lead = passages[r.candidate.index]!;
    let first = r.candidate.index;
    let last = r.candidate.index;
    let words = passageWords(lead);
    let card = r;
    for (let grew = true; grew; ) {
      grew = false;
      for (const other of top) {
        if (joined.has(other) || other.weak) continue;
        const i = other.candidate.index;
        if (i !== first - 1 && i !== last + 1) continue;
        const p = passages[i]!;
        if (p.callId !== lead.callId || p.turn !== lead.turn) continue;
        const w = passageWords(p);
        if (words + w > TURN_CARD_WORDS) continue;
        joined.add(other);
        words += w;
        first = Math.min(first, i);
        last = Math.max(last, i);
        if (keep(card, other)) card = { ...other, weak: r.weak };
        grew = true;
      }
    }
    out.push(first === last ? r : { ...card, through: { first, last } });
  }
  return out;
}

/** A card's text from its passages, and where each passage's text starts in it. */
export function cardText(passages: readonly Passage[], first: number, last: number): { text: string; offsets: Map<number, number> } {
  const offsets = new Map<number, number>();
  let text = '';
  for (let i = first; i <= last; i++) {
    const p = passages[i]!;
    // Chunks of one paragraph meet at a space, of two at a paragraph break, as in the transcript.
    if (i > first) text += p.start - passages[i - 1]!.end > 1 ? '\n\n' : ' ';
    offsets.set(i, text.length);
    text += p.text;
  }
  return { text, offsets };
}
