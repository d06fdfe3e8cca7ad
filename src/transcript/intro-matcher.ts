/**
 * Finds which participant an operator's introduction names ("…comes from the line of Mark
 * Mahaney with Evercore ISI"). One phrase table is built per call (full name, first + last,
 * nickname + last, and the surname when only one participant has it); a text is then scanned
 * once, word by word, so the cost is linear in the text whatever the number of participants.
 */
import { foldWord, nicknamesOf } from './nicknames.js';
import type { Participant } from './types.js';

/** How specific a matched phrase is: full name > first + last > surname alone. */
const FULL = 3;
const FIRST_LAST = 2;
const SURNAME = 1;

/** Longest phrase looked up, in words. */
const MAX_PHRASE_WORDS = 6;

interface Entry {
  participant: Participant;
  strength: number;
}

interface Word {
  folded: string;
  capitalised: boolean;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'\u2019.\-]*/gu)) {
    const raw = m[0].replace(/[.\-'\u2019]+$/, '').replace(/['\u2019]s$/i, '');
    const folded = foldWord(raw);
    if (folded !== '') out.push({ folded, capitalised: /^\p{Lu}/u.test(raw) });
  }
  return out;
}

export class IntroMatcher {
  private readonly phrases = new Map<string, Entry[]>();
  private readonly maxWords: number;

  constructor(candidates: readonly Participant[]) {
    const surnameCount = new Map<string, number>();
    const parts = candidates.map((p) => ({ p, w: words(p.name).map((x) => x.folded) }));
    for (const { w } of parts) {
      const last = w.at(-1);
      if (last && w.length > 1) surnameCount.set(last, (surnameCount.get(last) ?? 0) + 1);
    }
    let maxWords = 1;
    const add = (key: string, participant: Participant, strength: number): void => {
      const entries = this.phrases.get(key) ?? [];
      if (!entries.some((e) => e.participant === participant && e.strength >= strength)) entries.push({ participant, strength });
      this.phrases.set(key, entries);
      maxWords = Math.max(maxWords, key.split(' ').length);
    };
    for (const { p, w } of parts) {
      if (w.length === 0 || w.length > MAX_PHRASE_WORDS) continue;
      add(w.join(' '), p, FULL);
      if (w.length < 2) continue;
      const first = w[0] as string;
      const last = w[w.length - 1] as string;
      add(`${first} ${last}`, p, FIRST_LAST);
      for (const nick of nicknamesOf(first)) add(`${nick} ${last}`, p, FIRST_LAST);
      if (surnameCount.get(last) === 1 && last.length > 1) add(last, p, SURNAME);
    }
    this.maxWords = maxWords;
  }

  /**
   * The participant the text names most specifically (earliest on ties), or null. A surname on
   * its own counts only when capitalised ("Price", not "price").
   */
  find(text: string): Participant | null {
    const ws = words(text);
    let best: { participant: Participant; strength: number; position: number } | null = null;
    for (let i = 0; i < ws.length; i++) {
      let key = '';
      for (let n = 1; n <= this.maxWords && i + n <= ws.length; n++) {
        key = n === 1 ? (ws[i] as Word).folded : `${key} ${(ws[i + n - 1] as Word).folded}`;
        const entries = this.phrases.get(key);
        if (!entries) continue;
        for (const e of entries) {
          if (e.strength === SURNAME && !(ws[i] as Word).capitalised) continue;
          if (best === null || e.strength > best.strength) best = { participant: e.participant, strength: e.strength, position: i };
        }
      }
    }
    return best?.participant ?? null;
  }
}
