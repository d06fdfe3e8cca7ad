import type { Passage } from '../../passages/types.js';
import { groupsInOrder } from '../fuse.js';
import type { NamedPerson, QueryPlan } from '../interpret/query-plan.js';
import { speakerKey, type Person } from '../interpret/speaker-directory.js';
import type { Candidate } from '../retrieve/retriever.js';

/** The person chosen among several a name matched, and how many it matched. */
export interface ChosenPerson {
  person: Person;
  matched: string;
  among: number;
}

/**
 * "What did Brian say about free cash flow", with Brians at several companies and nothing to scope
 * the name: the answer comes from the Brian whose passage the rest of the question ranks first, and
 * only his passages are shown (the response says which Brian, and how many there were).
 */
export function likeliestPerson(plan: QueryPlan, ranked: readonly Candidate[], passages: readonly Passage[]): { chosen: ChosenPerson; ranked: Candidate[] } | null {
  if (!plan.choosePerson || ranked.length === 0) return null;
  const byKey = new Map<string, NamedPerson>();
  for (const named of plan.speakers) for (const r of named.person.refs) byKey.set(r.key, named);
  const keyOf = (c: Candidate) => speakerKey(passages[c.index]!.callId, passages[c.index]!.speaker.id);
  // Asked what someone said, an analyst's question is not what they said about it: the first
  // passage that is not a question decides, unless the question is about what was asked.
  const asking = plan.questionsOnly || plan.intent === 'speaker_question';
  const decisive = (asking ? undefined : ranked.find((c) => passages[c.index]!.role !== 'question')) ?? ranked[0]!;
  const best = byKey.get(keyOf(decisive));
  if (!best) return null;
  const theirs = new Set(best.person.refs.map((r) => r.key));
  const among = new Set(plan.speakers.map((s) => s.person)).size;
  return { chosen: { person: best.person, matched: best.matched, among }, ranked: ranked.filter((c) => theirs.has(keyOf(c))) };
}

/**
 * "What did the CFO say about liquidity" across companies: every company's CFO, each company's
 * results together, companies in the order of their best result.
 */
export function groupedByCompany<T>(items: readonly T[], companyOf: (item: T) => string): T[] {
  return groupsInOrder(items, companyOf).flat();
}
