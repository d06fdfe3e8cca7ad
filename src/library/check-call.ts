/**
 * The gate into the library: a call is admitted only once it is known to fit every limit and has
 * been cut into passages completely — so nothing half-checked is ever stored, and the build
 * (which runs the same gate over every library file) never meets a surprise.
 */
import { chunkCall, type ChunkOptions, type CountTokens } from '../passages/chunk.js';
import type { Passage } from '../passages/types.js';
import { describeLimit, type TranscriptLimits } from '../transcript/limits.js';
import { lineAt } from '../transcript/lines.js';
import type { Call } from '../transcript/types.js';
import { CALL_ID_PATTERN, CALL_ID_RULE } from './stored-call.js';

/** A call the library refuses; `line` (1-based, in the call's text) when one line is to blame. */
export class CallRejectedError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'CallRejectedError';
  }
}

/**
 * Checks a parsed call against the library's rules and limits and chunks it; returns its
 * passages. Throws CallRejectedError naming the rule or limit (and the line, when there is one).
 */
export function checkCall(call: Call, countTokens: CountTokens, limits: TranscriptLimits, chunking: ChunkOptions = {}): Passage[] {
  const { meta, source } = call;
  if (!CALL_ID_PATTERN.test(meta.id)) throw new CallRejectedError(`call id ${JSON.stringify(meta.id.slice(0, 120))} is not usable: ${CALL_ID_RULE}`);
  if (source.length > limits.maxFileBytes) {
    throw new CallRejectedError(`the call's text is ${source.length.toLocaleString('en-US')} characters; ${describeLimit('maxFileBytes', limits)}`);
  }
  if (call.participants.length > limits.maxParticipants) {
    throw new CallRejectedError(`the call has ${call.participants.length.toLocaleString('en-US')} participants; ${describeLimit('maxParticipants', limits)}`);
  }
  if (call.turns.length > limits.maxTurns) {
    const line = lineAt(source, call.turns[limits.maxTurns]!.start).number;
    throw new CallRejectedError(`the call has ${call.turns.length.toLocaleString('en-US')} speaker turns; ${describeLimit('maxTurns', limits)}`, line);
  }
  if (call.turns.length === 0) throw new CallRejectedError('the call has no speaker turns');
  for (const turn of call.turns) {
    for (const p of turn.paragraphs) {
      if (p.end - p.start > limits.maxParagraphChars) {
        throw new CallRejectedError(
          `a paragraph of ${(p.end - p.start).toLocaleString('en-US')} characters; ${describeLimit('maxParagraphChars', limits)}`,
          lineAt(source, p.start).number,
        );
      }
    }
  }
  let passages: Passage[];
  try {
    passages = chunkCall(call, countTokens, { ...chunking, maxChars: limits.maxPassageChars });
  } catch (err) {
    throw new CallRejectedError(`the call could not be cut into passages: ${(err as Error).message}`);
  }
  if (passages.length === 0) throw new CallRejectedError('the call has no text to search');
  return passages;
}
