/**
 * A moderator who reads out a question sent in by someone who never speaks (a webcast's written questions): "Our
 * first question comes from Hugo Brandt with Piper Sandler, who asks: how much did fuel cost you?". The question is
 * in the introduction itself, so whoever speaks next answers it — never the one named. Calling on the analyst
 * ("…Hugo Brandt. Hugo, are you there?") reads out nothing.
 */

/** A question to the one called on, not theirs read out: "Are you there?", "Can you hear us?", "Is your line muted?". */
const CALLING_ON = /^(?:(?:are|is|can|could|do)\s+(?:you|we|your\s+line)\b|(?:hello|hi)\b)/i;

/** Fewest words a read-out question has ("what about pricing?"). */
const QUESTION_WORDS = 3;

/**
 * Whether `after` — what an introduction says after the name it hands the floor to — reads out a question: a
 * sentence of three words or more ending in "?" that does not address the one named (their first name in it).
 */
export function readsOutQuestion(after: string, name: string): boolean {
  const first = name.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  for (const m of after.matchAll(/[^.?!]*\?/g)) {
    // The question's words: after "asks:" or a colon, else the sentence.
    const question = m[0].replace(/^.*:/s, '').trim();
    const words = question.split(/\s+/).filter((w) => /\p{L}/u.test(w));
    if (words.length < QUESTION_WORDS) continue;
    if (words.some((w) => w.toLowerCase().replace(/[^\p{L}'’-]/gu, '') === first) || CALLING_ON.test(question)) continue;
    return true;
  }
  return false;
}
