import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { isEntryModule, runCommand } from '../src/cli/run-command.js';
import { readQuestionSet } from '../src/eval/question-set.js';
import { runEval } from '../src/eval/run-eval.js';
import { REPO_ROOT } from '../src/model/model-files.js';
import { quantizedFromEnv } from '../src/model/embedder.js';
import { openSearchService } from '../src/service/open-service.js';

/** Targets from issue #3. */
const TARGETS = { r1: 0.85, r5: 0.97, mrr10: 0.9, speaker1: 0.95 } as const;
/**
 * Without arguments: the sets inside the repository, plus the shared dev set when ../shared is
 * there (a clone on its own has no ../shared, and eval must still run).
 */
export function defaultQuestionSets(): string[] {
  const shared = path.resolve(REPO_ROOT, '../shared/eval/dev-questions.json');
  return [...(existsSync(shared) ? [shared] : []), path.join(REPO_ROOT, 'test/eval/heldout-questions.json')];
}

const pct = (x: number) => x.toFixed(2);

export const program = new Command()
  .name('eval')
  .description('Score retrieval on a question set: R@1, R@5, MRR@10, speaker@1, beside BM25-only and dense-only baselines.')
  .argument('[files...]', 'question set(s) in the dev-questions.json format (default: test/eval/heldout-questions.json, and ../shared/eval/dev-questions.json when present)')
  .option('--int8', 'use the int8 weights (MODEL_WEIGHTS=int8 makes them the default)')
  .option('--fp32', 'use the fp32 reference weights (the default)')
  .action(async (given: string[], opts: { int8?: boolean; fp32?: boolean }) => {
    const files = given.length > 0 ? given : defaultQuestionSets();
    const service = await openSearchService({ indexDir: process.env.INDEX_DIR, quantized: opts.fp32 ? false : opts.int8 ? true : quantizedFromEnv() });
    try {
      for (const file of files) {
        const set = await readQuestionSet(file);
        const reports = await runEval(service.engine, set);
        console.log(`\n${path.relative(process.cwd(), file)} — ${set.items.length} questions, model ${service.embedder.modelId}\n`);
        console.log('| system | R@1 | R@5 | MRR@10 | speaker@1 |');
        console.log('|---|---|---|---|---|');
        for (const r of reports) {
          const m = r.metrics;
          console.log(`| ${r.name} | ${pct(m.r1)} | ${pct(m.r5)} | ${pct(m.mrr10)} | ${pct(m.speaker1)} (n=${m.speakerN}) |`);
        }
        console.log(`| targets | ≥ ${TARGETS.r1} | ≥ ${TARGETS.r5} | ≥ ${TARGETS.mrr10} | ≥ ${TARGETS.speaker1} |`);
        const ours = reports[0]!;
        const misses = ours.outcomes.filter((o) => o.hitRank !== 1 || o.speakerOk === false);
        console.log(`\nMisses of "${ours.name}" (${misses.length}):`);
        for (const o of misses) {
          const rank = o.hitRank ? `gold at rank ${o.hitRank}` : 'gold not in top 10';
          const spk = o.speakerOk === false ? `; top speaker ${o.topSpeaker}, expected ${o.expectedSpeaker}` : '';
          console.log(`- [${o.kind}] ${o.q} — ${rank}${spk}\n    top: ${o.topSpeaker}: ${o.topText.slice(0, 140)}…`);
        }
      }
    } finally {
      await service.close();
    }
  });

if (isEntryModule(import.meta.url)) runCommand(program);
