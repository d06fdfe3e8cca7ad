import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { isEntryModule, runCommand } from '../src/cli/run-command.js';
import { weightsOption } from '../src/cli/weights.js';
import type { Metrics } from '../src/eval/evaluate.js';
import { librarySources, sourceStem } from '../src/eval/library-sources.js';
import { questionsInLibrary, readQuestionSet } from '../src/eval/question-set.js';
import { runEval, SYSTEMS } from '../src/eval/run-eval.js';
import { DEFAULT_INDEX_DIR, DEFAULT_TRANSCRIPTS_DIR, listTranscripts } from '../src/index/layout.js';
import { REPO_ROOT } from '../src/model/model-files.js';
import { quantizedFromEnv } from '../src/model/embedder.js';
import { openSearchService } from '../src/service/open-service.js';

/** Targets from issue #3 (retrieval) and issue #11 (answers, key points). */
const TARGETS = { r1: 0.85, r5: 0.97, mrr10: 0.9, speaker1: 0.95, call1: 0.95, answer1: 0.95, keyPointsTwoPlus: 0.7 } as const;
/**
 * Without arguments: the sets inside the repository, plus the shared dev set when ../shared is
 * there (a clone on its own has no ../shared, and eval must still run). Questions whose calls are
 * not in the library searched are left out and counted.
 */
export function defaultQuestionSets(): string[] {
  const shared = path.resolve(REPO_ROOT, '../shared/eval/dev-questions.json');
  const inRepo = ['heldout-questions.json', 'answers-dev.json', 'pasted-dev.json', 'library-dev.json', 'library-heldout.json', 'answers-heldout.json', 'pasted-heldout.json'].map((f) => path.join(REPO_ROOT, 'test/eval', f));
  return [...(existsSync(shared) ? [shared] : []), ...inRepo];
}

const pct = (x: number) => x.toFixed(2);
const row = (name: string, m: Metrics) =>
  `| ${name} | ${pct(m.r1)} | ${pct(m.r5)} | ${pct(m.mrr10)} | ${pct(m.speaker1)} (n=${m.speakerN}) | ${m.callN ? `${pct(m.call1)} (n=${m.callN})` : '–'} | ${m.answerN ? `${pct(m.answer1)} (n=${m.answerN})` : '–'} | ${m.keyPointN ? `${pct(m.keyPointCoverage)} / ${pct(m.keyPointsTwoPlus)} (n=${m.keyPointN})` : '–'} |`;

export const program = weightsOption(
  new Command()
    .name('eval')
    .description(
      'Score a question set: R@1, R@5, MRR@10, speaker@1, answer@1 (the top answer holds an answer phrase) and key-point coverage ' +
        '(share of gold phrases in the key points / share of questions with ≥ 2), beside BM25-only and dense-only baselines.',
    )
    .argument('[files...]', 'question set(s) in the dev-questions.json format (default: the sets in test/eval/, and ../shared/eval/dev-questions.json when present)'),
)
  .option('--no-baselines', 'run the shipped system only')
  .option('--index-dir <dir>', 'index to search (built there first if missing or stale)', process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR)
  .option('--library <dir>', 'transcript library folder', process.env.TRANSCRIPTS_DIR ?? DEFAULT_TRANSCRIPTS_DIR)
  .action(async (given: string[], opts: { int8?: boolean; fp32?: boolean; baselines: boolean; indexDir: string; library: string }) => {
    const files = given.length > 0 ? given : defaultQuestionSets();
    const service = await openSearchService({
      indexDir: path.resolve(opts.indexDir),
      sources: await listTranscripts(path.resolve(opts.library)),
      quantized: opts.fp32 ? false : opts.int8 ? true : quantizedFromEnv(),
    });
    try {
      // Question sets name calls by their source file; the library folder says which call each became.
      const sources = await librarySources(path.resolve(opts.library));
      const callIdOf = (source: string) => sources.get(sourceStem(source));
      const calls = service.engine.index.calls.length;
      for (const file of files) {
        const set = await readQuestionSet(file);
        const { items, skipped } = questionsInLibrary(set, callIdOf);
        const skippedNote = skipped ? ` (${skipped} left out: their calls are not in this library)` : '';
        console.log(`\n${path.relative(process.cwd(), file)} — ${items.length} questions${skippedNote}, ${calls} call(s), model ${service.embedder.modelId}\n`);
        if (items.length === 0) continue;
        const reports = await runEval(service.engine, items, opts.baselines ? SYSTEMS : SYSTEMS.slice(0, 1), callIdOf);
        console.log('| system | R@1 | R@5 | MRR@10 | speaker@1 | call@1 | answer@1 | key points: coverage / ≥ 2 |');
        console.log('|---|---|---|---|---|---|---|---|');
        for (const r of reports) console.log(row(r.name, r.metrics));
        console.log(`| targets | ≥ ${TARGETS.r1} | ≥ ${TARGETS.r5} | ≥ ${TARGETS.mrr10} | ≥ ${TARGETS.speaker1} | ≥ ${TARGETS.call1} (library) | ≥ ${TARGETS.answer1} (headline figures) | ≥ 2 in ≥ ${TARGETS.keyPointsTwoPlus} |`);
        const ours = reports[0]!;
        const misses = ours.outcomes.filter((o) => o.hitRank !== 1 || o.speakerOk === false || o.answerOk === false || o.callOk === false);
        console.log(`\nMisses of "${ours.name}" (${misses.length}):`);
        for (const o of misses) {
          const rank = o.hitRank === 1 ? 'gold first' : o.hitRank ? `gold at rank ${o.hitRank}` : 'gold not in top 10';
          const spk = (o.speakerOk === false ? `; top speaker ${o.topSpeaker}, expected ${o.expectedSpeaker}` : '') + (o.callOk === false ? `; top call ${o.topCall}` : '');
          const ans = o.answerOk === false ? `\n    answer: ${o.answerText?.slice(0, 160) ?? '(none)'}` : '';
          console.log(`- [${o.kind}] ${o.q.slice(0, 160)} — ${rank}${spk}\n    top: ${o.topSpeaker}: ${o.topText.slice(0, 140)}…${ans}`);
        }
      }
    } finally {
      await service.close();
    }
  });

if (isEntryModule(import.meta.url)) runCommand(program);
