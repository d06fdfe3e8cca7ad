/**
 * A question that asks for a time rather than a figure or an opinion: "When will the plant be
 * profitable?", "How long will the cash last?", "What is the timeline for the launch?". Its answer
 * is the sentence that names a point or span of time ("into the first half of 2022", "by the end
 * of next year", "within 18 months"), in the tense asked: a question about what will happen is not
 * answered by a sentence reporting a past quarter, though that sentence names a date too.
 */
export interface TimingQuestion {
  /** "when …" / "by when" / "how soon" / "what is the timeline": a point in time; "how long" / "how many months": a span. */
  kind: 'when' | 'how_long';
  /** Asks what will happen ("when will", "when do you expect"), not what did ("when did"). */
  future: boolean;
}

const LEAD = /^\s*(?:(?:so|and|but|ok(?:ay)?|then|also)[,]?\s+)*/i.source;
/** Auxiliaries of the future, or of a present that speaks of plans ("when do you expect…"). */
const FUTURE_AUX = /(?:will|would|should|could|can|might|must|may|is|are|do|does|shall|'ll)/i.source;
const PAST_AUX = /(?:did|was|were|had|has|have)/i.source;
const WHEN = new RegExp(`${LEAD}(?:by\\s+)?when\\s+(${FUTURE_AUX}|${PAST_AUX})\\b`, 'i');
const HOW_LONG = new RegExp(`${LEAD}how\\s+(?:long|soon|many\\s+(?:more\\s+)?(?:years|months|quarters|weeks))\\s+(${FUTURE_AUX}|${PAST_AUX})\\b`, 'i');
/** "what is the timeline for…", "the timing of the launch", "expected timeframe": the noun asks for a time ("timing the dose" is a verb). */
const TIMELINE = /\b(?:timeline|timeframe|time\s+frame|time\s+horizon|runway)\b|\b(?:the|your|its|their|what)\s+timing\b|\btiming\s+(?:of|for|on)\b/i;
const PAST_AUX_ONLY = new RegExp(`^${PAST_AUX}$`, 'i');
/** "How long will the cash last?": the duration of what ("the cash"), the verb of lasting after it. */
const LASTS = new RegExp(`${LEAD}how\\s+long\\s+(?:${FUTURE_AUX}|${PAST_AUX})\\s+(.+?)\\s+(?:last|run|continue|hold\\s+up)(?:\\s+(?:at|for|of|in))?\\s*[?.!]*$`, 'i');

/** What a "how long will X last" question asks the duration of (X, whose own words are the topic), or null. */
export function durationSubject(question: string): string | null {
  return LASTS.exec(question)?.[1] ?? null;
}

/** The timing a question asks for, or null when it asks for something else. */
export function timingQuestionOf(question: string): TimingQuestion | null {
  const howLong = HOW_LONG.exec(question);
  const when = howLong ? null : WHEN.exec(question);
  const m = howLong ?? when;
  if (m) {
    // "How soon" asks when, like "when": "by the end of 2025" answers it as well as "within 18 months".
    return { kind: howLong && !/\bsoon\b/i.test(howLong[0]) ? 'how_long' : 'when', future: !PAST_AUX_ONLY.test(m[1]!) };
  }
  if (TIMELINE.test(question)) return { kind: 'when', future: !/\b(?:was|were|did)\b/i.test(question) };
  return null;
}
