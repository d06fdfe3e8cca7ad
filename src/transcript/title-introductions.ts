/**
 * Titles a transcript gives no list for (speech-recognition layouts name speakers only), read from
 * how the call introduces its people: "I'm joined by our chairman and CEO, Laurel Cobb, and CFO,
 * Carmen Dahl Hayes", "over to Stefan Whitford, Vice President of Investor Communications".
 * Only company-side (or unknown-side) participants without a title get one, and only a role phrase
 * right after their full name, or else right before it, counts. Where the people are introduced — the
 * operator's lines and the start of the call — is all that is read, so the cost is bounded
 * whatever the call's length.
 */
import type { Participant } from './types.js';

/** How much of the call's opening is read for introductions (they come in the first minutes). */
const OPENING_CHARS = 20_000;
/** How far before or after a name a role phrase may start or end. */
const WINDOW = 80;

const ROLE =
  String.raw`(?:(?:senior|executive|group|corporate|interim|acting)\s+)?(?:vice\s+president|VP|president|chair(?:man|woman|person)?|chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer|CEO|CFO|COO|CTO|CAO|CIO|treasurer|general\s+counsel|controller|head\s+of\s+investor\s+relations|director\s+of\s+investor\s+relations|investor\s+relations\s+(?:officer|director|manager))` +
  String.raw`(?:\s+(?:of|for)\s+(?:investor\s+relations|investor\s+communications|finance|corporate\s+development|strategy|operations))?`;
const ROLES = String.raw`${ROLE}(?:\s*(?:,|and|&)\s*(?:the\s+|our\s+)?${ROLE})*`;
const BEFORE = new RegExp(String.raw`\b(${ROLES})\s*,?\s*(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$`, 'i');
const AFTER = new RegExp(String.raw`^\s*,\s*(?:who\s+is\s+)?(?:our|the|its)?\s*(${ROLES})\b`, 'i');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function tidy(role: string): string {
  const t = role.replace(/\s+/g, ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/**
 * Participants with titles read from the call's introductions where none was given. `texts` are
 * the turns' texts with whether an operator spoke them. Pure; participants that have a title, or
 * are analysts or the operator, are returned as they are.
 */
export function inferTitles(participants: readonly Participant[], texts: readonly { text: string; operator: boolean }[]): Participant[] {
  const wanting = participants.filter((p) => p.title === null && (p.side === 'company' || p.side === 'unknown') && /\s/.test(p.name.trim()));
  if (wanting.length === 0) return [...participants];
  // Introductions: the opening of the call, and whatever the operator says.
  let opening = '';
  const parts: string[] = [];
  for (const t of texts) {
    if (t.operator) parts.push(t.text);
    else if (opening.length < OPENING_CHARS) opening += `\n\n${t.text}`;
  }
  const haystack = `${opening.slice(0, OPENING_CHARS)}\n\n${parts.join('\n\n')}`;
  const names = [...wanting].sort((a, b) => b.name.length - a.name.length);
  const byName = new Map(names.map((p) => [p.name.replace(/\s+/g, ' ').toLowerCase(), p]));
  const found = new Map<string, string>();
  const re = new RegExp(`(?<![\\p{L}])(${names.map((p) => escape(p.name.trim()).replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}])`, 'giu');
  for (const m of haystack.matchAll(re)) {
    const person = byName.get(m[0].replace(/\s+/g, ' ').toLowerCase());
    if (!person || found.has(person.id)) continue;
    const before = BEFORE.exec(haystack.slice(Math.max(0, m.index - WINDOW), m.index));
    const after = AFTER.exec(haystack.slice(m.index + m[0].length, m.index + m[0].length + WINDOW));
    // "X, Chairman and CEO, Y, CFO": a role right after a name is that person's; the one before may be the previous person's.
    const role = after?.[1] ?? before?.[1];
    if (role) found.set(person.id, tidy(role));
  }
  return participants.map((p) => (found.has(p.id) ? { ...p, title: found.get(p.id)! } : p));
}
