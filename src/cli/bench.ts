import type { Command } from 'commander';
import { forwardingCommand } from './forward-command.js';

/** `transcript-search bench`: latency, throughput, build, cold start and memory (scripts/bench.ts does the work). */
export function createBenchCommand(): Command {
  return forwardingCommand(
    'bench',
    'Benchmark latency, throughput, index build, cold start and memory against the bare model (--help for options; needs the dev dependencies).',
    async () => (await import('../../scripts/bench.js')).program,
  );
}
