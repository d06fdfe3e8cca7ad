/**
 * How sentence vectors should be stored (README "Memory"): builds the same library three times —
 * sentence vectors as float32, float16 and int8 with a per-vector scale — and runs the eval sets
 * over each through the shipped system, printing R@1, R@5, MRR@10, speaker@1 and answer@1 side by
 * side, with the bytes each format takes.
 *
 *   npx tsx scripts/compare-vector-formats.ts [--library <dir>] [--cache <dir>] [sets...]
 *
 * Default library: the bundled call and the Earnings-21 calls (../shared/corpus/earnings21, read
 * as the importer reads them), so the bundled-call sets and the Earnings-21 sets both run.
 * Embeddings come from --cache when given (texts embedded before are not embedded again).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { isEntryModule, runCommand } from '../src/cli/run-command.js';
import { librarySources, sourceStem } from '../src/eval/library-sources.js';
import { questionsInLibrary, readQuestionSet } from '../src/eval/question-set.js';
import { runEval, SYSTEMS } from '../src/eval/run-eval.js';
import { buildIndex } from '../src/index/build.js';
import { listTranscripts } from '../src/index/layout.js';
import { VECTOR_FORMATS } from '../src/index/vector-codec.js';
import { serializeStoredCall, storedCallFileName, toStoredCall } from '../src/library/stored-call.js';
import { loadEmbedder } from '../src/model/embedder.js';
import { REPO_ROOT } from '../src/model/model-files.js';
import { openSearchService, textEmbedder } from '../src/service/open-service.js';
import { PARSER_VERSION, readTranscriptPath } from '../src/transcript/read-source.js';
import { defaultQuestionSets } from './eval.js';

async function defaultLibrary(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.copyFile(path.join(REPO_ROOT, 'data/transcripts/amzn-q4-2025-earnings-call.txt'), path.join(dir, 'amzn-q4-2025-earnings-call.txt'));
  const read = await readTranscriptPath(path.resolve(REPO_ROOT, '../shared/corpus/earnings21'));
  for (const c of read.calls) await fs.writeFile(path.join(dir, storedCallFileName(c.call.meta.id)), serializeStoredCall(toStoredCall(c, null, PARSER_VERSION)));
}

const f2 = (x: number) => x.toFixed(3);

export const program = new Command()
  .name('compare-vector-formats')
  .argument('[sets...]', 'question sets (default: those npm run eval runs)')
  .option('--library <dir>', 'library to build (default: the bundled call + Earnings-21)')
  .option('--cache <dir>', 'embedding cache to read and fill')
  .action(async (sets: string[], opts: { library?: string; cache?: string }) => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'vector-formats-'));
    try {
      const library = opts.library ?? path.join(tmp, 'library');
      if (!opts.library) await defaultLibrary(library);
      const sources = await listTranscripts(library);
      const model = await loadEmbedder();
      const embedder = await textEmbedder(model);
      const files = sets.length ? sets : defaultQuestionSets();
      // Questions name their call by its original file ("4341191.nlp"); a stored call records it as its origin.
      const bySource = await librarySources(library);
      const callIdOf = (source: string) => bySource.get(sourceStem(source));
      const rows: string[] = [];
      for (const format of VECTOR_FORMATS) {
        const indexDir = path.join(tmp, `index-${format}`);
        const built = await buildIndex({ sources, indexDir, embedder, sentenceVectors: format, cacheDir: opts.cache ?? path.join(tmp, 'cache') });
        const vectorBytes = built.sentences * embedder.dimensions * (format === 'f32' ? 4 : format === 'f16' ? 2 : 1) + (format === 'int8' ? built.sentences * 4 : 0);
        const service = await openSearchService({ indexDir, sources });
        try {
          for (const file of files) {
            const { items } = questionsInLibrary(await readQuestionSet(file), callIdOf);
            if (items.length === 0) continue;
            const [report] = await runEval(service.engine, items, SYSTEMS.slice(0, 1), callIdOf);
            const m = report!.metrics;
            rows.push(
              `| ${path.basename(file)} (${items.length}) | ${format} | ${f2(m.r1)} | ${f2(m.r5)} | ${f2(m.mrr10)} | ${f2(m.speaker1)} | ${m.answerN ? f2(m.answer1) : '–'} | ${(vectorBytes / built.sentences).toFixed(0)} B/sentence |`,
            );
          }
        } finally {
          await service.close();
        }
      }
      await model.close?.();
      process.stdout.write(`${sources.length} calls\n\n| set | sentence vectors | R@1 | R@5 | MRR@10 | speaker@1 | answer@1 | size |\n|---|---|---|---|---|---|---|---|\n${rows.sort().join('\n')}\n`);
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  });

if (isEntryModule(import.meta.url)) runCommand(program);
