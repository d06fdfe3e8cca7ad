import { lexicalTokens } from '../../index/lexical-tokens.js';

/**
 * A yes/no question about what the company did or will do ("Did Nexstar buy back any stock…?",
 * "Will Affimed select patients by…?"): its verb is what the answer has to say ("We're currently
 * not buying stock"), where a sentence that only shares the other words ("the quarter", "stock
 * comp") says something else. Read only when the subject is a name the question was found to
 * mention (a company, a person) or a pronoun for the company, and the verb is no light verb
 * ("is X seeing…", "does X expect…") that any sentence could hold.
 */

const AUXILIARY = /^\s*(?:(?:so|and|but|ok(?:ay)?|also)[,]?\s+)*(?:did|does|do|will|would|has|have|had|is|are|was|were|can|could|should)\s+/i;
const PRONOUN_SUBJECT = /^(?:they|you|we|it|management|the\s+company)\s+/i;
/** A possessive after a name ("Amazon's CFO", "Harbor Lights' CFO"), or nothing. */
const POSSESSIVE = /^(?:['’]s?)?/;
/** Adverbs between the subject and its verb ("did they ever…", "is X still…"). */
const ADVERBS = new Set(['still', 'also', 'really', 'ever', 'already', 'currently', 'actually', 'now', 'not', 'finally', 'just']);
/** Verbs nearly every sentence of a call could hold: no evidence of an answer. */
const LIGHT_VERBS = new Set([
  'be', 'being', 'been', 'have', 'having', 'had', 'do', 'doing', 'done', 'get', 'getting', 'got', 'make', 'making', 'see', 'seeing',
  'take', 'taking', 'go', 'going', 'think', 'thinking', 'say', 'saying', 'expect', 'expecting', 'need', 'needing', 'look', 'looking',
  'feel', 'feeling', 'want', 'wanting', 'talk', 'talking', 'plan', 'planning', 'intend', 'continue', 'continuing',
]);

/** The lexical term of a yes/no question's verb, or null (see above). `spans`: where the question mentions names. */
export function yesNoVerb(question: string, spans: readonly { start: number; end: number }[]): string | null {
  const aux = AUXILIARY.exec(question);
  if (!aux) return null;
  let at = aux[0].length;
  let subject = false;
  // The subject: mentioned names back to back ("Amazon's CFO"), or a pronoun for the company.
  for (;;) {
    const span = spans.find((s) => s.start === at);
    if (!span) break;
    subject = true;
    at = span.end;
    at += POSSESSIVE.exec(question.slice(at))![0].length;
    at += /^\s*/.exec(question.slice(at))![0].length;
  }
  if (!subject) {
    const pronoun = PRONOUN_SUBJECT.exec(question.slice(at));
    if (!pronoun) return null;
    at += pronoun[0].length;
  }
  const words = question.slice(at).split(/\s+/).filter(Boolean);
  let i = 0;
  while (i < words.length && ADVERBS.has(words[i]!.toLowerCase())) i++;
  const verb = words[i]?.toLowerCase().replace(/[^\p{L}-]/gu, '');
  if (!verb || LIGHT_VERBS.has(verb)) return null;
  return lexicalTokens(verb)[0] ?? null;
}
