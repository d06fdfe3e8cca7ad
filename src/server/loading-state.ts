/**
 * How far the server is in getting ready, for /api/health to report while it answers 503:
 * "loading" while the model and the index are read, then the index build's phases with their
 * counts when a build is needed.
 */
import type { LoadingProgress } from '../api/schemas.js';

export class LoadingState {
  private current: LoadingProgress = { phase: 'loading', done: 0, total: 0 };

  /** A build phase's progress (BuildProgress has the same shape). */
  update(progress: LoadingProgress): void {
    this.current = { phase: progress.phase, done: progress.done, total: progress.total };
  }

  snapshot(): LoadingProgress {
    return { ...this.current };
  }
}

const PHASE_TEXT: Record<LoadingProgress['phase'], string> = {
  loading: 'loading the model and the index',
  parse: 'building the index: reading transcripts',
  passages: 'building the index: embedding passages',
  sentences: 'building the index: embedding sentences',
  write: 'building the index: writing it',
};

/** "building the index: embedding passages (120 of 450)". */
export function describeLoading(p: LoadingProgress): string {
  return p.total > 0 ? `${PHASE_TEXT[p.phase]} (${p.done} of ${p.total})` : PHASE_TEXT[p.phase];
}
