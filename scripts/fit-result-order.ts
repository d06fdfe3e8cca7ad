/**
 * Fits the result-order model of src/search/answer/result-order.ts on dev question sets.
 *
 *   npx tsx scripts/fit-result-order.ts collect --out a.json [--index-dir d --library d] <dev sets...>
 *   npx tsx scripts/fit-result-order.ts fit a.json [b.json...]
 *
 * `collect` runs each question through the engine as the API does (with its scope's filters) and
 * keeps the leading results the model orders, with their features (taken before the model orders
 * them) and whether each holds one of the question's gold phrases. `fit` trains a linear model
 * pairwise — each gold result against each other result of the same question — by logistic loss
 * with an L2 penalty, then reports, leaving out one question set at a time, how often the first
 * result holds a gold phrase before and after. Use dev sets only, never a held-out set.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { failAndExit } from '../src/cli/fail.js';
import { holdsAnyGold } from '../src/eval/gold.js';
import { librarySources, sourceStem } from '../src/eval/library-sources.js';
import { questionsInLibrary, readQuestionSet } from '../src/eval/question-set.js';
import { scopeFilters } from '../src/eval/run-eval.js';
import { EVAL_K } from '../src/eval/evaluate.js';
import { DEFAULT_INDEX_DIR, DEFAULT_TRANSCRIPTS_DIR, listTranscripts } from '../src/index/layout.js';
import { ORDER_KEYS, type OrderFeatures } from '../src/search/answer/result-order.js';
import { openSearchService } from '../src/service/open-service.js';

interface Sample {
  set: string;
  /** The leading results in their order before the model, each with whether it holds a gold phrase. */
  leading: { features: OrderFeatures; gold: boolean }[];
}

const L2 = 1;
const STEPS = 3000;

const vector = (f: OrderFeatures) => ORDER_KEYS.map((k) => f[k]);
const dot = (w: readonly number[], x: readonly number[]) => w.reduce((s, v, i) => s + v * x[i]!, 0);

/** Differences gold − other, one per pair of a question's leading results. */
function pairs(samples: readonly Sample[]): number[][] {
  const out: number[][] = [];
  for (const s of samples) {
    for (const g of s.leading.filter((r) => r.gold)) {
      for (const o of s.leading.filter((r) => !r.gold)) out.push(vector(g.features).map((v, i) => v - vector(o.features)[i]!));
    }
  }
  return out;
}

/** Pairwise logistic regression by full-batch gradient descent (the data are a few thousand pairs). */
function fit(samples: readonly Sample[]): number[] {
  const xs = pairs(samples);
  const w = ORDER_KEYS.map(() => 0);
  const rate = 1 / Math.max(1, xs.length);
  for (let step = 0; step < STEPS; step++) {
    const g = w.map((v) => L2 * v);
    for (const x of xs) {
      const p = 1 / (1 + Math.exp(dot(w, x)));
      x.forEach((v, i) => (g[i]! -= p * v));
    }
    // The loss is convex and smooth; a step of 2 / pairs is stable for features of this size.
    w.forEach((_, i) => (w[i]! -= 2 * rate * g[i]!));
  }
  return w;
}

/** How many questions' first result holds a gold phrase: as ordered before, and by the model. */
function firstHolds(samples: readonly Sample[], w: readonly number[]): { before: number; after: number } {
  let before = 0;
  let after = 0;
  for (const s of samples) {
    if (s.leading.length === 0) continue;
    if (s.leading[0]!.gold) before++;
    const best = s.leading.reduce((a, b) => (dot(w, vector(b.features)) > dot(w, vector(a.features)) ? b : a));
    if (best.gold) after++;
  }
  return { before, after };
}

const program = new Command().name('fit-result-order');

program
  .command('collect')
  .argument('<files...>', 'dev question sets')
  .requiredOption('--out <file>', 'where to write the samples (JSON)')
  .option('--index-dir <dir>', 'index', process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR)
  .option('--library <dir>', 'transcript library folder', process.env.TRANSCRIPTS_DIR ?? DEFAULT_TRANSCRIPTS_DIR)
  .action(async (files: string[], opts: { out: string; indexDir: string; library: string }) => {
    const library = path.resolve(opts.library);
    const service = await openSearchService({ indexDir: path.resolve(opts.indexDir), sources: await listTranscripts(library) });
    const { engine } = service;
    const sources = await librarySources(library);
    const callIdOf = (s: string) => sources.get(sourceStem(s));
    const companies = new Map(engine.calls().map((c) => [c.id, c.ticker ?? c.company]));
    const samples: Sample[] = [];
    try {
      for (const file of files) {
        const { items } = questionsInLibrary(await readQuestionSet(file), callIdOf);
        for (const item of items) {
          let leading: { passageIndex: number; features: OrderFeatures }[] = [];
          await engine.search({ q: item.q, k: EVAL_K, ...scopeFilters(item, callIdOf, (id) => companies.get(id)) }, { onOrder: (l) => (leading = l) });
          if (leading.length < 2) continue;
          samples.push({ set: path.basename(file), leading: leading.map((r) => ({ features: r.features, gold: holdsAnyGold(engine.index.passages[r.passageIndex]!.text, item.gold) })) });
        }
      }
    } finally {
      await service.close();
    }
    await fs.writeFile(opts.out, JSON.stringify(samples));
    console.log(`${samples.length} questions with two or more leading results ordered → ${opts.out}`);
  });

program
  .command('fit')
  .argument('<files...>', 'samples written by collect (one per library)')
  .action(async (files: string[]) => {
    const samples: Sample[] = [];
    for (const [n, file] of files.entries()) {
      // The same set name on two libraries is two sets.
      for (const s of JSON.parse(await fs.readFile(file, 'utf8')) as Sample[]) samples.push({ ...s, set: `${n}:${s.set}` });
    }
    const sets = [...new Set(samples.map((s) => s.set))];
    let before = 0;
    let after = 0;
    for (const set of sets) {
      const held = firstHolds(samples.filter((s) => s.set === set), fit(samples.filter((s) => s.set !== set)));
      before += held.before;
      after += held.after;
    }
    const w = fit(samples);
    console.log(`${samples.length} questions, ${pairs(samples).length} pairs, ${sets.length} sets`);
    console.log(`first result holds a gold phrase, each set left out of the fit in turn: ${before} → ${after}`);
    console.log(`model: { ${ORDER_KEYS.map((k, i) => `${k}: ${w[i]!.toFixed(2)}`).join(', ')} }`);
  });

program.parseAsync().catch((err) => failAndExit(err));
