/**
 * Size limits on one transcript, shared by the parsers (src/transcript/), the chunker and the
 * library import. A file over a limit is refused with a message naming the limit and its
 * environment variable, before anything reaches the library or the model.
 *
 * The defaults leave wide room over real calls: the longest of the 169 Earnings-21/22 calls is a
 * 346 KB token file (about 100 KB of text), its longest turn 33,000 characters and its most
 * turns 147; the bundled call's longest passage is 1,214 characters.
 */
import { z } from 'zod';

export interface TranscriptLimits {
  /** Bytes of one transcript file (a 50 MB file would take hours to embed). */
  maxFileBytes: number;
  /** Characters of one paragraph (or one line): 1.5× the longest real turn, kept whole. */
  maxParagraphChars: number;
  /**
   * Characters of one passage. A passage is sized by model tokens, but the tokenizer reads any
   * "word" over 100 characters as one [UNK] token, so without this a 1 MB word would be one
   * 3-token passage of 1 MB. 256 tokens of ordinary English are 1,000–1,300 characters.
   */
  maxPassageChars: number;
  /** Participants of one call (listed or found on speaker lines). */
  maxParticipants: number;
  /** Speaker turns of one call. */
  maxTurns: number;
}

export type LimitName = keyof TranscriptLimits;

/** Each limit: its environment variable, default and what it counts (for error messages and docs). */
export const LIMIT_SETTINGS: Record<LimitName, { env: string; default: number; unit: string }> = {
  maxFileBytes: { env: 'MAX_TRANSCRIPT_BYTES', default: 4 * 1024 * 1024, unit: 'bytes per transcript file' },
  maxParagraphChars: { env: 'MAX_PARAGRAPH_CHARS', default: 50_000, unit: 'characters per paragraph' },
  maxPassageChars: { env: 'MAX_PASSAGE_CHARS', default: 3_000, unit: 'characters per passage' },
  maxParticipants: { env: 'MAX_PARTICIPANTS', default: 500, unit: 'participants per call' },
  maxTurns: { env: 'MAX_TURNS', default: 5_000, unit: 'speaker turns per call' },
};

export const DEFAULT_LIMITS: TranscriptLimits = Object.fromEntries(
  Object.entries(LIMIT_SETTINGS).map(([name, s]) => [name, s.default]),
) as unknown as TranscriptLimits;

/** A limit setting in the environment that is not a positive whole number. */
export class LimitsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitsConfigError';
  }
}

const positiveInt = z.coerce.number().int('must be a whole number').positive('must be positive').max(Number.MAX_SAFE_INTEGER);

/** The limits in force: each one from its environment variable when set, else the default. */
export function transcriptLimits(env: NodeJS.ProcessEnv = process.env): TranscriptLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [name, setting] of Object.entries(LIMIT_SETTINGS) as Array<[LimitName, (typeof LIMIT_SETTINGS)[LimitName]]>) {
    const raw = env[setting.env];
    if (raw === undefined || raw.trim() === '') continue;
    const parsed = positiveInt.safeParse(raw.trim());
    if (!parsed.success) throw new LimitsConfigError(`${setting.env}=${JSON.stringify(raw.slice(0, 40))}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    limits[name] = parsed.data;
  }
  return limits;
}

/** "the limit is 50,000 characters per paragraph (MAX_PARAGRAPH_CHARS)". */
export function describeLimit(name: LimitName, limits: TranscriptLimits): string {
  const s = LIMIT_SETTINGS[name];
  return `the limit is ${limits[name].toLocaleString('en-US')} ${s.unit} (${s.env})`;
}
