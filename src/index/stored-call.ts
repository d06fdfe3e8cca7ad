import { z } from 'zod';
import { CallMetaRecord, ParticipantRecord, SectionRecord } from '../library/stored-call.js';
import type { Call } from '../transcript/types.js';

/** A parsed call as the index keeps it (source text included, so name resolution and reading in context need no re-parse). */
export interface StoredCall extends Call {
  /** Source file name as given to the build (the checksum lives in the manifest). */
  sourcePath: string;
}

const Offset = z.number().int().nonnegative();
const Role = z.enum(['intro', 'question', 'answer', 'remarks']);

/** calls.json, validated at load: a store that does not have this shape is rebuilt, never cast. */
export const StoredCallRecord = z
  .strictObject({
    meta: CallMetaRecord,
    participants: z.array(ParticipantRecord),
    turns: z.array(
      z.strictObject({
        index: z.number().int().nonnegative(),
        speakerId: z.string(),
        section: SectionRecord,
        exchange: z.number().int().positive().nullable(),
        role: Role,
        paragraphs: z.array(z.strictObject({ start: Offset, end: Offset, text: z.string() })),
        startTime: z.number().nonnegative().nullable(),
        start: Offset,
        end: Offset,
      }),
    ),
    exchanges: z.array(
      z.strictObject({
        id: z.number().int().positive(),
        analystId: z.string(),
        introTurn: z.number().int().nonnegative().nullable(),
        questionTurns: z.array(z.number().int().nonnegative()),
        answerTurns: z.array(z.number().int().nonnegative()),
      }),
    ),
    source: z.string(),
    sourcePath: z.string(),
  })
  .superRefine((c, ctx) => {
    const ids = new Set(c.participants.map((p) => p.id));
    c.turns.forEach((t, i) => {
      if (t.index !== i) ctx.addIssue({ code: 'custom', path: ['turns', i, 'index'], message: 'turns out of order' });
      if (!ids.has(t.speakerId)) ctx.addIssue({ code: 'custom', path: ['turns', i, 'speakerId'], message: `no participant "${t.speakerId}"` });
      if (t.end > c.source.length || t.start > t.end) ctx.addIssue({ code: 'custom', path: ['turns', i], message: 'span outside the source' });
    });
    c.exchanges.forEach((e, i) => {
      if (!ids.has(e.analystId)) ctx.addIssue({ code: 'custom', path: ['exchanges', i, 'analystId'], message: `no participant "${e.analystId}"` });
    });
  });

const recordMatches: z.ZodType<StoredCall> = StoredCallRecord;
void recordMatches;
