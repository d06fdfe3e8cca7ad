/**
 * A pasted analyst question: long and conversational, copied from a note, an email or another
 * transcript ("Hi, good morning. So just one question for me… maybe Steve, could you…"). Names,
 * sections and role words inside it address people or set context; they are not filters. The
 * greetings, thanks and throat-clearing are dropped before the text is embedded, because they carry
 * no topic and pull the embedding towards every other greeting on every call.
 */

/** At least this many words, or… */
const LONG_WORDS = 30;
/** …this many, asked the way one asks a person, reads as a pasted question rather than a search. */
const QUESTION_WORDS = 18;
/** Asking a person: "could you…", "I wanted to…", "help us understand…". */
const ASKS_SOMEONE = /\b(could|can|would)\s+you\b|\b(i\s+(?:wanted|want|was\s+wondering|wonder|would\s+like)\s+to|i'd\s+like\s+to|how\s+should\s+we\s+think|help\s+us\s+(?:understand|size|think))\b/i;
/** A sentence's end followed by more words. */
const SENTENCE_BREAK = /[.?!]\s+\S/;

export function readsAsPastedQuestion(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words >= LONG_WORDS) return true;
  // One long sentence ending in "?" is a typed search ("Is PointsBet giving up on 10% of the US market
  // given what rivals spend?"): its company and period stay constraints. Said to someone, or asked
  // after a lead-in sentence ("Got it. And have rents…?"), it was pasted.
  return words >= QUESTION_WORDS && (ASKS_SOMEONE.test(text) || (text.includes('?') && SENTENCE_BREAK.test(text.trim())));
}

/** Capitalised words right after a greeting or thanks: the people addressed ("Hi Brett, hi Brian"). */
const ADDRESSED = String.raw`(?:,?\s+(?:and\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?,?)*`;

/** Conversational filler, each pattern with what it drops in general. */
const FILLER: readonly RegExp[] = [
  // Greetings and the people greeted: "Hi Brett, hi Brian, good morning", "Hey guys", "Morning everyone"
  // (whole words only: "higher" holds no greeting).
  new RegExp(String.raw`\b(?:hi|hey|hello|(?:good\s+)?(?:morning|afternoon|evening))\b(?:\s+(?:everyone|everybody|all|guys|team|folks|there))?${ADDRESSED}[,.!]?`, 'giu'),
  // Thanks for the time or the question: "thanks for taking my question", "thank you, Perry and Tom".
  new RegExp(String.raw`\b(?:thanks|thank\s+you)\b(?:\s+(?:so|very)\s+much)?(?:\s+for\s+(?:taking|squeezing\s+in|fitting\s+in|all\s+the)\s+[^,.!?]*)?${ADDRESSED}[,.!]?`, 'giu'),
  // Congratulations and pleasantries: "congrats on a strong quarter", "hope everyone is healthy", "welcome aboard Carolina".
  new RegExp(String.raw`\b(?:congrat(?:ulation)?s(?:\s+(?:on|to)\s+[^,.!?]*)?|hope\s+(?:everyone|you(?:'re|\s+are)?|all)\s+(?:is\s+|are\s+)?(?:healthy|well|safe|doing\s+well)[^,.!?]*|welcome\s+aboard)${ADDRESSED}[,.!]?`, 'giu'),
  // Counting the questions: "just one question for me", "two things from me", "a couple of questions", "one last one", "last one from me".
  /\b(?:(?:so|and)\s+)?(?:just\s+)?(?:one|two|three|a\s+couple(?:\s+of)?|a\s+few|one\s+more|one\s+last|last|final|quick)\s+(?:quick\s+)?(?:questions?|things|ones?|follow[-\s]?ups?)\b(?:\s+(?:for|from)\s+me)?(?:\s*,?\s*if\s+i\s+(?:could|may|can))?[,.:]?/giu,
  // Hedges and throat-clearing that carry no topic.
  /\b(?:sorry\s+to\s+(?:keep\s+)?(?:coming\s+back\s+to|harp\s+on|beat\s+(?:a\s+)?dead\s+horse\s+on)|if\s+i\s+(?:could|may)|i\s+guess|you\s+know|kind\s+of|sort\s+of|i\s+(?:just\s+)?wanted\s+to\s+(?:ask|follow\s+up)(?:\s+(?:about|on))?|i'd\s+like\s+to\s+(?:ask|start|follow\s+up)(?:\s+(?:about|with|on))?|first\s+of\s+all|obviously)\b[,:]?/giu,
];

/** The question with the filler dropped (whitespace folded); the original when nothing is left. */
export function dropFiller(text: string): string {
  let out = text;
  for (const re of FILLER) out = out.replace(re, ' ');
  out = out
    .replace(/\s+([,.;:?!])/g, '$1')
    .replace(/^[\s,.;:!-]+/, '')
    .replace(/([,.;:!?])(?:\s*[,.;:!])+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return /[\p{L}\p{N}]/u.test(out) ? out : text;
}
