import { z } from 'zod';
import { ParticipantRecord, SectionRecord } from '../library/stored-call.js';
import type { Passage } from '../passages/types.js';

const Offset = z.number().int().nonnegative();

/** One entry of passages.json, validated at load (offsets are checked against the calls by load.ts). */
export const PassageRecord = z.strictObject({
  id: z.string(),
  callId: z.string(),
  index: z.number().int().nonnegative(),
  text: z.string(),
  speaker: ParticipantRecord.pick({ id: true, name: true, title: true, side: true, firm: true }).strict(),
  section: SectionRecord,
  exchange: z.number().int().positive().nullable(),
  turn: z.number().int().nonnegative(),
  role: z.enum(['intro', 'question', 'answer', 'remarks']),
  startTime: z.number().nonnegative().finite().nullable(),
  start: Offset,
  end: Offset,
  sentences: z.array(z.strictObject({ start: Offset, end: Offset, text: z.string() })),
  tokens: z.number().int().positive(),
});

const recordMatches: z.ZodType<Passage> = PassageRecord;
void recordMatches;

/** legacy-ids.json: per call, the passage starts under the chunking that issued `<call id>:<n>` ids. */
export const LegacyIdsRecord = z.record(z.string(), z.array(Offset));
