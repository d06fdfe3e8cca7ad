/**
 * A first name alone as a speaker's label ("Maria:", a caption's voice "Maria") stands for one person only
 * when the call names no one else by it. These read the full names the call says with that first name
 * ("…comes from Maria Lund with Piper Sandler"), so that such a label is never taken for the one
 * participant met so far (the CFO Maria Castell) when the operator has just introduced another Maria, and
 * never makes up a person "Maria" when two go by it.
 */
import { introducesQuestion } from './structure.js';
import { looksLikeName } from './names.js';

/** Particles a surname may start with in running text ("Ana de la Cruz", "Pieter van der Berg"). */
const PARTICLES = String.raw`(?:(?:van|von|der|den|de|del|della|da|di|du|la|le|ter|bin|binti)\s+)*`;

/** A label's name as running text capitalises it ("MARIA" → "Maria"); a name written otherwise as it is. */
function asInText(given: string): string {
  return given.replace(/\p{L}+/gu, (w) => (w === w.toUpperCase() && w.length > 1 ? `${w[0]}${w.slice(1).toLowerCase()}` : w));
}

/** The full names `text` says with these given names ("Maria Lund", "Maria Castell" for "Maria"), each once, in order. */
export function fullNamesSaid(text: string, given: string): { name: string; index: number }[] {
  const escaped = asInText(given.trim()).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, String.raw`\s+`);
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{M}'’-])${escaped}\s+${PARTICLES}\p{Lu}[\p{L}\p{M}'’-]*\p{L}(?![\p{L}\p{M}])`, 'gu');
  const seen = new Map<string, { name: string; index: number }>();
  for (const m of text.matchAll(pattern)) {
    const name = m[0].replace(/\s+/g, ' ');
    if (looksLikeName(name) && !seen.has(name)) seen.set(name, { name, index: m.index });
  }
  return [...seen.values()];
}

/** Wording that hands someone the floor: a question's introduction, or "…over to Maria Castell". */
const HANDOVER =
  /\b(?:over|back)\s+to\b|\bfloor\s+to\b|\bpass(?:ing)?\s+(?:it\s+|the\s+(?:call|floor|line)\s+)?(?:on\s+)?to\b|\bquestions?\s+(?:today\s+)?(?:comes?|is)\s+from\b|\bquestion\s+from\b|\bline\s+of\b|\bgo\s+next\s+to\b/gi;

/**
 * The full names the call's hand-overs say with these given names ("Maria Lund" in "Our first question comes
 * from Maria Lund"), with where they are said — only in sentences that hand over the floor, so "our founder
 * Maria Ruiz" in someone's remarks is no speaker.
 */
export function fullNamesHandedOver(text: string, given: string): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  for (const sentence of text.matchAll(/[^.?!\n]+[.?!]*/g)) {
    const words = sentence[0];
    HANDOVER.lastIndex = 0;
    if (!HANDOVER.test(words) && !introducesQuestion(words)) continue;
    for (const said of fullNamesSaid(words, given)) out.push({ name: said.name, index: sentence.index + said.index });
  }
  return out;
}

/**
 * The one person a turn that hands over the floor introduces by these given names ("Maria Lund" in
 * "Our first question comes from Maria Lund with Piper Sandler"): the one named after its last hand-over
 * wording when it names several; null when the turn hands over to no one so named.
 */
export function introducedByGivenNames(turn: string, given: string): string | null {
  const said = fullNamesSaid(turn, given);
  if (said.length === 0) return null;
  const handovers = [...turn.matchAll(HANDOVER)].map((m) => m.index);
  HANDOVER.lastIndex = 0;
  if (!introducesQuestion(turn) && handovers.length === 0) return null;
  if (said.length === 1) return (said[0] as { name: string }).name;
  const last = Math.max(-1, ...handovers);
  const after = said.filter((s) => s.index > last);
  return after.length === 1 ? (after[0] as { name: string }).name : null;
}
