/**
 * What is left of a question as its topic once the words that frame it are set aside: the
 * scaffolding around the subject ("what did … say about") and the spans naming people, companies
 * and periods. The frames themselves are read in question-frames.ts.
 */
import { durationSubject } from './timing-question.js';

// Words that frame a question about a speaker rather than name its subject; stripped only at the edges of what remains.
const SCAFFOLD = new Set(
  (
    'what whats what\'s wat wht how did does do has have had is was were the a an to of say said says saying think thinks thought ' +
    'believe feel comment comments commented commentary remarks remark view views take on about abt bout re regarding around ' +
    'talk talks talked talking tell told share shared mention mentioned discuss discussed explain explained describe described ' +
    'ask asks asked asking question questions who which analyst analysts firm from by with in at for any anything something ' +
    'management executives exec execs company operator please can could would you me us give provide his her their s and ' +
    'mr mrs ms dr prof are will be been person guy folks anyone anybody someone somebody there raise raised bring brought topic ' +
    'want wants wanted know inquire inquired see sees ' +
    // What is left of "…, according to the CFO", "…, per Aldeyra" once the name is set aside.
    'according per ' +
    // …and of "margins in Q2 2023 vs Q2 2024" once the periods are.
    'vs versus compared'
  ).split(/\s+/),
);
/** Frame verbs that are also nouns of a subject ("share buyback", "share count"). */
const NOUN_OR_VERB = new Set(['share', 'shares']);
/** Only before the subject: "how much cash…", "how many stores…", "compare what…", "summarize all…". */
const LEADING_ONLY = new Set(['much', 'many', 'up', 'compare', 'summarize', 'summarise', 'show', 'list', 'find', 'all', 'everything']);
/** After "how", the degree asked about is part of the frame ("how fast does X expect…", "how big is payroll"). */
const HOW_DEGREE = new Set(['fast', 'quickly', 'big', 'large', 'high', 'low', 'far', 'often', 'soon', 'long', 'hard', 'well', 'strong', 'bad', 'severe', 'likely', 'much', 'many']);
/** Never at its end, where they finish the subject: "market share", "earnings per share", "inventory management", "cable operator". */
const SUBJECT_ENDS = new Set(['share', 'shares', 'management', 'operator']);
/** Auxiliaries a question's word order leaves inside its subject ("how much cash did [Travelers] return"). */
const AUXILIARIES = /\s+(?:did|does)(?=\s)/gi;

export function stripScaffold(text: string): string {
  // "How long will the cash last?": a duration asked of its subject ("cash"), whose own words are no topic.
  text = durationSubject(text) ?? text;
  const words = text.replace(AUXILIARIES, '').split(/\s+/).filter(Boolean);
  const norm = (w: string) => w.toLowerCase().replace(/[^\p{L}']/gu, '').replace(/'s$/, '');
  // A word in capitals is an abbreviation ("the US market"), not "us" — unless the whole question is shouted.
  const shouted = text === text.toUpperCase();
  // A word with digits is a figure ("40s", "Q3"), never scaffolding, whatever its letters.
  const scaffold = (w: string, i: number) =>
    !/\d/.test(w) && SCAFFOLD.has(norm(w)) && (shouted || !/^\p{Lu}[\p{Lu}.]+$/u.test(w.replace(/[^\p{L}.]/gu, ''))) && !theCountry(i);
  // "sell in the us": after "the", "us" is the country typed in lowercase, never the pronoun.
  const theCountry = (i: number) => norm(words[i]!) === 'us' && i > 0 && norm(words[i - 1]!) === 'the';
  let a = 0;
  let b = words.length;
  // "share buybacks": a verb of the frame that is also a noun stays when a content word follows it ("share about X" is the verb).
  const nounHere = (i: number) => NOUN_OR_VERB.has(norm(words[i]!)) && i + 1 < b && !scaffold(words[i + 1]!, i + 1);
  const howDegree = (i: number) => i > 0 && norm(words[i - 1]!) === 'how' && HOW_DEGREE.has(norm(words[i]!));
  while (a < b && ((scaffold(words[a]!, a) && !nounHere(a)) || howDegree(a) || (!/\d/.test(words[a]!) && LEADING_ONLY.has(norm(words[a]!))))) a++;
  while (b > a && scaffold(words[b - 1]!, b - 1) && !SUBJECT_ENDS.has(norm(words[b - 1]!))) b--;
  return words.slice(a, b).join(' ');
}

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
