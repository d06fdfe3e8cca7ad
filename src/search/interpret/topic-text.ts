/**
 * What is left of a question as its topic once the words that frame it are set aside: the
 * scaffolding around the subject ("what did … say about"), the spans naming people, companies and
 * periods, and frames whose subject is all there is to search ("Which company talked about X").
 */

// Words that frame a question about a speaker rather than name its subject; stripped only at the edges of what remains.
const SCAFFOLD = new Set(
  (
    'what whats what\'s wat wht how did does do has have had is was were the a an to of say said says saying think thinks thought ' +
    'believe feel comment comments commented commentary remarks remark view views take on about abt bout re regarding around ' +
    'talk talks talked talking tell told share shared mention mentioned discuss discussed explain explained describe described ' +
    'ask asks asked asking question questions who which analyst analysts firm from by with in at for any anything something ' +
    'management executives exec execs company operator please can could would you me us give provide his her their s and ' +
    'mr mrs ms dr prof are will be been person guy folks anyone anybody someone somebody there raise raised bring brought topic'
  ).split(/\s+/),
);
/** Only before the subject: "how much cash…", "how many stores…", "compare what…", "summarize all…". */
const LEADING_ONLY = new Set(['much', 'many', 'up', 'compare', 'summarize', 'summarise', 'show', 'list', 'find', 'all', 'everything']);
/** Never at its end, where they finish the subject: "market share", "earnings per share", "inventory management", "cable operator". */
const SUBJECT_ENDS = new Set(['share', 'shares', 'management', 'operator']);
/** Auxiliaries a question's word order leaves inside its subject ("how much cash did [Travelers] return"). */
const AUXILIARIES = /\s+(?:did|does)(?=\s)/gi;

export function stripScaffold(text: string): string {
  const words = text.replace(AUXILIARIES, '').split(/\s+/).filter(Boolean);
  const norm = (w: string) => w.toLowerCase().replace(/[^\p{L}']/gu, '').replace(/'s$/, '');
  // A word in capitals is an abbreviation ("the US market"), not "us" — unless the whole question is shouted.
  const shouted = text === text.toUpperCase();
  const scaffold = (w: string) => SCAFFOLD.has(norm(w)) && (shouted || !/^\p{Lu}[\p{Lu}.]+$/u.test(w.replace(/[^\p{L}.]/gu, '')));
  let a = 0;
  let b = words.length;
  while (a < b && (scaffold(words[a]!) || LEADING_ONLY.has(norm(words[a]!)))) a++;
  while (b > a && scaffold(words[b - 1]!) && !SUBJECT_ENDS.has(norm(words[b - 1]!))) b--;
  return words.slice(a, b).join(' ');
}

/**
 * Frames that ask who spoke about something rather than what a named speaker said ("Which
 * company talked about hydrogen?", "Who mentioned tariffs?"): the subject is what follows.
 */
const WHO_SPOKE_FRAME =
  /^\s*(?:(?:which|what)\s+(?:compan(?:y|ies)|firms?|calls?|executives?|people|speakers?)|who(?:\s+else)?)\s+(?:has\s+|have\s+|had\s+)?(?:talked|talks|spoke|speaks|said\s+anything|mentioned|mentions|discussed|discusses|commented|comments|brought\s+up|addressed|highlighted)\s+(?:about\s+|on\s+|regarding\s+)?(?<subject>.+)$/i;
/**
 * "What did X say about Y" where X names nobody the library knows ("What did AXP say about card
 * spending?"): the subject is Y, and X is reported as unmatched rather than searched for.
 */
const SAY_FRAME =
  /^\s*(?:what|how)\s+(?:did|does|do|has|have|had|is|was|were)\s+(?<who>\S.{0,58}?)\s+(?:say|said|says|think|thinks|feel|feels|comment|commented|talk|talked|speak|spoke|mention|mentioned|discuss|discussed|tell|told|note|noted|explain|explained|describe|described|(?<asks>ask|asked))(?:\s+(?:about|on|regarding|re|around|of)(?:\s+(?<subject>.+?))?)?\s*[?.!]*$/i;
/** Who a say-frame may name without naming anyone in particular. */
const ANYONE = /^(?:they|he|she|you|we|it|them|people|everyone|anyone|somebody|someone|the\s+(?:speakers?|participants?|call))$/i;

export function removeSpans(text: string, spans: { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((x, y) => x.start - y.start)) {
    out += text.slice(at, s.start) + ' ';
    // "Amazon's CFO": the possessive goes with the name.
    at = Math.max(at, s.end + (/^['’](?:s\b|(?=\s))/.exec(text.slice(s.end))?.[0].length ?? 0));
  }
  // What a removed name leaves behind ("Northwind Robotics, Inc. say" → ", . say") is not the topic.
  return (out + text.slice(at)).replace(/\s+[.,;:]+(?=\s|$)/g, ' ').replace(/\s+/g, ' ');
}


export const cleanEdges = (t: string): string => t.replace(/^[\s,.;:!?'"“”‘’()-]+|[\s,.;:!?'"“”‘’()-]+$/g, '');

/**
 * The subject of a question framed as "which company talked about X" / "who mentioned X", or
 * "what did X say (about Y)" — with X when it is a name (to be reported if nothing matched it),
 * not "they" or filler, and whether X asked ("What did Justin Post ask about AWS?": a question
 * by someone the calls do not name). Null when the question has neither frame.
 */
export function subjectFrame(q: string): { subject: string; unknownName: string | null; asks: boolean } | null {
  const spoke = WHO_SPOKE_FRAME.exec(q)?.groups;
  if (spoke?.subject) return { subject: spoke.subject, unknownName: null, asks: false };
  const said = SAY_FRAME.exec(q)?.groups;
  if (!said?.who) return null;
  const who = said.who.trim();
  return { subject: said.subject ?? '', unknownName: !ANYONE.test(who) && stripScaffold(who) !== '' ? who : null, asks: said.asks !== undefined };
}

/** A firm named beside "analyst" ("the analyst from Bank of America", "the Wells Fargo analyst"): its words' span. */
const FIRM_BESIDE_ANALYST = [
  /\banalysts?\s+(?:from|at|with|of)\s+((?:[\p{Lu}&][\p{L}\p{N}&.'’-]*)(?:\s+(?:of|&|and|[\p{Lu}&][\p{L}\p{N}&.'’-]*))*)/u,
  /\b(?:the|an?)\s+((?:[\p{Lu}&][\p{L}\p{N}&.'’-]*)(?:\s+(?:of|&|and|[\p{Lu}&][\p{L}\p{N}&.'’-]*))*)\s+analysts?\b/u,
];

/** Where the question names an analyst's firm in words, matched or not ("…the analyst from Bank of America"). */
export function firmBesideAnalyst(q: string): { start: number; end: number; text: string } | null {
  for (const re of FIRM_BESIDE_ANALYST) {
    const m = re.exec(q);
    if (m?.[1]) {
      const start = m.index + m[0].indexOf(m[1]);
      return { start, end: start + m[1].length, text: m[1] };
    }
  }
  return null;
}
