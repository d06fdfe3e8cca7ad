import type { Command } from 'commander';
import { forwardingCommand } from './forward-command.js';

/** `transcript-search eval`: retrieval metrics on question sets (scripts/eval.ts does the work). */
export function createEvalCommand(): Command {
  return forwardingCommand(
    'eval',
    'Score retrieval on question sets: R@1, R@5, MRR@10, speaker@1, beside BM25-only and dense-only baselines (--help for options).',
    async () => (await import('../../scripts/eval.js')).program,
  );
}
