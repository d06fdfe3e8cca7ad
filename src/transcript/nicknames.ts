/**
 * Common English given names and their usual short forms (Andrew ↔ Andy, Douglas ↔ Doug…).
 * Used by the parser (a speaker line "Andy Jassy" names the listed "Andrew Jassy") and by
 * query-time name resolution; nothing here knows about any one call.
 */

/** Formal name → short forms; read in both directions. */
const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  alexander: ['alex', 'al'],
  andrew: ['andy', 'drew'],
  anthony: ['tony'],
  benjamin: ['ben'],
  catherine: ['cathy', 'kate', 'katie'],
  charles: ['charlie', 'chuck'],
  christopher: ['chris'],
  daniel: ['dan', 'danny'],
  david: ['dave'],
  deborah: ['deb', 'debbie'],
  donald: ['don'],
  douglas: ['doug'],
  edward: ['ed', 'eddie', 'ted'],
  elizabeth: ['liz', 'beth', 'betsy'],
  frederick: ['fred'],
  gerald: ['jerry'],
  geoffrey: ['geoff', 'jeff'],
  gregory: ['greg'],
  james: ['jim', 'jimmy', 'jamie'],
  jeffrey: ['jeff'],
  jennifer: ['jen', 'jenny'],
  jessica: ['jess'],
  john: ['jack', 'johnny'],
  jonathan: ['jon'],
  joseph: ['joe', 'joey'],
  joshua: ['josh'],
  katherine: ['kate', 'katie', 'kathy'],
  kenneth: ['ken'],
  kimberly: ['kim'],
  lawrence: ['larry'],
  margaret: ['maggie', 'meg', 'peggy'],
  matthew: ['matt'],
  michael: ['mike', 'mick'],
  nathaniel: ['nate', 'nathan'],
  nicholas: ['nick'],
  patricia: ['pat', 'trish'],
  patrick: ['pat'],
  peter: ['pete'],
  philip: ['phil'],
  phillip: ['phil'],
  raymond: ['ray'],
  rebecca: ['becky'],
  richard: ['rick', 'rich', 'dick'],
  robert: ['bob', 'rob', 'bobby', 'robbie'],
  ronald: ['ron'],
  samuel: ['sam'],
  stephen: ['steve'],
  steven: ['steve'],
  susan: ['sue'],
  theodore: ['ted', 'theo'],
  thomas: ['tom', 'tommy'],
  timothy: ['tim'],
  victoria: ['vicky', 'tori'],
  william: ['bill', 'will', 'billy', 'liam'],
  zachary: ['zach'],
};

/** Letters with a stroke or ligature, which no decomposition takes apart ("Øberg" is written "Oberg" on a keyboard without Ø). */
const UNDECOMPOSED: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };

/** Lowercase, diacritics and dots/apostrophes removed: the form names are compared in. */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[øæœßłđðþıħ]/g, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/[.'\u2019]/g, '');
}

/** Every name → the other forms it may be written in (built once). */
const VARIANTS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string): void => {
    if (a === b) return;
    const set = map.get(a) ?? new Set<string>();
    set.add(b);
    map.set(a, set);
  };
  for (const [formal, shorts] of Object.entries(NICKNAMES)) {
    for (const short of shorts) {
      add(formal, short);
      add(short, formal);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v]]));
})();

/** Nicknames and formal forms of a given name (lowercase), excluding the name itself. */
export function nicknamesOf(firstName: string): string[] {
  return [...(VARIANTS.get(foldWord(firstName)) ?? [])];
}
