/** Developer aid: how each retriever ranks a query. `npx tsx scripts/debug-query.ts "question" ...` */
import { SentenceScorer } from '../src/search/sentences/sentence-scores.js';
import { openSearchService } from '../src/service/open-service.js';

const service = await openSearchService();
const { engine } = service;
const index = engine.index;
for (const q of process.argv.slice(2)) {
  const plan = engine.interpret({ q, k: 10 });
  console.log(`\n## ${q}`, { intent: plan.intent, topic: plan.topic, match: plan.matchText, lexical: plan.lexicalText, speakers: plan.speakers.map((s) => s.person.name), calls: plan.callIds ? [...plan.callIds] : null, side: plan.side, section: plan.section, figureTerms: plan.figureTerms });
  const query = { text: plan.lexicalText, vector: await service.embedder.embedOne(plan.matchText), figureTerms: plan.figureTerms };
  for (const name of ['dense', 'lexical', 'hybrid'] as const) {
    console.log(name.padEnd(8), engine.retrievers[name].retrieve(query, 6).map((c) => `${c.index}(${c.score.toFixed(3)})`).join(' '));
  }
  const scorer = new SentenceScorer(engine.sentences, query);
  const best = index.passages.map((_, i) => ({ i, s: scorer.bestInPassage(i) })).sort((a, b) => b.s - a.s).slice(0, 6);
  console.log('sentence', best.map((x) => `${x.i}(${x.s.toFixed(3)})`).join(' '));
}
await service.close();
