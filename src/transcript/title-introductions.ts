/**
 * Titles a transcript gives no list for (speech-recognition layouts name speakers only), read from
 * how the call introduces its people: "I'm joined by our chairman and CEO, Laurel Cobb, and CFO,
 * Carmen Dahl Hayes", "over to Stefan Whitford, Vice President of Investor Communications".
 * Only company-side (or unknown-side) participants without a title get one, and only a role phrase
 * right after their full name, or else right before it, counts. Where the people are introduced — the
 * operator's lines and the start of the call — is all that is read, so the cost is bounded
 * whatever the call's length.
 */
import { nameOccurrences } from './name-occurrences.js';
import type { Participant } from './types.js';

/** How much of the call's opening is read for introductions (they come in the first minutes). */
const OPENING_CHARS = 20_000;
/** How far before or after a name a role phrase may start or end. */
const WINDOW = 80;

const ROLE =
  String.raw`(?:co-?\s?)?(?:(?:senior|executive|group|corporate|interim|acting)\s+)?(?:vice\s+president|VP|president|chair(?:man|woman|person)?(?:\s+of\s+the\s+board)?|chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer|CEO|CFO|COO|CTO|CAO|CIO|treasurer|general\s+counsel|controller|head\s+of\s+investor\s+relations|director\s+of\s+investor\s+relations|investor\s+relations\s+(?:officer|director|manager))` +
  String.raw`(?:\s+(?:of|for)\s+(?:investor\s+relations|investor\s+communications|finance|corporate\s+development|strategy|operations))?`;
const ROLES = String.raw`${ROLE}(?:\s*(?:,|and|&)\s*(?:the\s+|our\s+)?${ROLE})*`;
const BEFORE = new RegExp(String.raw`\b(${ROLES})\s*,?\s*(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$`, 'i');
/** "our new chief financial officer", "the interim CEO": a word of when before the role. */
const TENURE = String.raw`(?:(?:new|newly\s+appointed|interim|incoming|acting)\s+)?`;
/** After the name: ", our CFO", ", who is the chief operating officer", and "our CFO" with the comma speech recognition left out. */
const AFTER = new RegExp(String.raw`^(?:\s*,\s*(?:who\s+is\s+)?(?:our|the|its)?|\s+(?:our|its))\s*${TENURE}(${ROLES})\b`, 'i');

/** Text ending in a capitalised word, a comma and maybe a possessive: the tail of someone's name. */
const FOLLOWS_NAME = /\p{Lu}[\p{L}'’-]*\s*,\s*(?:our|the|its)?\s*(?:new|interim|incoming|acting)?\s*$/u;

/** What joins two turns in the haystack (U+2029 never reaches a call's text: decoding makes it a line break). */
const TURN_BREAK = '\u2029';

/** Two names are in one list when the text between them is short, ends no sentence and no turn. */
const sameList = (between: string) => between.length <= WINDOW && !/[.!?;]\s/.test(between) && !between.includes(TURN_BREAK);

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
    else if (opening.length < OPENING_CHARS) opening += `\n\n${TURN_BREAK}${t.text}`;
  }
  const haystack = `${opening.slice(0, OPENING_CHARS)}\n\n${TURN_BREAK}${parts.join(`\n\n${TURN_BREAK}`)}`;
  const names = [...wanting].sort((a, b) => b.name.length - a.name.length);
  const byName = new Map(names.map((p) => [p.name.replace(/\s+/g, ' ').toLowerCase(), p]));
  // The longest name first where several start at one place, as an alternation of them in this order would.
  const matches = nameOccurrences(haystack, names.map((p) => p.name)).map((m) => ({ person: byName.get(m.text.replace(/\s+/g, ' ').toLowerCase()), start: m.start, end: m.end }));
  const found = new Map<string, string>();
  // Names within WINDOW of each other in one sentence form one list of introductions; a role between two of them
  // belongs to one or the other by the list's own convention.
  for (let from = 0; from < matches.length; ) {
    let to = from + 1;
    while (to < matches.length && sameList(haystack.slice(matches[to - 1]!.end, matches[to]!.start))) to++;
    const list = matches.slice(from, to).map((m, i, all) => {
      const prevEnd = i > 0 ? all[i - 1]!.end : Math.max(0, m.start - WINDOW);
      const nextStart = i < all.length - 1 ? all[i + 1]!.start : m.end + WINDOW;
      // A role and the name it introduces are in one turn: never across the break between two (a legend's lines, two speakers).
      const textBefore = haystack.slice(prevEnd, m.start).split(TURN_BREAK).at(-1) as string;
      const before = BEFORE.exec(textBefore);
      const after = AFTER.exec(haystack.slice(m.end, nextStart).split(TURN_BREAK)[0] as string)?.[1];
      return { person: m.person, before: before?.[1], beforeAt: before?.index ?? 0, textBefore, after };
    });
    // "President and CEO, Ann Lee, CFO, Bo Ng": a list that opens with a role before its first name
    // gives each name the role before it; otherwise ("Ann Lee, CEO, Bo Ng, CFO") the role after it.
    // A role itself right after a capitalised word and comma ("Adi Hoess, our CEO, Andreas …") may
    // close the introduction of someone not matched, so it does not make the list roles-first.
    const first = list[0]!;
    const opensWithRole = first.before !== undefined && !FOLLOWS_NAME.test(first.textBefore.slice(0, first.beforeAt));
    const rolesFirst = opensWithRole && (list.length === 1 || first.after === undefined || list[list.length - 1]!.after === undefined);
    for (const { person, before, after } of list) {
      if (!person || found.has(person.id)) continue;
      const role = rolesFirst ? (before ?? after) : (after ?? before);
      if (role) found.set(person.id, tidy(role));
    }
    from = to;
  }
  return participants.map((p) => (found.has(p.id) ? { ...p, title: found.get(p.id)! } : p));
}
