/** Developer aid: how each retriever ranks a query. `npx tsx scripts/debug-query.ts "question" ...` */
import { bestSentenceScore } from '../src/search/hybrid-retriever.js';
import { interpretQuery } from '../src/search/interpret.js';
import { ParticipantDirectory } from '../src/search/participant-directory.js';
import { openSearchService } from '../src/service/open-service.js';

const service = await openSearchService();
const { engine } = service;
const index = engine.index;
const directory = new ParticipantDirectory(index.calls);
const sv = engine.sentences;
for (const q of process.argv.slice(2)) {
  const plan = interpretQuery(q, directory);
  console.log(`\n## ${q}`, { intent: plan.intent, topic: plan.topic, match: plan.matchText, speakers: plan.speakers.map((s) => s.ref.participant.name), side: plan.side, section: plan.section, figureTerms: plan.figureTerms });
  const query = { text: plan.matchText, vector: await service.embedder.embedOne(plan.matchText), figureTerms: plan.figureTerms };
  for (const name of ['dense', 'lexical', 'hybrid'] as const) {
    console.log(name.padEnd(8), engine.retrievers[name].retrieve(query, 6).map((c) => `${c.index}(${c.score.toFixed(3)})`).join(' '));
  }
  const best = index.passages.map((_, i) => ({ i, s: bestSentenceScore(query, sv, i) })).sort((a, b) => b.s - a.s).slice(0, 6);
  console.log('sentence', best.map((x) => `${x.i}(${x.s.toFixed(3)})`).join(' '));
}
await service.close();
