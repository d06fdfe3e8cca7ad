/**
 * The frames a question is asked in, read apart from its subject: who asked ("Which analyst asked
 * about X", "Did anyone ask about X"), who spoke ("Which company talked about X"), what someone said
 * ("What did X say about Y"), where ("on the call", "in the Q&A"), and a firm beside "analyst".
 * Regular expressions over the question's words, with a one-letter typo in a frame word forgiven.
 */
import { editDistance } from './edit-distance.js';
import { stripScaffold } from './topic-text.js';

/** Someone asking, named by what they are, not who ("a private investor asking about buybacks", "analyst pushing Acme on its leverage"): the words go, the frame stays. */
export const ASKER =
  /\b(?:(?:an?|the|one|private|retail|individual|institutional)\s+)?(?:analysts?|investors?|shareholders?)\s+(?:asking|asks|asked|challenging|challenged|challenges|pushing|pushed|pushes|pressing|pressed|presses|probing|probed|questioning|questioned|querying|queried|quizzing|grilling|noting|noted|pointing\s+out|pointed\s+out|wondering|wondered)(?:\s+that\b)?/i;
/** Who asked: "Which analyst asked about X", "Did anyone ask about X", "Any questions on X", "Which company was asked about X", "an investor asking about X". */
export const WHO_ASKED = new RegExp(String.raw`\b(who|which\s+(?:analysts?|firms?|banks?))\b[^?]*?\b(ask|asks|asked|asking|question|questions|questioned|raise|raised|brought\s+up|bring\s+up|wanted\s+to\s+know|inquired|probed|pressed)\b|^\s*(?:did|has|have|had|was|were)\s+(?:anyone|anybody|someone|somebody|any\s+analysts?|analysts|there\s+(?:any\s+|a\s+)?questions?)\s+(?:ask|asked|raise|raised|bring\s+up|brought\s+up|question|questioned|on|about|regarding)\b|^\s*any\s+questions?\s+(?:on|about|regarding)\b|\b(?:was|were|been|got|get|gets)\s+(?:ever\s+)?asked\s+(?:about|on|regarding|whether|if|how|why|what)\b|${ASKER.source}`, 'i');
/** A word of asking, for questions about what a named analyst asked. */
export const ASKED = /\b(ask|asks|asked|asking|question|questions|questioned|raise|raised|inquired|probed|pressed|wants?\s+to\s+know|wanted\s+to\s+know)\b/i;
/** "on the call", "during the latest earnings call": where, not what. */
export const ON_THE_CALL = /\b(?:on|during|in|at)\s+(?:the|this|today's|their|its|that)\s+(?:(?:latest|last|recent|earnings|conference|quarterly)\s+)*call\b/gi;
/** The Q&A, or the prepared remarks, named as the section to search. */
export const QA_WORDS = /\b(q\s*&\s*a|q\s+and\s+a|question[-\s]and[-\s]answer)\b/i;
export const PREPARED_WORDS = /\b(prepared\s+remarks|opening\s+remarks|presentation)\b/i;

// Words that carry the question's frame; a one-letter slip in them ("askd", "abuot") would hide the intent.
const FRAME_WORDS = ['asked', 'about', 'question', 'questions', 'management'];

/** Fix one-edit typos in frame words (same first letter, 4+ letters), leaving every other word alone. */
export function correctFrameWords(text: string): string {
  return text.replace(/\p{L}{4,}/gu, (word) => {
    const lower = word.toLowerCase();
    if (FRAME_WORDS.includes(lower)) return word;
    const fix = FRAME_WORDS.find((f) => f[0] === lower[0] && editDistance(lower, f, 1) <= 1);
    return fix ?? word;
  });
}

/**
 * Frames that ask who spoke about something rather than what a named speaker said ("Which
 * company talked about hydrogen?", "Who mentioned tariffs?"): the subject is what follows.
 */
const WHO_SPOKE_FRAME =
  /^\s*(?:(?:which|what)\s+(?:compan(?:y|ies)|firms?|calls?|executives?|people|speakers?)|who(?:\s+else)?)\s+(?:has\s+|have\s+|had\s+)?(?:talked|talks|spoke|speaks|said\s+anything|said(?:\s+that)?|says(?:\s+that)?|mentioned|mentions|discussed|discusses|commented|comments|brought\s+up|addressed|highlighted)\s+(?:about\s+|on\s+|regarding\s+)?(?<subject>.+)$/i;
/**
 * "What did X say about Y" where X names nobody the library knows ("What did AXP say about card
 * spending?"): the subject is Y, and X is reported as unmatched rather than searched for.
 */
const SAY_FRAME =
  /^\s*(?:what|how)\s+(?:did|does|do|has|have|had|is|was|were)\s+(?<who>\S.{0,58}?)\s+(?:say|said|says|think|thinks|feel|feels|comment|commented|talk|talked|speak|spoke|mention|mentioned|discuss|discussed|tell|told|note|noted|explain|explained|describe|described|(?<asks>ask|asked|wants?\s+to\s+know|wanted\s+to\s+know|inquire|inquired))(?:\s+(?:about|on|regarding|re|around|of)(?:\s+(?<subject>.+?))?)?\s*[?.!]*$/i;
/** Who a say-frame may name without naming anyone in particular. */
const ANYONE = /^(?:they|he|she|you|we|it|them|people|everyone|anyone|somebody|someone|the\s+(?:speakers?|participants?|call))$/i;

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

/**
 * "Which steelmaker said X", "what German utility expects X": a company described rather than
 * named. Its description (which company the rest of the library's words point to: brand.ts) and
 * the subject. Group words ("which company talked about…") are WHO_SPOKE_FRAME's; a role or a
 * name ("which CFO said") is read as a person before this frame is tried.
 */
const DESCRIBED_FRAME =
  /^\s*(?:which|what)\s+(?<described>(?:[\p{L}\p{N}'’&.-]+\s+){0,4}?[\p{L}\p{N}'’&.-]+?)\s+(?:has\s+|have\s+|had\s+)?(?:said|says|saying|talked\s+about|spoke\s+about|mentioned|discussed|described|explained|expects|expected|reported|flagged|warned|noted|cited|blamed|credited|highlighted|pointed\s+to|claimed|argued|announced)\s+(?:that\s+)?(?<subject>\S.*)$/iu;
/** First words of what is no description: a question's auxiliary ("what did…"), an article, a pronoun. */
const NOT_DESCRIBED = /^(?:did|does|do|is|was|are|were|has|have|had|will|would|can|could|should|the|a|an|they|he|she|we|you|it|people|everyone|anyone|someone|somebody|else)$/i;

export function describedFrame(q: string): { described: string; subject: string } | null {
  const m = DESCRIBED_FRAME.exec(q)?.groups;
  if (!m?.described || !m.subject) return null;
  if (NOT_DESCRIBED.test(m.described.split(/\s+/)[0]!)) return null;
  return { described: m.described, subject: m.subject };
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
