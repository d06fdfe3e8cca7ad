/**
 * Fits the relevance model of src/search/answer/relevance.ts on dev question sets, and prints the
 * figures behind its cut. `npx tsx scripts/calibrate-relevance.ts [--index-dir d --library d] <dev sets...>`
 *
 * Data: for every question, its top-10 results; a result counts as relevant when it holds one of
 * the question's gold phrases. Gold phrases mark the passages a writer chose, not every relevant
 * one, so "irrelevant" is an overestimate: the cut is chosen for the recall of gold passages, and
 * the share of other results below it is reported, not optimised. Use dev sets only, never a
 * held-out set.
 */
import path from 'node:path';
import { Command } from 'commander';
import { failAndExit } from '../src/cli/fail.js';
import { holdsAnyGold } from '../src/eval/gold.js';
import { indexSources, sourceStem } from '../src/eval/library-sources.js';
import { questionsInLibrary, readQuestionSet } from '../src/eval/question-set.js';
import { DEFAULT_INDEX_DIR, DEFAULT_TRANSCRIPTS_DIR, listTranscripts } from '../src/index/layout.js';
import { AnswerScorer } from '../src/search/answer/answer-score.js';
import { answerSentence } from '../src/search/answer/answer-sentence.js';
import { relevanceFeatures, type RelevanceFeatures } from '../src/search/answer/relevance.js';
import { typedTerms } from '../src/search/answer/typed-terms.js';
import type { LexicalRetriever } from '../src/search/retrieve/lexical.js';
import { SentenceFactsCache } from '../src/search/sentences/sentence-facts.js';
import { SentenceScorer } from '../src/search/sentences/sentence-scores.js';
import { openSearchService } from '../src/service/open-service.js';

const KEYS = ['sentence', 'passage', 'coverage', 'answer'] as const;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Logistic regression by batch gradient descent with a small L2 penalty; classes weighted equally. */
function fit(xs: RelevanceFeatures[], ys: number[]): { bias: number } & Record<(typeof KEYS)[number], number> {
  const w = { bias: 0, sentence: 0, passage: 0, coverage: 0, answer: 0 };
  const pos = ys.filter((y) => y === 1).length;
  const weight = (y: number) => (y === 1 ? xs.length / (2 * pos) : xs.length / (2 * (xs.length - pos)));
  for (let step = 0; step < 20000; step++) {
    const g = { bias: 0, sentence: 0, passage: 0, coverage: 0, answer: 0 };
    xs.forEach((x, i) => {
      const err = (sigmoid(w.bias + KEYS.reduce((s, k) => s + w[k] * x[k], 0)) - ys[i]!) * weight(ys[i]!);
      g.bias += err;
      for (const k of KEYS) g[k] += err * x[k];
    });
    const lr = 0.5 / xs.length;
    w.bias -= lr * g.bias;
    for (const k of KEYS) w[k] -= lr * (g[k] + 0.01 * w[k]);
  }
  return w;
}

const program = new Command()
  .name('calibrate-relevance')
  .argument('<files...>', 'dev question sets')
  .option('--index-dir <dir>', 'index', process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR)
  .option('--library <dir>', 'transcript library folder', process.env.TRANSCRIPTS_DIR ?? DEFAULT_TRANSCRIPTS_DIR)
  .action(async (files: string[], opts: { indexDir: string; library: string }) => {
    const service = await openSearchService({ indexDir: path.resolve(opts.indexDir), sources: await listTranscripts(path.resolve(opts.library)) });
    const { engine } = service;
    const byId = new Map(engine.index.passages.map((p, i) => [p.id, i]));
    const facts = new SentenceFactsCache();
    const xs: RelevanceFeatures[] = [];
    const ys: number[] = [];
    const ranks: number[] = [];
    try {
      for (const file of files) {
        const { items } = questionsInLibrary(await readQuestionSet(file), (source) => indexSources(engine.index.calls).get(sourceStem(source)));
        for (const item of items) {
          const plan = engine.interpret({ q: item.q, k: 10 });
          const response = await engine.search({ q: item.q, k: 10 });
          const scorer = new SentenceScorer(engine.sentences, { vector: await service.embedder.embedOne(plan.embedText), figureTerms: plan.figureTerms });
          const lexical = (engine.retrievers.lexical as LexicalRetriever).pass(plan.lexicalText);
          const typed = typedTerms(plan.matchText);
          const answers = new AnswerScorer(scorer, { ...typed, fact: plan.fact, questionsAnswer: plan.questionsOnly || plan.intent === 'who_asked' || plan.intent === 'speaker_question' }, facts);
          response.results.forEach((r, rank) => {
            const i = byId.get(r.id)!;
            xs.push(relevanceFeatures(i, answerSentence(engine.index.passages[i]!, i, answers).score, scorer, lexical, typed));
            ys.push(holdsAnyGold(r.text, item.gold) ? 1 : 0);
            ranks.push(rank + 1);
          });
        }
      }
    } finally {
      await service.close();
    }
    const w = fit(xs, ys);
    const p = xs.map((x) => sigmoid(w.bias + KEYS.reduce((s, k) => s + w[k] * x[k], 0)));
    const pos = ys.filter((y) => y === 1).length;
    console.log(`${xs.length} results, ${pos} hold a gold phrase`);
    console.log(`model: bias ${w.bias.toFixed(2)}, sentence ${w.sentence.toFixed(2)}, passage ${w.passage.toFixed(2)}, coverage ${w.coverage.toFixed(2)}, answer ${w.answer.toFixed(2)}`);
    // AUC: chance that a gold result scores above a non-gold one.
    let wins = 0;
    let pairs = 0;
    p.forEach((a, i) => {
      if (ys[i] !== 1) return;
      p.forEach((b, j) => {
        if (ys[j] !== 0) return;
        pairs++;
        wins += a > b ? 1 : a === b ? 0.5 : 0;
      });
    });
    console.log(`AUC ${(wins / pairs).toFixed(3)}`);
    console.log('| cut | gold results at or above | other results below | results below (share) | rank-1 gold below |');
    console.log('|---|---|---|---|---|');
    for (const cut of [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
      const above = p.filter((x, i) => ys[i] === 1 && x >= cut).length / pos;
      const otherBelow = p.filter((x, i) => ys[i] === 0 && x < cut).length / (xs.length - pos);
      const below = p.filter((x) => x < cut).length / xs.length;
      const top = p.filter((x, i) => ys[i] === 1 && ranks[i] === 1 && x < cut).length;
      console.log(`| ${cut.toFixed(1)} | ${above.toFixed(3)} | ${otherBelow.toFixed(3)} | ${below.toFixed(3)} | ${top} |`);
    }
  });

program.parseAsync().catch((err) => failAndExit(err));
