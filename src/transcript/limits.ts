/**
 * Size limits for one transcript, in one place: the parser enforces them, the library reads
 * them (and may override them from its configuration). Exceeding one is a TranscriptFormatError
 * naming the limit and the line, never a hang or a half-read call.
 */

export interface TranscriptLimits {
  /** Bytes of one source file. The largest real call we have (an Earnings-22 .nlp) is 346 KB. */
  maxFileBytes: number;
  /** Characters of one paragraph. The bundled call's longest is ~2,900; a 1 MB "paragraph" is an attack or an accident. */
  maxParagraphChars: number;
  /** Participants (listed or speaking) of one call. Real calls have 5–30. */
  maxParticipants: number;
  /** Speaker turns of one call. Earnings-21's busiest call has 147 speaker switches. */
  maxTurns: number;
}

export const DEFAULT_TRANSCRIPT_LIMITS: Readonly<TranscriptLimits> = Object.freeze({
  maxFileBytes: 8 * 1024 * 1024,
  maxParagraphChars: 50_000,
  maxParticipants: 500,
  maxTurns: 20_000,
});

/** Human names of the limits, for error messages and docs. */
export const LIMIT_NAMES: Readonly<Record<keyof TranscriptLimits, string>> = Object.freeze({
  maxFileBytes: 'file size',
  maxParagraphChars: 'paragraph length',
  maxParticipants: 'participants',
  maxTurns: 'turns',
});

/** The defaults with the given overrides; a non-positive or non-integer override is a programming error. */
export function resolveLimits(overrides: Partial<TranscriptLimits> = {}): TranscriptLimits {
  const limits = { ...DEFAULT_TRANSCRIPT_LIMITS, ...overrides };
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`transcript limit ${key} must be a positive integer, got ${value}`);
  }
  return limits;
}
