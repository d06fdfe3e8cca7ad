/**
 * Sides an interview gives when nothing else does: a fireside chat at a broker's conference, a host interviewing an
 * executive, with no operator, no question introductions and no participants list.
 *
 * - A voice that introduces itself by its own name with a firm ("This is Craig Lowe with Harbor Securities", "I'm
 *   Hugo Brandt, software analyst at Harbor Securities") is of that firm: the company's when the firm is the call's
 *   company, else — when the call names its company and the voice asks questions — the side asking (an analyst,
 *   the host), the firm theirs.
 * - A name another voice puts right after the company's name ("…with us today, Brindle Analytics' Owen Pryce", "…we
 *   have Brindle Analytics Owen Pryce, group head of…") is the company's, the company their firm.
 *
 * Only a voice's own name counts (never "I'm here with Maria Castell"), only in its first turns, and only for
 * participants whose side nothing else gave.
 */
import { nameWords } from './names.js';
import { namesCompany } from './participant-lines.js';
import type { Participant } from './types.js';

/** How many of a voice's first turns may hold its self-introduction. */
const OPENING_TURNS = 2;

/** The words that open a self-introduction, right before the speaker's own name. */
const SELF = String.raw`(?:this is|I['’]m|I am|my name is|it['’]s)`;

/** A firm's words after "with"/"from"/"at"/"of": capitalised words, "&", "and", "of" inside; a sentence's end closes it. */
function firmAt(text: string): string | null {
  const firm: string[] = [];
  for (const token of text.split(/\s+/).slice(0, 8)) {
    const bare = token.replace(/[,;:!?)]+$/, '');
    if (!/^(?:\p{Lu}[\p{L}\p{N}&.'’-]*|&|and|of)$/u.test(bare)) break;
    const end = bare.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(bare);
    firm.push(end ? bare.slice(0, -1) : bare);
    if (end || bare !== token) break;
  }
  while (firm.length > 0 && /^(?:and|of|&)$/.test(firm.at(-1)!)) firm.pop();
  return firm.length > 0 ? firm.join(' ') : null;
}

/** What stands in for a company the source does not name: its ticker or a dataset's number ("TRANSCO.LG", "4374910"), the file's name. */
function isStandIn(company: string): boolean {
  return !/\p{Ll}/u.test(company) || /\.[A-Za-z0-9]{2,5}$/.test(company) || company === 'Unknown company';
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The written forms of a name a voice or a host says: in full, and first and last name of a longer one. */
function spokenForms(name: string): string[] {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return [];
  return [...new Set([words.join(' '), `${words[0]} ${words.at(-1)}`])];
}

/** The firm a voice gives itself in `text` ("This is Craig Lowe with Harbor Securities"), or null. */
export function selfIntroducedFirm(text: string, name: string): string | null {
  for (const form of spokenForms(name)) {
    const m = new RegExp(String.raw`\b${SELF}\s+${escaped(form)}(?:\s*,\s*[^,.;!?]{1,60}?)?\s*,?\s+(?:with|from|at|of)\s+`, 'iu').exec(text);
    if (m) {
      const firm = firmAt(text.slice(m.index + m[0].length));
      if (firm !== null) return firm;
    }
  }
  return null;
}

/** Whether `text` puts the company's name right before `name` ("American Express Doug Lowe", "Brindle Analytics' Owen Pryce"). */
export function namedAfterCompany(text: string, name: string, company: string): boolean {
  for (const form of spokenForms(name)) {
    for (const m of text.matchAll(new RegExp(String.raw`((?:\p{Lu}[\p{L}\p{N}&.-]*\s+){0,4}\p{Lu}[\p{L}\p{N}&.-]*)(?:['’]s?)?,?\s+${escaped(form)}\b`, 'gu'))) {
      const before = (m[1] as string).split(/\s+/);
      // The company's name may start anywhere in the capitalised words before the name ("Morning, American Express").
      for (let k = 0; k < before.length; k++) if (namesCompany(before.slice(k).join(' '), company) && nameWords(before.slice(k).join(' ')).length > 0) return true;
    }
  }
  return false;
}

/**
 * Sets the side (and firm) of each open participant an introduction gives one (see the module comment); returns
 * whether any was set. `open` says whose side may be inferred.
 */
export function applyIntroducedSides(
  people: readonly Participant[],
  turns: readonly { speakerId: string; text: string }[],
  company: string | null,
  open: (p: Participant) => boolean,
): boolean {
  let any = false;
  const opening = new Map<string, string[]>();
  for (const t of turns) {
    const own = opening.get(t.speakerId) ?? [];
    if (own.length < OPENING_TURNS) opening.set(t.speakerId, [...own, t.text]);
  }
  for (const p of people) {
    if (!open(p)) continue;
    const firm = (opening.get(p.id) ?? []).map((text) => selfIntroducedFirm(text, p.name)).find((f) => f !== null) ?? null;
    if (firm !== null) {
      const own = company !== null && namesCompany(firm, company);
      // Another firm's voice is the one asking only when the call names its company (a ticker standing in for it,
      // "TRANSCO.LG", could be that firm's) and the voice asks: an executive's "…of Transnational Corporation" was "analyst".
      const asking = !own && company !== null && !isStandIn(company) && turns.some((t) => t.speakerId === p.id && t.text.includes('?'));
      if (own || asking) {
        Object.assign(p, { side: own ? 'company' : 'analyst', sideSource: 'inferred', firm: p.firm ?? (own ? company : firm) });
        any = true;
      }
      continue;
    }
    if (company !== null && turns.some((t) => t.speakerId !== p.id && namedAfterCompany(t.text, p.name, company))) {
      Object.assign(p, { side: 'company', sideSource: 'inferred', firm: p.firm ?? company });
      any = true;
    }
  }
  return any;
}
