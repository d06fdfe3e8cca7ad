import { promises as fs } from 'node:fs';
import { z } from 'zod';

/**
 * The question-set format of shared/eval/dev-questions.json, with the fields later sets add:
 * `answer` (phrases the top-level answer sentence should hold), the call(s) a question is about
 * (`call_source`, `company`), the filter a user would have set (`scope`), and notes.
 */
export const QuestionSet = z.object({
  about: z.string().optional(),
  items: z
    .array(
      z.object({
        q: z.string().min(1),
        gold: z.array(z.string().min(1)).min(1),
        answer: z.array(z.string().min(1)).min(1).optional(),
        speaker: z.string().optional(),
        kind: z.string().optional(),
        /** Source file name(s) of the call(s) that answer, e.g. "4341191.nlp" or the bundled call's file. */
        call_source: z.union([z.string(), z.array(z.string())]).optional(),
        company: z.union([z.string(), z.array(z.string())]).optional(),
        scope: z.string().optional(),
        note: z.string().optional(),
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

/** The source files a question names (none: any call may answer). */
export function sourcesOf(item: Question): string[] {
  return item.call_source === undefined ? [] : Array.isArray(item.call_source) ? item.call_source : [item.call_source];
}

/**
 * The questions whose calls are in the library (`callIdOf` maps a source file name to its call id,
 * undefined when the library lacks it); questions that name no call are kept. A set written for a
 * larger library can so run on a smaller one, and the runner says how many it left out.
 */
export function questionsInLibrary(set: QuestionSet, callIdOf: (source: string) => string | undefined): { items: Question[]; skipped: number } {
  const items = set.items.filter((item) => {
    const sources = sourcesOf(item);
    return sources.length === 0 || sources.some((s) => callIdOf(s) !== undefined);
  });
  return { items, skipped: set.items.length - items.length };
}
