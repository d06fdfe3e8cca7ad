import { promises as fs } from 'node:fs';
import { z } from 'zod';

/** The question-set format of shared/eval/dev-questions.json. */
export const QuestionSet = z.object({
  about: z.string().optional(),
  items: z
    .array(
      z.object({
        q: z.string().min(1),
        gold: z.array(z.string().min(1)).min(1),
        speaker: z.string().optional(),
        kind: z.string().optional(),
      }),
    )
    .min(1),
});
export type QuestionSet = z.infer<typeof QuestionSet>;
export type Question = QuestionSet['items'][number];

export async function readQuestionSet(file: string): Promise<QuestionSet> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read question set ${file}: ${(err as Error).message}`);
  }
  const parsed = QuestionSet.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a question set: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
