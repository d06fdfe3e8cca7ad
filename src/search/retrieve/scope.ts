import type { Passage } from '../../passages/types.js';
import type { QueryPlan } from '../interpret/query-plan.js';
import { speakerKey } from '../interpret/speaker-directory.js';
import type { PassageFilter } from './retriever.js';

/** Which passages may answer: the plan's speaker, side, section and question-only constraints. */
export type Scope = Pick<QueryPlan, 'speakerKeys' | 'side' | 'section' | 'questionsOnly'>;

/**
 * The passages a scope allows. `withSpeakers: false` drops the speaker constraint and keeps the
 * rest (the broader pool shown when a named speaker never discussed the topic). The operator's
 * lines are left out unless the operator is asked for: they introduce, they never answer.
 */
export function scopeFilter(passages: readonly Passage[], scope: Scope, withSpeakers = true): PassageFilter {
  return (i) => {
    const p = passages[i]!;
    if (withSpeakers && scope.speakerKeys && !scope.speakerKeys.has(speakerKey(p.callId, p.speaker.id))) return false;
    if (scope.side ? p.speaker.side !== scope.side : p.speaker.side === 'operator') return false;
    if (scope.section && p.section !== scope.section) return false;
    if (scope.questionsOnly && p.role !== 'question') return false;
    return true;
  };
}
