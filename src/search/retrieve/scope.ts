import type { Passage } from '../../passages/types.js';
import { saysSomething } from '../../passages/word-count.js';
import type { QueryPlan } from '../interpret/query-plan.js';
import { speakerKey } from '../interpret/speaker-directory.js';
import type { PassageFilter } from './retriever.js';

/** Which passages may answer: the plan's calls, speaker, side, section and question-only constraints. */
export type Scope = Pick<QueryPlan, 'callIds' | 'speakerKeys' | 'side' | 'section' | 'questionsOnly'> & { sources?: Pick<QueryPlan['sources'], 'side'> };

/**
 * Whether a speaker's side meets the scope's. Without one, anyone but the operator. The company
 * side the question only implied ("how does Hershey see…") also lets in speakers whose side the
 * transcript never told (a call read without a participants list, where most turns are
 * management's): otherwise such a call drops out of every company question unseen.
 */
function sideAllows(scope: Scope, side: string): boolean {
  if (!scope.side) return side !== 'operator';
  return side === scope.side || (side === 'unknown' && scope.side === 'company' && scope.sources?.side === 'query');
}

/** What can be dropped from a scope that nothing meets, first to last: the least specific first. */
export type Relaxable = 'section' | 'side' | 'questions' | 'speaker';
const RELAX_ORDER: readonly Relaxable[] = ['section', 'side', 'questions', 'speaker'];

function without(scope: Scope, what: Relaxable): Scope {
  switch (what) {
    case 'section':
      return { ...scope, section: null };
    case 'side':
      return { ...scope, side: null };
    case 'questions':
      return { ...scope, questionsOnly: false };
    case 'speaker':
      return { ...scope, speakerKeys: null };
  }
}

/** Passage positions of each call (contiguous), and of each speaker (call order). */
export interface ScopeLists {
  callPassages: ReadonlyMap<string, { first: number; count: number }>;
  bySpeaker: ReadonlyMap<string, readonly number[]>;
}

/**
 * What a scope can reach at all — the named speakers' passages or the calls' —: `members`
 * (ascending) when there are at most `limit` of them, else only their count as `reach`; both null
 * when the scope spans the library.
 */
export function scopeMembers(lists: ScopeLists, scope: Scope, withSpeakers: boolean, limit: number): { members: number[] | null; reach: number | null } {
  if (withSpeakers && scope.speakerKeys) {
    // Counted before listed: a role across the library ("the CFO") names a thousand people.
    let reach = 0;
    for (const key of scope.speakerKeys) reach += lists.bySpeaker.get(key)?.length ?? 0;
    if (reach > limit) return { members: null, reach };
    return { members: [...scope.speakerKeys].flatMap((key) => lists.bySpeaker.get(key) ?? []).sort((a, b) => a - b), reach };
  }
  if (scope.callIds) {
    let reach = 0;
    for (const id of scope.callIds) reach += lists.callPassages.get(id)?.count ?? 0;
    if (reach > limit) return { members: null, reach };
    const ranges = [...scope.callIds].flatMap((id) => lists.callPassages.get(id) ?? []);
    return { members: ranges.sort((a, b) => a.first - b.first).flatMap((r) => Array.from({ length: r.count }, (_, i) => r.first + i)), reach };
  }
  return { members: null, reach: null };
}

/**
 * Whether any passage meets a scope, answered without visiting the corpus: from the (side,
 * section, question?) combinations the index holds, or from the named speakers' own passages.
 */
export class ScopeCheck {
  private readonly combos = new Set<string>();
  /** The same, per call (a scope restricted to some calls checks only theirs). */
  private readonly callCombos = new Map<string, Set<string>>();

  constructor(
    private readonly passages: readonly Passage[],
    private readonly lists: ScopeLists,
  ) {
    for (const p of passages) {
      const combo = `${p.speaker.side}|${p.section}|${p.role === 'question'}`;
      this.combos.add(combo);
      const ofCall = this.callCombos.get(p.callId) ?? new Set<string>();
      ofCall.add(combo);
      this.callCombos.set(p.callId, ofCall);
    }
  }

  feasible(scope: Scope): boolean {
    if (scope.speakerKeys) {
      const allowed = scopeFilter(this.passages, scope);
      return [...scope.speakerKeys].some((key) => (this.lists.bySpeaker.get(key) ?? []).some(allowed));
    }
    const combos = scope.callIds ? [...scope.callIds].flatMap((id) => [...(this.callCombos.get(id) ?? [])]) : this.combos;
    for (const combo of combos) {
      const [side, section, question] = combo.split('|');
      if (!sideAllows(scope, side!)) continue;
      if (scope.section && section !== scope.section) continue;
      if (scope.questionsOnly && question !== 'true') continue;
      return true;
    }
    return false;
  }

  /**
   * A scope something meets: the plan's, or with constraints the query only implied dropped one at a
   * time (never one the request set explicitly). `relaxed` says which were dropped; `unmet` is set
   * when even that leaves nothing (the request's own filters exclude every passage).
   */
  relax(scope: Scope, implied: ReadonlySet<Relaxable>): { scope: Scope; relaxed: Relaxable[]; unmet: boolean } {
    let current = scope;
    const relaxed: Relaxable[] = [];
    for (const what of RELAX_ORDER) {
      if (this.feasible(current)) break;
      if (!implied.has(what)) continue;
      current = without(current, what);
      relaxed.push(what);
    }
    return { scope: current, relaxed, unmet: !this.feasible(current) };
  }
}

/**
 * The passages a scope allows. `withSpeakers: false` drops the speaker constraint and keeps the
 * rest (the broader pool shown when a named speaker never discussed the topic). The operator's
 * lines are left out unless the operator is asked for: they introduce, they never answer; so are
 * passages of transcription marks alone. `speakerKeys`: each passage's speakerKey, when kept (a
 * filter is asked thousands of times a query in a large library; building the key each time is most of its cost).
 */
export function scopeFilter(passages: readonly Passage[], scope: Scope, withSpeakers = true, speakerKeys?: readonly string[]): PassageFilter {
  return (i) => {
    const p = passages[i]!;
    if (scope.callIds && !scope.callIds.has(p.callId)) return false;
    if (withSpeakers && scope.speakerKeys && !scope.speakerKeys.has(speakerKeys?.[i] ?? speakerKey(p.callId, p.speaker.id))) return false;
    if (!sideAllows(scope, p.speaker.side)) return false;
    if (scope.section && p.section !== scope.section) return false;
    if (scope.questionsOnly && p.role !== 'question') return false;
    // "[unk]", "[laugh]." answer nothing, whatever their vectors are near.
    return saysSomething(p);
  };
}
