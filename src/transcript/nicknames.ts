/**
 * Common English given names and their usual short forms, read in both directions.
 * Used by the parser (a speaker line "Andy Jassy" is the listed Andrew Jassy) and by query
 * interpretation ("what did Andy say").
 */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
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

const normalise = (word: string): string => word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[.'\u2019]/g, '');

/** Nicknames and formal forms of a given name (lowercase), excluding the name itself. */
export function nicknamesOf(firstName: string): string[] {
  const name = normalise(firstName);
  const out = new Set<string>(NICKNAMES[name] ?? []);
  for (const [formal, shorts] of Object.entries(NICKNAMES)) if (shorts.includes(name)) out.add(formal);
  out.delete(name);
  return [...out];
}
